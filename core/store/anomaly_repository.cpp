#include "store/anomaly_repository.h"

#include "model/time_format.h"
#include "store/database.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace backsight::detect {
namespace {

QString toJsonText(const QJsonArray &array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QJsonArray reasonsToJson(const std::vector<Reason> &reasons)
{
    QJsonArray out;
    for (const Reason &r : reasons)
        out.append(QJsonObject{{QStringLiteral("detector"), r.detector},
                               {QStringLiteral("text"), r.text},
                               {QStringLiteral("evidence"), r.evidence}});
    return out;
}

std::vector<Reason> reasonsFromJson(const QString &text)
{
    std::vector<Reason> out;
    const QJsonArray array = QJsonDocument::fromJson(text.toUtf8()).array();
    for (const QJsonValue &v : array) {
        const QJsonObject o = v.toObject();
        out.push_back({o.value(QStringLiteral("detector")).toString(), o.value(QStringLiteral("text")).toString(),
                       o.value(QStringLiteral("evidence")).toObject()});
    }
    return out;
}

QStringList stringsFromJson(const QString &text)
{
    QStringList out;
    for (const QJsonValue &v : QJsonDocument::fromJson(text.toUtf8()).array())
        out << v.toString();
    return out;
}

QVariant optionalValue(const std::optional<qint64> &v)
{
    return v ? QVariant(*v) : QVariant();
}

// Links `anomalyId` to each of `eventIds` in anomaly_events (Triage's event search); links already there are kept.
// `link` is prepared once by the caller for its batch.
QString linkEvents(QSqlQuery &link, const QString &anomalyId, const QStringList &eventIds)
{
    for (const QString &eventId : eventIds) {
        link.bindValue(0, anomalyId);
        link.bindValue(1, eventId);
        if (!link.exec())
            return Database::describe(QStringLiteral("linking anomaly %1 to its events").arg(anomalyId), link.lastError());
    }
    return {};
}

const QString kLinkEvent = QStringLiteral("INSERT INTO anomaly_events (anomaly_id, event_id) VALUES (?, ?) ON CONFLICT DO NOTHING");

} // namespace

QString severityName(Severity severity)
{
    switch (severity) {
    case Severity::Low: return QStringLiteral("low");
    case Severity::Medium: return QStringLiteral("medium");
    case Severity::High: return QStringLiteral("high");
    case Severity::Critical: return QStringLiteral("critical");
    }
    return QStringLiteral("low");
}

std::optional<Severity> parseSeverity(const QString &text)
{
    const QString t = text.trimmed().toLower();
    for (int rank = 1; rank <= 4; ++rank) {
        const auto s = Severity(rank);
        if (t == severityName(s) || t == QString::number(rank))
            return s;
    }
    return std::nullopt;
}

Severity severityForThreatScore(int threatScore)
{
    if (threatScore >= 9)
        return Severity::Critical;
    if (threatScore >= 7)
        return Severity::High;
    if (threatScore >= 4)
        return Severity::Medium;
    return Severity::Low;
}

QString anomalyId(const QString &kind, const QString &subject, const QStringList &eventIds, qint64 timeMs)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(kind.toUtf8());
    hash.addData(QByteArrayView("\x1f", 1));
    hash.addData(subject.toUtf8());
    hash.addData(QByteArrayView("\x1f", 1));
    hash.addData(QByteArray::number(timeMs));
    for (const QString &id : eventIds) {
        hash.addData(QByteArrayView("\x1f", 1));
        hash.addData(id.toUtf8());
    }
    return QStringLiteral("an-") + QString::fromLatin1(hash.result().toHex().left(20));
}

