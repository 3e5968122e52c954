#pragma once

#include <QString>
#include <QStringList>

namespace backsight::ui {

// What `backsight` was asked to do on its command line.
struct LaunchOptions
{
    QString databasePath; // --db; empty when not given
    bool demo = false;    // --demo, or implied by --input
    QString outDir = QStringLiteral("backsight-demo");
    QStringList inputs;   // --input PATH... (import these instead of generating the demo tenant)
    QString screenshotDir; // --screenshot DIR: render every view of --db offscreen into DIR, then exit
    bool headless = false;
    bool showHelp = false;
    bool showVersion = false;
    QString error;        // set when the command line makes no sense
};

// Parses `arguments` (program name first). Read before QApplication exists, because headless mode
// must choose the offscreen platform before the application is constructed.
LaunchOptions parseLaunchOptions(const QStringList &arguments, bool hasDisplay);

// DISPLAY or WAYLAND_DISPLAY is set.
bool environmentHasDisplay();

QString launchUsage();

} // namespace backsight::ui
