#include "case_fixture.h"

#include "store/anomaly_repository.h"
#include "sign_in_fixture.h"
#include "store/database.h"
#include "test_support.h"

#include <QSqlError>
#include <QSqlQuery>

namespace backsight::test {
namespace {

const char *const kKinds[] = {"impossible_travel", "new_country", "password_spray"};

} // namespace

QString CaseFixture::kind(int i)
{
    return QString::fromLatin1(kKinds[i % 3]);
}

QString CaseFixture::eventId(int signIn)
{
    return QStringLiteral("00000000-0000-4000-8000-%1").arg(signIn, 12, 10, QLatin1Char('0'));
}

QString CaseFixture::anomalyId(int i)
{
    return detect::anomalyId(kind(i), SignInFixture::upn(10 * i), {eventId(10 * i)}, SignInFixture::createdMs(10 * i));
}

QString CaseFixture::build(const QString &databasePath, const QString &folder)
{
    const QString page = folder + QStringLiteral("/signins.json");
    if (!writeFile(page, SignInFixture::page(0, kSignIns)))
        return QStringLiteral("cannot write %1").arg(page);
    const ImportReport report = importInto(databasePath, {page});
    if (report.totalInserted() != kSignIns)
        return QStringLiteral("imported %1 of %2 sign-ins: %3").arg(report.totalInserted()).arg(kSignIns).arg(report.storageError);
    Database db;
    if (!db.open(databasePath))
        return db.error();
    QSqlQuery q(db.connection());
    // The fixture's five cities, where they are.
    const struct { const char *country; double lat, lon; } places[] = {
        {"NZ", -41.29, 174.78}, {"AU", -33.87, 151.21}, {"US", 47.61, -122.33}, {"DE", 52.52, 13.40}, {"JP", 35.68, 139.69}};
    for (const auto &p : places) {
        q.prepare(QStringLiteral("UPDATE signins SET latitude = ?, longitude = ? WHERE country = ?"));
        q.addBindValue(p.lat);
        q.addBindValue(p.lon);
        q.addBindValue(QString::fromLatin1(p.country));
        if (!q.exec())
            return q.lastError().text();
    }
    std::vector<detect::Anomaly> anomalies;
    for (int i = 0; i < kAnomalies; ++i) {
        detect::Anomaly a;
        a.id = anomalyId(i);
        a.subjectType = QStringLiteral("user");
        a.subject = a.upn = SignInFixture::upn(10 * i);
        a.eventId = eventId(10 * i);
        a.eventTable = QStringLiteral("signins");
        a.eventIds = {a.eventId};
        a.timeMs = SignInFixture::createdMs(10 * i);
        a.kinds = {kind(i)};
        a.severity = detect::Severity(1 + i % 4);
        a.score = double(i) / kAnomalies;
        a.summary = QStringLiteral("Finding %1 for %2").arg(i).arg(a.upn);
        a.reasons.push_back({kind(i), QStringLiteral("Reason text %1").arg(i),
                             QJsonObject{{QStringLiteral("observed"), i}, {QStringLiteral("threshold"), 3}}});
        a.detectedAtMs = a.timeMs + 1000;
        anomalies.push_back(a);
    }
    const Result<qint64> added = detect::insertAnomalies(db, anomalies);
    if (!added)
        return QStringLiteral("insertAnomalies: %1").arg(added.error().message);
    if (*added != kAnomalies)
        return QStringLiteral("insertAnomalies: %1 of %2 anomalies stored").arg(*added).arg(kAnomalies);
    return {};
}

} // namespace backsight::test