Result<qint64> insertAnomalies(Database &db, const std::vector<Anomaly> &anomalies)
{
    QSqlQuery insert(db.connection());
    insert.prepare(QStringLiteral(
        "INSERT INTO anomalies (id, subject_type, subject, user_upn, event_id, event_table, time_ms, end_ms, "
        "kind, kinds, severity, severity_rank, score, threat_score, summary, reasons, event_ids, detected_at_ms, "
        "run_id, baseline_id, model_id, status) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"));
    QSqlQuery link(db.connection());
    link.prepare(kLinkEvent);
    qint64 added = 0;
    for (const Anomaly &a : anomalies) {
        int i = 0;
        insert.bindValue(i++, a.id);
        insert.bindValue(i++, a.subjectType);
        insert.bindValue(i++, a.subject);
        insert.bindValue(i++, a.upn.isEmpty() ? QVariant() : QVariant(a.upn));
        insert.bindValue(i++, a.eventIds.isEmpty() ? QVariant() : QVariant(a.eventIds.first()));
        insert.bindValue(i++, a.eventTable.isEmpty() ? QVariant() : QVariant(a.eventTable));
        insert.bindValue(i++, a.timeMs);
        insert.bindValue(i++, optionalValue(a.endMs));
        insert.bindValue(i++, a.kinds.value(0));
        insert.bindValue(i++, toJsonText(QJsonArray::fromStringList(a.kinds)));
        insert.bindValue(i++, severityName(a.severity));
        insert.bindValue(i++, int(a.severity));
        insert.bindValue(i++, a.score ? QVariant(*a.score) : QVariant());
        insert.bindValue(i++, a.threatScore ? QVariant(*a.threatScore) : QVariant());
        insert.bindValue(i++, a.summary);
        insert.bindValue(i++, toJsonText(reasonsToJson(a.reasons)));
        insert.bindValue(i++, toJsonText(QJsonArray::fromStringList(a.eventIds)));
        insert.bindValue(i++, a.detectedAtMs);
        insert.bindValue(i++, a.runId ? QVariant(a.runId) : QVariant());
        insert.bindValue(i++, a.baselineId ? QVariant(a.baselineId) : QVariant());
        insert.bindValue(i++, a.modelId ? QVariant(a.modelId) : QVariant());
        insert.bindValue(i++, a.status);
        if (!insert.exec())
            return Error::storage(Database::describe(QStringLiteral("storing anomaly %1").arg(a.id), insert.lastError()));
        if (insert.numRowsAffected() <= 0)
            continue;
        ++added;
        if (QString failed = linkEvents(link, a.id, a.eventIds); !failed.isEmpty())
            return Error::storage(failed);
    }
    return added;
}

