#include "views/dashboard/dashboard_data.h"

#include "store/database.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace backsight::ui {
namespace {

constexpr qint64 kDayMs = 86'400'000;

bool run(QSqlQuery &q, const QString &sql, DashboardData &d, const std::function<void(QSqlQuery &)> &row)
{
    if (!q.exec(sql)) {
        d.error = Database::describe(QCoreApplication::translate("Dashboard", "cannot read the dashboard"), q.lastError());
        return false;
    }
    while (q.next())
        row(q);
    return true;
}

std::vector<DashboardData::Count> counts(QSqlQuery &q, const QString &sql, DashboardData &d)
{
    std::vector<DashboardData::Count> out;
    run(q, sql, d, [&](QSqlQuery &r) { out.push_back({r.value(0).toString(), r.value(1).toLongLong()}); });
    return out;
}

} // namespace

DashboardData readDashboard(Database &db, int topN)
{
    DashboardData d;
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    const QString top = QString::number(topN);
    run(q, QStringLiteral("SELECT severity_rank, count(*) FROM anomalies GROUP BY severity_rank"), d, [&](QSqlQuery &r) {
        const int rank = r.value(0).toInt();
        if (rank >= 1 && rank <= 4)
            d.bySeverity[size_t(rank)] = r.value(1).toLongLong();
    });
    run(q, QStringLiteral("SELECT status, count(*) FROM anomalies GROUP BY status"), d,
        [&](QSqlQuery &r) { d.byStatus[r.value(0).toString()] = r.value(1).toLongLong(); });
    run(q, QStringLiteral("SELECT time_ms / %1, severity_rank, count(*) FROM anomalies GROUP BY 1, 2").arg(kDayMs), d,
        [&](QSqlQuery &r) {
            const int rank = std::clamp(r.value(1).toInt(), 1, 4);
            d.days[r.value(0).toLongLong()].anomalies[size_t(rank)] = r.value(2).toLongLong();
        });
    run(q, QStringLiteral("SELECT created_ms / %1, count(*), sum(coalesce(error_code, 0) <> 0) FROM signins GROUP BY 1").arg(kDayMs),
        d, [&](QSqlQuery &r) {
            DashboardData::Day &day = d.days[r.value(0).toLongLong()];
            day.signIns = r.value(1).toLongLong();
            day.failures = r.value(2).toLongLong();
            d.signIns += day.signIns;
        });
    d.topUsers = counts(q, QStringLiteral("SELECT user_upn, count(*) FROM anomalies WHERE user_upn IS NOT NULL AND user_upn <> '' "
                                          "GROUP BY user_upn ORDER BY 2 DESC, 1 LIMIT ") + top, d);
    d.topCountries = counts(q, QStringLiteral("SELECT s.country, count(*) FROM anomalies a JOIN signins s ON s.id = a.event_id "
                                              "WHERE coalesce(s.country, '') <> '' GROUP BY s.country ORDER BY 2 DESC, 1 LIMIT ") + top, d);
    d.topApps = counts(q, QStringLiteral("SELECT s.app_name, count(*) FROM anomalies a JOIN signins s ON s.id = a.event_id "
                                         "WHERE coalesce(s.app_name, '') <> '' GROUP BY s.app_name ORDER BY 2 DESC, 1 LIMIT ") + top, d);
    run(q, QStringLiteral("SELECT min(created_ms), max(created_ms), count(DISTINCT upn) FROM signins"), d, [&](QSqlQuery &r) {
        if (!r.value(0).isNull()) {
            d.firstEventMs = r.value(0).toLongLong();
            d.lastEventMs = r.value(1).toLongLong();
        }
        d.users = r.value(2).toLongLong();
    });
    run(q, QStringLiteral("SELECT coalesce(container, path), sha256, reader, records_new FROM sources ORDER BY id"), d,
        [&](QSqlQuery &r) {
            d.sources.push_back({r.value(0).toString(), r.value(1).toString(), r.value(2).toString(), r.value(3).toLongLong()});
        });
    run(q, QStringLiteral("SELECT count(*), count(DISTINCT subject), max(created_at_ms) FROM models WHERE active = 1"), d,
        [&](QSqlQuery &r) {
            d.models = r.value(0).toLongLong();
            d.modelSubjects = r.value(1).toLongLong();
            if (!r.value(2).isNull())
                d.lastTrainedMs = r.value(2).toLongLong();
        });
    // The latest baseline of each user says whether they are still learning.
    run(q, QStringLiteral("SELECT count(*), coalesce(sum(learning), 0) FROM baselines b WHERE window_end_ms = "
                          "(SELECT max(window_end_ms) FROM baselines WHERE upn = b.upn)"),
        d, [&](QSqlQuery &r) {
            d.baselines = r.value(0).toLongLong();
            d.learningUsers = r.value(1).toLongLong();
        });
    run(q, QStringLiteral("SELECT max(finished_ms) FROM detection_runs"), d, [&](QSqlQuery &r) {
        if (!r.value(0).isNull())
            d.lastDetectionMs = r.value(0).toLongLong();
    });
    return d;
}

} // namespace backsight::ui
