#pragma once

#include "model/result.h"

#include <QString>
#include <vector>

namespace backsight {

class Database;

namespace backup {

// What the model judging a server expected of each of its sessions: the network's reconstruction of the
// transferred size and a band of ±3 robust spreads of that class of night around it (bytes). The Backup view draws
// it beside the robust range. Sessions before the first full window have none.
struct ExpectedSession
{
    QString id;
    qint64 creationMs = 0;
    double transferred = 0, low = 0, high = 0;
};

// Empty when no model judges the server yet; a Storage error when the database or a stored model fails.
Result<std::vector<ExpectedSession>> expectedSeries(Database &db, const QString &server);

} // namespace backup
} // namespace backsight
