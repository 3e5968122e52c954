#pragma once

#include "detect/finding.h"
#include "model/result.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <vector>

namespace backsight {

class Database;

// What a watcher remembers in the case (migration 5), so that a restart takes in only new or grown files and
// raises every new anomaly once.
struct WatchedFile
{
    QString path;
    qint64 sizeBytes = 0;
    qint64 modifiedMs = 0;
    qint64 seenAtMs = 0;
    qint64 eventsNew = 0;
    QString error; // why the file was rejected, empty when it was imported
};

Result<QHash<QString, WatchedFile>> watchedFiles(Database &db);
Status rememberWatchedFile(Database &db, const WatchedFile &file);

// The first time a case is watched, the anomalies it already holds are not news: they are marked as alerted.
// Later starts mark nothing, so anomalies stored while no watcher ran are still raised.
Status startAlerts(Database &db, qint64 nowMs);
// Anomalies at or above `minSeverity` not yet raised, oldest first.
Result<std::vector<detect::Anomaly>> pendingAlerts(Database &db, detect::Severity minSeverity);
Status markAlerted(Database &db, const QString &anomalyId, qint64 nowMs);

// The folders the GUI watches for this case.
Result<QStringList> watchedFolders(Database &db);
Status addWatchedFolder(Database &db, const QString &path, qint64 nowMs);
Status removeWatchedFolder(Database &db, const QString &path);

} // namespace backsight
