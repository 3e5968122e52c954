#include "cli_command.h"

#include "detect/worker.h"

#include <QCommandLineParser>

namespace backsight::cli {

int runWorker(Context &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption untilIdle(QStringLiteral("until-idle"),
                                       Cli::tr("Stop when the queue holds no unfinished work (default: serve the case "
                                               "until stopped with Ctrl+C)."));
    const QCommandLineOption lease(QStringLiteral("lease-ms"),
                                   Cli::tr("How long an item stays this worker's without a renewal (default 30000; "
                                           "renewed every third of it). A worker that dies loses its items to the "
                                           "others after this."),
                                   QStringLiteral("MS"), QStringLiteral("30000"));
    const QCommandLineOption quiet(QStringLiteral("quiet"), Cli::tr("No line per item on stderr."));
    parser.addOption(untilIdle);
    parser.addOption(lease);
    parser.addOption(quiet);
    const int early = parseOrExit(parser, args, ctx,
                                  Cli::tr("Serve a shared PostgreSQL case: take per-user detection work that `detect "
                                          "--workers` queued, on this machine or another."));
    if (early >= 0)
        return early;
    bool ok = false;
    const int leaseMs = parser.value(lease).toInt(&ok);
    if (!ok || leaseMs < 300 || leaseMs > 3'600'000) {
        ctx.err << "backsight-cli: " << Cli::tr("--lease-ms is 300 to 3600000, not '%1'").arg(parser.value(lease)) << "\n";
        return Usage;
    }
    detect::WorkerOptions options;
    options.leaseMs = leaseMs;
    options.untilIdle = parser.isSet(untilIdle);
    if (!parser.isSet(quiet))
        options.log = [&](const QString &line) {
            ctx.err << "worker: " << line << "\n";
            ctx.err.flush();
        };
    detect::WorkerReport report;
    const Status s = detect::runWorker(ctx.databasePath, options, report);
    if (!s) {
        ctx.err << "backsight-cli: " << s.error().message << "\n";
        return s.error().category == Error::Category::BadInput ? Usage : StorageError;
    }
    ctx.out << Cli::tr("worker: %1 items done, %2 failed, %3 taken over by other workers").arg(report.done).arg(report.failed).arg(report.lost)
            << "\n";
    return Ok;
}

} // namespace backsight::cli
