#include "store/case_repository.h"

#include "cases/case_records.h"
#include "store/case_change_listener.h"
#include "store/database.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace backsight::cases {
namespace {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

// One analyst action, durable once the call returns (a crash or a power cut after it keeps it):
// - SQLite: BEGIN IMMEDIATE takes the write lock up front, so a concurrent import makes us wait for the busy
//   timeout instead of failing half-way; COMMIT with synchronous = FULL syncs the WAL at the commit. The
//   connection goes back to its usual NORMAL afterwards, so imports keep their speed.
// - PostgreSQL (a case shared by a team): BEGIN with synchronous_commit on for this transaction, whatever the
//   server's default; the anomalies an action reads are locked (FOR UPDATE, lockClause()) so two analysts
//   changing one anomaly at once take turns, and the second one's audit entry says what the first one set.
//   An action that changed something is announced to the team (NOTIFY, store/case_change_listener.h) inside the
//   transaction, so colleagues hear of it exactly when, and only if, it commits.
class ActionTransaction
{
public:
    ActionTransaction(Database &db, const QString &doing) : db_(db), doing_(doing)
    {
        if (db_.dialect() == SqlDialect::PostgreSQL) {
            if (!exec(QStringLiteral("BEGIN")))
                return;
            open_ = true;
            if (!exec(QStringLiteral("SET LOCAL synchronous_commit TO on"))) {
                exec(QStringLiteral("ROLLBACK"), false);
                open_ = false;
            }
            return;
        }
        QSqlQuery q(db_.connection());
        if (q.exec(QStringLiteral("PRAGMA synchronous")) && q.next())
            previousSync_ = q.value(0).toInt();
        if (!exec(QStringLiteral("PRAGMA synchronous = FULL")) || !exec(QStringLiteral("BEGIN IMMEDIATE")))
            return;
        open_ = true;
    }
    ~ActionTransaction()
    {
        if (open_)
            exec(QStringLiteral("ROLLBACK"), false);
        restoreSync();
    }
    bool isOpen() const { return open_; }
    // Why the transaction could not begin or commit.
    const Error &error() const { return error_; }
    // `action` (empty: nothing changed, nothing to announce) and how many anomalies it touched, for the team.
    backsight::Status commit(const QString &action = {}, int anomalies = 0)
    {
        if (!open_)
            return error_;
        if (!action.isEmpty() && db_.dialect() == SqlDialect::PostgreSQL && !notifyTeam(action, anomalies))
            return error_;
        if (!exec(QStringLiteral("COMMIT")))
            return error_;
        open_ = false;
        return {};
    }

private:
    bool notifyTeam(const QString &action, int anomalies)
    {
        QSqlQuery q(db_.connection());
        q.prepare(QStringLiteral("SELECT pg_notify(?, ?)"));
        q.addBindValue(caseChangeChannel());
        q.addBindValue(caseChangePayload(action, anomalies));
        if (q.exec())
            return true;
        error_ = Error::storage(Database::describe(doing_ + QStringLiteral(" (telling the team)"), q.lastError()));
        return false;
    }
    bool exec(const QString &sql, bool reportError = true)
    {
        QSqlQuery q(db_.connection());
        if (q.exec(sql))
            return true;
        if (reportError)
            error_ = Error::storage(Database::describe(doing_, q.lastError()));
        return false;
    }
    void restoreSync()
    {
        if (db_.dialect() != SqlDialect::SQLite)
            return;
        QSqlQuery q(db_.connection());
        q.exec(QStringLiteral("PRAGMA synchronous = %1").arg(previousSync_));
    }

    Database &db_;
    QString doing_;
    Error error_;
    int previousSync_ = 1; // NORMAL
    bool open_ = false;
};

Error failed(const QString &what, const QSqlQuery &q)
{
    return Error::storage(Database::describe(what, q.lastError()));
}

Result<qint64> insertAudit(Database &db, qint64 atMs, const QString &author, const QString &actionName,
                           const QString &target, const QJsonObject &detail)
{
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral("INSERT INTO audit_log (at_ms, author, action, target, detail) VALUES (?, ?, ?, ?, ?) "
                             "RETURNING id"));
    q.addBindValue(atMs);
    q.addBindValue(author);
    q.addBindValue(actionName);
    q.addBindValue(target.isEmpty() ? QVariant() : QVariant(target));
    q.addBindValue(detail.isEmpty() ? QVariant() : QVariant(QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact))));
    if (!q.exec())
        return failed(QStringLiteral("writing the audit log of %1").arg(db.path()), q);
    const qint64 id = q.next() ? q.value(0).toLongLong() : 0;
    q.finish();
    return id;
}

