#include "store/event_queries.h"

#include "store/database.h"
#include "store/event_record.h"
#include "store/record_compressor.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace backsight {
namespace {

bool scalar(Database &db, const QString &sql, qint64 &value, QString &error)
{
    QSqlQuery q(db.connection());
    if (!q.exec(sql) || !q.next()) {
        error = Database::describe(QStringLiteral("cannot read %1").arg(db.path()), q.lastError());
        return false;
    }
    value = q.value(0).isNull() ? -1 : q.value(0).toLongLong();
    return true;
}

} // namespace

QString tableName(EventTable table)
{
    switch (table) {
    case EventTable::SignIns: return QStringLiteral("signins");
    case EventTable::WorkloadSignIns: return QStringLiteral("service_signins");
    case EventTable::Audits: return QStringLiteral("audits");
    }
    return {};
}

Result<StoreStats> readStats(Database &db)
{
    QString error;
    StoreStats s;
    qint64 first = -1, last = -1;
    const bool ok =
        scalar(db, QStringLiteral("SELECT count(*) FROM signins WHERE interactive = 1"), s.interactiveSignIns, error)
        && scalar(db, QStringLiteral("SELECT count(*) FROM signins WHERE interactive = 0"), s.nonInteractiveSignIns, error)
        && scalar(db, QStringLiteral("SELECT count(*) FROM service_signins"), s.workloadSignIns, error)
        && scalar(db, QStringLiteral("SELECT count(*) FROM audits"), s.audits, error)
        && scalar(db, QStringLiteral("SELECT count(DISTINCT upn) FROM signins WHERE upn IS NOT NULL"), s.users, error)
        && scalar(db, QStringLiteral("SELECT count(*) FROM sources"), s.sources, error)
        && scalar(db, QStringLiteral("SELECT count(*) FROM backup_sessions"), s.backupSessions, error)
        && scalar(db,
                  QStringLiteral("SELECT min(t) FROM (SELECT min(created_ms) AS t FROM signins UNION ALL "
                                 "SELECT min(created_ms) FROM service_signins UNION ALL SELECT min(time_ms) FROM audits) AS firsts"),
                  first, error)
        && scalar(db,
                  QStringLiteral("SELECT max(t) FROM (SELECT max(created_ms) AS t FROM signins UNION ALL "
                                 "SELECT max(created_ms) FROM service_signins UNION ALL SELECT max(time_ms) FROM audits) AS lasts"),
                  last, error);
    if (!ok)
        return Error::storage(error);
    if (first >= 0)
        s.firstEventMs = first;
    if (last >= 0)
        s.lastEventMs = last;
    return s;
}

Status forEachEvent(Database &db, EventTable table, const EventFilter &filter,
                    const std::function<bool(const QSqlRecord &)> &onRow)
{
    const QString timeColumn = table == EventTable::Audits ? QStringLiteral("time_ms") : QStringLiteral("created_ms");
    const QString userColumn = table == EventTable::Audits ? QStringLiteral("initiator_upn") : QStringLiteral("upn");
    QString sql = QStringLiteral("SELECT * FROM %1 WHERE 1 = 1").arg(tableName(table));
    if (!filter.upn.isEmpty())
        sql += QStringLiteral(" AND %1 = :upn").arg(userColumn);
    if (filter.fromMs)
        sql += QStringLiteral(" AND %1 >= :from").arg(timeColumn);
    if (filter.toMs)
        sql += QStringLiteral(" AND %1 < :to").arg(timeColumn);
    sql += QStringLiteral(" ORDER BY %1, id").arg(timeColumn);
    if (filter.limit >= 0)
        sql += QStringLiteral(" LIMIT :limit");
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    q.prepare(sql);
    if (!filter.upn.isEmpty())
        q.bindValue(QStringLiteral(":upn"), filter.upn.toLower());
    if (filter.fromMs)
        q.bindValue(QStringLiteral(":from"), *filter.fromMs);
    if (filter.toMs)
        q.bindValue(QStringLiteral(":to"), *filter.toMs);
    if (filter.limit >= 0)
        q.bindValue(QStringLiteral(":limit"), filter.limit);
    if (!q.exec())
        return Error::storage(Database::describe(QStringLiteral("cannot read events from %1").arg(db.path()), q.lastError()));
    while (q.next()) {
        if (!onRow(eventRecord(q)))
            break;
    }
    return {};
}

Result<QByteArray> originalRecord(Database &db, const QString &eventId)
{
    for (const QString &table : {tableName(EventTable::SignIns), tableName(EventTable::WorkloadSignIns),
                                 tableName(EventTable::Audits), QStringLiteral("backup_sessions")}) {
        QSqlQuery q(db.connection());
        // The block whose first record is the nearest at or before this one, within the same source.
        q.prepare(QStringLiteral("SELECT e.record_index, o.last_record, o.encoding, o.data FROM %1 e "
                                 "JOIN originals o ON o.id = (SELECT max(id) FROM originals "
                                 "WHERE id <= e.source_id * 4294967296 + e.record_index "
                                 "AND id >= e.source_id * 4294967296) WHERE e.id = ?")
                      .arg(table));
        q.addBindValue(eventId);
        if (!q.exec())
            return Error::storage(Database::describe(QStringLiteral("cannot read %1").arg(db.path()), q.lastError()));
        if (!q.next())
            continue;
        const qint64 recordIndex = q.value(0).toLongLong();
        if (q.value(2).toString() != OriginalBlockBuilder::encodingName() || q.value(1).toLongLong() < recordIndex)
            return Error::storage(QStringLiteral("the original record of event %1 is not stored in a form this Backsight reads")
                                      .arg(eventId));
        auto data = OriginalBlockBuilder::extract(q.value(3).toByteArray(), recordIndex);
        if (!data)
            return Error::storage(QStringLiteral("the original record of event %1 is damaged").arg(eventId));
        return std::move(*data);
    }
    return Error::notFound(QStringLiteral("no event %1 with an original record in %2").arg(eventId, db.path()));
}

Result<std::optional<StoredEvent>> eventById(Database &db, const QString &id)
{
    for (EventTable table : {EventTable::SignIns, EventTable::WorkloadSignIns, EventTable::Audits}) {
        QSqlQuery q(db.connection());
        q.prepare(QStringLiteral("SELECT * FROM %1 WHERE id = ?").arg(tableName(table)));
        q.addBindValue(id);
        if (!q.exec())
            return Error::storage(Database::describe(QStringLiteral("cannot read event %1 from %2").arg(id, db.path()), q.lastError()));
        if (q.next()) {
            const QSqlRecord r = eventRecord(q);
            const QString timeColumn = table == EventTable::Audits ? QStringLiteral("time_ms") : QStringLiteral("created_ms");
            return std::optional<StoredEvent>(StoredEvent{table, r.value(timeColumn).toLongLong(), r});
        }
    }
    return std::optional<StoredEvent>();
}

Result<qint64> countBackupSessions(Database &db)
{
    qint64 n = 0;
    QString error;
    if (!scalar(db, QStringLiteral("SELECT count(*) FROM backup_sessions"), n, error))
        return Error::storage(error);
    return n;
}

} // namespace backsight
