#include "store/anomaly_queries.h"

#include "store/anomaly_brief_rows.h"
#include "store/like_pattern.h"
#include "store/database.h"
#include "store/predicates.h"
#include "store/sql_query.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace backsight {
namespace {

// " WHERE …" (or empty) with `binds` appended in order.
QString whereClause(const AnomalySelection &s, SqlDialect dialect, QVariantList &binds)
{
    QStringList c;
    const auto add = [&](const QString &clause, const QVariantList &values) {
        c << clause;
        binds << values;
    };
    if (s.severity)
        add(QStringLiteral("severity_rank = ?"), {*s.severity});
    else if (s.minSeverity > 0)
        add(QStringLiteral("severity_rank >= ?"), {s.minSeverity});
    if (!s.kind.isEmpty())
        add(predicate::anomalyHasKind(QStringLiteral("anomalies"), dialect), {s.kind});
    if (!s.statuses.isEmpty()) {
        QStringList marks;
        for (const QString &status : s.statuses) {
            marks << QStringLiteral("?");
            binds << status;
        }
        c << QStringLiteral("status IN (%1)").arg(marks.join(QLatin1Char(',')));
    }
    if (!s.user.isEmpty())
        add(QStringLiteral("(user_upn = ? OR subject = ?)"), {s.user.toLower(), s.user.toLower()});
    if (!s.country.isEmpty())
        add(QStringLiteral("event_id IN (SELECT id FROM signins WHERE country = ?)"), {s.country});
    if (!s.app.isEmpty())
        add(QStringLiteral("event_id IN (SELECT id FROM signins WHERE app_name = ?)"), {s.app});
    if (s.fromMs)
        add(QStringLiteral("time_ms >= ?"), {*s.fromMs});
    if (s.toMs)
        add(QStringLiteral("time_ms < ?"), {*s.toMs});
    if (!s.network.trimmed().isEmpty()) {
        const QString n = s.network.trimmed();
        const bool asNumber = n.startsWith(QLatin1String("AS"), Qt::CaseInsensitive) && n.mid(2).toUInt() > 0;
        add(QStringLiteral("event_id IN (SELECT id FROM signins WHERE asn = ? OR as_org %1 ? ESCAPE '\\')").arg(predicate::like(dialect)),
            {asNumber ? QVariant(n.mid(2).toUInt()) : QVariant(-1), likePattern(n)});
    }
    if (!s.text.trimmed().isEmpty()) {
        const QString pattern = likePattern(s.text);
        add(QStringLiteral("(summary %1 ? ESCAPE '\\' OR subject %1 ? ESCAPE '\\' OR kinds %1 ? ESCAPE '\\' "
                           "OR id %1 ? ESCAPE '\\')").arg(predicate::like(dialect)),
            {pattern, pattern, pattern, pattern});
    }
    return c.isEmpty() ? QString() : QStringLiteral(" WHERE ") + c.join(QStringLiteral(" AND "));
}

// The network of an anomaly's primary sign-in (a correlated lookup on the sign-in's primary key).
const QString kNetworkAsn = QStringLiteral("(SELECT asn FROM signins WHERE signins.id = anomalies.event_id)");
const QString kNetworkOrganisation = QStringLiteral("(SELECT as_org FROM signins WHERE signins.id = anomalies.event_id)");

// The only expressions that reach ORDER BY.
QString orderExpression(AnomalyOrder order)
{
    switch (order) {
    case AnomalyOrder::Severity: return QStringLiteral("severity_rank %1, time_ms %1");
    case AnomalyOrder::User: return QStringLiteral("coalesce(user_upn, subject) %1, time_ms %1");
    case AnomalyOrder::Network: return kNetworkOrganisation + QStringLiteral(" %1, time_ms %1");
    case AnomalyOrder::Kinds: return QStringLiteral("kinds %1, time_ms %1");
    case AnomalyOrder::Summary: return QStringLiteral("summary %1");
    case AnomalyOrder::Score: return QStringLiteral("coalesce(score, -1) %1, time_ms %1");
    case AnomalyOrder::Status: return QStringLiteral("status %1, time_ms %1");
    case AnomalyOrder::Time: break;
    }
    return QStringLiteral("time_ms %1");
}

QStringList kindsOf(const QString &json)
{
    QStringList kinds;
    for (const QJsonValue &v : QJsonDocument::fromJson(json.toUtf8()).array())
        kinds << v.toString();
    return kinds;
}

} // namespace

Result<qint64> AnomalyQueries::count(const AnomalySelection &selection)
{
    QVariantList binds;
    SqlQuery q(db_);
    if (Status s = q.run(QStringLiteral("SELECT count(*) FROM anomalies") + whereClause(selection, db_.dialect(), binds), binds,
                         QStringLiteral("cannot count the anomalies"));
        !s)
        return s.error();
    return q.next() ? q.value(0).toLongLong() : 0;
}

