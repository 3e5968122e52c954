#include "ingest/importer.h"

#include "ingest/batch_queue.h"
#include "ingest/sha256.h"
#include "ingest/source_reader.h"
#include "store/database.h"
#include "store/event_writer.h"
#include "store/record_compressor.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <atomic>
#include <thread>

namespace backsight {
namespace {

constexpr qint64 kChunkBytes = 1 << 20;
constexpr int kRecordErrorsKept = 20;
// Small files are committed in groups: at least this often, and at most this many records at once.
constexpr qint64 kRecordsPerCommit = 50000;
constexpr qint64 kMsPerCommit = 1000;
// SQLite's page cache during an import, and the case connection's own afterwards (store/database.cpp).
constexpr int kImportPageCacheKiB = 256 * 1024, kCasePageCacheKiB = 64 * 1024;

QString hashFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    Sha256 sha;
    QByteArray buffer(kChunkBytes, Qt::Uninitialized);
    for (;;) {
        const qint64 n = f.read(buffer.data(), buffer.size());
        if (n <= 0)
            break;
        sha.add(std::string_view(buffer.constData(), size_t(n)));
    }
    return sha.hex();
}

} // namespace

qint64 ImportReport::totalRead() const
{
    qint64 n = 0;
    for (const SourceReport &s : sources)
        n += s.read;
    return n;
}

qint64 ImportReport::totalInserted() const
{
    qint64 n = 0;
    for (const SourceReport &s : sources)
        n += s.inserted;
    return n;
}

qint64 ImportReport::totalRejected() const
{
    qint64 n = 0;
    for (const SourceReport &s : sources)
        n += s.rejected;
    return n;
}

bool ImportReport::hasRejections() const
{
    if (!problems.empty())
        return true;
    for (const SourceReport &s : sources) {
        if (!s.error.isEmpty() || s.rejected > 0)
            return true;
    }
    return false;
}

Importer::Importer(Database &db, ImportLimits limits) : db_(db), limits_(limits) {}

ImportReport Importer::run(const QStringList &paths, const ImportProgressFn &progress)
{
    ImportReport report;
    if (db_.isReadOnly()) {
        report.storageError = QStringLiteral("database %1 is read-only (the file has no write permission); nothing "
                                             "was imported")
                                  .arg(db_.path());
        return report;
    }
    CollectedInputs collected = collectImportInputs(paths, limits_);
    report.problems = std::move(collected.problems);
    ImportProgress state;
    state.bytesTotal = collected.totalBytes;
    state.sourceCount = int(collected.inputs.size());
    QHash<QString, QString> archiveHashes;
    EventWriter writer(db_); // one for the whole run: its statements are prepared once
    // Checkpoints copy the WAL into the database file; doing it once after the run instead of after
    // every file's commit took a third off import time. Readers still see each commit at once.
    if (const Status paused = db_.setAutoCheckpoint(0); !paused) {
        report.storageError = paused.error().message;
        return report;
    }
    // A larger page cache while importing: the indexes take keys in random order, and with a case connection's 64 MiB
    // their pages are evicted and read back (perf: a third of the time in pread/pwrite copies). 3,000-user tenant,
    // 1.37M sign-ins: 41-47 s -> 33-34 s, peak RSS 234 -> 438 MB (docs/performance.md).
    if (const Status sized = db_.setReadCaches(0, kImportPageCacheKiB); !sized) {
        report.storageError = sized.error().message;
        return report;
    }
    // Files kept by the writer but not yet committed; if the commit fails they are reported lost.
    std::vector<size_t> pending;
    QElapsedTimer sinceFlush;
    sinceFlush.start();
    auto flush = [&] {
        if (const Status flushed = writer.flush(); !flushed) {
            report.storageError = flushed.error().message;
            for (size_t i : pending) {
                report.sources[i].error =
                    QStringLiteral("lost: the database could not commit (%1)").arg(flushed.error().message);
                report.sources[i].inserted = 0;
            }
        }
        pending.clear();
        sinceFlush.restart();
    };
    for (const ImportInput &input : collected.inputs) {
        state.currentPath = input.displayPath;
        bool cancelled = false;
        // The archive's own hash too, once, so a reviewer can match it against what was handed over.
        if (input.isArchiveEntry() && !archiveHashes.contains(input.filePath))
            archiveHashes.insert(input.filePath, hashFile(input.filePath));
        SourceReport source = importOne(input, archiveHashes.value(input.filePath), writer, state, progress,
                                        report.storageError, cancelled);
        const bool kept = source.error.isEmpty();
        report.sources.push_back(std::move(source));
        if (kept)
            pending.push_back(report.sources.size() - 1);
        ++state.sourceIndex;
        if (cancelled) {
            report.cancelled = true;
            break;
        }
        if (!report.storageError.isEmpty())
            break;
        if (writer.pendingRecords() >= kRecordsPerCommit || sinceFlush.elapsed() >= kMsPerCommit)
            flush();
    }
    flush();
    // What was committed stays; a failed checkpoint still says the disk or the file is in trouble.
    for (const Status &s : {db_.checkpoint(), db_.setAutoCheckpoint(1000), db_.setReadCaches(0, kCasePageCacheKiB)})
        if (!s && report.storageError.isEmpty())
            report.storageError = s.error().message;
    return report;
}

