#pragma once

#include <QString>
#include <optional>
#include <vector>

namespace backsight {

class Database;

namespace backup {

// One session of one server, in the order the job ran them (backup_sessions, docs/formats.md).
struct SessionPoint
{
    QString id;
    qint64 rowId = 0;
    qint64 creationMs = 0;
    std::optional<qint64> endMs;
    QString result;                 // Success, Warning, Failed, None
    std::optional<bool> full;
    std::optional<qint64> transferredBytes, readBytes, processedBytes, backupSize;
    std::optional<double> dedupRatio, compressRatio, durationS;
};

// What is known about one server (a VM or agent, or a job that names none).
struct ServerSummary
{
    QString server;
    qint64 sessions = 0;
    qint64 firstMs = 0, lastMs = 0;
    QString lastResult;
    qint64 failed = 0, warnings = 0;
    // The newest anomaly about this server (anomalies.subject_type 'server'), when detection has run.
    std::optional<int> threatScore;
    QString threatSeverity;
    std::optional<qint64> threatMs;
    // The active model that judges it: its own (scope 'server') or the fleet's, kind containing "lstm".
    QString modelScope, modelKind;
    std::optional<qint64> modelVersion;
};

// Every server with at least one session, by name. False with `error` set when the database fails.
bool listServers(Database &db, std::vector<ServerSummary> &out, QString &error);

// The server's sessions in creation order; `fromMs`/`toMs` (inclusive/exclusive) narrow it.
bool serverSeries(Database &db, const QString &server, std::vector<SessionPoint> &out, QString &error,
                  std::optional<qint64> fromMs = std::nullopt, std::optional<qint64> toMs = std::nullopt);

} // namespace backup
} // namespace backsight
