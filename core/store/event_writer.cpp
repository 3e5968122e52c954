#include "store/event_writer.h"

#include "store/database.h"
#include "store/migrations.h"
#include "store/record_compressor.h"

#include <QDateTime>
#include <QSqlError>
#include <QVariant>

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

enum ServerInsert { SignIns, WorkloadSignIns, Audits, BackupSessions, Originals };

const char *const kOriginalsInsert = "INSERT INTO originals (id, last_record, encoding, data) VALUES (?, ?, ?, ?)";

} // namespace

EventWriter::EventWriter(Database &db) : db_(db) {}

EventWriter::~EventWriter()
{
    if (inFile_)
        rollback();
    flush();
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

bool EventWriter::flush()
{
    if (!inTransaction_)
        return true;
    inTransaction_ = false;
    pendingFiles_ = 0;
    pendingRecords_ = 0;
    if (run("COMMIT"))
        return true;
    run("ROLLBACK");
    return false;
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

bool EventWriter::begin()
{
    error_.clear();
    const bool server = db_.dialect() == SqlDialect::PostgreSQL;
    if (server && serverInserts_.empty()) {
        const QString sql[] = {insertSql(QStringLiteral("signins"), signInColumns()),
                               insertSql(QStringLiteral("service_signins"), signInColumns()),
                               insertSql(QStringLiteral("audits"), auditColumns()),
                               insertSql(QStringLiteral("backup_sessions"), backupSessionColumns()),
                               QString::fromLatin1(kOriginalsInsert)};
        for (const QString &statement : sql) {
            auto q = std::make_unique<QSqlQuery>(db_.connection());
            if (!q->prepare(statement)) {
                error_ = Database::describe(QStringLiteral("cannot prepare a statement on %1").arg(db_.path()), q->lastError());
                serverInserts_.clear();
                return false;
            }
            serverInserts_.push_back(std::move(q));
        }
    } else if (!server && !insertSignIn_.isPrepared()) {
        if (!prepare(insertSignIn_, insertSql(QStringLiteral("signins"), signInColumns()))
            || !prepare(insertWorkloadSignIn_, insertSql(QStringLiteral("service_signins"), signInColumns()))
            || !prepare(insertAudit_, insertSql(QStringLiteral("audits"), auditColumns()))
            || !prepare(insertBackupSession_, insertSql(QStringLiteral("backup_sessions"), backupSessionColumns()))
            || !prepare(insertOriginal_, QString::fromLatin1(kOriginalsInsert)))
            return false;
    }
    if (!inTransaction_) {
        if (!run("BEGIN"))
            return false;
        inTransaction_ = true;
        // An identity number is taken at insert, not at commit: with two imports at once, rows committed later
        // could carry lower numbers than a detection watermark already past them. One import at a time.
        if (server && !run("LOCK TABLE signins, service_signins, audits, backup_sessions IN SHARE ROW EXCLUSIVE MODE")) {
            run("ROLLBACK");
            inTransaction_ = false;
            return false;
        }
    }
    if (!run("SAVEPOINT source_file"))
        return false;
    inFile_ = true;
    // The source row is written first so events can reference it; its hash is filled in at commit.
    QSqlQuery q(db_.connection());
    q.prepare(QStringLiteral("INSERT INTO sources (path, sha256, size_bytes, reader, records_read, records_new, "
                             "records_rejected, imported_at, last_imported_at) VALUES (?, ?, 0, '', 0, 0, 0, 0, 0) "
                             "RETURNING id"));
    q.addBindValue(QStringLiteral("(pending)"));
    q.addBindValue(QStringLiteral("(pending)"));
    if (!exec(q, QStringLiteral("cannot write to %1").arg(db_.path()))) {
        rollback();
        return false;
    }
    pendingSourceId_ = q.next() ? q.value(0).toLongLong() : 0;
    q.finish();
    return true;
}

bool EventWriter::addOriginals(qint64 firstIndex, qint64 lastIndex, const QByteArray &block)
{
    static const QString encoding = OriginalBlockBuilder::encodingName();
    if (!serverInserts_.empty()) {
        QSqlQuery &q = *serverInserts_[Originals];
        q.bindValue(0, originalKey(pendingSourceId_, firstIndex));
        q.bindValue(1, lastIndex);
        q.bindValue(2, encoding);
        q.bindValue(3, block);
        return exec(q, QStringLiteral("cannot store original records from %1 in %2").arg(firstIndex + 1).arg(db_.path()));
    }
    insertOriginal_.bind(1, originalKey(pendingSourceId_, firstIndex));
    insertOriginal_.bind(2, lastIndex);
    insertOriginal_.bind(3, encoding);
    insertOriginal_.bindBlob(4, block);
    const std::string from = std::to_string(firstIndex + 1);
    return step(insertOriginal_, "original records from", from);
}

bool EventWriter::addOnServer(const ImportRow &row, const std::string &arena, bool &inserted)
{
    const bool audit = row.kind == RecordKind::Audit;
    const bool backup = row.kind == RecordKind::BackupSession;
    QSqlQuery &q = *serverInserts_[backup                           ? BackupSessions
                                   : audit                          ? Audits
                                   : isWorkloadSignIn(row.eventType) ? WorkloadSignIns
                                                                     : SignIns];
    const int columns = row.columnCount();
    for (int c = 0; c < columns; ++c) {
        const ImportRow::Cell &cell = row.cells[size_t(c)];
        switch (cell.type) {
        case ImportRow::Cell::Null: q.bindValue(c, QVariant()); break;
        case ImportRow::Cell::Text: q.bindValue(c, QString::fromUtf8(arena.data() + cell.offset, qsizetype(cell.length))); break;
        case ImportRow::Cell::Integer: q.bindValue(c, qint64(cell.integer)); break;
        case ImportRow::Cell::Real: q.bindValue(c, cell.real); break;
        }
    }
    if (!audit && !backup) {
        q.bindValue(int(SignInColumn::Interactive), qint64(row.eventType == SignInEventType::InteractiveUser ? 1 : 0));
        q.bindValue(int(SignInColumn::EventType), eventTypeName(row.eventType));
    }
    q.bindValue(columns, pendingSourceId_);
    q.bindValue(columns + 1, row.recordIndex);
    if (!q.exec()) {
        const std::string_view id = cellText(row, arena, 0);
        error_ = Database::describe(QStringLiteral("cannot store %1 %2 in %3")
                                        .arg(backup ? QStringLiteral("backup session") : audit ? QStringLiteral("audit event")
                                                                                            : QStringLiteral("sign-in"),
                                             QString::fromUtf8(id.data(), qsizetype(id.size())), db_.path()),
                                    q.lastError());
        return false;
    }
    inserted = q.numRowsAffected() > 0;
    return true;
}

bool EventWriter::add(const ImportRow &row, const std::string &arena, bool &inserted)
{
    if (!serverInserts_.empty())
        return addOnServer(row, arena, inserted);
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
        static const QByteArray names[] = {eventTypeName(SignInEventType::InteractiveUser).toUtf8(),
                                           eventTypeName(SignInEventType::NonInteractiveUser).toUtf8(),
                                           eventTypeName(SignInEventType::ServicePrincipal).toUtf8(),
                                           eventTypeName(SignInEventType::ManagedIdentity).toUtf8()};
        const QByteArray &name = names[int(row.eventType)];
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

bool EventWriter::commit(const SourceSummary &summary, qint64 *sourceId)
{
    QSqlDatabase &db = db_.connection();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    qint64 id = pendingSourceId_;
    QSqlQuery existing(db);
    existing.prepare(QStringLiteral("SELECT id FROM sources WHERE path = ? AND sha256 = ?"));
    existing.addBindValue(summary.path);
    existing.addBindValue(summary.sha256);
    if (!exec(existing, QStringLiteral("cannot read sources of %1").arg(db_.path()))) {
        rollback();
        return false;
    }
    if (existing.next()) {
        // The same file was imported before: keep its row, point anything new at it.
        id = existing.value(0).toLongLong();
        existing.finish();
        QSqlQuery moveOriginals(db);
        moveOriginals.prepare(QStringLiteral("UPDATE originals SET id = id + ? WHERE id >= ? AND id < ?"));
        moveOriginals.addBindValue(originalKey(id, 0) - originalKey(pendingSourceId_, 0));
        moveOriginals.addBindValue(originalKey(pendingSourceId_, 0));
        moveOriginals.addBindValue(originalKey(pendingSourceId_ + 1, 0));
        if (!exec(moveOriginals, QStringLiteral("cannot update %1").arg(db_.path()))) {
            rollback();
            return false;
        }
        for (const char *table : {"signins", "service_signins", "audits", "backup_sessions"}) {
            QSqlQuery move(db);
            move.prepare(QStringLiteral("UPDATE %1 SET source_id = ? WHERE source_id = ?").arg(QLatin1String(table)));
            move.addBindValue(id);
            move.addBindValue(pendingSourceId_);
            if (!exec(move, QStringLiteral("cannot update %1").arg(db_.path()))) {
                rollback();
                return false;
            }
        }
        QSqlQuery drop(db);
        drop.prepare(QStringLiteral("DELETE FROM sources WHERE id = ?"));
        drop.addBindValue(pendingSourceId_);
        QSqlQuery touch(db);
        touch.prepare(QStringLiteral("UPDATE sources SET last_imported_at = ?, records_new = records_new + ? WHERE id = ?"));
        touch.addBindValue(now);
        touch.addBindValue(summary.inserted);
        touch.addBindValue(id);
        if (!exec(drop, QStringLiteral("cannot update %1").arg(db_.path()))
            || !exec(touch, QStringLiteral("cannot update %1").arg(db_.path()))) {
            rollback();
            return false;
        }
    } else {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("UPDATE sources SET path = ?, container = ?, container_sha256 = ?, sha256 = ?, "
                                 "size_bytes = ?, reader = ?, records_read = ?, records_new = ?, records_rejected = ?, "
                                 "imported_at = ?, last_imported_at = ? WHERE id = ?"));
        q.addBindValue(summary.path);
        q.addBindValue(orNull(summary.container));
        q.addBindValue(orNull(summary.containerSha256));
        q.addBindValue(summary.sha256);
        q.addBindValue(summary.sizeBytes);
        q.addBindValue(summary.reader);
        q.addBindValue(summary.read);
        q.addBindValue(summary.inserted);
        q.addBindValue(summary.rejected);
        q.addBindValue(now);
        q.addBindValue(now);
        q.addBindValue(pendingSourceId_);
        if (!exec(q, QStringLiteral("cannot record source %1 in %2").arg(summary.path, db_.path()))) {
            rollback();
            return false;
        }
    }
    if (!run("RELEASE source_file")) {
        rollback();
        return false;
    }
    inFile_ = false;
    ++pendingFiles_;
    pendingRecords_ += summary.read;
    if (sourceId)
        *sourceId = id;
    return true;
}

void EventWriter::rollback()
{
    for (SqliteStatement *q : {&insertSignIn_, &insertWorkloadSignIn_, &insertAudit_, &insertBackupSession_, &insertOriginal_})
        q->reset();
    if (inFile_) {
        run("ROLLBACK TO source_file");
        run("RELEASE source_file");
    }
    inFile_ = false;
}

} // namespace backsight
