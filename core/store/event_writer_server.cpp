#include "store/event_writer.h"

#include "store/database.h"
#include "store/migrations.h"
#include "store/record_compressor.h"

#include <QSqlError>
#include <algorithm>
#include <utility>

// EventWriter on PostgreSQL: rows wait in COPY format, go to session-private staging tables, and move on into the
// event tables while the importer reads the next rows (event_writer.h).
namespace backsight {
namespace {

// An event table on PostgreSQL, its staging table and the columns an import writes.
struct ServerTable
{
    QString table, stage, columns;
};

QString importColumns(const QStringList &columns) // the row's cells, then source_id and record_index
{
    return columns.join(QLatin1Char(','));
}

enum ServerTableIndex { SignIns, WorkloadSignIns, Audits, BackupSessions };

const std::vector<ServerTable> &serverTables()
{
    static const std::vector<ServerTable> tables = {
        {QStringLiteral("signins"), QStringLiteral("backsight_stage_signins"), importColumns(signInColumns())},
        {QStringLiteral("service_signins"), QStringLiteral("backsight_stage_service_signins"), importColumns(signInColumns())},
        {QStringLiteral("audits"), QStringLiteral("backsight_stage_audits"), importColumns(auditColumns())},
        {QStringLiteral("backup_sessions"), QStringLiteral("backsight_stage_backup_sessions"),
         importColumns(backupSessionColumns())}};
    return tables;
}

} // namespace

bool EventWriter::prepareServer()
{
    // One staging table per event table, private to this connection: rows are copied in, then moved from there.
    // Created AS SELECT … WITH NO DATA: the import's columns only (no row-order column).
    for (const ServerTable &t : serverTables()) {
        QSqlQuery create(db_.connection());
        if (!create.exec(QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS %1 AS SELECT %2 FROM %3 WITH NO DATA")
                             .arg(t.stage, t.columns, t.table))) {
            error_ = Database::describe(QStringLiteral("cannot prepare the import into %1").arg(db_.path()),
                                        create.lastError());
            return false;
        }
    }
    serverReady_ = true;
    return true;
}

void EventWriter::bufferForServer(const std::vector<ImportRow> &rows, const std::string &arena)
{
    for (const ImportRow &row : rows) {
        const bool audit = row.kind == RecordKind::Audit;
        const bool backup = row.kind == RecordKind::BackupSession;
        CopyRows &out = serverRows_[backup                            ? BackupSessions
                                    : audit                           ? Audits
                                    : isWorkloadSignIn(row.eventType) ? WorkloadSignIns
                                                                      : SignIns];
        const int columns = row.columnCount();
        for (int c = 0; c < columns; ++c) {
            if (!audit && !backup && c == int(SignInColumn::Interactive)) {
                out.integer(row.eventType == SignInEventType::InteractiveUser ? 1 : 0);
                continue;
            }
            if (!audit && !backup && c == int(SignInColumn::EventType)) {
                const QByteArray &name = eventTypeUtf8(row.eventType);
                out.text(name.constData(), std::size_t(name.size()));
                continue;
            }
            const ImportRow::Cell &cell = row.cells[size_t(c)];
            switch (cell.type) {
            case ImportRow::Cell::Null: out.null(); break;
            case ImportRow::Cell::Text: out.text(arena.data() + cell.offset, cell.length); break;
            case ImportRow::Cell::Integer: out.integer(qint64(cell.integer)); break;
            case ImportRow::Cell::Real: out.real(cell.real); break;
            }
        }
        out.integer(pendingSourceId_);
        out.integer(row.recordIndex);
        out.endRow();
    }
}

void EventWriter::dropWaiting()
{
    for (CopyRows &rows : serverRows_)
        rows.clear();
    serverBlocks_.clear();
    serverRowsWaiting_ = 0;
}

bool EventWriter::sendToServer()
{
    if (!collectSent())
        return false;
    // The rows are copied into the staging tables; the statements that move them on are sent without waiting, so
    // the server inserts them while this thread reads the next rows of the file (collectSent() takes the answer).
    QByteArray statements;
    qint64 rows = 0;
    for (std::size_t t = 0; t < serverRows_.size(); ++t) {
        const CopyRows &copy = serverRows_[t];
        if (copy.isEmpty())
            continue;
        const ServerTable &table = serverTables()[t];
        if (const Status copied = copyIn(db_, QStringLiteral("COPY %1 (%2) FROM STDIN").arg(table.stage, table.columns), copy);
            !copied) {
            error_ = QStringLiteral("cannot store %1 events in %2 of %3: %4")
                         .arg(copy.rows())
                         .arg(table.table, db_.path(), copied.error().message);
            return false;
        }
        rows += copy.rows();
        // Into the event table in record order (so the row-order numbers follow the file), ids already stored
        // skipped; the answer is the record index of every row it stored (a query that formed runs of them itself,
        // with a window over the RETURNING rows, cost 2 ms more a statement).
        statements += QStringLiteral("INSERT INTO %1 (%2) SELECT %2 FROM %3 ORDER BY record_index "
                                     "ON CONFLICT DO NOTHING RETURNING record_index;")
                          .arg(table.table, table.columns, table.stage)
                          .toUtf8();
        // Then emptied. TRUNCATE gives the table a new file each time (2.3 ms: a third of the time of a small
        // hourly file); DELETE only marks the rows dead, and every 16th small send truncates them away.
        const bool truncate = copy.rows() >= 1024 || stagedBatches_++ % 16 == 0;
        statements += (truncate ? QStringLiteral("TRUNCATE %1;") : QStringLiteral("DELETE FROM %1;")).arg(table.stage).toUtf8();
    }
    inFlight_.blocks = std::move(serverBlocks_);
    inFlight_.sourceId = pendingSourceId_;
    inFlight_.rows = rows;
    dropWaiting();
    if (statements.isEmpty())
        return true;
    if (const Status sent = sendStatements(db_, statements); !sent) {
        error_ = QStringLiteral("cannot store %1 events in %2: %3").arg(rows).arg(db_.path(), sent.error().message);
        return false;
    }
    inFlight_.active = true;
    return true;
}

bool EventWriter::collectSent()
{
    if (!inFlight_.active)
        return true;
    inFlight_.active = false;
    const std::vector<ServerBlock> blocks = std::exchange(inFlight_.blocks, {});
    Result<std::vector<qint64>> answered = collectIntegers(db_);
    if (!answered) {
        error_ = QStringLiteral("cannot store %1 events in %2: %3").arg(inFlight_.rows).arg(db_.path(), answered.error().message);
        return false;
    }
    // The record indexes stored, from every event table (a record is one row, so each once).
    std::vector<qint64> &stored = *answered;
    std::sort(stored.begin(), stored.end());
    fileInserted_ += qint64(stored.size());
    // A block is kept when one of its records was stored.
    static const QByteArray encoding = OriginalBlockBuilder::encodingName().toUtf8();
    CopyBinaryRows kept;
    for (const ServerBlock &block : blocks) {
        const auto first = std::lower_bound(stored.begin(), stored.end(), block.firstIndex);
        if (first == stored.end() || *first > block.lastIndex)
            continue;
        kept.beginRow(4);
        kept.bigint(originalKey(inFlight_.sourceId, block.firstIndex));
        kept.bigint(block.lastIndex);
        kept.bytes(encoding.constData(), std::size_t(encoding.size()));
        kept.bytes(block.data.constData(), std::size_t(block.data.size()));
    }
    if (kept.isEmpty())
        return true;
    const QString copy = QStringLiteral("COPY originals (id, last_record, encoding, data) FROM STDIN (FORMAT binary)");
    if (const Status copied = copyIn(db_, copy, kept.finish()); !copied) {
        error_ = QStringLiteral("cannot store %1 blocks of original records in %2: %3")
                     .arg(kept.rows())
                     .arg(db_.path(), copied.error().message);
        return false;
    }
    return true;
}

} // namespace backsight
