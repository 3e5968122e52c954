#include "store/timeline_queries.h"

#include "store/predicates.h"
#include "store/sql_query.h"

#include <algorithm>

namespace backsight {
namespace {

QString userClause(const QString &upn, QVariantList &binds)
{
    if (upn.isEmpty())
        return {};
    binds << upn;
    return QStringLiteral(" AND upn = ?");
}

} // namespace

Result<std::vector<SignInBucket>> TimelineQueries::signInsPerSlice(qint64 fromMs, qint64 toMs, int buckets, const QString &upn)
{
    std::vector<SignInBucket> out(size_t(std::max(1, buckets)));
    const double width = double(toMs - fromMs) / double(out.size());
    QVariantList binds{fromMs, width, fromMs, toMs};
    const QString user = userClause(upn, binds);
    SqlQuery q(db_);
    if (Status s = q.run(QStringLiteral("SELECT CAST((created_ms - ?) / ? AS INTEGER), count(*), %1 "
                                        "FROM signins WHERE created_ms >= ? AND created_ms < ?").arg(predicate::countWhere(predicate::failedSignIn()))
                             + user + QStringLiteral(" GROUP BY 1"),
                         binds, QStringLiteral("cannot read the timeline"));
        !s)
        return s.error();
    while (q.next()) {
        const qint64 i = std::clamp<qint64>(q.value(0).toLongLong(), 0, qint64(out.size()) - 1);
        const qint64 n = q.value(1).toLongLong(), f = q.value(2).toLongLong();
        out[size_t(i)].successes += n - f;
        out[size_t(i)].failures += f;
    }
    return out;
}

Result<std::vector<SignInBrief>> TimelineQueries::signInsBetween(qint64 fromMs, qint64 toMs, const QString &upn)
{
    QVariantList binds{fromMs, toMs};
    const QString user = userClause(upn, binds);
    SqlQuery q(db_);
    if (Status s = q.run(QStringLiteral("SELECT id, created_ms, coalesce(error_code, 0), coalesce(upn, ''), coalesce(ip, ''), "
                                        "coalesce(city, ''), coalesce(country, '') FROM signins WHERE created_ms >= ? AND created_ms < ?")
                             + user,
                         binds, QStringLiteral("cannot read the timeline's sign-ins"));
        !s)
        return s.error();
    std::vector<SignInBrief> out;
    while (q.next()) {
        SignInBrief b;
        b.id = q.value(0).toString();
        b.ms = q.value(1).toLongLong();
        b.errorCode = q.value(2).toLongLong();
        b.upn = q.value(3).toString();
        b.ip = q.value(4).toString();
        b.city = q.value(5).toString();
        b.country = q.value(6).toString();
        out.push_back(std::move(b));
    }
    return out;
}

Result<std::vector<BackupMark>> TimelineQueries::backupSessionsBetween(qint64 fromMs, qint64 toMs, int limit)
{
    SqlQuery q(db_);
    if (Status s = q.run(QStringLiteral("SELECT id, creation_ms, lower(coalesce(result, '')), coalesce(server, ''), coalesce(job_name, '') "
                                        "FROM backup_sessions WHERE creation_ms >= ? AND creation_ms < ? LIMIT ?"),
                         {fromMs, toMs, limit}, QStringLiteral("cannot read the backup sessions"));
        !s)
        return s.error();
    std::vector<BackupMark> out;
    while (q.next())
        out.push_back({q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toString(), q.value(3).toString(),
                       q.value(4).toString()});
    return out;
}

} // namespace backsight
