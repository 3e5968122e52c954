#include "detect/pipeline.h"
#include "detect/pipeline_steps.h"

#include "baseline/profile.h"
#include "store/baseline_queries.h"
#include "store/database.h"
#include "store/detection_run_repository.h"
#include "store/sign_in_queries.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QSqlError>
#include <map>

namespace backsight::detect {

using detail::storeDays;
using baseline::DayAggregate;
using baseline::kDayMs;
using baseline::dayOf;

Result<BaselineReport> computeBaselines(Database &db, const BaselineOptions &o)
{
    QElapsedTimer timer;
    timer.start();
    BaselineReport report;
    SignInQueries signIns(db);
    const Result<std::optional<qint64>> latest = signIns.latestMs();
    if (!latest)
        return latest.error();
    if (!*latest)
        return report;
    const qint64 endDay = o.endMs ? dayOf(o.endMs - 1) + 1 : dayOf(**latest) + 1;
    const qint64 startDay = endDay - o.windowDays;
    report.windowStartMs = startDay * kDayMs;
    report.windowEndMs = endDay * kDayMs;
    const Result<qint64> total = signIns.count();
    if (!total)
        return total.error();
    if (!db.connection().transaction())
        return Error::storage(Database::describe(QStringLiteral("starting the baseline transaction"), db.connection().lastError()));
    const auto fail = [&](Error e) {
        db.connection().rollback();
        return e;
    };
    BaselineQueries baselines(db);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    DetectionRunRepository runs(db);
    qint64 seen = 0;
    QString upn;
    std::map<qint64, DayAggregate> days;
    const auto flush = [&]() -> Status {
        if (upn.isEmpty())
            return {};
        if (const Status stored = storeDays(runs, upn, days); !stored)
            return stored;
        report.daysAggregated += qint64(days.size());
        baseline::Profile profile;
        for (const auto &[d, a] : days)
            if (d >= startDay && d < endDay)
                profile.add(a);
        if (profile.signIns() == 0)
            return {};
        const baseline::Home home = profile.home();
        const bool learning = profile.isLearning(o.learning);
        QJsonObject json = profile.toJson();
        json.insert(QStringLiteral("learning"), learning);
        BaselineQueries::Baseline row;
        row.upn = upn;
        row.windowDays = o.windowDays;
        row.windowStartMs = report.windowStartMs;
        row.windowEndMs = report.windowEndMs;
        row.eventsUsed = profile.signIns();
        row.activeDays = profile.activeDays();
        row.learning = learning;
        row.utcOffsetMinutes = home.utcOffsetMinutes;
        row.homeCity = home.place.section(QStringLiteral(", "), 0, 0);
        row.homeCountry = home.country;
        if (home.coordinates) {
            row.homeLatitude = home.coordinates->latitude;
            row.homeLongitude = home.coordinates->longitude;
        }
        row.profileJson = QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact));
        row.computedAtMs = now;
        if (const Status stored = baselines.insert(row); !stored)
            return stored;
        ++report.users;
        report.eventsUsed += profile.signIns();
        if (learning)
            ++report.learningUsers;
        return {};
    };
    const Status scanned = baselines.forEachSignInByUser([&](const SignInEvent &e) -> Status {
        if (e.upn != upn) {
            if (Status flushed = flush(); !flushed)
                return flushed;
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
        if (o.alsoRead)
            o.alsoRead(e);
        if ((++seen & 0xFFFF) == 0 && o.progress && !o.progress(double(seen) / double(std::max<qint64>(*total, 1))))
            return Error::cancelled(QStringLiteral("cancelled"));
        return {};
    });
    if (!scanned)
        return fail(scanned.error());
    if (Status flushed = flush(); !flushed)
        return fail(flushed.error());
    if (!db.connection().commit())
        return fail(Error::storage(Database::describe(QStringLiteral("committing the baselines"), db.connection().lastError())));
    report.elapsedMs = timer.elapsed();
    return report;
}

} // namespace backsight::detect
