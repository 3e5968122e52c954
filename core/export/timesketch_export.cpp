#include "export/timesketch_export.h"

#include "export/csv_writer.h"
#include "ingest/timestamp.h"
#include "store/event_originals.h"
#include "store/migrations.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace backsight::exporting {
namespace {

const QStringList &requiredColumns()
{
    static const QStringList columns = {QStringLiteral("message"), QStringLiteral("datetime"), QStringLiteral("timestamp"),
                                        QStringLiteral("timestamp_desc"), QStringLiteral("data_type")};
    return columns;
}

QString text(const QSqlRecord &r, const char *column)
{
    return r.value(QString::fromLatin1(column)).toString();
}

QString signInMessage(const QSqlRecord &r)
{
    const bool failed = r.value(QStringLiteral("error_code")).toLongLong() != 0;
    QString who = text(r, "upn");
    if (who.isEmpty())
        who = text(r, "service_principal_name");
    QString m = QStringLiteral("Sign-in by %1 to %2 from %3").arg(who, text(r, "app_name"), text(r, "ip"));
    const QString place = QStringList{text(r, "city"), text(r, "country")}.filter(QRegularExpression(QStringLiteral("."))).join(QStringLiteral(", "));
    if (!place.isEmpty())
        m += QStringLiteral(" (%1)").arg(place);
    m += failed ? QStringLiteral(": failed, error %1 %2").arg(text(r, "error_code"), text(r, "failure_reason")).trimmed()
                : QStringLiteral(": success");
    return m;
}

QString auditMessage(const QSqlRecord &r)
{
    QString who = text(r, "initiator_upn");
    if (who.isEmpty())
        who = text(r, "initiator_app");
    return QStringLiteral("%1 by %2 (%3)").arg(text(r, "activity"), who.isEmpty() ? QStringLiteral("unknown") : who,
                                               text(r, "result"));
}

QString csvCell(const QJsonValue &v)
{
    if (v.isArray())
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    if (v.isObject())
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    if (v.isDouble())
        return v.toDouble() == double(v.toInteger()) ? QString::number(v.toInteger()) : QString::number(v.toDouble(), 'g', 17);
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return v.toString();
}

void setTime(QJsonObject &o, qint64 ms, const QString &description)
{
    o.insert(QStringLiteral("datetime"), formatUtcMs(ms));
    o.insert(QStringLiteral("timestamp"), QJsonValue(ms * 1000)); // microseconds since the epoch
    o.insert(QStringLiteral("timestamp_desc"), description);
}

QStringList eventFieldColumns(EventTable table)
{
    QStringList out;
    for (const QString &c : table == EventTable::Audits ? auditColumns() : signInColumns())
        out << (c.endsWith(QLatin1String("_ms")) ? c.chopped(3) + QStringLiteral("_utc") : c);
    return out;
}

} // namespace

QJsonObject timesketchEvent(const QSqlRecord &r, EventTable table)
{
    QJsonObject o;
    const bool audit = table == EventTable::Audits;
    o.insert(QStringLiteral("message"), audit ? auditMessage(r) : signInMessage(r));
    setTime(o, r.value(audit ? QStringLiteral("time_ms") : QStringLiteral("created_ms")).toLongLong(),
            audit ? QStringLiteral("Audit activity time") : QStringLiteral("Sign-in time"));
    o.insert(QStringLiteral("data_type"), audit ? QStringLiteral("entra:audit") : QStringLiteral("entra:signin"));
    o.insert(QStringLiteral("table"), tableName(table));
    for (int i = 0; i < r.count(); ++i) {
        const QString name = r.fieldName(i);
        const QVariant v = r.value(i);
        if (name.endsWith(QLatin1String("_ms")))
            o.insert(name.chopped(3) + QStringLiteral("_utc"), v.isNull() ? QJsonValue() : QJsonValue(formatUtcMs(v.toLongLong())));
        else if (!o.contains(name))
            o.insert(name, v.isNull() ? QJsonValue() : QJsonValue::fromVariant(v));
    }
    return o;
}

