#include "cli_command.h"
#include "local_workers.h"
#include "sensitivity_backtest_output.h"

#include "store/anomaly_repository.h"
#include "detect/pipeline.h"
#include "detect/training.h"
#include "ingest/timestamp.h"
#include "model/time_format.h"
#include "store/case_settings.h"
#include "store/database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>

namespace backsight::cli {
namespace {


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

QJsonObject trainReportJson(const detect::TrainAllReport &all, const Database &db, int days)
{
    const detect::BaselineReport &report = all.baselines;
    return {{QStringLiteral("database"), db.path()},
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
}

void printTrainReport(Context &ctx, const detect::TrainAllReport &all, const Database &db, int days)
{
    const detect::BaselineReport &report = all.baselines;
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
}

struct SensitivityChoice
{
    int level = 0;  // for this run
    int stored = 0; // the case's, before this run
};

// The sensitivity of this run: `given` (--sensitivity) when set, saved in the case when `save`, else the case's
// own. nullopt after printing why, with `exitCode` set.
std::optional<SensitivityChoice> chooseSensitivity(Context &ctx, Database &db, const std::optional<QString> &given,
                                                   bool save, int &exitCode)
{
    std::optional<int> level;
    if (given) {
        level = detect::parseSensitivity(*given);
        if (!level) {
            ctx.err << "backsight-cli: " << Cli::tr("--sensitivity is 1 to 5, low, default or high, not '%1'").arg(*given) << "\n";
            exitCode = Usage;
            return std::nullopt;
        }
    }
    const Result<int> stored = caseSensitivity(db);
    Status saved;
    if (stored && level && save)
        saved = setCaseSensitivity(db, *level);
    if (!stored || !saved) {
        ctx.err << "backsight-cli: " << (stored ? saved.error() : stored.error()).message << "\n";
        exitCode = StorageError;
        return std::nullopt;
    }
    return SensitivityChoice{level.value_or(*stored), *stored};
}

// Progress on stderr in steps of ten percent.
std::function<bool(double)> tenPercentSteps(Context &ctx)
{
    return [&ctx, lastPercent = -1](double p) mutable {
        const int percent = int(p * 100);
        if (percent / 10 != lastPercent / 10) {
            ctx.err << "detect: " << percent << " %\n";
            ctx.err.flush();
        }
        lastPercent = percent;
        return true;
    };
}

// --sigma-rules, else $BACKSIGHT_SIGMA_RULES, else the folder set in the GUI's Settings (ui/app_settings:
// sigma/rulesFolder); empty for none.
QString sigmaRulesFolder(const QString &given)
{
    if (!given.isEmpty())
        return given;
    const QString fromEnvironment = qEnvironmentVariable("BACKSIGHT_SIGMA_RULES");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    return QSettings(QStringLiteral("Backsight"), QStringLiteral("backsight")).value(QStringLiteral("sigma/rulesFolder")).toString();
}

QJsonObject detectReportJson(const detect::DetectReport &report, const Database &db, int sensitivity)
{
    QJsonObject unknown;
    for (auto it = report.unknownErrorCodes.cbegin(); it != report.unknownErrorCodes.cend(); ++it)
        unknown.insert(QString::number(it.key()), it.value());
    QJsonObject phases;
    for (auto it = report.phaseMs.cbegin(); it != report.phaseMs.cend(); ++it)
        phases.insert(it.key(), it.value());
    return {{QStringLiteral("database"), db.path()},
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
            {QStringLiteral("sensitivity"), sensitivity},
            {QStringLiteral("by_kind"), countsToJson(report.anomaliesByKind)},
            {QStringLiteral("by_severity"), countsToJson(report.anomaliesBySeverity)},
            {QStringLiteral("unknown_error_codes"), unknown},
            {QStringLiteral("sigma_matches"), report.sigmaMatches},
            {QStringLiteral("sigma_anomalies_added"), report.sigmaAnomaliesAdded},
            {QStringLiteral("incidents"), report.incidents.incidents},
            {QStringLiteral("incidents_added"), report.incidents.added},
            {QStringLiteral("phase_ms"), phases},
            {QStringLiteral("elapsed_ms"), report.elapsedMs}};
}

void printDetectReport(Context &ctx, const detect::DetectReport &report, const Database &db,
                       const detect::DetectOptions &options)
{
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
        return;
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
    if (!openCase(ctx, db))
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
    if (parser.isSet(json))
        ctx.out << QJsonDocument(trainReportJson(*trained, db, days)).toJson(QJsonDocument::Compact) << "\n";
    else
        printTrainReport(ctx, *trained, db, days);
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
    if (!openCase(ctx, db))
        return StorageError;
    int exitCode = Ok;
    const std::optional<SensitivityChoice> chosen =
        chooseSensitivity(ctx, db, parser.isSet(sensitivity) ? std::optional(parser.value(sensitivity)) : std::nullopt,
                          !parser.isSet(backtest), exitCode);
    if (!chosen)
        return exitCode;
    detect::DetectOptions options;
    options.params.windowDays = days;
    options.policy = options.policy.withSensitivity(chosen->level);
    if (!parser.isSet(quiet))
        options.progress = tenPercentSteps(ctx);
    options.sigmaRulesFolder = sigmaRulesFolder(parser.isSet(sigmaRules) ? parser.value(sigmaRules) : QString());
    detect::addModelScorers(options);
    if (parser.isSet(backtest)) {
        const Result<detect::SensitivityBacktest> b = detect::backtestSensitivity(db, options);
        if (!b) {
            ctx.err << "backsight-cli: " << b.error().message << "\n";
            return StorageError;
        }
        printBacktest(ctx, *b, chosen->stored, parser.isSet(json));
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
    if (parser.isSet(json))
        ctx.out << QJsonDocument(detectReportJson(*detected, db, options.policy.sensitivity())).toJson(QJsonDocument::Compact) << "\n";
    else
        printDetectReport(ctx, *detected, db, options);
    return Ok;
}

} // namespace backsight::cli
