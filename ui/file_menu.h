#pragma once

#include <QObject>
#include <QList>

class QAction;
class QMenu;
class QMenuBar;

namespace backsight::ui {

class AppSettings;
class MainWindow;
enum class ImportSourceKind;

// File menu of the main window: new/open case database, recent databases, import files / folder / zip,
// quit. Talks to the window only through its public API (openDatabase, importPaths).
class FileMenu : public QObject
{
    Q_OBJECT
public:
    FileMenu(MainWindow &window, AppSettings &settings, QMenuBar *bar);

    void rebuildRecent();
    void setImportEnabled(bool enabled);
    void chooseImport(ImportSourceKind kind);
    // File → Watch folder…: the folder joins the case's watched folders (watch/watch_controller.h).
    void chooseWatchFolder();

private:
    void openFromMenu(const QString &path);
    void chooseDatabase();

    MainWindow &window_;
    AppSettings &settings_;
    QMenu *recent_;
    QList<QAction *> importActions_;
};

} // namespace backsight::ui
