#include "store/event_writer.h"

#include "store/database.h"
#include "store/migrations.h"
#include "store/postgres_copy.h"
#include "store/record_compressor.h"

#include <QDateTime>
#include <QSqlError>
#include <QVariant>
#include <array>
#include <utility>

namespace backsight {
namespace {

QString insertSql(const QString &table, const QStringList &columns)
{
    QStringList marks;
    marks.reserve(columns.size());
    for (qsizetype i = 0; i < columns.size(); ++i)
        marks << QStringLiteral("?");
    return QStringLiteral("INSERT INTO %1 (%2) VALUES (%3) ON CONFLICT DO NOTHING")
        .arg(table, columns.join(QLatin1Char(',')), marks.join(QLatin1Char(',')));
}

QVariant orNull(const QString &s)
{
    return s.isEmpty() ? QVariant() : QVariant(s);
}

const char *const kOriginalsInsert = "INSERT INTO originals (id, last_record, encoding, data) VALUES (?, ?, ?, ?)";

} // namespace

EventWriter::EventWriter(Database &db) : db_(db) {}

EventWriter::~EventWriter()
{
    if (inFile_)
        rollback();
    static_cast<void>(flush()); // nothing to tell: whoever needed the outcome called flush() itself
}

Error EventWriter::failure() const
{
    return Error::storage(error_);
}

bool EventWriter::run(const char *sql)
{
    QSqlQuery q(db_.connection());
    if (!q.exec(QString::fromLatin1(sql))) {
        error_ = Database::describe(QStringLiteral("cannot write to %1").arg(db_.path()), q.lastError());
        return false;
    }
    return true;
}

Status EventWriter::flush()
{
    if (!inTransaction_)
        return {};
    inTransaction_ = false;
    pendingFiles_ = 0;
    pendingRecords_ = 0;
    const qint64 spare = std::exchange(spareSourceId_, 0);
    if (spare) {
        QSqlQuery drop(db_.connection());
        drop.prepare(QStringLiteral("DELETE FROM sources WHERE id = ?"));
        drop.addBindValue(spare);
        if (!exec(drop, QStringLiteral("cannot update %1").arg(db_.path()))) {
            run("ROLLBACK");
            return failure();
        }
    }
    if (run("COMMIT"))
        return {};
    run("ROLLBACK");
    return failure();
}

QSqlQuery *EventWriter::statement(SourceStatement which, const char *sql)
{
    std::unique_ptr<QSqlQuery> &slot = sourceStatements_[std::size_t(which)];
    if (!slot) {
        auto q = std::make_unique<QSqlQuery>(db_.connection());
        if (!q->prepare(QString::fromLatin1(sql))) {
            error_ = Database::describe(QStringLiteral("cannot prepare a statement on %1").arg(db_.path()), q->lastError());
            return nullptr;
        }
        slot = std::move(q);
    }
    return slot.get();
}

bool EventWriter::prepare(SqliteStatement &statement, const QString &sql)
{
    sqlite3 *handle = SqliteStatement::handleOf(db_);
    if (!handle) {
        error_ = QStringLiteral("%1 is not an SQLite database connection").arg(db_.path());
        return false;
    }
    QString why;
    if (!statement.prepare(handle, sql, why)) {
        error_ = QStringLiteral("cannot prepare a statement on %1: %2").arg(db_.path(), why);
        return false;
    }
    return true;
}

bool EventWriter::exec(QSqlQuery &q, const QString &doing)
{
    if (!q.exec()) {
        error_ = Database::describe(doing, q.lastError());
        return false;
    }
    return true;
}

bool EventWriter::step(SqliteStatement &statement, const char *what, std::string_view id)
{
    QString why;
    if (statement.step(why))
        return true;
    // Built only on failure: formatting a message per row showed up in profiles.
    error_ = QStringLiteral("cannot store %1 %2 in %3: %4")
                 .arg(QLatin1String(what), QString::fromUtf8(id.data(), qsizetype(id.size())), db_.path(), why);
    return false;
}

Status EventWriter::begin()
{
    error_.clear();
    fileInserted_ = 0;
    dropWaiting();
    const bool server = db_.dialect() == SqlDialect::PostgreSQL;
    if (server && !serverReady_) {
        if (!prepareServer())
            return failure();
    } else if (!server && !insertSignIn_.isPrepared()) {
        if (!prepare(insertSignIn_, insertSql(QStringLiteral("signins"), signInColumns()))
            || !prepare(insertWorkloadSignIn_, insertSql(QStringLiteral("service_signins"), signInColumns()))
            || !prepare(insertAudit_, insertSql(QStringLiteral("audits"), auditColumns()))
            || !prepare(insertBackupSession_, insertSql(QStringLiteral("backup_sessions"), backupSessionColumns()))
            || !prepare(insertOriginal_, QString::fromLatin1(kOriginalsInsert)))
            return failure();
    }
    if (!inTransaction_) {
        if (!run("BEGIN"))
            return failure();
        inTransaction_ = true;
        // An identity number is taken at insert, not at commit: with two imports at once, rows committed later
        // could carry lower numbers than a detection watermark already past them. One import at a time.
        if (server && !run("LOCK TABLE signins, service_signins, audits, backup_sessions IN SHARE ROW EXCLUSIVE MODE")) {
            run("ROLLBACK");
            inTransaction_ = false;
            return failure();
        }
    }
    if (!run("SAVEPOINT source_file"))
        return failure();
    inFile_ = true;
    // The source row is written first so events can reference it; its hash is filled in at commit. A row left
    // over by a file that was already imported (commit) serves again.
    pendingIsSpare_ = spareSourceId_ != 0;
    if (pendingIsSpare_) {
        pendingSourceId_ = std::exchange(spareSourceId_, 0);
        return {};
    }
    QSqlQuery *q = statement(NewSource, "INSERT INTO sources (path, sha256, size_bytes, reader, records_read, records_new, "
                                        "records_rejected, imported_at, last_imported_at) "
                                        "VALUES ('(pending)', '(pending)', 0, '', 0, 0, 0, 0, 0) RETURNING id");
    if (!q || !exec(*q, QStringLiteral("cannot write to %1").arg(db_.path()))) {
        rollback();
        return failure();
    }
    pendingSourceId_ = q->next() ? q->value(0).toLongLong() : 0;
    q->finish();
    return {};
}

bool EventWriter::storeOriginals(qint64 firstIndex, qint64 lastIndex, const QByteArray &block)
{
    static const QString encoding = OriginalBlockBuilder::encodingName();
    insertOriginal_.bind(1, originalKey(pendingSourceId_, firstIndex));
    insertOriginal_.bind(2, lastIndex);
    insertOriginal_.bind(3, encoding);
    insertOriginal_.bindBlob(4, block);
    const std::string from = std::to_string(firstIndex + 1);
    return step(insertOriginal_, "original records from", from);
}

Status EventWriter::addBatch(const std::vector<ImportRow> &rows, const std::string &arena, qint64 firstIndex,
                             qint64 lastIndex, const QByteArray &originals)
{
    if (serverReady_) {
        bufferForServer(rows, arena);
        serverBlocks_.push_back({firstIndex, lastIndex, originals});
        serverRowsWaiting_ += qint64(rows.size());
        if (serverRowsWaiting_ >= kServerRowsPerSend && !sendToServer())
            return failure();
        return {};
    }
    qint64 inserted = 0;
    for (const ImportRow &row : rows) {
        bool isNew = false;
        if (!add(row, arena, isNew))
            return failure();
        inserted += isNew ? 1 : 0;
    }
    fileInserted_ += inserted;
    // A block whose records were all stored before is dropped.
    if (inserted > 0 && !storeOriginals(firstIndex, lastIndex, originals))
        return failure();
    return {};
}

const QByteArray &EventWriter::eventTypeUtf8(SignInEventType type)
{
    static const QByteArray names[] = {eventTypeName(SignInEventType::InteractiveUser).toUtf8(),
                                       eventTypeName(SignInEventType::NonInteractiveUser).toUtf8(),
                                       eventTypeName(SignInEventType::ServicePrincipal).toUtf8(),
                                       eventTypeName(SignInEventType::ManagedIdentity).toUtf8()};
    return names[int(type)];
}

bool EventWriter::add(const ImportRow &row, const std::string &arena, bool &inserted)
{
    const bool audit = row.kind == RecordKind::Audit;
    const bool backup = row.kind == RecordKind::BackupSession;
    SqliteStatement &q = backup ? insertBackupSession_
                         : audit ? insertAudit_
                         : isWorkloadSignIn(row.eventType) ? insertWorkloadSignIn_
                                                           : insertSignIn_;
    const int columns = row.columnCount();
    for (int c = 0; c < columns; ++c) {
        const ImportRow::Cell &cell = row.cells[size_t(c)];
        switch (cell.type) {
        case ImportRow::Cell::Null: q.bindNull(c + 1); break;
        case ImportRow::Cell::Text: q.bindUtf8(c + 1, arena.data() + cell.offset, int(cell.length)); break;
        case ImportRow::Cell::Integer: q.bind(c + 1, qint64(cell.integer)); break;
        case ImportRow::Cell::Real: q.bindReal(c + 1, cell.real); break;
        }
    }
    if (!audit && !backup) {
        // Derived from the event type, which the flattener settles last.
        const QByteArray &name = eventTypeUtf8(row.eventType);
        q.bind(int(SignInColumn::Interactive) + 1, qint64(row.eventType == SignInEventType::InteractiveUser ? 1 : 0));
        q.bindUtf8(int(SignInColumn::EventType) + 1, name.constData(), int(name.size()));
    }
    q.bind(columns + 1, pendingSourceId_);
    q.bind(columns + 2, row.recordIndex);
    if (!step(q, backup ? "backup session" : audit ? "audit event" : "sign-in", cellText(row, arena, 0)))
        return false;
    inserted = q.changes() > 0;
    return true;
}

// Points what this file stored at the row of the source it already was (`id`): its originals' keys and its events.
bool EventWriter::moveToSource(qint64 id)
{
    QSqlDatabase &db = db_.connection();
    QSqlQuery moveOriginals(db);
    moveOriginals.prepare(QStringLiteral("UPDATE originals SET id = id + ? WHERE id >= ? AND id < ?"));
    moveOriginals.addBindValue(originalKey(id, 0) - originalKey(pendingSourceId_, 0));
    moveOriginals.addBindValue(originalKey(pendingSourceId_, 0));
    moveOriginals.addBindValue(originalKey(pendingSourceId_ + 1, 0));
    if (!exec(moveOriginals, QStringLiteral("cannot update %1").arg(db_.path())))
        return false;
    for (const char *table : {"signins", "service_signins", "audits", "backup_sessions"}) {
        QSqlQuery move(db);
        move.prepare(QStringLiteral("UPDATE %1 SET source_id = ? WHERE source_id = ?").arg(QLatin1String(table)));
        move.addBindValue(id);
        move.addBindValue(pendingSourceId_);
        if (!exec(move, QStringLiteral("cannot update %1").arg(db_.path())))
            return false;
    }
    return true;
}

Status EventWriter::commit(const SourceSummary &summary, qint64 *sourceId)
{
    // The file's last rows, and the answer for everything it sent: its count of new events is complete after this.
    if ((!serverBlocks_.empty() && !sendToServer()) || !collectSent()) {
        rollback();
        return failure();
    }
    QSqlDatabase &db = db_.connection();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    qint64 id = pendingSourceId_;
    bool keepSpare = false;
    QSqlQuery *existing = statement(FindSource, "SELECT id FROM sources WHERE path = ? AND sha256 = ?");
    if (existing) {
        existing->bindValue(0, summary.path);
        existing->bindValue(1, summary.sha256);
    }
    if (!existing || !exec(*existing, QStringLiteral("cannot read sources of %1").arg(db_.path()))) {
        rollback();
        return failure();
    }
    const bool seenBefore = existing->next();
    if (seenBefore)
        id = existing->value(0).toLongLong();
    existing->finish();
    if (seenBefore) {
        // The same file was imported before: keep its row, point anything new at it.
        // Nothing new from it (the usual re-import): no event and no original points at the pending row, and the
        // moves, a scan of each event table per file, are skipped.
        if (fileInserted_ > 0 && !moveToSource(id)) {
            rollback();
            return failure();
        }
        // Deleting a source row checks that no event points at it: a scan of each event table (no index on
        // source_id). So an unused pending row is not deleted per file but kept for the next file, and deleted
        // once when the transaction commits (flush): re-importing 906 files took 26 s, most of it these checks.
        QSqlQuery drop(db);
        drop.prepare(QStringLiteral("DELETE FROM sources WHERE id = ?"));
        drop.addBindValue(pendingSourceId_);
        QSqlQuery *touch =
            statement(TouchSource, "UPDATE sources SET last_imported_at = ?, records_new = records_new + ? WHERE id = ?");
        if (touch) {
            touch->bindValue(0, now);
            touch->bindValue(1, fileInserted_);
            touch->bindValue(2, id);
        }
        if ((fileInserted_ > 0 && !exec(drop, QStringLiteral("cannot update %1").arg(db_.path())))
            || !touch || !exec(*touch, QStringLiteral("cannot update %1").arg(db_.path()))) {
            rollback();
            return failure();
        }
        keepSpare = fileInserted_ == 0;
    } else {
        QSqlQuery *q = statement(RecordSource, "UPDATE sources SET path = ?, container = ?, container_sha256 = ?, "
                                               "sha256 = ?, size_bytes = ?, reader = ?, records_read = ?, records_new = ?, "
                                               "records_rejected = ?, imported_at = ?, last_imported_at = ? WHERE id = ?");
        if (q) {
            const QVariant values[] = {summary.path, orNull(summary.container), orNull(summary.containerSha256),
                                       summary.sha256, summary.sizeBytes, summary.reader, summary.read, fileInserted_,
                                       summary.rejected, now, now, pendingSourceId_};
            for (int i = 0; i < int(std::size(values)); ++i)
                q->bindValue(i, values[i]);
        }
        if (!q || !exec(*q, QStringLiteral("cannot record source %1 in %2").arg(summary.path, db_.path()))) {
            rollback();
            return failure();
        }
    }
    if (!run("RELEASE source_file")) {
        rollback();
        return failure();
    }
    inFile_ = false;
    if (keepSpare)
        spareSourceId_ = pendingSourceId_;
    ++pendingFiles_;
    pendingRecords_ += summary.read;
    if (sourceId)
        *sourceId = id;
    return {};
}

void EventWriter::rollback()
{
    if (inFlight_.active) { // its answer is read (the connection must be idle) and dropped with the file
        inFlight_ = {};
        static_cast<void>(collectIntegers(db_));
    }
    dropWaiting();
    fileInserted_ = 0;
    for (SqliteStatement *q : {&insertSignIn_, &insertWorkloadSignIn_, &insertAudit_, &insertBackupSession_, &insertOriginal_})
        q->reset();
    if (inFile_) {
        run("ROLLBACK TO source_file");
        run("RELEASE source_file");
        if (pendingIsSpare_) // it was there before this file's savepoint, and still is
            spareSourceId_ = pendingSourceId_;
    }
    inFile_ = false;
}

} // namespace backsight