QJsonObject timesketchAnomaly(const detect::Anomaly &a)
{
    QJsonObject o;
    const QString severity = detect::severityName(a.severity);
    o.insert(QStringLiteral("message"), QStringLiteral("[%1] %2 — %3").arg(severity.toUpper(), a.summary, a.subject));
    setTime(o, a.timeMs, QStringLiteral("Anomaly time"));
    o.insert(QStringLiteral("data_type"), QStringLiteral("backsight:anomaly"));
    o.insert(QStringLiteral("anomaly_id"), a.id);
    o.insert(QStringLiteral("severity"), severity);
    o.insert(QStringLiteral("score"), a.score ? QJsonValue(*a.score) : QJsonValue());
    o.insert(QStringLiteral("kinds"), a.kinds.join(QStringLiteral("; ")));
    o.insert(QStringLiteral("user_principal_name"), a.upn);
    o.insert(QStringLiteral("subject"), a.subject);
    QStringList reasons;
    for (const detect::Reason &r : a.reasons)
        reasons << r.text;
    o.insert(QStringLiteral("reasons"), reasons.join(QStringLiteral(" | ")));
    o.insert(QStringLiteral("event_ids"), a.eventIds.join(QStringLiteral("; ")));
    o.insert(QStringLiteral("end_utc"), a.endMs ? QJsonValue(formatUtcMs(*a.endMs)) : QJsonValue());
    o.insert(QStringLiteral("status"), a.status);
    o.insert(QStringLiteral("tag"), QJsonArray{QStringLiteral("backsight"), severity});
    return o;
}

QStringList timesketchEventColumns(EventTable table)
{
    return requiredColumns() + QStringList{QStringLiteral("table")} + eventFieldColumns(table);
}

QStringList timesketchAnomalyColumns()
{
    return requiredColumns() + QStringList{QStringLiteral("anomaly_id"), QStringLiteral("severity"), QStringLiteral("score"),
                                           QStringLiteral("kinds"), QStringLiteral("user_principal_name"),
                                           QStringLiteral("subject"), QStringLiteral("reasons"), QStringLiteral("event_ids"),
                                           QStringLiteral("end_utc"), QStringLiteral("status")};
}

TimelineWriter::TimelineWriter(QIODevice &out, TimelineFormat format, QStringList csvColumns, bool byteOrderMark)
    : out_(out), format_(format), columns_(std::move(csvColumns))
{
    if (format_ == TimelineFormat::Csv)
        CsvWriter(out_, byteOrderMark).writeRow(columns_);
}

void TimelineWriter::write(const QJsonObject &row)
{
    if (format_ == TimelineFormat::Jsonl) {
        out_.write(QJsonDocument(row).toJson(QJsonDocument::Compact));
        out_.write("\n");
        return;
    }
    QStringList cells;
    for (const QString &c : columns_)
        cells << csvCell(row.value(c));
    CsvWriter(out_).writeRow(cells);
}

Result<qint64> writeEventsTimesketch(Database &db, EventTable table, const EventFilter &filter, QIODevice &out,
                                     TimelineFormat format)
{
    TimelineWriter writer(out, format, timesketchEventColumns(table));
    qint64 rows = 0;
    const Status read = forEachEvent(db, table, filter, [&](const QSqlRecord &r) {
        writer.write(timesketchEvent(r, table));
        ++rows;
        return true;
    });
    if (!read)
        return read.error();
    return rows;
}

Result<qint64> writeAnomaliesTimesketch(Database &db, const detect::AnomalyFilter &filter, QIODevice &out,
                                        TimelineFormat format)
{
    TimelineWriter writer(out, format, timesketchAnomalyColumns());
    qint64 rows = 0;
    const Status read = detect::forEachAnomaly(db, filter, [&](const detect::Anomaly &a) {
        writer.write(timesketchAnomaly(a));
        ++rows;
        return true;
    });
    if (!read)
        return read.error();
    return rows;
}

Result<qint64> writeReportTimesketch(Database &db, const detect::AnomalyFilter &filter, QIODevice &out,
                                     TimelineFormat format)
{
    std::vector<QJsonObject> rows;
    QStringList eventIds;
    if (const Status read = detect::forEachAnomaly(db, filter, [&](const detect::Anomaly &a) {
            rows.push_back(timesketchAnomaly(a));
            eventIds << a.eventIds;
            return true;
        });
        !read)
        return read.error();
    qint64 missing = 0;
    if (const Status read = forEachEventById(
            db, eventIds, [&](EventTable table, const QSqlRecord &r) { rows.push_back(timesketchEvent(r, table)); }, missing);
        !read)
        return read.error();
    std::stable_sort(rows.begin(), rows.end(), [](const QJsonObject &a, const QJsonObject &b) {
        return a.value(QStringLiteral("timestamp")).toInteger() < b.value(QStringLiteral("timestamp")).toInteger();
    });
    QStringList columns = timesketchAnomalyColumns() + QStringList{QStringLiteral("table")};
    for (EventTable t : {EventTable::SignIns, EventTable::Audits})
        for (const QString &c : eventFieldColumns(t))
            if (!columns.contains(c))
                columns << c;
    TimelineWriter writer(out, format, columns);
    for (const QJsonObject &row : rows)
        writer.write(row);
    return qint64(rows.size());
}

} // namespace backsight::exporting
