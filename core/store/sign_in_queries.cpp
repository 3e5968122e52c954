#include "store/sign_in_queries.h"

#include "store/database.h"
#include "store/event_record.h"
#include "store/like_pattern.h"
#include "store/predicates.h"
#include "store/sql_query.h"

#include <QSqlError>
#include <QSqlQuery>
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
    return std::optional<QSqlRecord>(eventRecord(q.query()));
}

Result<std::vector<SignInBrief>> SignInQueries::ofUserBetween(const QString &upn, qint64 fromMs, qint64 toMs, int limit)
{
    SqlQuery q(db_);
    return briefs(q, QStringLiteral("SELECT ") + kBriefColumns
                         + QStringLiteral(" FROM signins WHERE upn = ? AND created_ms >= ? AND created_ms <= ? ORDER BY created_ms LIMIT ?"),
                  {upn, fromMs, toMs, limit}, QStringLiteral("cannot read the sign-ins of %1").arg(upn));
}

namespace {

Result<std::optional<qint64>> timeOf(Database &db, const QString &aggregate, const QString &doing)
{
    SqlQuery q(db);
    if (Status s = q.run(QStringLiteral("SELECT %1(created_ms) FROM signins").arg(aggregate), doing); !s)
        return s.error();
    if (!q.next() || q.value(0).isNull())
        return std::optional<qint64>();
    return std::optional<qint64>(q.value(0).toLongLong());
}

} // namespace

Result<std::optional<qint64>> SignInQueries::firstMs()
{
    return timeOf(db_, QStringLiteral("MIN"), QStringLiteral("finding the first sign-in"));
}

Result<std::optional<qint64>> SignInQueries::latestMs()
{
    return timeOf(db_, QStringLiteral("MAX"), QStringLiteral("finding the latest sign-in"));
}

