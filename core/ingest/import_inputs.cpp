#include "ingest/import_inputs.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <algorithm>
#include <quazip.h>
#include <quazipfile.h>
#include <quazipfileinfo.h>

namespace backsight {
namespace {

bool looksLikeZip(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QByteArray magic = f.read(4);
    return magic == QByteArrayLiteral("PK\x03\x04") || magic == QByteArrayLiteral("PK\x05\x06");
}

bool isInside(const QString &canonicalPath, const QString &canonicalRoot)
{
    return canonicalPath == canonicalRoot || canonicalPath.startsWith(canonicalRoot + QLatin1Char('/'));
}

void addArchive(const QString &path, const ImportLimits &limits, CollectedInputs &out)
{
    QuaZip zip(path);
    if (!zip.open(QuaZip::mdUnzip)) {
        out.problems.push_back({path, QStringLiteral("not a readable zip archive (error %1)").arg(zip.getZipError())});
        return;
    }
    const QList<QuaZipFileInfo64> entries = zip.getFileInfoList64();
    if (qint64(entries.size()) > limits.maxArchiveEntries) {
        out.problems.push_back({path, QStringLiteral("archive has %1 entries, more than the limit of %2; nothing was read")
                                          .arg(entries.size())
                                          .arg(limits.maxArchiveEntries)});
        return;
    }
    qint64 total = 0;
    for (const QuaZipFileInfo64 &e : entries)
        total += qint64(e.uncompressedSize);
    if (total > limits.maxArchiveBytes) {
        out.problems.push_back({path, QStringLiteral("archive would expand to %1 bytes, more than the limit of %2 "
                                                     "(zip bomb?); nothing was read")
                                          .arg(total)
                                          .arg(limits.maxArchiveBytes)});
        return;
    }
    std::vector<ImportInput> found;
    for (const QuaZipFileInfo64 &e : entries) {
        const QString display = path + QStringLiteral("!/") + e.name;
        if (e.name.endsWith(QLatin1Char('/')))
            continue; // a folder entry
        if (isUnsafeArchivePath(e.name)) {
            out.problems.push_back({display, QStringLiteral("entry name points outside the archive ('../' or an "
                                                            "absolute path); rejected, never written anywhere")});
            continue;
        }
        const qint64 size = qint64(e.uncompressedSize);
        const qint64 packed = std::max<qint64>(1, qint64(e.compressedSize));
        if (size > 1024 * 1024 && double(size) / double(packed) > limits.maxCompressionRatio) {
            out.problems.push_back({display, QStringLiteral("entry expands %1 times (%2 bytes from %3), above the limit of "
                                                            "%4 (zip bomb?); rejected")
                                                 .arg(double(size) / double(packed), 0, 'f', 0)
                                                 .arg(size)
                                                 .arg(packed)
                                                 .arg(limits.maxCompressionRatio)});
            continue;
        }
        if (e.name.endsWith(QLatin1String(".zip"), Qt::CaseInsensitive)) {
            out.problems.push_back({display, QStringLiteral("archives inside archives are not read; extract it first")});
            continue;
        }
        found.push_back({display, path, e.name, size, packed});
    }
    std::sort(found.begin(), found.end(),
              [](const ImportInput &a, const ImportInput &b) { return a.entryName < b.entryName; });
    for (ImportInput &i : found) {
        out.totalBytes += i.size;
        out.inputs.push_back(std::move(i));
    }
}

void addFile(const QString &path, const ImportLimits &limits, CollectedInputs &out)
{
    const QFileInfo info(path);
    if (!info.isReadable()) {
        out.problems.push_back({path, QStringLiteral("cannot be read (permissions?)")});
        return;
    }
    if (looksLikeZip(path)) {
        addArchive(path, limits, out);
        return;
    }
    out.totalBytes += info.size();
    out.inputs.push_back({path, path, {}, info.size(), info.size()});
}

void addFolder(const QString &path, const ImportLimits &limits, CollectedInputs &out)
{
    const QString root = QFileInfo(path).canonicalFilePath();
    QStringList files;
    QDirIterator it(path, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString entry = it.next();
        const QFileInfo info(entry);
        if (info.fileName().startsWith(QLatin1Char('.')))
            continue; // .DS_Store, editor files
        if (info.isSymLink()) {
            const QString target = info.canonicalFilePath();
            if (target.isEmpty())
                out.problems.push_back({entry, QStringLiteral("is a broken symbolic link; skipped")});
            else if (!isInside(target, root))
                out.problems.push_back({entry, QStringLiteral("is a symbolic link to %1, outside the folder being "
                                                              "imported; not followed")
                                                   .arg(target)});
            // A link to something inside the folder is read where the real file is.
            continue;
        }
        if (info.isFile())
            files << entry;
    }
    files.sort();
    for (const QString &f : files)
        addFile(f, limits, out);
}

} // namespace

bool isUnsafeArchivePath(const QString &entryName)
{
    QString name = entryName;
    name.replace(QLatin1Char('\\'), QLatin1Char('/'));
    if (name.startsWith(QLatin1Char('/')) || (name.size() >= 2 && name.at(1) == QLatin1Char(':')))
        return true;
    const QStringList parts = name.split(QLatin1Char('/'));
    return parts.contains(QStringLiteral(".."));
}

CollectedInputs collectImportInputs(const QStringList &paths, const ImportLimits &limits)
{
    CollectedInputs out;
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (!info.exists())
            out.problems.push_back({path, QStringLiteral("does not exist")});
        else if (info.isDir())
            addFolder(path, limits, out);
        else
            addFile(path, limits, out);
    }
    return out;
}

std::unique_ptr<QIODevice> openImportInput(const ImportInput &input, QString &error)
{
    if (!input.isArchiveEntry()) {
        auto file = std::make_unique<QFile>(input.filePath);
        if (!file->open(QIODevice::ReadOnly)) {
            error = QStringLiteral("cannot open: %1").arg(file->errorString());
            return nullptr;
        }
        return file;
    }
    auto entry = std::make_unique<QuaZipFile>(input.filePath, input.entryName, QuaZip::csSensitive);
    if (!entry->open(QIODevice::ReadOnly)) {
        error = QStringLiteral("cannot open the archive entry (zip error %1)").arg(entry->getZipError());
        return nullptr;
    }
    return entry;
}

} // namespace backsight
