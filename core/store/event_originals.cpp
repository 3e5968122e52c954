#include "store/event_originals.h"

#include "store/database.h"
#include "store/event_record.h"
#include "store/record_compressor.h"
#include "store/streamed_rows.h"

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QtEndian>
#include <zstd.h>

namespace backsight {
namespace {

// One decompressed block of originals: record index → bytes.
struct OpenBlock
{
    qint64 sourceId = -1, first = -1, last = -1;
    QHash<qint64, QByteArray> records;

    bool covers(qint64 source, qint64 index) const { return source == sourceId && index >= first && index <= last; }

    void unpack(const QByteArray &block)
    {
        records.clear();
        const unsigned long long size = ZSTD_getFrameContentSize(block.constData(), size_t(block.size()));
        if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN || size > (1ULL << 31) || size < 4)
            return;
        QByteArray raw(qsizetype(size), Qt::Uninitialized);
        const size_t n = ZSTD_decompress(raw.data(), size_t(raw.size()), block.constData(), size_t(block.size()));
        if (ZSTD_isError(n) || n != size)
            return;
        const quint32 count = qFromLittleEndian<quint32>(raw.constData());
        qsizetype offset = 4 + qsizetype(count) * 8;
        if (offset > raw.size())
            return;
        for (quint32 i = 0; i < count; ++i) {
            const char *entry = raw.constData() + 4 + qsizetype(i) * 8;
            const quint32 length = qFromLittleEndian<quint32>(entry + 4);
            if (offset + qsizetype(length) > raw.size())
                return;
            records.insert(qFromLittleEndian<quint32>(entry), raw.mid(offset, length));
            offset += length;
        }
    }
};

} // namespace

Result<qint64> countEvents(Database &db, EventTable table)
{
    QSqlQuery q(db.connection());
    if (!q.exec(QStringLiteral("SELECT count(*) FROM %1").arg(tableName(table))) || !q.next())
        return Error::storage(Database::describe(QStringLiteral("cannot count events in %1").arg(db.path()), q.lastError()));
    return q.value(0).toLongLong();
}

Status forEachEventWithOriginal(Database &db, EventTable table,
                                const std::function<bool(const QSqlRecord &, const QByteArray &)> &onRow)
{
    StreamedRows events(db); // a lookup of the originals' block runs between its rows
    QSqlQuery block(db.connection());
    block.prepare(QStringLiteral("SELECT id, last_record, encoding, data FROM originals WHERE id <= ? AND id >= ? "
                                 "ORDER BY id DESC LIMIT 1"));
    if (!events.exec(QStringLiteral("SELECT * FROM %1 ORDER BY source_id, record_index").arg(tableName(table))))
        return Error::storage(Database::describe(QStringLiteral("cannot read events from %1").arg(db.path()), events.lastError()));
    OpenBlock open;
    while (events.next()) {
        const QSqlRecord r = eventRecord(events.row());
        const qint64 source = r.value(QStringLiteral("source_id")).toLongLong();
        const qint64 index = r.value(QStringLiteral("record_index")).toLongLong();
        if (!open.covers(source, index)) {
            block.addBindValue(source * 4294967296LL + index);
            block.addBindValue(source * 4294967296LL);
            if (!block.exec())
                return Error::storage(
                    Database::describe(QStringLiteral("cannot read original records from %1").arg(db.path()), block.lastError()));
            open = OpenBlock();
            if (block.next() && block.value(2).toString() == OriginalBlockBuilder::encodingName()) {
                open.sourceId = source;
                open.first = block.value(0).toLongLong() - source * 4294967296LL;
                open.last = block.value(1).toLongLong();
                open.unpack(block.value(3).toByteArray());
            }
            block.finish();
        }
        if (!onRow(r, open.records.value(index)))
            return {};
    }
    if (events.lastError().isValid())
        return Error::storage(Database::describe(QStringLiteral("cannot read events from %1").arg(db.path()), events.lastError()));
    return {};
}

Status forEachEventById(Database &db, const QStringList &eventIds,
                        const std::function<void(EventTable, const QSqlRecord &)> &onRow, qint64 &missing)
{
    struct Found
    {
        EventTable table;
        qint64 timeMs;
        QSqlRecord record;
    };
    std::vector<Found> found;
    QStringList unique = eventIds;
    unique.removeDuplicates();
    missing = 0;
    for (const QString &id : unique) {
        bool hit = false;
        for (EventTable table : {EventTable::SignIns, EventTable::WorkloadSignIns, EventTable::Audits}) {
            QSqlQuery q(db.connection());
            q.prepare(QStringLiteral("SELECT * FROM %1 WHERE id = ?").arg(tableName(table)));
            q.addBindValue(id);
            if (!q.exec())
                return Error::storage(
                    Database::describe(QStringLiteral("cannot read event %1 from %2").arg(id, db.path()), q.lastError()));
            if (q.next()) {
                const QString time = table == EventTable::Audits ? QStringLiteral("time_ms") : QStringLiteral("created_ms");
                found.push_back({table, q.value(time).toLongLong(), eventRecord(q)});
                hit = true;
                break;
            }
        }
        missing += hit ? 0 : 1;
    }
    std::stable_sort(found.begin(), found.end(), [](const Found &a, const Found &b) { return a.timeMs < b.timeMs; });
    for (const Found &f : found)
        onRow(f.table, f.record);
    return {};
}

} // namespace backsight
