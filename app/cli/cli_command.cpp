#include "cli_command.h"

#include <QDir>
#include <QFileInfo>
#include <iterator>

namespace backsight::cli {

namespace {

// One line per subcommand; keep them in the order `backsight-cli --help` lists them.
const Command kCommands[] = {
    {"import", "Import Entra ID log exports (files, folders, zip) into the database", &runImport},
    {"stats", "Counts of what the database holds", &runStats},
    {"events", "Print stored events as CSV or JSON Lines", &runEvents},
    {"generate", "Write a synthetic demo tenant's logs (Veeam restore layout)", &runGenerate},
    {"eval", "Score the database's anomalies against a generated tenant's labels", &runEval},
    {"train", "Compute per-user baselines (and train models) over a window", &runTrain},
    {"detect", "Examine new events and store anomalies with reasons and severity", &runDetect},
    {"anomalies", "Print the stored anomalies as JSON Lines, CSV or a table", &runAnomalies},
    {"incidents", "Identity ↔ backup incidents: an identity event, then backup anomalies within the window", &runIncidents},
    {"servers", "Servers with backup sessions, their latest threat score and model", &runServers},
    {"iforest", "Fit and score an Isolation Forest on a numeric CSV (ODDS benchmark files)", &runIforest},
    {"models", "Trained models and their versions; roll back to an older version", &runModels},
    {"report", "Write an incident report (PDF) or the anomalies (CSV, JSON Lines); audit-logged", &runReport},
    {"case", "Triage status, notes and tags of anomalies; the audit log", &runCase},
    {"sigma", "Run Sigma rules (Azure sign-in, audit, risk) over the case; matches become anomalies", &runSigma},
    {"watch", "Watch folders: import new exports, detect, print new high/critical anomalies", &runWatch},
};

} // namespace

const Command *commands()
{
    return kCommands;
}

int commandCount()
{
    return int(std::size(kCommands));
}

int parseOrExit(QCommandLineParser &parser, const QStringList &args, Context &ctx, const QString &usage)
{
    parser.setApplicationDescription(usage);
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    parser.addOption(help);
    if (!parser.parse(args)) {
        ctx.err << "backsight-cli: " << parser.errorText() << "\n" << parser.helpText();
        return Usage;
    }
    if (parser.isSet(help)) {
        ctx.out << parser.helpText();
        return Ok;
    }
    return -1;
}

int requireExistingDatabase(Context &ctx)
{
    const QFileInfo file(ctx.databasePath);
    if (file.isFile())
        return -1;
    ctx.err << "backsight-cli: there is no case database at " << QDir::toNativeSeparators(file.absoluteFilePath())
            << (file.exists() ? " (that is a folder)" : "")
            << "; check --db, or create the case with 'backsight-cli --db PATH import EXPORTS...'\n";
    return Usage;
}

} // namespace backsight::cli
