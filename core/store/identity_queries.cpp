#include "store/identity_queries.h"

#include "store/database.h"
#include "store/detection_queries.h"
#include "store/like_pattern.h"
#include "store/predicates.h"
#include "store/sql_query.h"

#include <algorithm>

namespace backsight {

Result<std::optional<std::pair<qint64, qint64>>> IdentityQueries::newFailureSpan(qint64 fromRowId, qint64 toRowId)
{
    SqlQuery q(db_);
    if (Status s = q.run(QStringLiteral("SELECT MIN(created_ms), MAX(created_ms) FROM signins WHERE rowid > ? AND rowid <= ? "
                                        "AND %1 AND upn IS NOT NULL AND upn <> ''").arg(predicate::credentialFailure()),
                         {fromRowId, toRowId}, QStringLiteral("finding the new credential failures"));
        !s)
        return s.error();
    if (!q.next() || q.value(0).isNull())
        return std::optional<std::pair<qint64, qint64>>();
    return std::optional<std::pair<qint64, qint64>>(std::pair{q.value(0).toLongLong(), q.value(1).toLongLong()});
}

Result<std::vector<IdentityQueries::Failure>> IdentityQueries::credentialFailures(qint64 fromMs, qint64 toMs)
{
    SqlQuery q(db_);
    if (Status s = q.run(QStringLiteral("SELECT rowid, created_ms, id, upn, ip, city, country FROM signins WHERE created_ms >= ? "
                                        "AND created_ms <= ? AND %1 AND upn IS NOT NULL AND upn <> '' "
                                        "AND ip IS NOT NULL ORDER BY created_ms, id").arg(predicate::credentialFailure()),
                         {fromMs, toMs}, QStringLiteral("reading credential failures"));
        !s)
        return s.error();
    std::vector<Failure> out;
    while (q.next()) {
        const QString city = q.value(5).toString(), country = q.value(6).toString();
        out.push_back({q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(), q.value(3).toString(),
                       q.value(4).toString(), city.isEmpty() ? country : city + QStringLiteral(", ") + country});
    }
    return out;
}

Result<bool> IdentityQueries::succeededFrom(const QString &upn, const QString &ip, qint64 fromMs, qint64 toMs)
{
    SqlQuery q(db_);
    if (Status s = q.run(QStringLiteral("SELECT 1 FROM signins WHERE upn = ? AND ip = ? AND created_ms >= ? AND created_ms <= ? "
                                        "AND %1 LIMIT 1").arg(predicate::succeededSignIn()),
                         {upn, ip, fromMs, toMs}, QStringLiteral("looking for %1's sign-ins from %2").arg(upn, ip));
        !s)
        return s.error();
    return q.next();
}

Result<bool> IdentityQueries::othersSucceededFrom(const QString &upn, const QString &ip, qint64 fromMs, qint64 toMs)
{
    SqlQuery q(db_);
    if (Status s = q.run(QStringLiteral("SELECT 1 FROM signins WHERE ip = ? AND upn <> ? AND created_ms >= ? AND created_ms <= ? "
                                        "AND %1 LIMIT 1").arg(predicate::succeededSignIn()),
                         {ip, upn, fromMs, toMs}, QStringLiteral("looking for other users' sign-ins from %1").arg(ip));
        !s)
        return s.error();
    return q.next();
}

Result<std::vector<IdentityQueries::SignIn>> IdentityQueries::successes(const QString &upn, qint64 fromMs, qint64 toMs,
                                                                        bool withoutDevice)
{
    SqlQuery q(db_);
    if (Status s = q.run(QStringLiteral("SELECT id, ip, city, country, app_name, device_id, created_ms, interactive FROM signins "
                                        "WHERE upn = ? AND created_ms >= ? AND created_ms <= ? AND %1 %2 "
                                        "ORDER BY created_ms, id")
                             .arg(predicate::succeededSignIn(), withoutDevice ? QStringLiteral("AND (device_id IS NULL OR device_id = '')") : QString()),
                         {upn, fromMs, toMs}, QStringLiteral("reading the successful sign-ins of %1").arg(upn));
        !s)
        return s.error();
    std::vector<SignIn> out;
    while (q.next()) {
        const QString city = q.value(2).toString(), country = q.value(3).toString();
        out.push_back({q.value(0).toString(), q.value(1).toString(),
                       city.isEmpty() ? country : city + QStringLiteral(", ") + country, q.value(4).toString(),
                       q.value(5).toString(), q.value(6).toLongLong(), q.value(7).toInt() != 0});
    }
    return out;
}

Result<int> IdentityQueries::protocolSignIns(const QString &upn, const QString &protocol, qint64 fromMs, qint64 toMs)
{
    SqlQuery q(db_);
    if (Status s = q.run(QStringLiteral("SELECT COUNT(*) FROM signins WHERE upn = ? AND created_ms >= ? AND created_ms < ? "
                                        "AND auth_protocol = ? COLLATE NOCASE"),
                         {upn, fromMs, toMs, protocol}, QStringLiteral("counting %1 sign-ins of %2").arg(protocol, upn));
        !s)
        return s.error();
    return q.next() ? q.value(0).toInt() : 0;
}

Result<bool> IdentityQueries::anomalyOverlaps(const QString &kind, const QString &subject, qint64 fromMs, qint64 toMs)
{
    SqlQuery q(db_);
    if (Status s = q.run(QStringLiteral("SELECT 1 FROM anomalies WHERE subject = ? AND kind = ? AND COALESCE(end_ms, time_ms) >= ? "
                                        "AND time_ms <= ? LIMIT 1"),
                         {subject, kind, fromMs, toMs}, QStringLiteral("looking for earlier %1 anomalies").arg(kind));
        !s)
        return s.error();
    return q.next();
}

Result<QStringList> IdentityQueries::anomalyKindsOn(const QString &eventId)
{
    SqlQuery q(db_);
    if (Status s = q.run(QStringLiteral("SELECT a.kind FROM anomaly_events e JOIN anomalies a ON a.id = e.anomaly_id "
                                        "WHERE e.event_id = ? ORDER BY a.kind"),
                         {eventId}, QStringLiteral("reading the anomalies of sign-in %1").arg(eventId));
        !s)
        return s.error();
    QStringList kinds;
    while (q.next())
        kinds << q.value(0).toString();
    return kinds;
}

Result<std::vector<IdentityQueries::Audit>> IdentityQueries::audits(qint64 fromRowId, qint64 toRowId,
                                                                    const QStringList &activities)
{
    Result<std::vector<detect::AuditRecord>> all = readAuditRecords(db_, fromRowId, toRowId);
    if (!all)
        return all.error();
    std::vector<Audit> out;
    for (const detect::AuditRecord &a : *all) {
        if (std::none_of(activities.cbegin(), activities.cend(),
                         [&](const QString &prefix) { return a.activity.startsWith(prefix, Qt::CaseInsensitive); }))
            continue;
        out.push_back({a.id, a.activity, a.initiatorUpn.toLower(), a.initiatorIp, a.targets, a.result, a.timeMs});
    }
    return out;
}

Result<bool> IdentityQueries::targetSeenBefore(const QString &activity, const QString &targetId, qint64 beforeMs)
{
    SqlQuery q(db_);
    if (Status s = q.run(QStringLiteral("SELECT 1 FROM audits WHERE activity = ? AND time_ms < ? AND targets %1 ? ESCAPE '\\' "
                                        "LIMIT 1").arg(predicate::like(db_.dialect())),
                         {activity, beforeMs, likePattern(targetId)},
                         QStringLiteral("looking for earlier audits of %1").arg(targetId));
        !s)
        return s.error();
    return q.next();
}

} // namespace backsight
