#include "cli_command.h"
#include "local_workers.h"
#include "sensitivity_backtest_output.h"

#include "store/anomaly_repository.h"
#include "detect/pipeline.h"
#include "detect/training.h"
#include "export/csv_writer.h"
#include "export/ecs_export.h"
#include "export/timesketch_export.h"
#include "ingest/timestamp.h"
#include "model/time_format.h"
#include "store/case_settings.h"
#include "store/database.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>

namespace backsight::cli {
namespace {

bool openDatabase(Context &ctx, Database &db)
{
    if (db.open(ctx.databasePath))
        return true;
    ctx.err << "backsight-cli: " << db.error() << "\n";
    return false;
}

QCommandLineOption windowDaysOption()
{
    return QCommandLineOption(QStringLiteral("window-days"), Cli::tr("Baseline window in days (default 60)."),
                              QStringLiteral("N"), QStringLiteral("60"));
}

// The --window-days value, or nothing after saying what is wrong.
std::optional<int> windowDays(const QCommandLineParser &parser, const QCommandLineOption &option, Context &ctx)
{
    bool ok = false;
    const int days = parser.value(option).toInt(&ok);
    if (ok && days >= 1 && days <= 3650)
        return days;
    ctx.err << "backsight-cli: " << Cli::tr("--window-days must be a whole number of days between 1 and 3650") << "\n";
    return std::nullopt;
}

QJsonObject countsToJson(const QHash<QString, int> &counts)
{
    QJsonObject o;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

QCommandLineOption workersOption()
{
    return QCommandLineOption(
        QStringLiteral("workers"),
        Cli::tr("On a PostgreSQL case: queue the per-user work for worker processes, start N of them on this machine "
                "and wait (0: only the `backsight-cli worker` processes already serving the case, here or elsewhere). "
                "The result is that of a run without workers. A case file is worked on by this process."),
        QStringLiteral("N"));
}

// --workers: -1 when not given; nothing after saying what is wrong.
std::optional<int> workersValue(const QCommandLineParser &parser, const QCommandLineOption &option, Context &ctx)
{
    if (!parser.isSet(option))
        return -1;
    bool ok = false;
    const int n = parser.value(option).toInt(&ok);
    if (!ok || n < 0 || n > 256) {
        ctx.err << "backsight-cli: " << Cli::tr("--workers is 0 to 256, not '%1'").arg(parser.value(option)) << "\n";
        return std::nullopt;
    }
    return n;
}

// With --workers on a PostgreSQL case: the local workers, started when the command first waits for its work.
std::optional<LocalWorkers> localWorkersFor(Context &ctx, const Database &db, int workers, bool quiet, const char *command)
{
    if (workers < 0)
        return std::nullopt;
    if (db.dialect() != SqlDialect::PostgreSQL) {
        if (!quiet)
            ctx.err << command << ": " << Cli::tr("a case file is worked on by this process; --workers applies to a PostgreSQL case") << "\n";
        return std::nullopt;
    }
    if (workers == 0 && !quiet)
        ctx.err << command << ": " << Cli::tr("waiting for `backsight-cli worker` processes to take the users") << "\n";
    return std::optional<LocalWorkers>(std::in_place, ctx.databasePath, workers, 30'000);
}

} // namespace

int runTrain(Context &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption window = windowDaysOption();
    const QCommandLineOption json(QStringLiteral("json"), Cli::tr("Print one JSON object."));
    const QCommandLineOption workers = workersOption();
    parser.addOption(window);
    parser.addOption(json);
    parser.addOption(workers);
    const int early = parseOrExit(parser, args, ctx,
                                  Cli::tr("Compute every user's baseline over the window that ends after the latest sign-in."));
    if (early >= 0)
        return early;
    const std::optional<int> parsedDays = windowDays(parser, window, ctx);
    if (!parsedDays)
        return Usage;
    const int days = *parsedDays;
    const std::optional<int> workerCount = workersValue(parser, workers, ctx);
    if (!workerCount)
        return Usage;
    Database db;
    if (!openDatabase(ctx, db))
        return StorageError;
    detect::TrainAllOptions options;
    options.windowDays = days;
    std::optional<LocalWorkers> localWorkers = localWorkersFor(ctx, db, *workerCount, parser.isSet(json), "train");
    if (localWorkers) {
        options.distribute = true;
        options.waitingForWorkers = [&] { return localWorkers->check(); };
    }
    const Result<detect::TrainAllReport> trained = detect::trainAll(db, options);
    if (!trained) {
        ctx.err << "backsight-cli: " << trained.error().message << "\n";
        return StorageError;
    }
    const detect::TrainAllReport &all = *trained;
    const detect::BaselineReport &report = all.baselines;
    if (parser.isSet(json)) {
        const QJsonObject o{{QStringLiteral("database"), db.path()},
                            {QStringLiteral("window_days"), days},
                            {QStringLiteral("window_start_utc"), report.users ? QJsonValue(formatUtcMs(report.windowStartMs)) : QJsonValue()},
                            {QStringLiteral("window_end_utc"), report.users ? QJsonValue(formatUtcMs(report.windowEndMs)) : QJsonValue()},
                            {QStringLiteral("users"), report.users},
                            {QStringLiteral("learning_users"), report.learningUsers},
                            {QStringLiteral("events_used"), report.eventsUsed},
                            {QStringLiteral("days_aggregated"), report.daysAggregated},
                            {QStringLiteral("user_models"), all.userModels},
                            {QStringLiteral("user_models_by_workers"), all.userModelsByWorkers},
                            {QStringLiteral("tenant_models"), all.tenantModels},
                            {QStringLiteral("models_learnt_until_utc"),
                             all.modelWindowEndMs ? QJsonValue(formatUtcMs(all.modelWindowEndMs)) : QJsonValue()},
                            {QStringLiteral("backup_sessions"), all.backupSessions},
                            {QStringLiteral("server_models"), all.serverModels},
                            {QStringLiteral("notes"), QJsonArray::fromStringList(all.notes)},
                            {QStringLiteral("elapsed_ms"), all.elapsedMs}};
        ctx.out << QJsonDocument(o).toJson(QJsonDocument::Compact) << "\n";
        return Ok;
    }
    if (report.users == 0)
        ctx.out << Cli::tr("No sign-ins in %1: no baselines. Import logs first.").arg(db.path()) << "\n";
    else
        ctx.out << Cli::tr("Baselines: %1 users (%2 still learning), %3 sign-ins in %4 days from %5 to %6")
                       .arg(report.users)
                       .arg(report.learningUsers)
                       .arg(report.eventsUsed)
                       .arg(days)
                       .arg(formatUtcMs(report.windowStartMs), formatUtcMs(report.windowEndMs))
                << "\n";
    if (all.userModels + all.tenantModels > 0)
        ctx.out << Cli::tr("Sign-in models: %1 per-user Isolation Forests, %2 tenant models").arg(all.userModels).arg(all.tenantModels)
                << "\n";
    if (all.modelWindowEndMs)
        ctx.out << Cli::tr("The sign-in models learnt from sign-ins before %1 and judge only those after it")
                       .arg(formatUtcMs(all.modelWindowEndMs))
                << "\n";
    if (all.backupSessions > 0)
        ctx.out << Cli::tr("Backup models: %1 LSTM autoencoders (per server and fleet) from %2 sessions")
                       .arg(all.serverModels)
                       .arg(all.backupSessions)
                << "\n";
    for (const QString &note : all.notes)
        ctx.out << Cli::tr("Note: %1").arg(note) << "\n";
    ctx.out << Cli::tr("Trained in %1 ms").arg(all.elapsedMs) << "\n";
    return Ok;
}

int runDetect(Context &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption window = windowDaysOption();
    const QCommandLineOption json(QStringLiteral("json"), Cli::tr("Print one JSON object."));
    const QCommandLineOption quiet(QStringLiteral("quiet"), Cli::tr("No progress on stderr."));
    const QCommandLineOption sigmaRules(QStringLiteral("sigma-rules"),
                                        Cli::tr("Also run the Sigma rules in DIR (default: $BACKSIGHT_SIGMA_RULES, else the folder set in "
                                                       "the GUI's Settings); "
                                                       "re-running adds no duplicates."),
                                        QStringLiteral("DIR"));
    parser.addOption(window);
    parser.addOption(json);
    parser.addOption(quiet);
    parser.addOption(sigmaRules);
    const QCommandLineOption sensitivity(
        QStringLiteral("sensitivity"),
        Cli::tr("1 (fewest alerts) to 5 (most), or low (2), default (3), high (4). Used for this run and saved in "
                "the case for the next ones (the GUI's Settings > Detection sensitivity)."),
        QStringLiteral("LEVEL"));
    const QCommandLineOption backtest(QStringLiteral("backtest"),
                                      Cli::tr("Store nothing: print, for each sensitivity, how many anomalies per "
                                              "severity it would raise over the whole case."));
    const QCommandLineOption workers = workersOption();
    parser.addOption(sensitivity);
    parser.addOption(backtest);
    parser.addOption(workers);
    const int early = parseOrExit(parser, args, ctx,
                                  Cli::tr("Examine the events no earlier detection examined and store the anomalies."));
    if (early >= 0)
        return early;
    const std::optional<int> parsedDays = windowDays(parser, window, ctx);
    if (!parsedDays)
        return Usage;
    const int days = *parsedDays;
    const std::optional<int> workerCount = workersValue(parser, workers, ctx);
    if (!workerCount)
        return Usage;
    Database db;
    if (!openDatabase(ctx, db))
        return StorageError;
    std::optional<int> level;
    if (parser.isSet(sensitivity)) {
        level = detect::parseSensitivity(parser.value(sensitivity));
        if (!level) {
            ctx.err << "backsight-cli: " << Cli::tr("--sensitivity is 1 to 5, low, default or high, not '%1'").arg(parser.value(sensitivity))
                    << "\n";
            return Usage;
        }
    }
    const Result<int> stored = caseSensitivity(db);
    if (!stored) {
        ctx.err << "backsight-cli: " << stored.error().message << "\n";
        return StorageError;
    }
    if (level && !parser.isSet(backtest))
        if (const Status saved = setCaseSensitivity(db, *level); !saved) {
            ctx.err << "backsight-cli: " << saved.error().message << "\n";
            return StorageError;
        }
    detect::DetectOptions options;
    options.params.windowDays = days;
    options.policy = options.policy.withSensitivity(level.value_or(*stored));
    int lastPercent = -1;
    if (!parser.isSet(quiet)) {
        options.progress = [&](double p) {
            const int percent = int(p * 100);
            if (percent / 10 != lastPercent / 10) {
                ctx.err << "detect: " << percent << " %\n";
                ctx.err.flush();
            }
            lastPercent = percent;
            return true;
        };
    }
    options.sigmaRulesFolder = parser.isSet(sigmaRules) ? parser.value(sigmaRules) : qEnvironmentVariable("BACKSIGHT_SIGMA_RULES");
    if (options.sigmaRulesFolder.isEmpty()) // the folder set in the GUI's Settings (ui/app_settings: sigma/rulesFolder)
        options.sigmaRulesFolder = QSettings(QStringLiteral("Backsight"), QStringLiteral("backsight"))
                                       .value(QStringLiteral("sigma/rulesFolder"))
                                       .toString();
    detect::addModelScorers(options);
    if (parser.isSet(backtest)) {
        const Result<detect::SensitivityBacktest> b = detect::backtestSensitivity(db, options);
        if (!b) {
            ctx.err << "backsight-cli: " << b.error().message << "\n";
            return StorageError;
        }
        printBacktest(ctx, *b, *stored, parser.isSet(json));
        return Ok;
    }
    std::optional<LocalWorkers> localWorkers = localWorkersFor(ctx, db, *workerCount, parser.isSet(quiet), "detect");
    if (localWorkers) {
        options.distribute = true;
        options.waitingForWorkers = [&] { return localWorkers->check(); };
    }
    const Result<detect::DetectReport> detected = detect::runDetection(db, options);
    if (!detected) {
        ctx.err << "backsight-cli: " << detected.error().message << "\n";
        return StorageError;
    }
    const detect::DetectReport &report = *detected;
    QJsonObject unknown;
    for (auto it = report.unknownErrorCodes.cbegin(); it != report.unknownErrorCodes.cend(); ++it)
        unknown.insert(QString::number(it.key()), it.value());
    if (parser.isSet(json)) {
        const QJsonObject o{{QStringLiteral("database"), db.path()},
                            {QStringLiteral("run_id"), report.runId ? QJsonValue(report.runId) : QJsonValue()},
                            {QStringLiteral("nothing_new"), report.nothingNew},
                            {QStringLiteral("signins_examined"), report.signInsExamined},
                            {QStringLiteral("audits_examined"), report.auditsExamined},
                            {QStringLiteral("backup_sessions_examined"), report.backupSessionsExamined},
                            {QStringLiteral("users"), report.users},
                            {QStringLiteral("users_by_workers"), report.usersByWorkers},
                            {QStringLiteral("findings"), report.findings},
                            {QStringLiteral("anomalies_added"), report.anomaliesAdded},
                            {QStringLiteral("follow_ons_folded"), report.followOnsFolded},
                            {QStringLiteral("sensitivity"), options.policy.sensitivity()},
                            {QStringLiteral("by_kind"), countsToJson(report.anomaliesByKind)},
                            {QStringLiteral("by_severity"), countsToJson(report.anomaliesBySeverity)},
                            {QStringLiteral("unknown_error_codes"), unknown},
                            {QStringLiteral("sigma_matches"), report.sigmaMatches},
                            {QStringLiteral("sigma_anomalies_added"), report.sigmaAnomaliesAdded},
                            {QStringLiteral("incidents"), report.incidents.incidents},
                            {QStringLiteral("incidents_added"), report.incidents.added},
                            {QStringLiteral("phase_ms"), [&] {
                                 QJsonObject phases;
                                 for (auto it = report.phaseMs.cbegin(); it != report.phaseMs.cend(); ++it)
                                     phases.insert(it.key(), it.value());
                                 return phases;
                             }()},
                            {QStringLiteral("elapsed_ms"), report.elapsedMs}};
        ctx.out << QJsonDocument(o).toJson(QJsonDocument::Compact) << "\n";
        return Ok;
    }
    if (!options.sigmaRulesFolder.isEmpty())
        ctx.out << Cli::tr("Sigma rules in %1: %2 matches, %3 new anomalies.")
                       .arg(options.sigmaRulesFolder)
                       .arg(report.sigmaMatches)
                       .arg(report.sigmaAnomaliesAdded)
                << "\n";
    if (report.incidents.added + report.incidents.updated + report.incidents.removed > 0)
        ctx.out << Cli::tr("Identity ↔ backup incidents: %1 (%2 new, %3 grown); `backsight-cli incidents` lists them.")
                       .arg(report.incidents.incidents)
                       .arg(report.incidents.added)
                       .arg(report.incidents.updated)
                << "\n";
    if (report.nothingNew) {
        ctx.out << Cli::tr("Nothing new to examine in %1 (every event was examined by an earlier run).").arg(db.path()) << "\n";
        return Ok;
    }
    ctx.out << Cli::tr("Examined %1 sign-ins of %2 users, %3 audit records and %4 backup sessions in %5 ms at sensitivity %6: %7 new anomalies")
                   .arg(report.signInsExamined)
                   .arg(report.users)
                   .arg(report.auditsExamined)
                   .arg(report.backupSessionsExamined)
                   .arg(report.elapsedMs)
                   .arg(detect::sensitivityName(options.policy.sensitivity()))
                   .arg(report.anomaliesAdded);
    QStringList severities;
    static const char *const names[][2] = {{"critical", QT_TRANSLATE_NOOP("Cli", "%1 critical")},
                                           {"high", QT_TRANSLATE_NOOP("Cli", "%1 high")},
                                           {"medium", QT_TRANSLATE_NOOP("Cli", "%1 medium")},
                                           {"low", QT_TRANSLATE_NOOP("Cli", "%1 low")}};
    for (const auto &[key, text] : names)
        if (const int n = report.anomaliesBySeverity.value(QString::fromLatin1(key)))
            severities << Cli::tr(text).arg(n);
    if (!severities.isEmpty())
        ctx.out << " (" << severities.join(QStringLiteral(", ")) << ")";
    ctx.out << ".\n";
    if (!report.unknownErrorCodes.isEmpty()) {
        QStringList codes;
        for (auto it = report.unknownErrorCodes.cbegin(); it != report.unknownErrorCodes.cend(); ++it)
            codes << QStringLiteral("%1 (%2)").arg(it.key()).arg(it.value());
        ctx.out << Cli::tr("Error codes not in the result table (counted as unknown failures, never as success): %1")
                       .arg(codes.join(QStringLiteral(", ")))
                << "\n";
    }
    return Ok;
}

int runAnomalies(Context &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption format(QStringLiteral("format"), Cli::tr("jsonl (default), csv, table, timesketch (JSONL), timesketch-csv or ecs (NDJSON)."),
                                    QStringLiteral("FORMAT"), QStringLiteral("jsonl"));
    const QCommandLineOption minSeverity(QStringLiteral("min-severity"), Cli::tr("low, medium, high or critical."),
                                         QStringLiteral("SEVERITY"));
    const QCommandLineOption user(QStringLiteral("user"), Cli::tr("Only this user's anomalies."), QStringLiteral("UPN"));
    const QCommandLineOption kind(QStringLiteral("kind"), Cli::tr("Only these primary kinds (comma-separated)."),
                                  QStringLiteral("KINDS"));
    const QCommandLineOption bom(QStringLiteral("bom"), Cli::tr("Start CSV with a UTF-8 byte order mark (Excel)."));
    parser.addOption(format);
    parser.addOption(minSeverity);
    parser.addOption(user);
    parser.addOption(kind);
    parser.addOption(bom);
    const int early = parseOrExit(parser, args, ctx, Cli::tr("Print the stored anomalies."));
    if (early >= 0)
        return early;
    const QString fmt = parser.value(format);
    const QStringList formats = {QStringLiteral("jsonl"), QStringLiteral("csv"), QStringLiteral("table"),
                                 QStringLiteral("timesketch"), QStringLiteral("timesketch-csv"), QStringLiteral("ecs")};
    if (!formats.contains(fmt)) {
        ctx.err << "backsight-cli: " << Cli::tr("--format must be jsonl, csv, table, timesketch, timesketch-csv or ecs") << "\n";
        return Usage;
    }
    detect::AnomalyFilter filter;
    if (parser.isSet(minSeverity)) {
        filter.minSeverity = detect::parseSeverity(parser.value(minSeverity));
        if (!filter.minSeverity) {
            ctx.err << "backsight-cli: " << Cli::tr("--min-severity must be low, medium, high or critical") << "\n";
            return Usage;
        }
    }
    filter.upn = parser.value(user).toLower();
    if (parser.isSet(kind))
        filter.kinds = parser.value(kind).split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (const int missing = requireExistingDatabase(ctx); missing >= 0)
        return missing;
    Database db;
    if (!openDatabase(ctx, db))
        return StorageError;
    QString error;
    bool ok = true;
    if (fmt == QLatin1String("timesketch") || fmt == QLatin1String("timesketch-csv") || fmt == QLatin1String("ecs")) {
        ctx.out.flush();
        QFile stdoutFile;
        if (!stdoutFile.open(stdout, QIODevice::WriteOnly)) {
            ctx.err << "backsight-cli: " << Cli::tr("cannot write to standard output") << "\n";
            return StorageError;
        }
        const Result<qint64> rows = fmt == QLatin1String("ecs")
            ? exporting::writeAnomaliesEcs(db, filter, stdoutFile)
            : exporting::writeAnomaliesTimesketch(db, filter, stdoutFile,
                                                  fmt == QLatin1String("timesketch") ? exporting::TimelineFormat::Jsonl
                                                                                     : exporting::TimelineFormat::Csv);
        ok = rows.ok();
        if (!rows)
            error = rows.error().message;
    } else if (fmt == QLatin1String("jsonl")) {
        const Status read = detect::forEachAnomaly(db, filter, [&](const detect::Anomaly &a) {
            ctx.out << QJsonDocument(detect::anomalyToJson(a)).toJson(QJsonDocument::Compact) << "\n";
            return true;
        });
        ok = read.ok();
        if (!read)
            error = read.error().message;
    } else if (fmt == QLatin1String("csv")) {
        ctx.out.flush();
        QFile stdoutFile;
        if (!stdoutFile.open(stdout, QIODevice::WriteOnly)) {
            ctx.err << "backsight-cli: " << Cli::tr("cannot write to standard output") << "\n";
            return StorageError;
        }
        CsvWriter csv(stdoutFile, parser.isSet(bom));
        csv.writeRow({QStringLiteral("id"), QStringLiteral("event_time"), QStringLiteral("severity"), QStringLiteral("score"),
                      QStringLiteral("user_principal_name"), QStringLiteral("subject"), QStringLiteral("kinds"),
                      QStringLiteral("summary"), QStringLiteral("event_ids"), QStringLiteral("status")});
        const Status read = detect::forEachAnomaly(db, filter, [&](const detect::Anomaly &a) {
            csv.writeRow({a.id, formatUtcMs(a.timeMs), detect::severityName(a.severity),
                          a.score ? QString::number(*a.score, 'f', 3) : QString(), a.upn, a.subject,
                          a.kinds.join(QLatin1Char(';')), a.summary, a.eventIds.join(QLatin1Char(';')), a.status});
            return true;
        });
        ok = read.ok();
        if (!read)
            error = read.error().message;
    } else {
        const Status read = detect::forEachAnomaly(db, filter, [&](const detect::Anomaly &a) {
            ctx.out << formatUtcMs(a.timeMs) << "  " << detect::severityName(a.severity).leftJustified(8) << " "
                    << a.subject.leftJustified(34) << " " << a.summary << "\n";
            return true;
        });
        ok = read.ok();
        if (!read)
            error = read.error().message;
    }
    if (!ok) {
        ctx.err << "backsight-cli: " << error << "\n";
        return StorageError;
    }
    return Ok;
}

} // namespace backsight::cli
