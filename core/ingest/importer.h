#pragma once

#include "ingest/import_inputs.h"

#include <QString>
#include <QStringList>
#include <functional>
#include <vector>

namespace backsight {

class Database;
class EventWriter;

// What happened to one source file.
struct SourceReport
{
    QString path;
    QString sha256;
    QString reader;     // which reader handled it, e.g. "graph-page", "entra-portal-csv"
    qint64 sizeBytes = 0;
    qint64 read = 0;    // records seen, rejected ones included
    qint64 inserted = 0;
    qint64 rejected = 0;
    QString error;      // set when the whole file was rejected: nothing of it was stored
    QStringList recordErrors; // the first rejected records, each naming the record and the reason
    bool cancelled = false;
};

struct ImportReport
{
    std::vector<SourceReport> sources;
    std::vector<InputProblem> problems; // inputs that could not be read at all
    QString storageError;               // the database failed: the import stopped there
    bool cancelled = false;

    qint64 totalRead() const;
    qint64 totalInserted() const;
    qint64 totalRejected() const;
    // Something was rejected (a file, an archive entry, a record), though the rest was imported.
    bool hasRejections() const;
};

struct ImportProgress
{
    qint64 bytesDone = 0;
    qint64 bytesTotal = 0;
    qint64 records = 0;
    int sourceIndex = 0;
    int sourceCount = 0;
    QString currentPath;
};

// Return false to cancel: the file being read is rolled back, files already done stay.
using ImportProgressFn = std::function<bool(const ImportProgress &)>;

// Reads log exports into the database: one transaction per source file, so after any failure the
// database holds what it held before plus the files that succeeded.
//
// Rejection policy: a file that is damaged as a whole (not a log export, invalid JSON, invalid UTF-8,
// truncated, over a limit) is rolled back entirely. A well-formed file with some unusable records
// (no id, no time, a time without zone) imports the rest; those records are counted and named.
class Importer
{
public:
    explicit Importer(Database &db, ImportLimits limits = {});
    ImportReport run(const QStringList &paths, const ImportProgressFn &progress = {});

private:
    SourceReport importOne(const ImportInput &input, const QString &containerSha256, EventWriter &writer,
                           ImportProgress &progress, const ImportProgressFn &callback,
                           QString &storageError, bool &cancelled);

    Database &db_;
    ImportLimits limits_;
};

} // namespace backsight
