#pragma once

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QTextStream>

namespace backsight {
class Database;
}

namespace backsight::cli {

// The CLI's messages and help: Cli::tr("…") translates in the context "Cli", into the language LANGUAGE,
// LC_ALL, LC_MESSAGES or LANG ask for (docs/translations.md). Machine-readable output (JSON, CSV) stays as is.
struct Cli
{
    Q_DECLARE_TR_FUNCTIONS(Cli)
};

// Exit codes of backsight-cli, part of its contract.
enum ExitCode { Ok = 0, Usage = 1, InputRejected = 2, StorageError = 3 };

struct Context
{
    QString databasePath;
    QTextStream &out;
    QTextStream &err;
};

// One subcommand: its name, a line of help (marked with QT_TRANSLATE_NOOP("Cli", …), shown through Cli::tr), and how to run it with the arguments after its name.
struct Command
{
    const char *name;
    const char *summary;
    int (*run)(Context &ctx, const QStringList &args);
};

const Command *commands();
int commandCount();

// Parses `args` (program name first) with `parser`; prints help or the error and returns the exit code
// to use, or -1 to go on.
int parseOrExit(QCommandLineParser &parser, const QStringList &args, Context &ctx, const QString &usage);

// For a command that only reads the case: a database path that does not exist is a mistyped --db, not a new
// case, so it says so and returns Usage (nothing is created); -1 when the file exists.
int requireExistingDatabase(Context &ctx);

// Opens the case at --db; false, after printing why, when it cannot.
bool openCase(Context &ctx, Database &db);

int runImport(Context &ctx, const QStringList &args);
int runStats(Context &ctx, const QStringList &args);
int runEvents(Context &ctx, const QStringList &args);
int runGenerate(Context &ctx, const QStringList &args);
int runEval(Context &ctx, const QStringList &args);
int runTrain(Context &ctx, const QStringList &args);
int runDetect(Context &ctx, const QStringList &args);
int runAnomalies(Context &ctx, const QStringList &args);
int runServers(Context &ctx, const QStringList &args);
int runIncidents(Context &ctx, const QStringList &args);
int runIforest(Context &ctx, const QStringList &args);
int runModels(Context &ctx, const QStringList &args);
int runReport(Context &ctx, const QStringList &args);
int runCase(Context &ctx, const QStringList &args);
int runSigma(Context &ctx, const QStringList &args);
int runWatch(Context &ctx, const QStringList &args);
int runWorker(Context &ctx, const QStringList &args);
int runGrant(Context &ctx, const QStringList &args);

} // namespace backsight::cli