namespace {

// One row of forEachAnomaly's SELECT, in its column order.
Anomaly anomalyFromRow(const QSqlQuery &q)
{
    Anomaly a;
    int i = 0;
    a.id = q.value(i++).toString();
    a.subjectType = q.value(i++).toString();
    a.subject = q.value(i++).toString();
    a.upn = q.value(i++).toString();
    a.eventId = q.value(i++).toString();
    a.eventTable = q.value(i++).toString();
    a.timeMs = q.value(i++).toLongLong();
    if (const QVariant v = q.value(i++); !v.isNull())
        a.endMs = v.toLongLong();
    a.kinds = stringsFromJson(q.value(i++).toString());
    a.severity = Severity(qBound(1, q.value(i++).toInt(), 4));
    if (const QVariant v = q.value(i++); !v.isNull())
        a.score = v.toDouble();
    if (const QVariant v = q.value(i++); !v.isNull())
        a.threatScore = v.toInt();
    a.summary = q.value(i++).toString();
    a.reasons = reasonsFromJson(q.value(i++).toString());
    a.eventIds = stringsFromJson(q.value(i++).toString());
    a.detectedAtMs = q.value(i++).toLongLong();
    a.runId = q.value(i++).toLongLong();
    a.baselineId = q.value(i++).toLongLong();
    a.modelId = q.value(i++).toLongLong();
    a.status = q.value(i++).toString();
    a.statusBy = q.value(i++).toString();
    if (const QVariant v = q.value(i++); !v.isNull())
        a.statusAtMs = v.toLongLong();
    return a;
}

// The statement and its bound values for `filter`.
std::pair<QString, QVariantList> anomalySelect(const AnomalyFilter &filter)
{
    QString sql = QStringLiteral(
        "SELECT id, subject_type, subject, user_upn, event_id, event_table, time_ms, end_ms, kinds, severity_rank, "
        "score, threat_score, summary, reasons, event_ids, detected_at_ms, run_id, baseline_id, model_id, status, "
        "status_by, status_at_ms FROM anomalies WHERE 1 = 1");
    QVariantList binds;
    if (filter.minSeverity) {
        sql += QStringLiteral(" AND severity_rank >= ?");
        binds << int(*filter.minSeverity);
    }
    if (filter.fromMs) {
        sql += QStringLiteral(" AND time_ms >= ?");
        binds << *filter.fromMs;
    }
    if (filter.toMs) {
        sql += QStringLiteral(" AND time_ms < ?");
        binds << *filter.toMs;
    }
    if (!filter.upn.isEmpty()) {
        sql += QStringLiteral(" AND user_upn = ?");
        binds << filter.upn.toLower();
    }
    if (!filter.subjectType.isEmpty()) {
        sql += QStringLiteral(" AND subject_type = ?");
        binds << filter.subjectType;
    }
    const auto inList = [&](const QString &column, const QStringList &values) {
        if (values.isEmpty())
            return;
        QStringList marks;
        for (const QString &v : values) {
            marks << QStringLiteral("?");
            binds << v;
        }
        sql += QStringLiteral(" AND %1 IN (%2)").arg(column, marks.join(QLatin1Char(',')));
    };
    inList(QStringLiteral("id"), filter.ids);
    inList(QStringLiteral("kind"), filter.kinds);
    inList(QStringLiteral("status"), filter.statuses);
    sql += QStringLiteral(" ORDER BY time_ms, id");

    return {sql, binds};
}

} // namespace

Status forEachAnomaly(Database &db, const AnomalyFilter &filter, const std::function<bool(const Anomaly &)> &row)
{
    const auto [sql, binds] = anomalySelect(filter);
    QSqlQuery q(db.connection());
    // Callers look things up per anomaly (case records, cited events) on the same connection. QPSQL streams a
    // forward-only result and drops the rest of it when they do (store/streamed_rows.h), so there the result is
    // read whole: anomalies are a case's smallest table.
    q.setForwardOnly(db.dialect() == SqlDialect::SQLite);
    q.prepare(sql);
    for (int i = 0; i < binds.size(); ++i)
        q.bindValue(i, binds[i]);
    if (!q.exec())
        return Error::storage(Database::describe(QStringLiteral("reading anomalies"), q.lastError()));
    while (q.next()) {
        const Anomaly a = anomalyFromRow(q);
        if (!row(a))
            break;
    }
    return {};
}

