#include "store/watch_store.h"

#include "detect/anomaly_repository.h"
#include "store/database.h"

#include <QSqlError>
#include <QSqlQuery>

namespace backsight {
namespace {

Error storageError(Database &db, const QString &doing, const QSqlQuery &q)
{
    return Error::storage(Database::describe(QStringLiteral("%1 in %2").arg(doing, db.path()), q.lastError()));
}

} // namespace

Result<QHash<QString, WatchedFile>> watchedFiles(Database &db)
{
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT path, size_bytes, modified_ms, seen_at_ms, events_new, error FROM watched_files")))
        return storageError(db, QStringLiteral("cannot read the watched files"), q);
    QHash<QString, WatchedFile> files;
    while (q.next()) {
        WatchedFile f{q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toLongLong(), q.value(3).toLongLong(),
                      q.value(4).toLongLong(), q.value(5).toString()};
        files.insert(f.path, f);
    }
    return files;
}

Status rememberWatchedFile(Database &db, const WatchedFile &file)
{
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral("INSERT INTO watched_files (path, size_bytes, modified_ms, seen_at_ms, events_new, error) "
                             "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(path) DO UPDATE SET size_bytes = excluded.size_bytes, "
                             "modified_ms = excluded.modified_ms, seen_at_ms = excluded.seen_at_ms, "
                             "events_new = excluded.events_new, error = excluded.error"));
    q.addBindValue(file.path);
    q.addBindValue(file.sizeBytes);
    q.addBindValue(file.modifiedMs);
    q.addBindValue(file.seenAtMs);
    q.addBindValue(file.eventsNew);
    q.addBindValue(file.error.isEmpty() ? QVariant() : QVariant(file.error));
    if (!q.exec())
        return storageError(db, QStringLiteral("cannot remember the watched file %1").arg(file.path), q);
    return {};
}

Status startAlerts(Database &db, qint64 nowMs)
{
    QSqlQuery q(db.connection());
    if (!q.exec(QStringLiteral("SELECT 1 FROM watch_state WHERE name = 'alerts_started'")))
        return storageError(db, QStringLiteral("cannot read the watch state"), q);
    if (q.next())
        return {};
    if (!db.connection().transaction())
        return Error::storage(Database::describe(QStringLiteral("cannot start a transaction in %1").arg(db.path()),
                                                 db.connection().lastError()));
    // WHERE true: SQLite's parser needs a WHERE before an upsert clause on INSERT … SELECT; the cast gives
    // PostgreSQL the parameter's type, which a bare parameter in a select list does not have.
    q.prepare(QStringLiteral("INSERT INTO watch_alerts (anomaly_id, alerted_at_ms) SELECT id, CAST(? AS BIGINT) FROM "
                             "anomalies WHERE true ON CONFLICT DO NOTHING"));
    q.addBindValue(nowMs);
    const bool marked = q.exec();
    QSqlQuery state(db.connection());
    state.prepare(QStringLiteral("INSERT INTO watch_state (name, value) VALUES ('alerts_started', ?)"));
    state.addBindValue(nowMs);
    if (!marked || !state.exec()) {
        db.connection().rollback();
        return storageError(db, QStringLiteral("cannot start the watch alerts"), marked ? state : q);
    }
    if (!db.connection().commit())
        return Error::storage(Database::describe(QStringLiteral("cannot start the watch alerts in %1").arg(db.path()),
                                                 db.connection().lastError()));
    return {};
}

Result<std::vector<detect::Anomaly>> pendingAlerts(Database &db, detect::Severity minSeverity)
{
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id FROM anomalies WHERE severity_rank >= ? AND id NOT IN "
                             "(SELECT anomaly_id FROM watch_alerts)"));
    q.addBindValue(int(minSeverity));
    if (!q.exec())
        return storageError(db, QStringLiteral("cannot look for new anomalies"), q);
    detect::AnomalyFilter filter;
    while (q.next())
        filter.ids << q.value(0).toString();
    std::vector<detect::Anomaly> out;
    if (filter.ids.isEmpty())
        return out;
    if (const Status read = detect::forEachAnomaly(db, filter, [&](const detect::Anomaly &a) {
            out.push_back(a);
            return true;
        });
        !read)
        return read.error();
    std::sort(out.begin(), out.end(), [](const detect::Anomaly &a, const detect::Anomaly &b) {
        return std::tie(a.timeMs, a.id) < std::tie(b.timeMs, b.id);
    });
    return out;
}

Status markAlerted(Database &db, const QString &anomalyId, qint64 nowMs)
{
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral("INSERT INTO watch_alerts (anomaly_id, alerted_at_ms) VALUES (?, ?) ON CONFLICT DO NOTHING"));
    q.addBindValue(anomalyId);
    q.addBindValue(nowMs);
    if (!q.exec())
        return storageError(db, QStringLiteral("cannot record the alert for %1").arg(anomalyId), q);
    return {};
}

Result<QStringList> watchedFolders(Database &db)
{
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT path FROM watched_folders ORDER BY added_at_ms, path")))
        return storageError(db, QStringLiteral("cannot read the watched folders"), q);
    QStringList folders;
    while (q.next())
        folders << q.value(0).toString();
    return folders;
}

Status addWatchedFolder(Database &db, const QString &path, qint64 nowMs)
{
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral("INSERT INTO watched_folders (path, added_at_ms) VALUES (?, ?) ON CONFLICT DO NOTHING"));
    q.addBindValue(path);
    q.addBindValue(nowMs);
    if (!q.exec())
        return storageError(db, QStringLiteral("cannot add the watched folder %1").arg(path), q);
    return {};
}

Status removeWatchedFolder(Database &db, const QString &path)
{
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral("DELETE FROM watched_folders WHERE path = ?"));
    q.addBindValue(path);
    if (!q.exec())
        return storageError(db, QStringLiteral("cannot remove the watched folder %1").arg(path), q);
    return {};
}

} // namespace backsight
