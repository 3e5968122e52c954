#pragma once

#include "model/result.h"
#include "store/backup_repository.h"

#include <QString>
#include <optional>
#include <vector>

namespace backsight {

class Database;

namespace backup {

// One session of one server, in the order the job ran them (backup_sessions, docs/formats.md).
using SessionPoint = store::BackupSessionRow;
// What is known about one server (a protected object — VM, agent, share — with its job, or a job that names none).
using ServerSummary = store::BackupServerRow;

// Every server with at least one session, by name; the store's error when the database fails.
Result<std::vector<ServerSummary>> listServers(Database &db);

// The server's sessions in creation order; `fromMs`/`toMs` (inclusive/exclusive) narrow it.
Result<std::vector<SessionPoint>> serverSeries(Database &db, const QString &server,
                                               std::optional<qint64> fromMs = std::nullopt,
                                               std::optional<qint64> toMs = std::nullopt);

} // namespace backup
} // namespace backsight
