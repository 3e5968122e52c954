#include "cli_command.h"
#include "ingest/importer.h"
#include "store/database.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <unistd.h>

namespace backsight::cli {
namespace {

QJsonObject sourceJson(const SourceReport &s)
{
    QJsonObject o{{QStringLiteral("path"), s.path},
                  {QStringLiteral("sha256"), s.sha256},
                  {QStringLiteral("reader"), s.reader},
                  {QStringLiteral("size"), s.sizeBytes},
                  {QStringLiteral("read"), s.read},
                  {QStringLiteral("new"), s.inserted},
                  {QStringLiteral("rejected"), s.rejected},
                  {QStringLiteral("error"), s.error.isEmpty() ? QJsonValue() : QJsonValue(s.error)}};
    if (!s.recordErrors.isEmpty())
        o.insert(QStringLiteral("record_errors"), QJsonArray::fromStringList(s.recordErrors));
    return o;
}

// Progress on stderr: a line rewritten in place on a terminal, a line every few seconds otherwise.
class ProgressLine
{
public:
    explicit ProgressLine(QTextStream &err, bool quiet) : err_(err), quiet_(quiet), tty_(isatty(2)) { timer_.start(); }
    bool update(const ImportProgress &p)
    {
        const qint64 interval = tty_ ? 200 : 5000;
        if (quiet_ || timer_.elapsed() - last_ < interval)
            return true;
        last_ = timer_.elapsed();
        const double percent = p.bytesTotal > 0 ? 100.0 * double(p.bytesDone) / double(p.bytesTotal) : 0.0;
        const double seconds = std::max(0.001, double(timer_.elapsed()) / 1000.0);
        err_ << (tty_ ? "\r" : "") << Cli::tr("[%1%] file %2/%3, %4 records, %5 records/s")
                                          .arg(percent, 5, 'f', 1)
                                          .arg(p.sourceIndex + 1)
                                          .arg(p.sourceCount)
                                          .arg(p.records)
                                          .arg(qint64(double(p.records) / seconds))
             << (tty_ ? "" : "\n");
        err_.flush();
        shown_ = true;
        return true;
    }
    void done()
    {
        if (shown_ && tty_)
            err_ << "\n";
    }

private:
    QTextStream &err_;
    bool quiet_;
    bool tty_;
    bool shown_ = false;
    QElapsedTimer timer_;
    qint64 last_ = 0;
};

// What was rejected, on stderr: files that could not be read and records that could not be used.
void printRejections(Context &ctx, const ImportReport &report)
{
    const QString rejected = Cli::tr("rejected: %1: %2");
    for (const InputProblem &p : report.problems)
        ctx.err << rejected.arg(p.path, p.message) << "\n";
    for (const SourceReport &s : report.sources) {
        if (!s.error.isEmpty())
            ctx.err << rejected.arg(s.path, s.error) << "\n";
        for (const QString &e : s.recordErrors)
            ctx.err << rejected.arg(s.path, e) << "\n";
        if (s.rejected > s.recordErrors.size())
            ctx.err << rejected.arg(s.path, Cli::tr("... and %1 more records").arg(s.rejected - s.recordErrors.size())) << "\n";
    }

}

QJsonObject importReportJson(const ImportReport &report, const Database &db, double seconds)
{
    QJsonArray sources;
    for (const InputProblem &p : report.problems)
        sources.append(QJsonObject{{QStringLiteral("path"), p.path}, {QStringLiteral("sha256"), QString()},
                                   {QStringLiteral("reader"), QString()}, {QStringLiteral("read"), 0},
                                   {QStringLiteral("new"), 0}, {QStringLiteral("rejected"), 0},
                                   {QStringLiteral("error"), p.message}});
    for (const SourceReport &s : report.sources)
        sources.append(sourceJson(s));
    QJsonObject totals{{QStringLiteral("read"), report.totalRead()},
                       {QStringLiteral("new"), report.totalInserted()},
                       {QStringLiteral("rejected"), report.totalRejected()},
                       {QStringLiteral("files"), qint64(report.sources.size())},
                       {QStringLiteral("seconds"), seconds}};
    return {{QStringLiteral("database"), db.path()},
            {QStringLiteral("sources"), sources},
            {QStringLiteral("totals"), totals},
            {QStringLiteral("cancelled"), report.cancelled},
            {QStringLiteral("storage_error"), report.storageError.isEmpty() ? QJsonValue() : QJsonValue(report.storageError)}};
}

void printImportSummary(Context &ctx, const ImportReport &report, const Database &db, double seconds)
{
    for (const SourceReport &s : report.sources) {
        if (s.error.isEmpty())
            ctx.out << Cli::tr("%1  %2  read %3, new %4, rejected %5  sha256 %6\n")
                           .arg(s.path, s.reader)
                           .arg(s.read)
                           .arg(s.inserted)
                           .arg(s.rejected)
                           .arg(s.sha256);
    }
    ctx.out << Cli::tr("Imported %1 new of %2 records from %3 files in %4 s into %5\n")
                   .arg(report.totalInserted())
                   .arg(report.totalRead())
                   .arg(report.sources.size())
                   .arg(seconds, 0, 'f', 2)
                   .arg(db.path());
}

} // namespace

int runImport(Context &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("PATH"), Cli::tr("Files, folders or zip archives to import."),
                                 QStringLiteral("PATH..."));
    const QCommandLineOption json(QStringLiteral("json"), Cli::tr("Print the per-source report as JSON."));
    const QCommandLineOption quiet(QStringLiteral("quiet"), Cli::tr("Print nothing but errors: no progress, no per-file lines, no summary."));
    const QCommandLineOption maxArchive(QStringLiteral("max-archive-bytes"),
                                        Cli::tr("Largest total a zip may expand to (default 64 GiB)."),
                                        QStringLiteral("BYTES"));
    const QCommandLineOption maxRatio(QStringLiteral("max-ratio"),
                                      Cli::tr("Largest compression ratio of a zip entry (default 200)."),
                                      QStringLiteral("RATIO"));
    const QCommandLineOption busy(QStringLiteral("busy-timeout"),
                                  Cli::tr("Milliseconds to wait for a locked database (default 5000)."),
                                  QStringLiteral("MS"));
    parser.addOptions({json, quiet, maxArchive, maxRatio, busy});
    const int early = parseOrExit(parser, args, ctx,
                                  Cli::tr("Import Entra ID sign-in and audit logs: Graph JSON / JSON Lines, "
                                                 "Azure Monitor diagnostic records, Log Analytics CSV / JSON Lines, the "
                                                 "Entra admin center's CSV download; inside folders and zip archives."));
    if (early >= 0)
        return early;
    if (parser.positionalArguments().isEmpty()) {
        ctx.err << "backsight-cli import: " << Cli::tr("give at least one file, folder or zip archive") << "\n";
        return Usage;
    }
    ImportLimits limits;
    bool ok = true;
    if (parser.isSet(maxArchive))
        limits.maxArchiveBytes = parser.value(maxArchive).toLongLong(&ok);
    if (ok && parser.isSet(maxRatio))
        limits.maxCompressionRatio = parser.value(maxRatio).toDouble(&ok);
    const int busyMs = parser.isSet(busy) ? parser.value(busy).toInt(&ok) : 5000;
    if (!ok) {
        ctx.err << "backsight-cli import: " << Cli::tr("--max-archive-bytes, --max-ratio and --busy-timeout take numbers") << "\n";
        return Usage;
    }

    Database db;
    if (!db.open(ctx.databasePath, busyMs)) {
        ctx.err << "backsight-cli: " << db.error() << "\n";
        return StorageError;
    }
    Importer importer(db, limits);
    ProgressLine progress(ctx.err, parser.isSet(quiet));
    QElapsedTimer timer;
    timer.start();
    const ImportReport report =
        importer.run(parser.positionalArguments(), [&](const ImportProgress &p) { return progress.update(p); });
    progress.done();
    const double seconds = double(timer.elapsed()) / 1000.0;

    printRejections(ctx, report);
    if (parser.isSet(json))
        ctx.out << QJsonDocument(importReportJson(report, db, seconds)).toJson(QJsonDocument::Indented);
    else if (!parser.isSet(quiet))
        printImportSummary(ctx, report, db, seconds);
    ctx.out.flush();
    if (!report.storageError.isEmpty()) {
        ctx.err << "backsight-cli: " << Cli::tr("storage error, import stopped: %1").arg(report.storageError) << "\n";
        return StorageError;
    }
    return report.hasRejections() ? InputRejected : Ok;
}

} // namespace backsight::cli
