#pragma once

#include "model/result.h"

#include <QIODevice>
#include <QString>
#include <QStringList>
#include <memory>
#include <vector>

namespace backsight {

// Limits that keep hostile input from exhausting the machine. All configurable from the CLI.
struct ImportLimits
{
    qint64 maxArchiveBytes = 64LL << 30;  // total uncompressed bytes of one zip archive
    double maxCompressionRatio = 200.0;   // uncompressed ÷ compressed, per zip entry
    qint64 maxArchiveEntries = 500000;
    qint64 maxRecordBytes = 64LL << 20;   // one JSON record or CSV row
};

// One file to import: a file on disk or an entry of a zip archive.
struct ImportInput
{
    QString displayPath;  // `dir/file.json` or `export.zip!/November 2024/Sign-ins/...`
    QString filePath;     // on disk
    QString entryName;    // inside filePath when it is a zip archive
    qint64 size = 0;      // bytes (uncompressed, for an entry)
    qint64 compressedSize = 0;
    // Where the entry's record is in the archive's central directory (from the listing), so opening it
    // jumps there instead of scanning the directory by name: opening every entry of an n-entry archive
    // stays O(n), not O(n^2) (a fuzzing find: 400 entries took 7 s, the 500,000 allowed would never end).
    qint64 directoryOffset = -1;
    qint64 directoryIndex = -1;
    bool isArchiveEntry() const { return !entryName.isEmpty(); }
};

// Something that was not imported at all, and why.
struct InputProblem
{
    QString path;
    QString message;
};

struct CollectedInputs
{
    std::vector<ImportInput> inputs;
    std::vector<InputProblem> problems;
    qint64 totalBytes = 0;
};

// Expands files, folders (recursively, not following links out of the folder) and zip archives
// (detected by content) into the list of files to read, in path order.
CollectedInputs collectImportInputs(const QStringList &paths, const ImportLimits &limits);

// Opens an input for reading (never null on success). A damaged archive is BadInput, an entry gone from it
// NotFound, a file that cannot be opened Storage.
Result<std::unique_ptr<QIODevice>> openImportInput(const ImportInput &input);

// Whether a zip entry name could escape a folder it were extracted to (`../`, absolute, drive letter).
bool isUnsafeArchivePath(const QString &entryName);

} // namespace backsight