namespace {

// Consecutive parsed, flattened records, with their originals compressed into one block.
struct PreparedBatch
{
    std::vector<ImportRow> rows;
    std::string arena; // the rows' text
    qint64 firstIndex = 0, lastIndex = 0;
    QByteArray originals;
};

// Reads one source on a worker thread — bytes, hash, split, parse, flatten, compress — and hands
// batches to the thread that owns the database connection. On two cores this overlaps the parsing
// with SQLite's work instead of adding them up.
class SourceScan
{
public:
    SourceScan(QIODevice &device, const ImportInput &input, const ImportLimits &limits)
        : device_(device), input_(input), limits_(limits), queue_(8)
    {
    }

    void start()
    {
        thread_ = std::thread([this] { scan(); });
    }

    BatchQueue<PreparedBatch> &queue() { return queue_; }
    qint64 bytesRead() const { return bytesRead_.load(); }
    qint64 recordsSeen() const { return recordsSeen_.load(); }

    // Stops the scan early (cancel, storage failure) and waits for the thread.
    void stop()
    {
        queue_.abandon();
        join();
    }
    void join()
    {
        if (thread_.joinable())
            thread_.join();
    }

    // Valid after join().
    QString error, reader, sha256;
    qint64 read = 0, rejected = 0;
    QStringList recordErrors;

private:
    void scan()
    {
        PreparedBatch batch;
        OriginalBlockBuilder originals;
        auto send = [&] {
            batch.firstIndex = originals.firstIndex();
            batch.lastIndex = originals.lastIndex();
            batch.originals = originals.finish();
            const bool accepted = queue_.push(std::move(batch));
            batch = {};
            batch.rows.reserve(kBatchRecords);
            batch.arena.reserve(kBatchRecords * 512);
            return accepted;
        };
        SourceReader sourceReader(
            limits_,
            [&](const ReadRecord &r) {
                batch.rows.push_back(r.row);
                originals.add(r.row.recordIndex, r.original);
                recordsSeen_.store(r.row.recordIndex + 1);
                return batch.rows.size() < kBatchRecords || send();
            },
            [&](qint64, const QString &why) {
                ++rejected;
                if (recordErrors.size() < kRecordErrorsKept)
                    recordErrors << why;
            });
        sourceReader.setArena(&batch.arena); // send() refills `batch` in place, so the pointer stays right
        Sha256 sha;
        QByteArray buffer(kChunkBytes, Qt::Uninitialized);
        bool ok = true;
        std::optional<Error> failure;
        qint64 total = 0;
        for (;;) {
            const qint64 n = device_.read(buffer.data(), buffer.size());
            if (n < 0) {
                error = QStringLiteral("read error: %1").arg(device_.errorString());
                ok = false;
                break;
            }
            if (n == 0)
                break;
            total += n;
            if (input_.isArchiveEntry() && total > input_.size) {
                // The entry's header promised fewer bytes: a lying header is how zip bombs get past checks.
                error = QStringLiteral("archive entry expands beyond the %1 bytes its header declares (zip bomb?)")
                            .arg(input_.size);
                ok = false;
                break;
            }
            const std::string_view chunk(buffer.constData(), size_t(n));
            sha.add(chunk);
            bytesRead_.store(total);
            if (const Status fed = sourceReader.feed(chunk); !fed) {
                ok = false;
                failure = fed.error();
                break;
            }
        }
        if (ok) {
            const Status finished = sourceReader.finish();
            ok = finished.ok();
            if (!ok)
                failure = finished.error();
        }
        // Cancelled: the consumer stopped us, and says why itself.
        if (!ok && error.isEmpty() && failure && failure->category != Error::Category::Cancelled)
            error = failure->message;
        reader = sourceReader.reader();
        read = sourceReader.recordsSeen();
        sha256 = sha.hex();
        if (ok && !batch.rows.empty())
            send();
        queue_.close();
    }

