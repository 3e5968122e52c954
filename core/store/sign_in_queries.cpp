#include "store/sign_in_queries.h"

#include "store/database.h"
#include "store/predicates.h"
#include "store/sql_query.h"

#include <QSqlRecord>

namespace backsight {
namespace {

// id, created_ms, upn, ip, city, country, app_name, error_code, failure_reason, latitude, longitude
const QString kBriefColumns = QStringLiteral("id, created_ms, coalesce(upn, ''), coalesce(ip, ''), coalesce(city, ''), "
                                             "coalesce(country, ''), coalesce(app_name, ''), coalesce(error_code, 0), "
                                             "coalesce(failure_reason, ''), latitude, longitude");

SignInBrief briefOf(const SqlQuery &q)
{
    SignInBrief b;
    b.id = q.value(0).toString();
    b.ms = q.value(1).toLongLong();
    b.upn = q.value(2).toString();
    b.ip = q.value(3).toString();
    b.city = q.value(4).toString();
    b.country = q.value(5).toString();
    b.app = q.value(6).toString();
    b.errorCode = q.value(7).toLongLong();
    b.failureReason = q.value(8).toString();
    if (!q.value(9).isNull())
        b.latitude = q.value(9).toDouble();
    if (!q.value(10).isNull())
        b.longitude = q.value(10).toDouble();
    return b;
}

Result<std::vector<SignInBrief>> briefs(SqlQuery &q, const QString &sql, const QVariantList &binds, const QString &doing)
{
    if (Status s = q.run(sql, binds, doing); !s)
        return s.error();
    std::vector<SignInBrief> out;
    while (q.next())
        out.push_back(briefOf(q));
    return out;
}

SourceFile sourceOf(const SqlQuery &q)
{
    return {q.value(0).toLongLong(), q.value(1).toString(),   q.value(2).toString(),   q.value(3).toString(),
            q.value(4).toString(),   q.value(5).toLongLong(), q.value(6).toLongLong(), q.value(7).toLongLong()};
}

const QString kSourceColumns = QStringLiteral("id, path, coalesce(container, ''), sha256, reader, records_read, records_new, "
                                              "records_rejected");

} // namespace

Result<std::optional<QSqlRecord>> SignInQueries::record(const QString &id)
{
    SqlQuery q(db_);
    if (Status s = q.run(QStringLiteral("SELECT * FROM signins WHERE id = ?"), {id}, QStringLiteral("Cannot read sign-in %1").arg(id)); !s)
        return s.error();
    if (!q.next())
        return std::optional<QSqlRecord>();
    return std::optional<QSqlRecord>(q.query().record());
}

Result<std::vector<SignInBrief>> SignInQueries::ofUserBetween(const QString &upn, qint64 fromMs, qint64 toMs, int limit)
{
    SqlQuery q(db_);
    return briefs(q, QStringLiteral("SELECT ") + kBriefColumns
                         + QStringLiteral(" FROM signins WHERE upn = ? AND created_ms >= ? AND created_ms <= ? ORDER BY created_ms LIMIT ?"),
                  {upn, fromMs, toMs, limit}, QStringLiteral("cannot read the sign-ins of %1").arg(upn));
}

Result<TimeExtent> SignInQueries::extent(const QString &upn)
{
    SqlQuery q(db_);
    if (Status s = q.run(QStringLiteral("SELECT min(created_ms), max(created_ms) FROM signins")
                             + (upn.isEmpty() ? QString() : QStringLiteral(" WHERE upn = ?")),
                         upn.isEmpty() ? QVariantList() : QVariantList{upn}, QStringLiteral("cannot read the sign-in times"));
        !s)
        return s.error();
    TimeExtent e;
    if (q.next() && !q.value(0).isNull()) {
        e.firstMs = q.value(0).toLongLong();
        e.lastMs = q.value(1).toLongLong();
    }
    return e;
}

Result<std::vector<PlaceCount>> SignInQueries::places(qint64 untilMs, int limit)
{
    // Aggregated in SQL: a full scan, for a worker thread.
    SqlQuery q(db_);
    if (Status s = q.run(QStringLiteral("SELECT coalesce(city, ''), coalesce(country, ''), avg(latitude), avg(longitude), count(*), "
                                        "min(created_ms), max(created_ms) FROM signins WHERE latitude IS NOT NULL AND created_ms <= ? "
                                        "GROUP BY 1, 2 ORDER BY 5 DESC LIMIT ?"),
                         {untilMs, limit}, QStringLiteral("cannot read the sign-in locations"));
        !s)
        return s.error();
    std::vector<PlaceCount> out;
    while (q.next())
        out.push_back({q.value(0).toString(), q.value(1).toString(), q.value(2).toDouble(), q.value(3).toDouble(),
                       q.value(4).toLongLong(), q.value(5).toLongLong(), q.value(6).toLongLong()});
    return out;
}

Result<std::vector<SignInBrief>> SignInQueries::locatedOfUser(const QString &upn, int limit)
{
    SqlQuery q(db_);
    return briefs(q, QStringLiteral("SELECT ") + kBriefColumns
                         + QStringLiteral(" FROM signins WHERE upn = ? AND latitude IS NOT NULL ORDER BY created_ms LIMIT ?"),
                  {upn, limit}, QStringLiteral("cannot read the sign-ins of %1").arg(upn));
}

Result<std::vector<SignInBrief>> SignInQueries::atPlace(const QString &place, int limit)
{
    SqlQuery q(db_);
    return briefs(q, QStringLiteral("SELECT ") + kBriefColumns + QStringLiteral(" FROM signins WHERE latitude IS NOT NULL AND ")
                         + predicate::signInPlace() + QStringLiteral(" = ? ORDER BY created_ms DESC LIMIT ?"),
                  {place, limit}, QStringLiteral("cannot read the sign-ins at %1").arg(place));
}

Result<std::vector<ValueCount>> SignInQueries::ranking(RankBy by, bool byFailures, int limit)
{
    const QString column = by == RankBy::User ? QStringLiteral("upn") : by == RankBy::Country ? QStringLiteral("country")
                                                                                                : QStringLiteral("app_name");
    const QString order = byFailures ? QStringLiteral("3 DESC, 2 DESC") : QStringLiteral("2 DESC, 3 DESC");
    SqlQuery q(db_);
    if (Status s = q.run(QStringLiteral("SELECT %1, count(*), sum(%3) FROM signins WHERE %1 IS NOT NULL AND %1 <> '' "
                                        "GROUP BY %1 ORDER BY %2, 1 LIMIT ?")
                             .arg(column, order, predicate::failedSignIn()),
                         {limit}, QStringLiteral("cannot rank sign-ins by %1 in %2").arg(column, db_.path()));
        !s)
        return s.error();
    std::vector<ValueCount> out;
    while (q.next()) {
        if (byFailures && q.value(2).toLongLong() == 0)
            break; // "most failures" lists only those who failed
        out.push_back({q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toLongLong()});
    }
    return out;
}

Result<bool> SignInQueries::detectionHasRun()
{
    SqlQuery q(db_);
    if (Status s = q.run(QStringLiteral("SELECT count(*) FROM detection_runs"), QStringLiteral("cannot read the detection runs")); !s)
        return s.error();
    return q.next() && q.value(0).toLongLong() > 0;
}

Result<std::optional<SourceFile>> SignInQueries::source(qint64 id)
{
    SqlQuery q(db_);
    if (Status s = q.run(QStringLiteral("SELECT ") + kSourceColumns + QStringLiteral(" FROM sources WHERE id = ?"), {id},
                         QStringLiteral("cannot read source %1").arg(id));
        !s)
        return s.error();
    if (!q.next())
        return std::optional<SourceFile>();
    return std::optional<SourceFile>(sourceOf(q));
}

Result<std::vector<SourceFile>> SignInQueries::sources()
{
    SqlQuery q(db_);
    if (Status s = q.run(QStringLiteral("SELECT ") + kSourceColumns + QStringLiteral(" FROM sources ORDER BY path, id"),
                         QStringLiteral("cannot list the source files"));
        !s)
        return s.error();
    std::vector<SourceFile> out;
    while (q.next())
        out.push_back(sourceOf(q));
    return out;
}

} // namespace backsight
