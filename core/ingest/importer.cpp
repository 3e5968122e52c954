#include "ingest/importer.h"

#include "ingest/sha256.h"
#include "ingest/source_reader.h"
#include "store/database.h"
#include "store/event_writer.h"

#include <QFileInfo>

namespace backsight {
namespace {

constexpr qint64 kChunkBytes = 1 << 20;
constexpr int kRecordErrorsKept = 20;

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
    CollectedInputs collected = collectImportInputs(paths, limits_);
    report.problems = std::move(collected.problems);
    ImportProgress state;
    state.bytesTotal = collected.totalBytes;
    state.sourceCount = int(collected.inputs.size());
    QHash<QString, QString> archiveHashes;
    EventWriter writer(db_); // one for the whole run: its statements are prepared once
    for (const ImportInput &input : collected.inputs) {
        state.currentPath = input.displayPath;
        bool cancelled = false;
        // The archive's own hash too, once, so a reviewer can match it against what was handed over.
        if (input.isArchiveEntry() && !archiveHashes.contains(input.filePath))
            archiveHashes.insert(input.filePath, hashFile(input.filePath));
        SourceReport source = importOne(input, archiveHashes.value(input.filePath), writer, state, progress,
                                        report.storageError, cancelled);
        report.sources.push_back(std::move(source));
        ++state.sourceIndex;
        if (cancelled) {
            report.cancelled = true;
            break;
        }
        if (!report.storageError.isEmpty())
            break;
    }
    return report;
}

SourceReport Importer::importOne(const ImportInput &input, const QString &containerSha256, EventWriter &writer,
                                 ImportProgress &progress, const ImportProgressFn &callback,
                                 QString &storageError, bool &cancelled)
{
    SourceReport report;
    report.path = input.displayPath;
    report.sizeBytes = input.size;
    QString openError;
    std::unique_ptr<QIODevice> device = openImportInput(input, openError);
    if (!device) {
        report.error = openError;
        progress.bytesDone += input.size;
        return report;
    }

    if (!writer.begin()) {
        storageError = writer.error();
        report.error = storageError;
        return report;
    }
    QString writeError;
    SourceReader reader(
        limits_,
        [&](const ReadRecord &r) {
            bool inserted = false;
            const bool ok = r.row->kind == RecordKind::Audit
                                ? writer.addAudit(r.row->audit, r.index, r.original, inserted)
                                : writer.addSignIn(r.row->signIn, r.index, r.original, inserted);
            if (!ok) {
                writeError = writer.error();
                return false;
            }
            report.inserted += inserted ? 1 : 0;
            return true;
        },
        [&](qint64, const QString &why) {
            ++report.rejected;
            if (report.recordErrors.size() < kRecordErrorsKept)
                report.recordErrors << why;
        });

    Sha256 sha;
    QByteArray buffer(kChunkBytes, Qt::Uninitialized);
    const qint64 startBytes = progress.bytesDone;
    qint64 bytesRead = 0;
    bool ok = true;
    for (;;) {
        const qint64 n = device->read(buffer.data(), buffer.size());
        if (n < 0) {
            report.error = QStringLiteral("read error: %1").arg(device->errorString());
            ok = false;
            break;
        }
        if (n == 0)
            break;
        bytesRead += n;
        if (input.isArchiveEntry() && bytesRead > input.size) {
            // The entry's header promised fewer bytes: a lying header is how zip bombs get past checks.
            report.error = QStringLiteral("archive entry expands beyond the %1 bytes its header declares (zip bomb?)")
                               .arg(input.size);
            ok = false;
            break;
        }
        const std::string_view chunk(buffer.constData(), size_t(n));
        sha.add(chunk);
        if (!reader.feed(chunk)) {
            ok = false;
            break;
        }
        progress.bytesDone = startBytes + std::min(bytesRead, input.size);
        if (callback) {
            ImportProgress p = progress;
            p.records += reader.recordsSeen();
            if (!callback(p)) {
                cancelled = true;
                report.cancelled = true;
                report.error = QStringLiteral("cancelled; nothing of this file was kept");
                ok = false;
                break;
            }
        }
    }
    if (ok)
        ok = reader.finish();
    report.reader = reader.reader();
    report.read = reader.recordsSeen();
    progress.bytesDone = startBytes + input.size;
    progress.records += report.read;

    if (!writeError.isEmpty()) {
        storageError = writeError;
        report.error = writeError;
    } else if (!ok && report.error.isEmpty()) {
        report.error = reader.error();
    }
    if (!report.error.isEmpty()) {
        writer.rollback();
        report.inserted = 0;
        return report;
    }

    report.sha256 = sha.hex();
    SourceSummary summary;
    summary.path = input.displayPath;
    summary.container = input.isArchiveEntry() ? input.filePath : QString();
    summary.containerSha256 = containerSha256;
    summary.sha256 = report.sha256;
    summary.sizeBytes = bytesRead;
    summary.reader = report.reader;
    summary.read = report.read;
    summary.inserted = report.inserted;
    summary.rejected = report.rejected;
    if (!writer.commit(summary)) {
        storageError = writer.error();
        report.error = storageError;
        report.inserted = 0;
    }
    return report;
}

} // namespace backsight
