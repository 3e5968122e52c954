#include "launch_options.h"

#include "store/database.h"

#include <QCoreApplication>

namespace backsight::ui {
namespace {

struct LaunchText
{
    Q_DECLARE_TR_FUNCTIONS(LaunchOptions)
};

// "--name value" or "--name=value"; advances `i` past what it consumed.
bool takeValue(const QStringList &args, int &i, const QString &name, QString &value, QString &error)
{
    const QString &a = args[i];
    if (a.startsWith(name + QLatin1Char('='))) {
        value = a.mid(name.size() + 1);
    } else if (i + 1 < args.size() && !args[i + 1].startsWith(QLatin1String("--"))) {
        value = args[++i];
    } else {
        error = LaunchText::tr("%1 needs a value").arg(name);
        return false;
    }
    if (value.isEmpty())
        error = LaunchText::tr("%1 needs a value").arg(name);
    return !value.isEmpty();
}

} // namespace

LaunchOptions parseLaunchOptions(const QStringList &args, bool hasDisplay)
{
    LaunchOptions o;
    bool headlessAsked = false;
    for (int i = 1; i < args.size() && o.error.isEmpty(); ++i) {
        const QString &a = args[i];
        QString value;
        if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
            o.showHelp = true;
        } else if (a == QLatin1String("--version")) {
            o.showVersion = true;
        } else if (a == QLatin1String("--demo")) {
            o.demo = true;
        } else if (a == QLatin1String("--headless")) {
            headlessAsked = true;
        } else if (a == QLatin1String("--db") || a.startsWith(QLatin1String("--db="))) {
            if (takeValue(args, i, QStringLiteral("--db"), value, o.error))
                o.databasePath = value;
        } else if (a == QLatin1String("--out") || a.startsWith(QLatin1String("--out="))) {
            if (takeValue(args, i, QStringLiteral("--out"), value, o.error))
                o.outDir = value;
        } else if (a == QLatin1String("--screenshot") || a.startsWith(QLatin1String("--screenshot="))) {
            if (takeValue(args, i, QStringLiteral("--screenshot"), value, o.error))
                o.screenshotDir = value;
        } else if (a == QLatin1String("--input") || a.startsWith(QLatin1String("--input="))) {
            if (!takeValue(args, i, QStringLiteral("--input"), value, o.error))
                break;
            o.inputs << value;
            // --input PATH... takes every following argument up to the next option.
            while (i + 1 < args.size() && !args[i + 1].startsWith(QLatin1String("--")))
                o.inputs << args[++i];
            o.demo = true;
        } else {
            o.error = LaunchText::tr("unknown argument '%1'").arg(a);
        }
    }
    const bool screenshots = !o.screenshotDir.isEmpty();
    o.headless = headlessAsked || !hasDisplay || screenshots;
    if (o.error.isEmpty() && screenshots && o.demo)
        o.error = LaunchText::tr("--screenshot takes --db, not --demo (the demo writes its screenshots to OUT/screenshots)");
    if (o.error.isEmpty() && screenshots && o.databasePath.isEmpty())
        o.error = LaunchText::tr("--screenshot needs --db PATH: the case database to photograph");
    if (o.error.isEmpty() && o.headless && !o.demo && !screenshots && !o.showHelp && !o.showVersion)
        o.error = headlessAsked ? LaunchText::tr("--headless needs --demo or --input: there is no window to work in")
                                : LaunchText::tr("no display (neither DISPLAY nor WAYLAND_DISPLAY is set); "
                                                 "run with --demo or --input for a headless run");
    return o;
}

bool environmentHasDisplay()
{
    return !qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
}

QString launchUsage()
{
    return LaunchText::tr(
               "Usage: backsight [--db PATH] [--demo] [--out DIR] [--input PATH...] [--headless] [--screenshot DIR]\n\n"
               "Investigate Microsoft Entra ID sign-in and audit logs restored from Veeam backups.\n\n"
               "  --db PATH          case database (default: the last one opened, else %1)\n"
               "  --demo             generate a synthetic tenant (300 users, 90 days, seed 42) and import it\n"
               "  --out DIR          where the demo writes (default ./backsight-demo)\n"
               "  --input PATH...    import these files, folders or zip archives instead of generating\n"
               "  --headless         no window: import, take screenshots, write OUT/report.pdf, print the paths\n"
               "                     and exit (chosen automatically when there is no display)\n"
               "  --screenshot DIR   render every view of --db offscreen to DIR/<view>.png and exit\n"
               "  --version          print the version\n")
        .arg(Database::defaultPath());
}

} // namespace backsight::ui
