#include "cli_command.h"

#include "store/database.h"

#include <QDir>
#include <QFileInfo>
#include <iterator>

namespace backsight::cli {

namespace {

// One line per subcommand; keep them in the order `backsight-cli --help` lists them.
const Command kCommands[] = {
    {"import", QT_TRANSLATE_NOOP("Cli", "Import Entra ID log exports (files, folders, zip) into the database"), &runImport},
    {"stats", QT_TRANSLATE_NOOP("Cli", "Counts of what the database holds"), &runStats},
    {"events", QT_TRANSLATE_NOOP("Cli", "Print stored events as CSV or JSON Lines"), &runEvents},
    {"generate", QT_TRANSLATE_NOOP("Cli", "Write a synthetic demo tenant's logs (Veeam restore layout)"), &runGenerate},
    {"eval", QT_TRANSLATE_NOOP("Cli", "Score the database's anomalies against a generated tenant's labels"), &runEval},
    {"train", QT_TRANSLATE_NOOP("Cli", "Compute per-user baselines (and train models) over a window"), &runTrain},
    {"detect", QT_TRANSLATE_NOOP("Cli", "Examine new events and store anomalies with reasons and severity"), &runDetect},
    {"anomalies", QT_TRANSLATE_NOOP("Cli", "Print the stored anomalies as JSON Lines, CSV or a table"), &runAnomalies},
    {"incidents", QT_TRANSLATE_NOOP("Cli", "Identity ↔ backup incidents: an identity event, then backup anomalies within the window"), &runIncidents},
    {"servers", QT_TRANSLATE_NOOP("Cli", "Servers with backup sessions, their latest threat score and model"), &runServers},
    {"iforest", QT_TRANSLATE_NOOP("Cli", "Fit and score an Isolation Forest on a numeric CSV (ODDS benchmark files)"), &runIforest},
    {"models", QT_TRANSLATE_NOOP("Cli", "Trained models and their versions; roll back to an older version"), &runModels},
    {"report", QT_TRANSLATE_NOOP("Cli", "Write an incident report (PDF) or the anomalies (CSV, JSON Lines); audit-logged"), &runReport},
    {"case", QT_TRANSLATE_NOOP("Cli", "Triage status, notes and tags of anomalies; the audit log"), &runCase},
    {"sigma", QT_TRANSLATE_NOOP("Cli", "Run Sigma rules (Azure sign-in, audit, risk) over the case; matches become anomalies"), &runSigma},
    {"watch", QT_TRANSLATE_NOOP("Cli", "Watch folders: import new exports, detect, print new high/critical anomalies"), &runWatch},
    {"worker", QT_TRANSLATE_NOOP("Cli", "Serve a shared PostgreSQL case: take per-user work that detect --workers queued"), &runWorker},
    {"grant", QT_TRANSLATE_NOOP("Cli", "Let a PostgreSQL role work on a shared case as an analyst, without owning it"), &runGrant},
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
                                  Cli::tr("Show this help."));
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

bool openCase(Context &ctx, Database &db)
{
    if (db.open(ctx.databasePath))
        return true;
    ctx.err << "backsight-cli: " << db.error() << "\n";
    return false;
}

int requireExistingDatabase(Context &ctx)
{
    if (Database::isServerUrl(ctx.databasePath))
        return -1; // a server case: opening it says whether it is there
    const QFileInfo file(ctx.databasePath);
    if (file.isFile())
        return -1;
    ctx.err << "backsight-cli: "
            << (file.exists() ? Cli::tr("there is no case database at %1 (that is a folder); check --db, or create the "
                                        "case with 'backsight-cli --db PATH import EXPORTS...'")
                              : Cli::tr("there is no case database at %1; check --db, or create the case with "
                                        "'backsight-cli --db PATH import EXPORTS...'"))
                   .arg(QDir::toNativeSeparators(file.absoluteFilePath()))
            << "\n";
    return Usage;
}

} // namespace backsight::cli
