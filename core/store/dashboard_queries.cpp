#include "store/dashboard_queries.h"

#include "store/predicates.h"
#include "store/sql_query.h"

#include <algorithm>
#include <functional>

namespace backsight {
namespace {

constexpr qint64 kDayMs = 86'400'000;

// Runs `sql` and hands each row to `row`; the first failure is kept and stops the rest.
class Reader
{
public:
    explicit Reader(Database &db) : q_(db) {}

    void run(const QString &sql, const std::function<void(SqlQuery &)> &row)
    {
        if (!status_)
            return;
        status_ = q_.run(sql, QStringLiteral("cannot read the dashboard"));
        while (status_ && q_.next())
            row(q_);
    }

    std::vector<CaseOverview::Count> counts(const QString &sql)
    {
        std::vector<CaseOverview::Count> out;
        run(sql, [&](SqlQuery &r) { out.push_back({r.value(0).toString(), r.value(1).toLongLong()}); });
        return out;
    }

    const Status &status() const { return status_; }

private:
    SqlQuery q_;
    Status status_;
};

void readAnomalies(Reader &r, CaseOverview &d, const QString &top)
{
    r.run(QStringLiteral("SELECT severity_rank, count(*) FROM anomalies GROUP BY severity_rank"), [&](SqlQuery &q) {
        const int rank = q.value(0).toInt();
        if (rank >= 1 && rank <= 4)
            d.bySeverity[size_t(rank)] = q.value(1).toLongLong();
    });
    r.run(QStringLiteral("SELECT status, count(*) FROM anomalies GROUP BY status"),
          [&](SqlQuery &q) { d.byStatus[q.value(0).toString()] = q.value(1).toLongLong(); });
    r.run(QStringLiteral("SELECT time_ms / %1, severity_rank, count(*) FROM anomalies GROUP BY 1, 2").arg(kDayMs), [&](SqlQuery &q) {
        const int rank = std::clamp(q.value(1).toInt(), 1, 4);
        d.days[q.value(0).toLongLong()].anomalies[size_t(rank)] = q.value(2).toLongLong();
    });
    d.topUsers = r.counts(QStringLiteral("SELECT user_upn, count(*) FROM anomalies WHERE user_upn IS NOT NULL AND user_upn <> '' "
                                         "GROUP BY user_upn ORDER BY 2 DESC, 1 LIMIT ") + top);
    d.topCountries = r.counts(QStringLiteral("SELECT s.country, count(*) FROM anomalies a JOIN signins s ON s.id = a.event_id "
                                             "WHERE coalesce(s.country, '') <> '' GROUP BY s.country ORDER BY 2 DESC, 1 LIMIT ") + top);
    d.topApps = r.counts(QStringLiteral("SELECT s.app_name, count(*) FROM anomalies a JOIN signins s ON s.id = a.event_id "
                                        "WHERE coalesce(s.app_name, '') <> '' GROUP BY s.app_name ORDER BY 2 DESC, 1 LIMIT ") + top);
}

void readSignIns(Reader &r, CaseOverview &d)
{
    r.run(QStringLiteral("SELECT created_ms / %1, count(*), %2 FROM signins GROUP BY 1").arg(kDayMs).arg(predicate::countWhere(predicate::failedSignIn())),
          [&](SqlQuery &q) {
              CaseOverview::Day &day = d.days[q.value(0).toLongLong()];
              day.signIns = q.value(1).toLongLong();
              day.failures = q.value(2).toLongLong();
              d.signIns += day.signIns;
          });
    r.run(QStringLiteral("SELECT min(created_ms), max(created_ms), count(DISTINCT upn) FROM signins"), [&](SqlQuery &q) {
        if (!q.value(0).isNull()) {
            d.firstEventMs = q.value(0).toLongLong();
            d.lastEventMs = q.value(1).toLongLong();
        }
        d.users = q.value(2).toLongLong();
    });
    r.run(QStringLiteral("SELECT coalesce(container, path), sha256, reader, records_new FROM sources ORDER BY id"), [&](SqlQuery &q) {
        d.sources.push_back({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toLongLong()});
    });
}

void readLearning(Reader &r, CaseOverview &d)
{
    r.run(QStringLiteral("SELECT count(*), count(DISTINCT subject), max(created_at_ms) FROM models WHERE active = 1"), [&](SqlQuery &q) {
        d.models = q.value(0).toLongLong();
        d.modelSubjects = q.value(1).toLongLong();
        if (!q.value(2).isNull())
            d.lastTrainedMs = q.value(2).toLongLong();
    });
    // The latest baseline of each user says whether they are still learning.
    r.run(QStringLiteral("SELECT count(*), coalesce(sum(learning), 0) FROM baselines b WHERE ") + predicate::latestBaseline(QStringLiteral("b")),
          [&](SqlQuery &q) {
              d.baselines = q.value(0).toLongLong();
              d.learningUsers = q.value(1).toLongLong();
          });
    r.run(QStringLiteral("SELECT max(finished_ms) FROM detection_runs"), [&](SqlQuery &q) {
        if (!q.value(0).isNull())
            d.lastDetectionMs = q.value(0).toLongLong();
    });
}

} // namespace

Result<CaseOverview> DashboardQueries::overview(int topN)
{
    CaseOverview d;
    Reader r(db_);
    const QString top = QString::number(topN);
    readAnomalies(r, d, top);
    readSignIns(r, d);
    readLearning(r, d);
    if (!r.status())
        return r.status().error();
    return d;
}

} // namespace backsight
