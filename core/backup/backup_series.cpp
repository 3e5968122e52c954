#include "backup/backup_series.h"

namespace backsight::backup {

bool listServers(Database &db, std::vector<ServerSummary> &out, QString &error)
{
    auto servers = store::backupServers(db);
    if (!servers) {
        out.clear();
        error = servers.error().message;
        return false;
    }
    out = std::move(*servers);
    return true;
}

bool serverSeries(Database &db, const QString &server, std::vector<SessionPoint> &out, QString &error,
                  std::optional<qint64> fromMs, std::optional<qint64> toMs)
{
    auto sessions = store::backupSessionsOf(db, server, fromMs, toMs);
    if (!sessions) {
        out.clear();
        error = sessions.error().message;
        return false;
    }
    out = std::move(*sessions);
    return true;
}

} // namespace backsight::backup
