#include "backup/backup_series.h"

namespace backsight::backup {

Result<std::vector<ServerSummary>> listServers(Database &db)
{
    return store::backupServers(db);
}

Result<std::vector<SessionPoint>> serverSeries(Database &db, const QString &server, std::optional<qint64> fromMs,
                                               std::optional<qint64> toMs)
{
    return store::backupSessionsOf(db, server, fromMs, toMs);
}

} // namespace backsight::backup
