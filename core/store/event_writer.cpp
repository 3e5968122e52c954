#include "store/event_writer.h"

#include "store/database.h"
#include "store/migrations.h"

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

template<typename T>
QVariant orNull(const std::optional<T> &v)
{
    return v ? QVariant::fromValue(*v) : QVariant();
}

QVariant orNull(const std::optional<bool> &v)
{
    return v ? QVariant(*v ? 1 : 0) : QVariant();
}


} // namespace

EventWriter::EventWriter(Database &db) : db_(db) {}

EventWriter::~EventWriter()
{
    if (inTransaction_)
        rollback();
}

bool EventWriter::prepare(QSqlQuery &q, const QString &sql)
{
    q = QSqlQuery(db_.connection());
    if (!q.prepare(sql)) {
        error_ = Database::describe(QStringLiteral("cannot prepare a statement on %1").arg(db_.path()), q.lastError());
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

bool EventWriter::begin()
{
    error_.clear();
    if (!insertSignIn_.isActive() && insertSignIn_.lastQuery().isEmpty()) {
        if (!prepare(insertSignIn_, insertSql(QStringLiteral("signins"), signInColumns()))
            || !prepare(insertWorkloadSignIn_, insertSql(QStringLiteral("service_signins"), signInColumns()))
            || !prepare(insertAudit_, insertSql(QStringLiteral("audits"), auditColumns()))
            || !prepare(insertOriginal_,
                        QStringLiteral("INSERT INTO originals (event_id, source_id, record_index, encoding, data) "
                                       "VALUES (?, ?, ?, 'json+zlib', ?) ON CONFLICT DO NOTHING")))
            return false;
    }
    if (!db_.connection().transaction()) {
        error_ = Database::describe(QStringLiteral("cannot start writing to %1").arg(db_.path()),
                                    db_.connection().lastError());
        return false;
    }
    inTransaction_ = true;
    // The source row is written first so events can reference it; its hash is filled in at commit.
    QSqlQuery q(db_.connection());
    q.prepare(QStringLiteral("INSERT INTO sources (path, sha256, size_bytes, reader, records_read, records_new, "
                             "records_rejected, imported_at, last_imported_at) VALUES (?, ?, 0, '', 0, 0, 0, 0, 0)"));
    q.addBindValue(QStringLiteral("(pending)"));
    q.addBindValue(QStringLiteral("(pending)"));
    if (!exec(q, QStringLiteral("cannot write to %1").arg(db_.path()))) {
        rollback();
        return false;
    }
    pendingSourceId_ = q.lastInsertId().toLongLong();
    return true;
}

bool EventWriter::addOriginal(const QString &id, qint64 recordIndex, std::string_view original)
{
    insertOriginal_.bindValue(0, id);
    insertOriginal_.bindValue(1, pendingSourceId_);
    insertOriginal_.bindValue(2, recordIndex);
    insertOriginal_.bindValue(3, compressor_.compress(original));
    return exec(insertOriginal_, QStringLiteral("cannot store the original of event %1 in %2").arg(id, db_.path()));
}

bool EventWriter::addSignIn(const SignIn &s, qint64 recordIndex, std::string_view original, bool &inserted)
{
    QSqlQuery &q = isWorkloadSignIn(s.eventType) ? insertWorkloadSignIn_ : insertSignIn_;
    int i = 0;
    q.bindValue(i++, s.id);
    q.bindValue(i++, s.createdMs);
    for (const QString *text : {&s.userId, &s.upn, &s.displayName, &s.userType, &s.appId, &s.appName, &s.resource,
                                &s.resourceId, &s.clientApp, &s.authRequirement, &s.ip, &s.city, &s.state, &s.country})
        q.bindValue(i++, orNull(*text));
    q.bindValue(i++, orNull(s.latitude));
    q.bindValue(i++, orNull(s.longitude));
    q.bindValue(i++, orNull(s.asn));
    for (const QString *text : {&s.os, &s.browser, &s.deviceId, &s.deviceName})
        q.bindValue(i++, orNull(*text));
    q.bindValue(i++, orNull(s.compliant));
    q.bindValue(i++, orNull(s.managed));
    q.bindValue(i++, orNull(s.trustType));
    q.bindValue(i++, orNull(s.errorCode));
    for (const QString *text : {&s.failureReason, &s.caStatus, &s.riskLevel, &s.riskState, &s.mfaMethod, &s.mfaResult,
                                &s.userAgent, &s.correlationId, &s.sessionId})
        q.bindValue(i++, orNull(*text));
    q.bindValue(i++, s.interactive() ? 1 : 0);
    q.bindValue(i++, eventTypeName(s.eventType));
    q.bindValue(i++, orNull(s.servicePrincipalId));
    q.bindValue(i++, orNull(s.servicePrincipalName));
    q.bindValue(i++, pendingSourceId_);
    q.bindValue(i++, recordIndex);
    if (!exec(q, QStringLiteral("cannot store sign-in %1 in %2").arg(s.id, db_.path())))
        return false;
    inserted = q.numRowsAffected() > 0;
    return !inserted || addOriginal(s.id, recordIndex, original);
}

bool EventWriter::addAudit(const AuditEvent &a, qint64 recordIndex, std::string_view original, bool &inserted)
{
    QSqlQuery &q = insertAudit_;
    int i = 0;
    q.bindValue(i++, a.id);
    q.bindValue(i++, a.timeMs);
    for (const QString *text : {&a.category, &a.activity, &a.operationType, &a.result, &a.resultReason, &a.initiatorUpn,
                                &a.initiatorApp, &a.initiatorId, &a.initiatorIp, &a.targets, &a.service,
                                &a.correlationId})
        q.bindValue(i++, orNull(*text));
    q.bindValue(i++, pendingSourceId_);
    q.bindValue(i++, recordIndex);
    if (!exec(q, QStringLiteral("cannot store audit event %1 in %2").arg(a.id, db_.path())))
        return false;
    inserted = q.numRowsAffected() > 0;
    return !inserted || addOriginal(a.id, recordIndex, original);
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
        for (const char *table : {"signins", "service_signins", "audits", "originals"}) {
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
    if (!db.commit()) {
        error_ = Database::describe(QStringLiteral("cannot commit %1 to %2").arg(summary.path, db_.path()), db.lastError());
        rollback();
        return false;
    }
    inTransaction_ = false;
    if (sourceId)
        *sourceId = id;
    return true;
}

void EventWriter::rollback()
{
    for (QSqlQuery *q : {&insertSignIn_, &insertWorkloadSignIn_, &insertAudit_, &insertOriginal_})
        q->finish();
    if (inTransaction_)
        db_.connection().rollback();
    inTransaction_ = false;
}

} // namespace backsight
