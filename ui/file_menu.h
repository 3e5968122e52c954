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

// File menu of the main window: new/open case database, open a case on a PostgreSQL server, recent databases,
// import files / folder / zip, quit. Talks to the window only through its public API (openDatabase, importPaths).
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

    // File → Open case on server…: the dialog again, filled in as it was, until the case opens or the analyst
    // cancels; a failure is explained in a message box.
    void chooseServerCase();
    // Opens a server case; when the server wants a password that neither `password` nor ~/.pgpass gave, asks for
    // one (again after a wrong one). A password is kept for this session only (store/session_passwords.h).
    // False with `error` when the case did not open (empty when the analyst cancelled the password prompt).
    bool openServerCase(const QString &url, QString password, QString &error);

private:
    void openFromMenu(const QString &path);
    void chooseDatabase();

    MainWindow &window_;
    AppSettings &settings_;
    QMenu *recent_;
    QList<QAction *> importActions_;
};

} // namespace backsight::ui
