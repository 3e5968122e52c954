#include "sign_in_fixture.h"

#include "store/database.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace backsight::test {
namespace {

const char *const kCountryCodes[SignInFixture::kCountries] = {"NZ", "AU", "US", "DE", "JP"};
const char *const kCities[SignInFixture::kCountries] = {"Wellington", "Sydney", "Seattle", "Berlin", "Tokyo"};
const char *const kApps[] = {"Microsoft Teams", "Azure Portal", "Office 365 Exchange Online", "My Signins"};

} // namespace

QString SignInFixture::upn(int i)
{
    return QStringLiteral("user%1@contoso.com").arg(i % kUsers, 2, 10, QLatin1Char('0'));
}

QString SignInFixture::country(int i)
{
    return QString::fromLatin1(kCountryCodes[i % kCountries]);
}

QString SignInFixture::city(int i)
{
    return QString::fromLatin1(kCities[i % kCountries]);
}

qint64 SignInFixture::createdMs(int i)
{
    return QDateTime(QDate(2024, 11, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch() + qint64(i) * 60000;
}

QByteArray SignInFixture::page(int first, int count)
{
    QJsonArray values;
    for (int i = first; i < first + count; ++i) {
        QJsonObject status{{QStringLiteral("errorCode"), failure(i) ? 50126 : 0}};
        if (failure(i))
            status.insert(QStringLiteral("failureReason"),
                          QStringLiteral("Error validating credentials due to invalid username or password."));
        values.append(QJsonObject{
            {QStringLiteral("id"), QStringLiteral("00000000-0000-4000-8000-%1").arg(i, 12, 10, QLatin1Char('0'))},
            {QStringLiteral("createdDateTime"),
             QDateTime::fromMSecsSinceEpoch(createdMs(i), Qt::UTC).toString(Qt::ISODate)},
            {QStringLiteral("userPrincipalName"), upn(i)},
            {QStringLiteral("userDisplayName"), QStringLiteral("Analyst %1").arg(i % kUsers)},
            {QStringLiteral("userId"), QStringLiteral("u-%1").arg(i % kUsers)},
            {QStringLiteral("appDisplayName"), QString::fromLatin1(kApps[i % 4])},
            {QStringLiteral("ipAddress"), QStringLiteral("203.0.113.%1").arg(i % 250)},
            {QStringLiteral("clientAppUsed"), QStringLiteral("Browser")},
            {QStringLiteral("isInteractive"), interactive(i)},
            {QStringLiteral("status"), status},
            {QStringLiteral("location"),
             QJsonObject{{QStringLiteral("city"), city(i)}, {QStringLiteral("countryOrRegion"), country(i)}}},
            {QStringLiteral("deviceDetail"), QJsonObject{{QStringLiteral("operatingSystem"), QStringLiteral("Windows10")},
                                                         {QStringLiteral("browser"), QStringLiteral("Edge 120.0")}}},
            {QStringLiteral("riskLevelDuringSignIn"), QStringLiteral("none")},
        });
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("value"), values}}).toJson(QJsonDocument::Compact);
}

ImportReport importInto(const QString &databasePath, const QStringList &paths)
{
    Database db;
    if (!db.open(databasePath)) {
        ImportReport failed;
        failed.storageError = db.error();
        return failed;
    }
    return Importer(db).run(paths);
}

} // namespace backsight::test
