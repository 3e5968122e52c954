#include "cli_command.h"

#include "detect/anomaly_repository.h"
#include "watch/folder_watcher.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonDocument>
#include <QProcess>
#include <QTimer>
#include <atomic>
#include <csignal>

namespace backsight::cli {
namespace {

std::atomic<bool> stopRequested{false};

void requestStop(int)
{
    stopRequested.store(true);
}

// Hands one alert's JSON to `command` on its stdin (sh -c, as cron would), and says on stderr when it fails.
void runAlertCommand(Context &ctx, const QString &command, const QByteArray &json)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedChannels);
    process.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), command});
    if (!process.waitForStarted(10000)) {
        ctx.err << "backsight-cli watch: " << Cli::tr("--exec could not start '%1': %2").arg(command, process.errorString()) << "\n";
        return;
    }
    process.write(json + '\n');
    process.closeWriteChannel();
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished(5000);
        ctx.err << "backsight-cli watch: " << Cli::tr("--exec '%1' ran longer than 2 minutes and was stopped").arg(command) << "\n";
    } else if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        ctx.err << "backsight-cli watch: " << Cli::tr("--exec '%1' failed with exit code %2").arg(command).arg(process.exitCode())
                << "\n";
    }
    ctx.err.flush();
}

} // namespace

int runWatch(Context &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("DIR"), Cli::tr("Folders to watch (with their subfolders)."),
                                 QStringLiteral("DIR..."));
    const QCommandLineOption interval(QStringLiteral("interval"),
                                      Cli::tr("Seconds between looks; a file must keep its size this long (default 5)."),
                                      QStringLiteral("S"), QStringLiteral("5"));
    const QCommandLineOption exec(QStringLiteral("exec"), Cli::tr("Run CMD (sh -c) for each alert, its JSON on stdin."),
                                  QStringLiteral("CMD"));
    const QCommandLineOption minSeverity(QStringLiteral("min-severity"),
                                         Cli::tr("Lowest severity that raises an alert (default high)."),
                                         QStringLiteral("SEVERITY"), QStringLiteral("high"));
    const QCommandLineOption window(QStringLiteral("window-days"), Cli::tr("Baseline window in days (default 60)."),
                                    QStringLiteral("N"), QStringLiteral("60"));
    parser.addOptions({interval, exec, minSeverity, window});
    const int early = parseOrExit(parser, args, ctx,
                                  Cli::tr("Watch folders for new or grown exports: import each file once its size holds, "
                                                 "detect on the new events and print every new anomaly at or above the alert "
                                                 "severity as one JSON line on stdout. Runs until stopped (Ctrl+C)."));
    if (early >= 0)
        return early;
    WatchOptions options;
    options.folders = parser.positionalArguments();
    bool ok = false;
    const double seconds = parser.value(interval).toDouble(&ok);
    const auto severity = detect::parseSeverity(parser.value(minSeverity));
    bool daysOk = false;
    options.windowDays = parser.value(window).toInt(&daysOk);
    if (options.folders.isEmpty() || !ok || seconds < 0.05 || seconds > 86400 || !severity || !daysOk || options.windowDays < 1) {
        ctx.err << "backsight-cli watch: "
                << Cli::tr("give at least one folder; --interval takes seconds (0.05 to 86400), "
                           "--min-severity low|medium|high|critical, --window-days a whole number")
                << "\n";
        return Usage;
    }
    options.intervalMs = int(seconds * 1000);
    options.minSeverity = *severity;

    FolderWatcher watcher(ctx.databasePath, options);
    const QString command = parser.value(exec);
    QObject::connect(&watcher, &FolderWatcher::alert, &watcher, [&](const detect::Anomaly &a) {
        const QByteArray json = QJsonDocument(detect::anomalyToJson(a)).toJson(QJsonDocument::Compact);
        ctx.out << json << "\n";
        ctx.out.flush();
        if (!command.isEmpty())
            runAlertCommand(ctx, command, json);
    });
    const auto say = [&](const QString &message) {
        ctx.err << "watch: " << message << "\n";
        ctx.err.flush();
    };
    QObject::connect(&watcher, &FolderWatcher::activity, &watcher, say);
    QObject::connect(&watcher, &FolderWatcher::problem, &watcher, say);
    say(Cli::tr("watching %1 every %2 s for %3; alerts at %4 and above go to stdout (Ctrl+C stops)")
            .arg(options.folders.join(QStringLiteral(", ")))
            .arg(seconds)
            .arg(QDir::toNativeSeparators(ctx.databasePath), detect::severityName(options.minSeverity)));
    if (const Status started = watcher.start(); !started) {
        ctx.err << "backsight-cli watch: " << started.error().message << "\n";
        return started.error().category == Error::Category::BadInput ? Usage : StorageError;
    }
    std::signal(SIGINT, requestStop);
    std::signal(SIGTERM, requestStop);
    QTimer stopCheck;
    QObject::connect(&stopCheck, &QTimer::timeout, &watcher, [&] {
        if (stopRequested.load())
            QCoreApplication::quit(); // between looks: the case is at its last commit
    });
    stopCheck.start(200);
    QCoreApplication::exec();
    watcher.stop();
    say(Cli::tr("stopped"));
    return Ok;
}

} // namespace backsight::cli
