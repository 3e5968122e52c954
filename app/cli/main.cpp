// backsight-cli: everything the GUI does, headless. See README.md for the contract.
#include "cli_command.h"
#include "i18n/app_translations.h"
#include "store/database.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <memory>
#include <cstdio>

using namespace backsight;

namespace {

void printUsage(QTextStream &s)
{
    s << cli::Cli::tr("Usage: backsight-cli [--db PATH] COMMAND [options]\n\n"
                      "Backsight investigates Microsoft Entra ID sign-in and audit logs restored from Veeam backups.\n\n"
                      "Global options:\n"
                      "  --db PATH     case database (default: %1)\n"
                      "  --version     print the version\n\n"
                      "Commands:\n")
             .arg(Database::defaultPath());
    for (int i = 0; i < cli::commandCount(); ++i)
        s << "  " << QString::fromLatin1(cli::commands()[i].name).leftJustified(12)
          << cli::Cli::tr(cli::commands()[i].summary) << "\n";
    s << cli::Cli::tr("\nRun 'backsight-cli COMMAND --help' for a command's options.\n"
                      "Exit codes: 0 ok, 1 usage, 2 some input rejected, 3 storage error.\n");
}

} // namespace

int main(int argc, char *argv[])
{
    // `report` draws text and charts (QtGui): it gets a QGuiApplication on the offscreen platform, so it
    // runs without a display; every other command stays a plain QCoreApplication.
    bool drawing = false;
    for (int a = 1; a < argc && !drawing; ++a)
        drawing = qstrcmp(argv[a], "report") == 0;
    if (drawing && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    std::unique_ptr<QCoreApplication> application(drawing ? new QGuiApplication(argc, argv) : new QCoreApplication(argc, argv));
    QCoreApplication &app = *application;
    QCoreApplication::setApplicationName(QStringLiteral("backsight"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BACKSIGHT_VERSION));
    i18n::installTranslations(app); // LANGUAGE, LC_ALL, LC_MESSAGES, LANG
    QTextStream out(stdout);
    QTextStream err(stderr);
    cli::Context ctx{Database::defaultPath(), out, err};

    QStringList args = app.arguments();
    int i = 1;
    for (; i < args.size(); ++i) {
        const QString &a = args[i];
        if (a == QLatin1String("--db") && i + 1 < args.size()) {
            ctx.databasePath = args[++i];
        } else if (a.startsWith(QLatin1String("--db="))) {
            ctx.databasePath = a.mid(5);
        } else if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
            printUsage(out);
            return cli::Ok;
        } else if (a == QLatin1String("--version")) {
            out << "backsight-cli " << BACKSIGHT_VERSION << "\n";
            return cli::Ok;
        } else if (a.startsWith(QLatin1Char('-'))) {
            err << "backsight-cli: " << cli::Cli::tr("unknown global option %1").arg(a) << "\n\n";
            printUsage(err);
            return cli::Usage;
        } else {
            break;
        }
    }
    if (i >= args.size()) {
        printUsage(err);
        return cli::Usage;
    }
    const QString name = args[i];
    for (int c = 0; c < cli::commandCount(); ++c) {
        if (name == QLatin1String(cli::commands()[c].name)) {
            QStringList rest = args.mid(i);
            rest[0] = QStringLiteral("backsight-cli ") + name;
            return cli::commands()[c].run(ctx, rest);
        }
    }
    err << "backsight-cli: " << cli::Cli::tr("unknown command '%1'").arg(name) << "\n\n";
    printUsage(err);
    return cli::Usage;
}