// Inside an action: the rows read are the action's until it ends. SQLite's BEGIN IMMEDIATE already holds the
// whole file; PostgreSQL locks the rows themselves.
QString lockClause(const Database &db)
{
    return db.dialect() == SqlDialect::PostgreSQL ? QStringLiteral(" FOR UPDATE") : QString();
}

// The current status of each id, locked for the action; ids with no anomaly are absent. Locked in id order,
// so two bulk changes over overlapping anomalies queue up rather than deadlock.
Result<QHash<QString, QString>> readStatuses(Database &db, const QStringList &ids)
{
    QHash<QString, QString> out;
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral("SELECT status FROM anomalies WHERE id = ?") + lockClause(db));
    QStringList ordered = ids;
    ordered.sort();
    for (const QString &id : std::as_const(ordered)) {
        q.bindValue(0, id);
        if (!q.exec())
            return failed(QStringLiteral("reading anomaly %1").arg(id), q);
        if (q.next())
            out.insert(id, q.value(0).toString());
    }
    return out;
}

Error missingIdsError(const QStringList &ids, const QHash<QString, QString> &found, const QString &dbPath)
{
    QStringList missing;
    for (const QString &id : ids)
        if (!found.contains(id))
            missing << id;
    return Error::notFound(QStringLiteral("no anomaly %1 in %2").arg(missing.join(QStringLiteral(", ")), dbPath));
}

// One anomaly a note or tag is about, read (and on a server locked) inside the action's transaction: NotFound when
// the case has no such anomaly.
backsight::Status requireAnomaly(Database &db, const QString &anomalyId)
{
    const auto found = readStatuses(db, {anomalyId});
    if (!found)
        return found.error();
    if (found->isEmpty())
        return missingIdsError({anomalyId}, *found, db.path());
    return {};
}

Result<qint64> insertNote(Database &db, const QString &anomalyId, const QString &text, const QString &author,
                          qint64 atMs)
{
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral("INSERT INTO anomaly_notes (anomaly_id, author, at_ms, text) VALUES (?, ?, ?, ?) RETURNING id"));
    q.addBindValue(anomalyId);
    q.addBindValue(author);
    q.addBindValue(atMs);
    q.addBindValue(text);
    if (!q.exec())
        return failed(QStringLiteral("adding a note to anomaly %1").arg(anomalyId), q);
    const qint64 noteId = q.next() ? q.value(0).toLongLong() : 0;
    q.finish();
    const auto audited = insertAudit(db, atMs, author, action::note, anomalyId,
                                     QJsonObject{{QStringLiteral("note_id"), noteId}, {QStringLiteral("text"), text}});
    if (!audited)
        return audited.error();
    return noteId;
}

QString normalisedTag(const QString &tag)
{
    return tag.simplified().toLower();
}

