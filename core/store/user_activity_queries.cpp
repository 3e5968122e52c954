#include "store/user_activity_queries.h"

#include "store/anomaly_brief_rows.h"
#include "store/database.h"
#include "store/predicates.h"
#include "store/sql_query.h"

namespace backsight {
namespace {

QString columnOf(UserActivityQueries::Field field)
{
    switch (field) {
    case UserActivityQueries::Field::Place:
        return QStringLiteral("(CASE WHEN coalesce(city, '') = '' THEN country ELSE city || ', ' || country END)");
    case UserActivityQueries::Field::IpAddress: return QStringLiteral("ip");
    case UserActivityQueries::Field::App: return QStringLiteral("app_name");
    case UserActivityQueries::Field::OperatingSystem: return QStringLiteral("os");
    case UserActivityQueries::Field::Browser: return QStringLiteral("browser");
    }
    return QStringLiteral("ip");
}

const QString kBaselineColumns = QStringLiteral("upn, profile, learning, window_start_ms, window_end_ms, events_used, computed_at_ms");

BaselineSnapshot baselineOf(const SqlQuery &q)
{
    return {q.value(0).toString(),   q.value(1).toString(),   q.value(2).toInt() != 0, q.value(3).toLongLong(),
            q.value(4).toLongLong(), q.value(5).toLongLong(), q.value(6).toLongLong()};
}

} // namespace

Result<std::optional<BaselineSnapshot>> UserActivityQueries::latestBaseline(const QString &upn)
{
    SqlQuery q(db_);
    if (Status s = q.run(QStringLiteral("SELECT ") + kBaselineColumns
                             + QStringLiteral(" FROM baselines WHERE upn = ? ORDER BY window_end_ms DESC LIMIT 1"),
                         {upn}, QStringLiteral("cannot read the baseline of %1").arg(upn));
        !s)
        return s.error();
    if (!q.next())
        return std::optional<BaselineSnapshot>();
    return std::optional<BaselineSnapshot>(baselineOf(q));
}

Result<std::vector<BaselineSnapshot>> UserActivityQueries::latestBaselines()
{
    SqlQuery q(db_);
    if (Status s = q.run(QStringLiteral("SELECT ") + kBaselineColumns + QStringLiteral(" FROM baselines b WHERE ")
                             + predicate::latestBaseline(QStringLiteral("b")),
                         QStringLiteral("cannot read the baselines"));
        !s)
        return s.error();
    std::vector<BaselineSnapshot> out;
    while (q.next())
        out.push_back(baselineOf(q));
    return out;
}

Result<std::vector<UserSignInPoint>> UserActivityQueries::signIns(const QString &upn)
{
    SqlQuery q(db_);
    if (Status s = q.run(QStringLiteral("SELECT created_ms, %1, interactive, country, longitude, display_name "
                                        "FROM signins WHERE upn = ? ORDER BY created_ms").arg(predicate::failedSignIn()),
                         {upn}, QStringLiteral("cannot read the sign-ins of %1").arg(upn));
        !s)
        return s.error();
    std::vector<UserSignInPoint> out;
    while (q.next())
        out.push_back({q.value(0).toLongLong(), q.value(1).toBool(), q.value(2).toInt() != 0, q.value(3).toString(),
                       q.value(4).toDouble(), q.value(5).toString()});
    return out;
}

Result<std::vector<ValueCount>> UserActivityQueries::topValues(const QString &upn, Field field, int topN)
{
    // The (upn, created_ms) index keeps this to the user's rows.
    SqlQuery q(db_);
    if (Status s = q.run(QStringLiteral("SELECT %1 AS v, count(*), %2, min(created_ms), max(created_ms) FROM signins "
                                        "WHERE upn = ? AND coalesce(%1, '') <> '' GROUP BY v ORDER BY 2 DESC, v LIMIT ?")
                             .arg(columnOf(field), predicate::countWhere(predicate::failedSignIn())),
                         {upn, topN}, QStringLiteral("cannot rank the sign-ins of %1").arg(upn));
        !s)
        return s.error();
    std::vector<ValueCount> out;
    while (q.next())
        out.push_back({q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toLongLong(), q.value(3).toLongLong(),
                       q.value(4).toLongLong()});
    return out;
}

Result<std::vector<UserNetwork>> UserActivityQueries::networks(const QString &upn)
{
    // One organisation per ASN: the table's name can change between imports, so the latest-sorting one stands.
    SqlQuery q(db_);
    if (Status s = q.run(QStringLiteral("SELECT coalesce(asn, 0) AS a, max(coalesce(as_org, '')), count(*), %1, min(created_ms), "
                                        "max(created_ms), %2 FROM signins WHERE upn = ? "
                                        "GROUP BY a ORDER BY 3 DESC, a")
                             .arg(predicate::countWhere(predicate::failedSignIn()),
                                  predicate::distinctList(QStringLiteral("country"), db_.dialect())),
                         {upn}, QStringLiteral("cannot group the sign-ins of %1 by network").arg(upn));
        !s)
        return s.error();
    std::vector<UserNetwork> out;
    while (q.next()) {
        QStringList countries = q.value(6).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
        countries.sort();
        out.push_back({quint32(q.value(0).toLongLong()), q.value(1).toString(), q.value(2).toLongLong(), q.value(3).toLongLong(),
                       q.value(4).toLongLong(), q.value(5).toLongLong(), countries});
    }
    return out;
}

Result<std::vector<AnomalyBrief>> UserActivityQueries::anomalies(const QString &upn, int limit)
{
    SqlQuery q(db_);
    if (Status s = q.run(QStringLiteral("SELECT ") + store::anomalyBriefColumns()
                             + QStringLiteral(" FROM anomalies WHERE user_upn = ? ORDER BY time_ms DESC LIMIT ?"),
                         {upn, limit}, QStringLiteral("cannot read the anomalies of %1").arg(upn));
        !s)
        return s.error();
    return store::readAnomalyBriefs(q);
}

Result<QStringList> UserActivityQueries::usersByConcern(int limit)
{
    SqlQuery q(db_);
    if (Status s = q.run(QStringLiteral("SELECT s.upn FROM (SELECT upn, count(*) AS n FROM signins WHERE upn IS NOT NULL GROUP BY upn) s "
                                        "LEFT JOIN (SELECT user_upn, max(severity_rank) AS worst FROM anomalies GROUP BY user_upn) a "
                                        "ON a.user_upn = s.upn ORDER BY coalesce(a.worst, 0) DESC, s.n DESC LIMIT ?"),
                         {limit}, QStringLiteral("cannot list the users"));
        !s)
        return s.error();
    QStringList out;
    while (q.next())
        out << q.value(0).toString();
    return out;
}

} // namespace backsight