Result<qint64> SignInQueries::count()
{
    SqlQuery q(db_);
    if (Status s = q.run(QStringLiteral("SELECT COUNT(*) FROM signins"), QStringLiteral("counting sign-ins")); !s)
        return s.error();
    return q.next() ? q.value(0).toLongLong() : 0;
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
    if (Status s = q.run(QStringLiteral("SELECT %1, count(*), %3 FROM signins WHERE %1 IS NOT NULL AND %1 <> '' "
                                        "GROUP BY %1 ORDER BY %2, 1 LIMIT ?")
                             .arg(column, order, predicate::countWhere(predicate::failedSignIn())),
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

namespace {

// The only expressions that ever reach ORDER BY: one per column of the list.
QString orderExpression(SignInListOrder order)
{
    switch (order) {
    case SignInListOrder::User: return QStringLiteral("upn");
    case SignInListOrder::DisplayName: return QStringLiteral("display_name");
    case SignInListOrder::App: return QStringLiteral("app_name");
    case SignInListOrder::Ip: return QStringLiteral("ip");
    case SignInListOrder::City: return QStringLiteral("city");
    case SignInListOrder::Country: return QStringLiteral("country");
    case SignInListOrder::Result: return QStringLiteral("error_code");
    case SignInListOrder::ClientApp: return QStringLiteral("client_app");
    case SignInListOrder::Os: return QStringLiteral("os");
    case SignInListOrder::Browser: return QStringLiteral("browser");
    case SignInListOrder::Interactive: return QStringLiteral("interactive");
    case SignInListOrder::Risk: return QStringLiteral("risk_level");
    case SignInListOrder::Mfa: return QStringLiteral("mfa_method");
    case SignInListOrder::Time: break;
    }
    return QStringLiteral("created_ms");
}

// The list's filter as a WHERE clause (empty when there is none) and its bound values, in order. The free text
// is matched literally (% and _ match themselves) against six columns, each with its own parameter.
struct ListWhere
{
    QString sql;
    QVariantList binds;
};

ListWhere listWhere(const SignInListFilter &filter, SqlDialect dialect)
{
    QStringList conditions;
    ListWhere where;
    if (!filter.text.trimmed().isEmpty()) {
        conditions << QStringLiteral("(upn %1 ? ESCAPE '\\' OR display_name %1 ? ESCAPE '\\' OR ip %1 ? ESCAPE '\\' "
                                     "OR app_name %1 ? ESCAPE '\\' OR city %1 ? ESCAPE '\\' OR country %1 ? ESCAPE '\\')")
                          .arg(predicate::like(dialect));
        const QString pattern = likePattern(filter.text);
        for (int i = 0; i < 6; ++i)
            where.binds << pattern;
    }
    if (filter.kind != SignInListFilter::Kind::All) {
        conditions << QStringLiteral("interactive = ?");
        where.binds << (filter.kind == SignInListFilter::Kind::Interactive ? 1 : 0);
    }
    if (filter.failuresOnly)
        conditions << predicate::failedSignIn();
    if (!conditions.isEmpty())
        where.sql = QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
    return where;
}

} // namespace

Result<qint64> SignInQueries::count(const SignInListFilter &filter)
{
    const ListWhere where = listWhere(filter, db_.dialect());
    SqlQuery q(db_);
    if (Status s = q.run(QStringLiteral("SELECT count(*) FROM signins") + where.sql, where.binds,
                         QStringLiteral("counting the matching sign-ins"));
        !s)
        return s.error();
    return q.next() ? q.value(0).toLongLong() : 0;
}

SignInCursor::SignInCursor(Database &db) : db_(db) {}

SignInCursor::~SignInCursor() = default;

Status SignInCursor::open(const SignInListFilter &filter, SignInListOrder order, bool ascending)
{
    close();
    const ListWhere where = listWhere(filter, db_.dialect());
    const QString direction = ascending ? QStringLiteral(" ASC") : QStringLiteral(" DESC");
    QString sql = QStringLiteral("SELECT id, created_ms, upn, display_name, app_name, ip, city, country, error_code, "
                                 "failure_reason, client_app, os, browser, interactive, risk_level, "
                                 "coalesce(mfa_method, mfa_result) FROM signins");
    sql += where.sql;
    sql += QStringLiteral(" ORDER BY %1%2, id%2").arg(orderExpression(order), direction);
    auto q = std::make_unique<QSqlQuery>(db_.connection());
    q->setForwardOnly(true);
    const QString doing = QStringLiteral("reading the sign-ins in %1").arg(db_.path());
    if (!q->prepare(sql))
        return Error::storage(Database::describe(doing, q->lastError()));
    for (const QVariant &value : where.binds)
        q->addBindValue(value);
    if (!q->exec())
        return Error::storage(Database::describe(doing, q->lastError()));
    q_ = std::move(q);
    return {};
}

Result<std::vector<SignInListRow>> SignInCursor::next(int count)
{
    std::vector<SignInListRow> rows;
    if (!q_)
        return rows;
    rows.reserve(size_t(std::max(count, 0)));
    QSqlQuery &q = *q_;
    while (int(rows.size()) < count && q.next()) {
        SignInListRow r;
        r.id = q.value(0).toString();
        r.ms = q.value(1).toLongLong();
        r.upn = q.value(2).toString();
        r.displayName = q.value(3).toString();
        r.app = q.value(4).toString();
        r.ip = q.value(5).toString();
        r.city = q.value(6).toString();
        r.country = q.value(7).toString();
        r.errorCode = q.value(8).toLongLong();
        r.failureReason = q.value(9).toString();
        r.clientApp = q.value(10).toString();
        r.os = q.value(11).toString();
        r.browser = q.value(12).toString();
        r.interactive = q.value(13).toInt() != 0;
        r.risk = q.value(14).toString();
        r.mfa = q.value(15).toString();
        rows.push_back(std::move(r));
    }
    if (int(rows.size()) < count) {
        const QSqlError failed = q.lastError();
        close();
        if (failed.isValid())
            return Error::storage(Database::describe(QStringLiteral("reading the sign-ins in %1").arg(db_.path()), failed));
    }
    return rows;
}

void SignInCursor::close()
{
    if (q_)
        q_->finish();
    q_.reset();
}

} // namespace backsight