Result<std::vector<AnomalyListRow>> AnomalyQueries::list(const AnomalySelection &selection, AnomalyOrder order, bool descending,
                                                         int limit)
{
    QVariantList binds;
    const QString where = whereClause(selection, db_.dialect(), binds);
    binds << limit;
    SqlQuery q(db_);
    if (Status s = q.run(QStringLiteral("SELECT id, severity_rank, time_ms, coalesce(user_upn, subject), subject_type, kinds, "
                                        "summary, score, status, event_id, ") + kNetworkAsn + QStringLiteral(", ") + kNetworkOrganisation
                             + QStringLiteral(" FROM anomalies")
                             + where + QStringLiteral(" ORDER BY ")
                             + orderExpression(order).arg(descending ? QStringLiteral("DESC") : QStringLiteral("ASC"))
                             + QStringLiteral(", id LIMIT ?"),
                         binds, QStringLiteral("cannot read the anomalies"));
        !s)
        return s.error();
    std::vector<AnomalyListRow> out;
    while (q.next()) {
        AnomalyListRow r;
        r.id = q.value(0).toString();
        r.severity = q.value(1).toInt();
        r.timeMs = q.value(2).toLongLong();
        r.user = q.value(3).toString();
        r.subjectType = q.value(4).toString();
        r.kinds = kindsOf(q.value(5).toString());
        if (r.kinds.isEmpty())
            r.kinds << q.value(5).toString();
        r.summary = q.value(6).toString();
        if (!q.value(7).isNull())
            r.score = q.value(7).toDouble();
        r.status = q.value(8).toString();
        r.eventId = q.value(9).toString();
        r.asn = q.value(10).toUInt();
        r.asOrg = q.value(11).toString();
        out.push_back(std::move(r));
    }
    return out;
}

Result<std::optional<AnomalyHeader>> AnomalyQueries::header(const QString &id)
{
    SqlQuery q(db_);
    if (Status s = q.run(QStringLiteral("SELECT id, summary, coalesce(user_upn, ''), status, event_id, event_table, severity_rank, "
                                        "time_ms, reasons FROM anomalies WHERE id = ?"),
                         {id}, QStringLiteral("cannot read anomaly %1").arg(id));
        !s)
        return s.error();
    if (!q.next())
        return std::optional<AnomalyHeader>();
    return std::optional<AnomalyHeader>(AnomalyHeader{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                                                      q.value(3).toString(), q.value(4).toString(), q.value(5).toString(),
                                                      q.value(6).toInt(), q.value(7).toLongLong(), q.value(8).toString()});
}

Result<QStringList> AnomalyQueries::primaryKinds()
{
    SqlQuery q(db_);
    if (Status s = q.run(QStringLiteral("SELECT DISTINCT kind FROM anomalies ORDER BY kind"), QStringLiteral("cannot list the anomaly kinds"));
        !s)
        return s.error();
    QStringList out;
    while (q.next())
        out << q.value(0).toString();
    return out;
}

Result<std::vector<AnomalyBrief>> AnomalyQueries::mostSevereBetween(qint64 fromMs, qint64 toMs, const QString &upn, int limit)
{
    QVariantList binds{fromMs, toMs};
    if (!upn.isEmpty())
        binds << upn;
    binds << limit;
    SqlQuery q(db_);
    if (Status s = q.run(QStringLiteral("SELECT ") + store::anomalyBriefColumns()
                             + QStringLiteral(" FROM anomalies WHERE time_ms >= ? AND time_ms < ?")
                             + (upn.isEmpty() ? QString() : QStringLiteral(" AND user_upn = ?"))
                             + QStringLiteral(" ORDER BY severity_rank DESC LIMIT ?"),
                         binds, QStringLiteral("cannot read the anomalies"));
        !s)
        return s.error();
    return store::readAnomalyBriefs(q);
}

Result<QSet<QString>> AnomalyQueries::eventsOfKind(const QString &upn, const QString &kind)
{
    SqlQuery q(db_);
    if (Status s = q.run(QStringLiteral("SELECT a.event_ids FROM anomalies a WHERE a.user_upn = ? AND ")
                             + predicate::anomalyHasKind(QStringLiteral("a"), db_.dialect()),
                         {upn, kind}, QStringLiteral("cannot read the %1 anomalies of %2").arg(kind, upn));
        !s)
        return s.error();
    QSet<QString> out;
    while (q.next())
        for (const QJsonValue &id : QJsonDocument::fromJson(q.value(0).toString().toUtf8()).array())
            out.insert(id.toString());
    return out;
}

} // namespace backsight