    static constexpr size_t kBatchRecords = 128;
    QIODevice &device_;
    const ImportInput &input_;
    const ImportLimits &limits_;
    BatchQueue<PreparedBatch> queue_;
    std::thread thread_;
    std::atomic<qint64> bytesRead_{0};
    std::atomic<qint64> recordsSeen_{0};
};

} // namespace

SourceReport Importer::importOne(const ImportInput &input, const QString &containerSha256, EventWriter &writer,
                                 ImportProgress &progress, const ImportProgressFn &callback,
                                 QString &storageError, bool &cancelled)
{
    SourceReport report;
    report.path = input.displayPath;
    report.sizeBytes = input.size;
    const qint64 startBytes = progress.bytesDone;
    const qint64 startRecords = progress.records;
    Result<std::unique_ptr<QIODevice>> opened = openImportInput(input);
    if (!opened) {
        report.error = opened.error().message;
        progress.bytesDone = startBytes + input.size;
        return report;
    }
    if (const Status begun = writer.begin(); !begun) {
        storageError = begun.error().message;
        report.error = storageError;
        return report;
    }

    SourceScan scan(**opened, input, limits_);
    scan.start();
    while (auto batch = scan.queue().pop()) {
        // The writer keeps the block of originals only when one of its records was new: re-imports add nothing.
        if (const Status added = writer.addBatch(batch->rows, batch->arena, batch->firstIndex, batch->lastIndex,
                                                 batch->originals);
            !added)
            storageError = added.error().message;
        if (!storageError.isEmpty())
            break;
        progress.bytesDone = startBytes + std::min(scan.bytesRead(), input.size);
        progress.records = startRecords + scan.recordsSeen();
        if (callback && !callback(progress)) {
            cancelled = true;
            break;
        }
    }
    if (cancelled || !storageError.isEmpty())
        scan.stop();
    else
        scan.join();

    report.reader = scan.reader;
    report.read = scan.read;
    report.rejected = scan.rejected;
    report.recordErrors = scan.recordErrors;
    progress.bytesDone = startBytes + input.size;
    progress.records = startRecords + report.read;
    if (cancelled) {
        report.cancelled = true;
        report.error = QStringLiteral("cancelled; nothing of this file was kept");
    } else if (!storageError.isEmpty()) {
        report.error = storageError;
    } else {
        report.error = scan.error;
    }
    if (!report.error.isEmpty()) {
        writer.rollback();
        report.inserted = 0;
        return report;
    }

    report.sha256 = scan.sha256;
    SourceSummary summary;
    summary.path = input.displayPath;
    summary.container = input.isArchiveEntry() ? input.filePath : QString();
    summary.containerSha256 = containerSha256;
    summary.sha256 = report.sha256;
    summary.sizeBytes = scan.bytesRead();
    summary.reader = report.reader;
    summary.read = report.read;
    summary.rejected = report.rejected;
    if (const Status committed = writer.commit(summary); !committed) {
        storageError = committed.error().message;
        report.error = storageError;
        report.inserted = 0;
    } else {
        report.inserted = writer.fileInserted();
    }
    return report;
}

} // namespace backsight