QJsonObject anomalyToJson(const Anomaly &a)
{
    const auto orNull = [](const QString &s) { return s.isEmpty() ? QJsonValue() : QJsonValue(s); };
    QJsonObject o;
    o.insert(QStringLiteral("id"), a.id);
    o.insert(QStringLiteral("user_principal_name"), orNull(a.upn));
    o.insert(QStringLiteral("subject_type"), a.subjectType);
    o.insert(QStringLiteral("subject"), a.subject);
    o.insert(QStringLiteral("kinds"), QJsonArray::fromStringList(a.kinds));
    o.insert(QStringLiteral("severity"), severityName(a.severity));
    o.insert(QStringLiteral("score"), a.score ? QJsonValue(*a.score) : QJsonValue());
    o.insert(QStringLiteral("threat_score"), a.threatScore ? QJsonValue(*a.threatScore) : QJsonValue());
    o.insert(QStringLiteral("event_time"), formatUtcMs(a.timeMs));
    o.insert(QStringLiteral("end_time"), a.endMs ? QJsonValue(formatUtcMs(*a.endMs)) : QJsonValue());
    o.insert(QStringLiteral("event_ids"), QJsonArray::fromStringList(a.eventIds));
    o.insert(QStringLiteral("event_table"), orNull(a.eventTable));
    o.insert(QStringLiteral("summary"), a.summary);
    o.insert(QStringLiteral("reasons"), reasonsToJson(a.reasons));
    o.insert(QStringLiteral("detected_at"), formatUtcMs(a.detectedAtMs));
    o.insert(QStringLiteral("status"), a.status);
    o.insert(QStringLiteral("status_by"), orNull(a.statusBy));
    o.insert(QStringLiteral("status_at"), a.statusAtMs ? QJsonValue(formatUtcMs(*a.statusAtMs)) : QJsonValue());
    o.insert(QStringLiteral("run_id"), a.runId ? QJsonValue(a.runId) : QJsonValue());
    o.insert(QStringLiteral("baseline_id"), a.baselineId ? QJsonValue(a.baselineId) : QJsonValue());
    o.insert(QStringLiteral("model_id"), a.modelId ? QJsonValue(a.modelId) : QJsonValue());
    return o;
}

Result<std::optional<Anomaly>> storedStoryHead(Database &db, const Anomaly &next, qint64 spanMs,
                                               const std::function<bool(const Anomaly &)> &mayLead)
{
    AnomalyFilter filter;
    filter.upn = next.subject;
    filter.subjectType = QStringLiteral("user");
    filter.minSeverity = Severity::Medium;
    filter.fromMs = next.timeMs - spanMs;
    filter.toMs = next.timeMs + 1;
    std::optional<Anomaly> head;
    const Status read = forEachAnomaly(db, filter, [&](const Anomaly &a) {
        const bool earlier = a.timeMs != next.timeMs ? a.timeMs < next.timeMs : a.id < next.id;
        if (a.id != next.id && a.subject == next.subject && earlier && mayLead(a))
            head = a; // rows come oldest first: the latest wins
        return true;
    });
    if (!read)
        return read.error();
    return head;
}

Status updateStoryHead(Database &db, const Anomaly &head, bool severityRose)
{
    QSqlQuery update(db.connection());
    update.prepare(QStringLiteral("UPDATE anomalies SET kinds = ?, severity = ?, severity_rank = ?, score = ?, "
                                  "threat_score = ?, end_ms = ?, summary = ?, reasons = ?, event_ids = ? WHERE id = ?"));
    int i = 0;
    update.bindValue(i++, toJsonText(QJsonArray::fromStringList(head.kinds)));
    update.bindValue(i++, severityName(head.severity));
    update.bindValue(i++, int(head.severity));
    update.bindValue(i++, head.score ? QVariant(*head.score) : QVariant());
    update.bindValue(i++, head.threatScore ? QVariant(*head.threatScore) : QVariant());
    update.bindValue(i++, optionalValue(head.endMs));
    update.bindValue(i++, head.summary);
    update.bindValue(i++, toJsonText(reasonsToJson(head.reasons)));
    update.bindValue(i++, toJsonText(QJsonArray::fromStringList(head.eventIds)));
    update.bindValue(i++, head.id);
    if (!update.exec())
        return Error::storage(Database::describe(QStringLiteral("updating the story of anomaly %1").arg(head.id), update.lastError()));
    QSqlQuery link(db.connection());
    link.prepare(kLinkEvent);
    if (QString failed = linkEvents(link, head.id, head.eventIds); !failed.isEmpty())
        return Error::storage(failed);
    if (severityRose) {
        QSqlQuery forget(db.connection());
        forget.prepare(QStringLiteral("DELETE FROM watch_alerts WHERE anomaly_id = ?"));
        forget.addBindValue(head.id);
        if (!forget.exec())
            return Error::storage(Database::describe(QStringLiteral("raising anomaly %1 again").arg(head.id), forget.lastError()));
    }
    return {};
}

} // namespace backsight::detect