backsight::Status changeTag(Database &db, const QString &anomalyId, const QString &rawTag, const QString &author,
                            bool add)
{
    const QString tag = normalisedTag(rawTag);
    if (tag.isEmpty())
        return Error::badInput(QStringLiteral("a tag for anomaly %1 cannot be blank").arg(anomalyId));
    const QString doing = QStringLiteral("%1 tag '%2' %3 anomaly %4")
                              .arg(add ? QStringLiteral("adding") : QStringLiteral("removing"), tag,
                                   add ? QStringLiteral("to") : QStringLiteral("from"), anomalyId);
    ActionTransaction tx(db, doing);
    if (!tx.isOpen())
        return tx.error();
    if (backsight::Status exists = requireAnomaly(db, anomalyId); !exists)
        return exists.error();
    const qint64 at = nowMs();
    QSqlQuery q(db.connection());
    if (add) {
        q.prepare(QStringLiteral("INSERT INTO anomaly_tags (anomaly_id, tag, author, at_ms) VALUES (?, ?, ?, ?) "
                                 "ON CONFLICT DO NOTHING"));
        q.addBindValue(anomalyId);
        q.addBindValue(tag);
        q.addBindValue(author);
        q.addBindValue(at);
    } else {
        q.prepare(QStringLiteral("DELETE FROM anomaly_tags WHERE anomaly_id = ? AND tag = ?"));
        q.addBindValue(anomalyId);
        q.addBindValue(tag);
    }
    if (!q.exec())
        return failed(doing, q);
    const bool changed = q.numRowsAffected() > 0;
    const QString actionName = add ? action::tag : action::untag;
    if (!changed)
        return tx.commit();
    const auto audited = insertAudit(db, at, author, actionName, anomalyId, QJsonObject{{QStringLiteral("tag"), tag}});
    if (!audited)
        return audited.error();
    return tx.commit(actionName, 1);
}

} // namespace

Result<int> setStatus(Database &db, const QStringList &anomalyIds, Status status, const QString &author,
                      const QString &note)
{
    QStringList ids;
    for (const QString &id : anomalyIds)
        if (!id.trimmed().isEmpty() && !ids.contains(id.trimmed()))
            ids << id.trimmed();
    if (ids.isEmpty())
        return Error::badInput(QStringLiteral("no anomaly ids given"));
    const QString to = statusName(status);
    ActionTransaction tx(db, QStringLiteral("setting the status of %1 anomalies to %2").arg(ids.size()).arg(to));
    if (!tx.isOpen())
        return tx.error();
    const auto read = readStatuses(db, ids);
    if (!read)
        return read.error();
    const QHash<QString, QString> &current = *read;
    if (current.size() != ids.size())
        return missingIdsError(ids, current, db.path());
    const qint64 at = nowMs();
    const QString noteText = note.trimmed();
    QSqlQuery update(db.connection());
    update.prepare(QStringLiteral("UPDATE anomalies SET status = ?, status_by = ?, status_at_ms = ? WHERE id = ?"));
    int changed = 0;
    for (const QString &id : ids) {
        if (current.value(id) != to) {
            update.bindValue(0, to);
            update.bindValue(1, author);
            update.bindValue(2, at);
            update.bindValue(3, id);
            if (!update.exec())
                return failed(QStringLiteral("setting the status of anomaly %1").arg(id), update);
            QJsonObject detail{{QStringLiteral("from"), current.value(id)}, {QStringLiteral("to"), to}};
            if (!noteText.isEmpty())
                detail.insert(QStringLiteral("note"), noteText);
            const auto audited = insertAudit(db, at, author, action::status, id, detail);
            if (!audited)
                return audited.error();
            ++changed;
        }
        if (!noteText.isEmpty()) {
            const auto noted = insertNote(db, id, noteText, author, at);
            if (!noted)
                return noted.error();
        }
    }
    const QString announced = changed > 0 ? action::status : noteText.isEmpty() ? QString() : action::note;
    const auto committed = tx.commit(announced, noteText.isEmpty() ? changed : int(ids.size()));
    if (!committed)
        return committed.error();
    return changed;
}

Result<qint64> addNote(Database &db, const QString &anomalyId, const QString &text, const QString &author)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return Error::badInput(QStringLiteral("a note for anomaly %1 cannot be blank").arg(anomalyId));
    ActionTransaction tx(db, QStringLiteral("adding a note to anomaly %1").arg(anomalyId));
    if (!tx.isOpen())
        return tx.error();
    if (backsight::Status exists = requireAnomaly(db, anomalyId); !exists)
        return exists.error();
    const auto noteId = insertNote(db, anomalyId, trimmed, author, nowMs());
    if (!noteId)
        return noteId.error();
    const auto committed = tx.commit(action::note, 1);
    if (!committed)
        return committed.error();
    return *noteId;
}

backsight::Status addTag(Database &db, const QString &anomalyId, const QString &tag, const QString &author)
{
    return changeTag(db, anomalyId, tag, author, true);
}

