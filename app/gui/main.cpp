// backsight: the desktop GUI. Parses the command line, builds the main window, and for --demo hands
// the window to the demo run. Everything else lives in backsight_ui.
#include "app_settings.h"
#include "demo/demo_progress_printer.h"
#include "demo/demo_run.h"
#include "file_menu.h"
#include "i18n/app_translations.h"
#include "launch_options.h"
#include "main_window.h"
#include "store/database.h"
#include "view_screenshots.h"

#include <QApplication>
#include <QDir>
#include <QSettings>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThreadPool>
#include <QTimer>
#include <memory>
#include <unistd.h>

using namespace backsight;
using namespace backsight::ui;

namespace {

// --screenshots DIR: every view of the case as a PNG, their paths on stdout.
int runScreenshots(QApplication &app, MainWindow &window, const LaunchOptions &options, QTextStream &out, QTextStream &err)
{
    QString error;
    if (!window.openDatabase(options.databasePath, &error)) {
        err << "backsight: " << error << "\n";
        return 3;
    }
    ViewScreenshots shots(window, QDir(options.screenshotDir).absolutePath());
    QObject::connect(&shots, &ViewScreenshots::finished, &app, [&](bool ok, const QString &error, const QStringList &files) {
        if (!ok)
            err << "backsight: " << error << Qt::endl;
        for (const QString &path : files)
            out << QDir::toNativeSeparators(path) << Qt::endl;
        QCoreApplication::exit(ok ? 0 : 1);
    });
    window.show();
    QTimer::singleShot(0, &shots, &ViewScreenshots::start);
    return app.exec();
}

// --demo: import the bundled data, train, detect, report, and (headless) screenshots, with progress on stderr.
int runDemo(QApplication &app, MainWindow &window, QThreadPool &pool, const LaunchOptions &options, const QString &outDir,
            QTextStream &out, QTextStream &err)
{
    DemoRun demo(window, pool, DemoPlan{outDir, options.databasePath, options.inputs, options.headless});
    DemoProgressPrinter progress(err, isatty(STDERR_FILENO) != 0); // stderr: stdout is for the paths
    QObject::connect(&demo, &DemoRun::stageProgress, &app, [&](const QString &stage, int percent, const QString &detail) {
        progress.update(stage, percent, detail);
    });
    QObject::connect(&demo, &DemoRun::finished, &app, [&](bool ok, const QString &error, const QStringList &outputs) {
        progress.finish();
        if (!ok)
            err << "backsight: demo failed: " << error << Qt::endl;
        for (const QString &path : ok ? outputs : QStringList()) // stdout: only what a script can use
            out << QDir::toNativeSeparators(path) << Qt::endl;
        if (options.headless)
            QCoreApplication::exit(ok ? 0 : 1);
    });
    window.show();
    QTimer::singleShot(0, &demo, &DemoRun::start);
    return app.exec();
}

} // namespace

int main(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    const LaunchOptions options = parseLaunchOptions(arguments, environmentHasDisplay());
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (options.showHelp || options.showVersion || !options.error.isEmpty()) {
        // Help and usage errors need no window: a plain application, in the environment's language.
        QCoreApplication console(argc, argv);
        i18n::installTranslations(console);
        if (!options.showHelp && !options.showVersion) { // a usage error, parsed again, so the message comes in the language just installed
            err << "backsight: " << parseLaunchOptions(arguments, environmentHasDisplay()).error << "\n\n" << launchUsage();
            return 2;
        }
        out << (options.showHelp ? launchUsage() : QStringLiteral("backsight " BACKSIGHT_VERSION "\n"));
        return 0;
    }
    if (options.headless) // must happen before QApplication picks a platform
        qputenv("QT_QPA_PLATFORM", "offscreen");

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("backsight"));
    QApplication::setOrganizationName(QStringLiteral("Backsight"));
    QApplication::setApplicationVersion(QStringLiteral(BACKSIGHT_VERSION));

    // A headless run keeps its settings next to its output (screenshots: in a temporary folder), so it
    // neither reads nor changes the analyst's.
    const QString outDir = QDir(options.outDir).absolutePath();
    QTemporaryDir scratch;
    const QString headlessIni = (options.screenshotDir.isEmpty() ? outDir : scratch.path()) + QStringLiteral("/backsight.ini");
    auto qsettings = options.headless ? std::make_unique<QSettings>(headlessIni, QSettings::IniFormat)
                                      : std::make_unique<QSettings>();
    AppSettings settings(*qsettings);
    // The language chosen in Settings → Language…, else the system's; before any window is built.
    i18n::installTranslations(app, settings.language());
    QThreadPool &pool = *QThreadPool::globalInstance();
    MainWindow window(settings, pool);

    if (!options.screenshotDir.isEmpty())
        return runScreenshots(app, window, options, out, err);
    if (!options.demo) {
        QString path = options.databasePath;
        if (path.isEmpty())
            path = settings.lastDatabase().isEmpty() ? Database::defaultPath() : settings.lastDatabase();
        QString error;
        window.show();
        // A server may take until the connect timeout to answer: the window is up and says so meanwhile.
        if (Database::isServerUrl(path))
            window.fileMenu()->openServerCase(path);
        else if (!window.openDatabase(path, &error))
            err << "backsight: " << error << "\n"; // the window opens anyway; File → Open picks another
        return app.exec();
    }

    return runDemo(app, window, pool, options, outDir, out, err);
}
