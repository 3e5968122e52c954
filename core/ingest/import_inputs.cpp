#include "ingest/import_inputs.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <algorithm>
#include <array>
#include <cstring>
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

// A zip archive on disk, read through one 64 KiB block that survives seeks. minizip reads an archive in
// small pieces with a seek before most of them (a 30-byte local header, then its name, then back to the
// central directory, often a byte at a time); QFile drops its buffer at every seek, so each piece was a
// read(2) of its own. perf on fuzz_zip_walk: half the time in the kernel's read path, 810 inputs/s.
// The compressed data (read in 16 KiB pieces) comes through the block as well: one copy more, against
// one system call per 64 KiB. Qt has no buffer that survives a seek, and QuaZip reads any QIODevice.
class ArchiveFile final : public QIODevice
{
public:
    explicit ArchiveFile(const QString &path) : file_(path) {}

    bool open(OpenMode mode) override
    {
        if ((mode & ~QIODevice::Unbuffered) != QIODevice::ReadOnly) {
            setErrorString(QStringLiteral("a zip archive is only read"));
            return false;
        }
        if (!file_.open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
            setErrorString(file_.errorString());
            return false;
        }
        size_ = file_.size();
        blockStart_ = blockLength_ = 0;
        return QIODevice::open(QIODevice::ReadOnly | QIODevice::Unbuffered);
    }
    void close() override
    {
        QIODevice::close();
        file_.close();
    }
    bool isSequential() const override { return false; }
    qint64 size() const override { return size_; }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        qint64 at = pos();
        qint64 done = 0;
        while (done < maxSize && at < size_) {
            if (at < blockStart_ || at >= blockStart_ + blockLength_) {
                const qint64 from = at - at % kBlock;
                if (!file_.seek(from)) {
                    setErrorString(file_.errorString());
                    return done > 0 ? done : -1;
                }
                const qint64 n = file_.read(block_.data(), kBlock);
                if (n <= 0) {
                    if (n < 0)
                        setErrorString(file_.errorString());
                    return done > 0 ? done : n;
                }
                blockStart_ = from;
                blockLength_ = n;
            }
            const qint64 n = std::min(maxSize - done, blockStart_ + blockLength_ - at);
            std::memcpy(data + done, block_.data() + (at - blockStart_), size_t(n));
            done += n;
            at += n;
        }
        return done;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    static constexpr qint64 kBlock = 64 * 1024;
    QFile file_;
    qint64 size_ = 0;
    std::array<char, kBlock> block_{};
    qint64 blockStart_ = 0;
    qint64 blockLength_ = 0;
};

bool isInside(const QString &canonicalPath, const QString &canonicalRoot)
{
    return canonicalPath == canonicalRoot || canonicalPath.startsWith(canonicalRoot + QLatin1Char('/'));
}

void addArchive(const QString &path, const ImportLimits &limits, CollectedInputs &out)
{
    ArchiveFile file(path);
    QuaZip zip(&file);
    if (!zip.open(QuaZip::mdUnzip)) {
        out.problems.push_back({path, QStringLiteral("not a readable zip archive (error %1)").arg(zip.getZipError())});
        return;
    }
    // The central directory, walked once; each entry's position is kept for openImportInput.
    struct Entry
    {
        QuaZipFileInfo64 info;
        unz64_file_pos position{};
    };
    std::vector<Entry> entries;
    for (bool more = zip.goToFirstFile(); more; more = zip.goToNextFile()) {
        Entry e;
        if (!zip.getCurrentFileInfo(&e.info) || unzGetFilePos64(zip.getUnzFile(), &e.position) != UNZ_OK)
            break;
        entries.push_back(std::move(e));
    }
    if (zip.getZipError() != UNZ_OK)
        entries.clear(); // as a failed listing always was: nothing of it is read
    if (qint64(entries.size()) > limits.maxArchiveEntries) {
        out.problems.push_back({path, QStringLiteral("archive has %1 entries, more than the limit of %2; nothing was read")
                                          .arg(entries.size())
                                          .arg(limits.maxArchiveEntries)});
        return;
    }
    qint64 total = 0;
    for (const Entry &e : entries)
        total += qint64(e.info.uncompressedSize);
    if (total > limits.maxArchiveBytes) {
        out.problems.push_back({path, QStringLiteral("archive would expand to %1 bytes, more than the limit of %2 "
                                                     "(zip bomb?); nothing was read")
                                          .arg(total)
                                          .arg(limits.maxArchiveBytes)});
        return;
    }
    std::vector<ImportInput> found;
    for (const Entry &entry : entries) {
        const QuaZipFileInfo64 &e = entry.info;
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
        found.push_back({display, path, e.name, size, packed, qint64(entry.position.pos_in_zip_directory),
                         qint64(entry.position.num_of_file)});
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

namespace {

// An archive entry's stream that owns its archive: closed before the archive goes. QuaZipFile::close()
// leaves the device open when the entry fails its CRC check; it is closed here regardless, or
// ~QuaZipFile would close it again through the archive already destroyed (fuzz_zip_walk found that).
class ArchiveEntry final : public QuaZipFile
{
public:
    ArchiveEntry(std::unique_ptr<ArchiveFile> file, std::unique_ptr<QuaZip> zip)
        : QuaZipFile(zip.get()), file_(std::move(file)), zip_(std::move(zip))
    {
    }
    ~ArchiveEntry() override
    {
        close();
        if (isOpen())
            QIODevice::close();
    }

private:
    std::unique_ptr<ArchiveFile> file_; // outlives zip_, which reads through it
    std::unique_ptr<QuaZip> zip_;
};

} // namespace

Result<std::unique_ptr<QIODevice>> openImportInput(const ImportInput &input)
{
    if (!input.isArchiveEntry()) {
        auto file = std::make_unique<QFile>(input.filePath);
        if (!file->open(QIODevice::ReadOnly))
            return Error::storage(QStringLiteral("cannot open: %1").arg(file->errorString()));
        return std::unique_ptr<QIODevice>(std::move(file));
    }
    auto file = std::make_unique<ArchiveFile>(input.filePath);
    auto zip = std::make_unique<QuaZip>(file.get());
    if (!zip->open(QuaZip::mdUnzip) || !zip->goToFirstFile())
        return Error::badInput(QStringLiteral("cannot open the archive (zip error %1)").arg(zip->getZipError()));
    bool found = false;
    if (input.directoryOffset >= 0) {
        const unz64_file_pos position{ZPOS64_T(input.directoryOffset), ZPOS64_T(input.directoryIndex)};
        found = unzGoToFilePos64(zip->getUnzFile(), &position) == UNZ_OK && zip->getCurrentFileName() == input.entryName;
    } else {
        found = zip->setCurrentFile(input.entryName, QuaZip::csSensitive);
    }
    if (!found)
        return Error::notFound(QStringLiteral("the archive has no entry %1 (any more)").arg(input.entryName));
    auto entry = std::make_unique<ArchiveEntry>(std::move(file), std::move(zip));
    if (!entry->open(QIODevice::ReadOnly))
        return Error::badInput(QStringLiteral("cannot open the archive entry (zip error %1)").arg(entry->getZipError()));
    return std::unique_ptr<QIODevice>(std::move(entry));
}

} // namespace backsight
