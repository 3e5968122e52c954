#include "detect/pipeline.h"
#include "detect/pipeline_sql.h"

#include "baseline/profile.h"
#include "store/anomaly_repository.h"
#include "detect/tenant_detectors.h"
#include "detect/user_detectors.h"
#include "model/sign_in_result.h"
#include "store/database.h"
#include "store/detection_run_repository.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <map>

namespace backsight::detect {

using namespace detail;
using baseline::DayAggregate;
using baseline::kDayMs;
using baseline::dayOf;

bool computeBaselines(Database &db, const BaselineOptions &o, BaselineReport &report, QString &error)
{
    QElapsedTimer timer;
    timer.start();
    report = {};
    bool ok = true;
    const std::optional<qint64> latest = scalar(db, QStringLiteral("SELECT MAX(created_ms) FROM signins"), {},
                                                QStringLiteral("reading sign-ins"), error, ok);
    if (!ok)
        return false;
    if (!latest)
        return true;
    const qint64 endDay = o.endMs ? dayOf(o.endMs - 1) + 1 : dayOf(*latest) + 1;
    const qint64 startDay = endDay - o.windowDays;
    report.windowStartMs = startDay * kDayMs;
    report.windowEndMs = endDay * kDayMs;
    const qint64 total = scalar(db, QStringLiteral("SELECT COUNT(*) FROM signins"), {}, QStringLiteral("counting sign-ins"), error, ok).value_or(0);
    if (!ok)
        return false;
    if (!db.connection().transaction()) {
        error = Database::describe(QStringLiteral("starting the baseline transaction"), db.connection().lastError());
        return false;
    }
    const auto fail = [&]() {
        db.connection().rollback();
        return false;
    };
    QSqlQuery scan(db.connection());
    scan.setForwardOnly(true);
    scan.prepare(QStringLiteral("SELECT %1 FROM signins WHERE upn IS NOT NULL AND upn <> '' ORDER BY upn, created_ms").arg(kSignInColumns));
    if (!exec(scan, QStringLiteral("reading sign-ins"), error))
        return fail();
    QSqlQuery insert(db.connection());
    insert.prepare(QStringLiteral(
        "INSERT INTO baselines (upn, window_days, window_start_ms, window_end_ms, events_used, active_days, learning, "
        "utc_offset_minutes, home_city, home_country, home_latitude, home_longitude, profile, computed_at_ms) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    DetectionRunRepository runs(db);
    qint64 seen = 0;
    QString upn;
    std::map<qint64, DayAggregate> days;
    const auto flush = [&]() {
        if (upn.isEmpty())
            return true;
        if (const Status stored = storeDays(runs, upn, days); !stored) {
            error = stored.error().message;
            return false;
        }
        report.daysAggregated += qint64(days.size());
        baseline::Profile profile;
        for (const auto &[d, a] : days)
            if (d >= startDay && d < endDay)
                profile.add(a);
        if (profile.signIns() == 0)
            return true;
        const baseline::Home home = profile.home();
        const bool learning = profile.isLearning(o.learning);
        int i = 0;
        insert.bindValue(i++, upn);
        insert.bindValue(i++, o.windowDays);
        insert.bindValue(i++, report.windowStartMs);
        insert.bindValue(i++, report.windowEndMs);
        insert.bindValue(i++, profile.signIns());
        insert.bindValue(i++, profile.activeDays());
        insert.bindValue(i++, learning ? 1 : 0);
        insert.bindValue(i++, home.utcOffsetMinutes);
        insert.bindValue(i++, home.place.section(QStringLiteral(", "), 0, 0));
        insert.bindValue(i++, home.country);
        insert.bindValue(i++, home.coordinates ? QVariant(home.coordinates->latitude) : QVariant());
        insert.bindValue(i++, home.coordinates ? QVariant(home.coordinates->longitude) : QVariant());
        QJsonObject json = profile.toJson();
        json.insert(QStringLiteral("learning"), learning);
        insert.bindValue(i++, QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)));
        insert.bindValue(i++, now);
        if (!exec(insert, QStringLiteral("storing the baseline of %1").arg(upn), error))
            return false;
        ++report.users;
        report.eventsUsed += profile.signIns();
        if (learning)
            ++report.learningUsers;
        return true;
    };
    while (scan.next()) {
        const SignInEvent e = readEvent(scan);
        if (e.upn != upn) {
            if (!flush())
                return fail();
            upn = e.upn;
            days.clear();
        }
        const qint64 d = dayOf(e.timeMs);
        auto it = days.find(d);
        if (it == days.end()) {
            it = days.emplace(d, DayAggregate{}).first;
            it->second.day = d;
        }
        it->second.add(e);
        if ((++seen & 0xFFFF) == 0 && o.progress && !o.progress(double(seen) / double(std::max<qint64>(total, 1)))) {
            db.connection().rollback();
            error = QStringLiteral("cancelled");
            return false;
        }
    }
    if (!flush())
        return fail();
    if (!db.connection().commit()) {
        error = Database::describe(QStringLiteral("committing the baselines"), db.connection().lastError());
        return fail();
    }
    report.elapsedMs = timer.elapsed();
    return true;
}

} // namespace backsight::detect
