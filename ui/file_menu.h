#pragma once

#include <QObject>
#include <QList>
#include <optional>

#include "dialogs/server_case_dialog.h"

class QAction;
class QMenu;
class QMenuBar;
class QThreadPool;

namespace backsight {
class Job;
}

namespace backsight::ui {

class AppSettings;
class MainWindow;
class ServerCaseOpener;
enum class ImportSourceKind;

// File menu of the main window: new/open case database, open a case on a PostgreSQL server, recent databases,
// import files / folder / zip, quit. Talks to the window only through its public API (openDatabase, importPaths).
class FileMenu : public QObject
{
    Q_OBJECT
public:
    FileMenu(MainWindow &window, AppSettings &settings, QThreadPool &pool, QMenuBar *bar);

    void rebuildRecent();
    void setImportEnabled(bool enabled);
    void chooseImport(ImportSourceKind kind);
    // File → Watch folder…: the folder joins the case's watched folders (watch/watch_controller.h).
    void chooseWatchFolder();

    // File → Open case on server…: the dialog, filled in as the current case's server (or as the attempt that just
    // failed, after its message box), then openServerCase().
    void chooseServerCase();
    // Opens a server case without blocking the window: a job connects and migrates on the thread pool (the status
    // bar names the server and offers Cancel), then the window opens its own connection. When the server wants a
    // password that neither `password` nor ~/.pgpass gave, asks for one (again after a wrong one). A password is
    // kept for this session only (store/session_passwords.h). A failure is explained in a message box and the
    // status bar; the case that was open stays open. serverCaseFinished() tells how it ended.
    void openServerCase(const QString &url, const QString &password = QString());
    bool isOpeningServerCase() const;
    // Abandons the attempt (as the status bar's Cancel does): the open case stays, nothing of the new one is kept.
    void cancelServerCase();

signals:
    // `error` is empty when the analyst cancelled (the connection or the password prompt).
    void serverCaseFinished(bool opened, const QString &url, const QString &error);

private:
    void openFromMenu(const QString &path);
    void chooseDatabase();
    void startServerCase(const QString &url, const QString &password, bool fromDialog);
    void onServerChecked(bool ok, const QString &url, const QString &error);
    void onServerAbandoned(backsight::Job *job, const QString &url);
    void failServerCase(const QString &url, const QString &error);

    MainWindow &window_;
    AppSettings &settings_;
    QMenu *recent_;
    QList<QAction *> importActions_;
    ServerCaseOpener *serverOpener_;
    // The password given with the attempt that runs: forgotten again when it does not open the case.
    bool attemptHasPassword_ = false;
    bool attemptFromDialog_ = false;
    std::optional<ServerCaseAddress> retryAddress_;
};

} // namespace backsight::ui
