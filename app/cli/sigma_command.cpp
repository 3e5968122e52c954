#include "cli_command.h"

#include "sigma/sigma_runner.h"
#include "store/database.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace backsight::cli {
namespace {

QJsonObject statusJson(const sigma::RuleStatus &s)
{
    return {{QStringLiteral("file"), s.file},          {QStringLiteral("id"), s.id},
            {QStringLiteral("title"), s.title},        {QStringLiteral("level"), s.level},
            {QStringLiteral("kind"), s.kind},          {QStringLiteral("service"), s.service},
            {QStringLiteral("status"), s.loaded ? QStringLiteral("loaded") : QStringLiteral("skipped")},
            {QStringLiteral("skip_reason"), s.skipReason}, {QStringLiteral("matches"), s.matches}};
}

void printTable(Context &ctx, const sigma::SigmaRunReport &report)
{
    int loaded = 0, skipped = 0;
    for (const sigma::RuleStatus &s : report.rules) {
        const QString what = s.title.isEmpty() ? s.file : s.title;
        if (s.loaded) {
            ++loaded;
            ctx.out << QStringLiteral("%1  %2  %3  %4\n")
                           .arg(QString::number(s.matches).rightJustified(6), s.level.leftJustified(13), s.service.leftJustified(13), what);
        } else {
            ++skipped;
            ctx.out << Cli::tr("skipped  %1 (%2): %3\n").arg(what, s.file, s.skipReason);
        }
    }
    ctx.out << Cli::tr("%1 rules run, %2 skipped; %3 events examined, %4 matches, %5 new anomalies.")
                   .arg(loaded)
                   .arg(skipped)
                   .arg(report.eventsExamined)
                   .arg(report.anomaliesFound)
                   .arg(report.anomaliesAdded)
            << "\n";
}

} // namespace

int runSigma(Context &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption rules(QStringLiteral("rules"), Cli::tr("Folder of Sigma rules (*.yml, searched recursively)."),
                                   QStringLiteral("DIR"));
    const QCommandLineOption json(QStringLiteral("json"), Cli::tr("Print one JSON object."));
    const QCommandLineOption dryRun(QStringLiteral("dry-run"), Cli::tr("Report the matches without storing anomalies."));
    const QCommandLineOption quiet(QStringLiteral("quiet"), Cli::tr("No progress on stderr."));
    parser.addOptions({rules, json, dryRun, quiet});
    const int early = parseOrExit(parser, args, ctx,
                                  Cli::tr("Run Sigma rules (logsource product azure, service signinlogs, auditlogs or "
                                                 "riskdetection) over the case; each match is stored as an anomaly of kind "
                                                 "sigma. Running the same rules again adds nothing."));
    if (early >= 0)
        return early;
    if (!parser.isSet(rules)) {
        ctx.err << "backsight-cli sigma: " << Cli::tr("--rules DIR is required") << "\n";
        return Usage;
    }
    Result<sigma::RuleSet> set = sigma::loadRuleFolder(parser.value(rules));
    if (!set) {
        ctx.err << "backsight-cli sigma: " << set.error().message << "\n";
        return Usage;
    }
    Database db;
    if (!openCase(ctx, db))
        return StorageError;
    int lastDecile = -1;
    const sigma::SigmaProgress progress = [&](qint64 done, qint64 total) {
        const int decile = total > 0 ? int(done * 10 / total) : 10;
        if (!parser.isSet(quiet) && decile != lastDecile) {
            ctx.err << "sigma: " << decile * 10 << " %\n";
            ctx.err.flush();
        }
        lastDecile = decile;
        return true;
    };
    Result<sigma::SigmaRunReport> report =
        sigma::runSigmaRules(db, *set, !parser.isSet(dryRun), QDateTime::currentMSecsSinceEpoch(), progress);
    if (!report) {
        ctx.err << "backsight-cli sigma: " << report.error().message << "\n";
        return StorageError;
    }
    if (parser.isSet(json)) {
        QJsonArray rows;
        for (const sigma::RuleStatus &s : report->rules)
            rows.append(statusJson(s));
        const QJsonObject o{{QStringLiteral("database"), db.path()},
                            {QStringLiteral("rules_folder"), parser.value(rules)},
                            {QStringLiteral("files"), set->files},
                            {QStringLiteral("rules"), rows},
                            {QStringLiteral("events_examined"), report->eventsExamined},
                            {QStringLiteral("matches"), report->anomaliesFound},
                            {QStringLiteral("anomalies_added"), report->anomaliesAdded},
                            {QStringLiteral("stored"), !parser.isSet(dryRun)}};
        ctx.out << QJsonDocument(o).toJson(QJsonDocument::Compact) << "\n";
        return Ok;
    }
    printTable(ctx, *report);
    return Ok;
}

} // namespace backsight::cli