backsight::Status removeTag(Database &db, const QString &anomalyId, const QString &tag, const QString &author)
{
    return changeTag(db, anomalyId, tag, author, false);
}

Result<qint64> appendAudit(Database &db, const QString &actionName, const QString &target, const QJsonObject &detail,
                           const QString &author)
{
    if (actionName.trimmed().isEmpty())
        return Error::badInput(QStringLiteral("an audit log entry needs an action"));
    ActionTransaction tx(db, QStringLiteral("writing the audit log of %1").arg(db.path()));
    if (!tx.isOpen())
        return tx.error();
    const auto id = insertAudit(db, nowMs(), author, actionName, target, detail);
    if (!id)
        return id.error();
    const auto committed = tx.commit(actionName, 0);
    if (!committed)
        return committed.error();
    return *id;
}

Result<std::vector<Note>> readNotes(Database &db, const QString &anomalyId)
{
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, anomaly_id, author, at_ms, text FROM anomaly_notes WHERE anomaly_id = ? "
                             "ORDER BY at_ms, id"));
    q.addBindValue(anomalyId);
    if (!q.exec())
        return failed(QStringLiteral("reading the notes of anomaly %1").arg(anomalyId), q);
    std::vector<Note> out;
    while (q.next())
        out.push_back({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toLongLong(),
                       q.value(4).toString()});
    return out;
}

Result<std::vector<Tag>> readTags(Database &db, const QString &anomalyId)
{
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT anomaly_id, tag, author, at_ms FROM anomaly_tags WHERE anomaly_id = ? "
                             "ORDER BY tag"));
    q.addBindValue(anomalyId);
    if (!q.exec())
        return failed(QStringLiteral("reading the tags of anomaly %1").arg(anomalyId), q);
    std::vector<Tag> out;
    while (q.next())
        out.push_back({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toLongLong()});
    return out;
}

Result<std::map<QString, CaseRecord>> readCaseRecords(Database &db, const QStringList &anomalyIds)
{
    std::map<QString, CaseRecord> out;
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral("SELECT status, status_by, status_at_ms FROM anomalies WHERE id = ?"));
    for (const QString &id : anomalyIds) {
        if (out.count(id))
            continue;
        q.bindValue(0, id);
        if (!q.exec())
            return failed(QStringLiteral("reading anomaly %1").arg(id), q);
        if (!q.next())
            continue;
        CaseRecord record;
        record.status = q.value(0).toString();
        record.statusBy = q.value(1).toString();
        if (!q.value(2).isNull())
            record.statusAtMs = q.value(2).toLongLong();
        auto notes = readNotes(db, id);
        if (!notes)
            return notes.error();
        auto tags = readTags(db, id);
        if (!tags)
            return tags.error();
        record.notes = std::move(*notes);
        record.tags = std::move(*tags);
        out.emplace(id, std::move(record));
    }
    return out;
}

Result<std::vector<AuditEntry>> readAuditLog(Database &db, const AuditFilter &filter)
{
    QString sql = QStringLiteral("SELECT id, at_ms, author, action, target, detail FROM audit_log WHERE id > ?");
    QVariantList binds{filter.afterId};
    if (!filter.target.isEmpty()) {
        sql += QStringLiteral(" AND target = ?");
        binds << filter.target;
    }
    if (!filter.action.isEmpty()) {
        sql += QStringLiteral(" AND action = ?");
        binds << filter.action;
    }
    sql += QStringLiteral(" ORDER BY id");
    if (filter.limit >= 0) {
        sql += QStringLiteral(" LIMIT ?");
        binds << filter.limit;
    }
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    q.prepare(sql);
    for (int i = 0; i < binds.size(); ++i)
        q.bindValue(i, binds[i]);
    if (!q.exec())
        return failed(QStringLiteral("reading the audit log of %1").arg(db.path()), q);
    std::vector<AuditEntry> out;
    while (q.next())
        out.push_back({q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(), q.value(3).toString(),
                       q.value(4).toString(), QJsonDocument::fromJson(q.value(5).toString().toUtf8()).object()});
    return out;
}

} // namespace backsight::cases
