#pragma once

#include "model/result.h"

#include <QString>
#include <QStringList>
#include <vector>

namespace backsight {

class Database;

// One imported source file, as the `sources` table records it.
struct SourceFileRow
{
    qint64 id = 0;
    QString path, container, sha256, reader;
    qint64 sizeBytes = 0, recordsRead = 0, recordsNew = 0, recordsRejected = 0;
};

// The source files that hold these events (sign-ins, workload sign-ins, audits or backup sessions), each once,
// ordered by path: what a report cites. Ids that match no event are skipped.
Result<std::vector<SourceFileRow>> sourcesOfEvents(Database &db, const QStringList &eventIds);

} // namespace backsight
