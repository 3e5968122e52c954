#pragma once

#include "model/result.h"

#include <QString>
#include <QStringList>
#include <optional>
#include <utility>
#include <vector>

namespace backsight {

class Database;

namespace store {

// One row of backup_sessions as the backup models and views read it (docs/formats.md, "Veeam backup sessions").
struct BackupSessionRow
{
    QString id;
    qint64 rowId = 0;
    qint64 creationMs = 0;
    std::optional<qint64> endMs;
    QString level;   // "task" (one protected object) or "job"
    QString jobName; // the job a task session ran in; the job itself for a job session
    QString result;  // Success, Warning, Failed, None
    std::optional<bool> full;
    std::optional<qint64> transferredBytes, readBytes, processedBytes, processedUsedBytes, backupSize;
    std::optional<double> dedupRatio, compressRatio, durationS;
    std::optional<int> utcOffsetMin; // the backup server's zone at the session's start, when the export said it
};

// What is known about one server (a protected object — VM, agent, share — or a job that names none).
struct BackupServerRow
{
    QString server;
    QString level; // "task" when its sessions are an object's, "job" when they are a job's own
    QString jobs;  // the job (or jobs, comma-separated) its sessions ran in
    qint64 sessions = 0;
    qint64 firstMs = 0, lastMs = 0;
    QString lastResult;
    qint64 failed = 0, warnings = 0;
    qint64 flagged = 0; // sessions an anomaly names
    // The newest anomaly about this server (anomalies.subject_type 'server'), when detection has run.
    std::optional<int> threatScore;
    QString threatSeverity;
    std::optional<qint64> threatMs;
    // The active model that judges it: its own (scope 'server') or the fleet's, kind containing "lstm".
    QString modelScope, modelKind;
    std::optional<qint64> modelVersion;
};

// An anomaly about one server, for the Backup view.
struct ServerAnomalyRow
{
    QString anomalyId, eventId, severity, summary, reasonsJson; // reasons: [{detector, text, evidence}]
    int threatScore = 0;
    qint64 timeMs = 0;
};

// Every server with at least one session, by name, with its jobs, latest threat and model.
Result<std::vector<BackupServerRow>> backupServers(Database &db);

// The server's sessions in creation order; `fromMs`/`toMs` (inclusive/exclusive) narrow it.
Result<std::vector<BackupSessionRow>> backupSessionsOf(Database &db, const QString &server,
                                                       std::optional<qint64> fromMs = std::nullopt,
                                                       std::optional<qint64> toMs = std::nullopt);

// (server, number of sessions) for every server, by name.
Result<std::vector<std::pair<QString, int>>> backupSessionCounts(Database &db);

// The servers with a session whose rowid is in (fromRowId, toRowId], by name.
Result<QStringList> backupServersWithRows(Database &db, qint64 fromRowId, qint64 toRowId);

// The anomalies about `server` (subject_type 'server'), oldest first.
Result<std::vector<ServerAnomalyRow>> serverAnomalies(Database &db, const QString &server);

// A transaction on `db`'s connection, for writers that store several rows at once (the backup models).
Status beginTransaction(Database &db, const QString &doing);
Status commitTransaction(Database &db, const QString &doing);
void rollbackTransaction(Database &db);

} // namespace store
} // namespace backsight
