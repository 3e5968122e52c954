#include "export/event_export.h"

#include "export/csv_writer.h"
#include "model/time_format.h"
#include "store/database.h"
#include "store/migrations.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

namespace backsight::exporting {
namespace {

bool isTimeColumn(const QString &name)
{
    return name.endsWith(QLatin1String("_ms"));
}

QString csvName(const QString &name)
{
    return isTimeColumn(name) ? name.chopped(3) + QStringLiteral("_utc") : name;
}

QString csvValue(const QString &name, const QVariant &v)
{
    if (v.isNull())
        return {};
    return isTimeColumn(name) ? formatUtcMs(v.toLongLong()) : v.toString();
}

struct TaggedRecord
{
    QString table;
    qint64 timeMs = 0;
    QSqlRecord record;
};

// Finds each id in the three event tables; results in time order.
Status readById(Database &db, const QStringList &eventIds, std::vector<TaggedRecord> &out, qint64 &missing)
{
    QStringList unique = eventIds;
    unique.removeDuplicates();
    missing = 0;
    for (const QString &id : unique) {
        const Result<std::optional<StoredEvent>> event = eventById(db, id);
        if (!event)
            return event.error();
        const bool found = event->has_value();
        if (found)
            out.push_back({tableName((*event)->table), (*event)->timeMs, (*event)->record});
        if (!found)
            ++missing;
    }
    std::stable_sort(out.begin(), out.end(), [](const TaggedRecord &a, const TaggedRecord &b) { return a.timeMs < b.timeMs; });
    return {};
}

// Sign-in columns, then the audit columns the sign-in tables lack.
QStringList unionColumns()
{
    QStringList columns = signInColumns();
    for (const QString &c : auditColumns())
        if (!columns.contains(c))
            columns << c;
    return columns;
}

} // namespace

QJsonObject eventRecordJson(const QSqlRecord &r)
{
    QJsonObject o;
    for (int i = 0; i < r.count(); ++i) {
        const QVariant v = r.value(i);
        if (isTimeColumn(r.fieldName(i)) && !v.isNull())
            o.insert(csvName(r.fieldName(i)), formatUtcMs(v.toLongLong()));
        o.insert(r.fieldName(i), v.isNull() ? QJsonValue() : QJsonValue::fromVariant(v));
    }
    return o;
}

Result<qint64> writeEventsCsv(Database &db, EventTable table, const EventFilter &filter, QIODevice &out,
                              bool byteOrderMark, const RowProgress &progress)
{
    CsvWriter writer(out, byteOrderMark);
    const QStringList columns = table == EventTable::Audits ? auditColumns() : signInColumns();
    QStringList header;
    for (const QString &c : columns)
        header << csvName(c);
    writer.writeRow(header);
    qint64 rows = 0;
    bool cancelled = false;
    const Status read = forEachEvent(db, table, filter, [&](const QSqlRecord &r) {
        QStringList cells;
        for (const QString &c : columns)
            cells << csvValue(c, r.value(c));
        writer.writeRow(cells);
        if (progress && ++rows % 256 == 0 && !progress(rows))
            cancelled = true;
        return !cancelled;
    });
    if (cancelled)
        return Error::cancelled();
    if (!read)
        return read.error();
    return rows;
}

Result<qint64> writeEventsJsonl(Database &db, EventTable table, const EventFilter &filter, QIODevice &out,
                                const RowProgress &progress)
{
    qint64 rows = 0;
    bool cancelled = false;
    const Status read = forEachEvent(db, table, filter, [&](const QSqlRecord &r) {
        out.write(QJsonDocument(eventRecordJson(r)).toJson(QJsonDocument::Compact));
        out.write("\n");
        if (progress && ++rows % 256 == 0 && !progress(rows))
            cancelled = true;
        return !cancelled;
    });
    if (cancelled)
        return Error::cancelled();
    if (!read)
        return read.error();
    return rows;
}

Result<qint64> writeEventsByIdCsv(Database &db, const QStringList &eventIds, QIODevice &out, bool byteOrderMark,
                                  qint64 &missing)
{
    std::vector<TaggedRecord> records;
    if (Status read = readById(db, eventIds, records, missing); !read)
        return read.error();
    const QStringList columns = unionColumns();
    CsvWriter writer(out, byteOrderMark);
    QStringList header{QStringLiteral("table")};
    for (const QString &c : columns)
        header << csvName(c);
    writer.writeRow(header);
    for (const TaggedRecord &t : records) {
        QStringList cells{t.table};
        for (const QString &c : columns)
            cells << (t.record.contains(c) ? csvValue(c, t.record.value(c)) : QString());
        writer.writeRow(cells);
    }
    return qint64(records.size());
}

Result<qint64> writeEventsByIdJsonl(Database &db, const QStringList &eventIds, QIODevice &out, qint64 &missing)
{
    std::vector<TaggedRecord> records;
    if (Status read = readById(db, eventIds, records, missing); !read)
        return read.error();
    for (const TaggedRecord &t : records) {
        QJsonObject o = eventRecordJson(t.record);
        o.insert(QStringLiteral("table"), t.table);
        out.write(QJsonDocument(o).toJson(QJsonDocument::Compact));
        out.write("\n");
    }
    return qint64(records.size());
}

} // namespace backsight::exporting
