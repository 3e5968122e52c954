#pragma once

#include "case_views.h"
#include "ingest/importer.h"

#include <QMainWindow>
#include <memory>

class QActionGroup;
class QLabel;
class QListWidget;
class QStackedWidget;
class QThreadPool;

namespace backsight {
class Database;
class Job;
} // namespace backsight

namespace backsight::ui {

class AppSettings;
class CaseView;
class ExportMenu;
class FileMenu;
class ImportRunner;
class JobStatusWidget;
class SignInsView;
class TeamRefresh;
class WatchController;

// The shell: menus, the list of views, the status bar with running jobs. Views do the work; this window
// hands them the case database, tells them when a job has changed it, and lets them link to each other.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(AppSettings &settings, QThreadPool &pool, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens (or creates) a case database, or a case on a PostgreSQL server (postgresql://…), and shows it in every
    // view. False with `error` set on failure; the previous database stays open then. The recent list keeps the
    // address without a password.
    bool openDatabase(const QString &path, QString *error = nullptr);
    Database *database() const { return db_.get(); }
    ExportMenu *exportMenu() const { return exportMenu_; }
    // Opens server cases in the background (FileMenu::openServerCase).
    FileMenu *fileMenu() const { return fileMenu_; }

    // The one way in for File → Import…, drag and drop, the import view and the demo. False when nothing
    // was started (no database, or an import is already running); the status bar says why.
    bool importPaths(const QStringList &paths);
    bool isImporting() const;
    void cancelImport();
    // What the last finished import did, file by file.
    const ImportReport &lastImport() const { return lastImport_; }
    // Shows another job (demo generation, baselines) in the status bar.
    void showJob(Job *job);

    const CaseViews &views() const { return views_; }
    SignInsView *signInsView() const { return views_.signIns; }
    CaseView *currentView() const;
    void showView(CaseView *view);
    // Every view reloads from the database (after a job changed it).
    void refreshAll();
    QString viewSummary() const;
    JobStatusWidget *jobStatus() const { return jobStatus_; }
    // The case's watched folders (File → Watch folder…, the Import view's list).
    WatchController *watches() const { return watches_; }
    // Reloads the views when a colleague changes the open server case.
    TeamRefresh *teamRefresh() const { return teamRefresh_; }

signals:
    void importFinished(bool ok, const QString &summary);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void buildViewMenu();
    void buildTriageMenu();
    void buildSettingsMenu(QThreadPool &pool);
    void buildWatchFolders();
    void addView(CaseView *view);
    void showIndex(int index);
    void showAbout();
    void chooseLanguage();
    void onImportFinished(bool ok, const QString &summary, const ImportReport &report);

    AppSettings &settings_;
    std::unique_ptr<Database> db_;
    ImportRunner *imports_;
    QListWidget *navigation_;
    QStackedWidget *stack_;
    QMenu *viewMenu_ = nullptr;
    FileMenu *fileMenu_ = nullptr;
    ExportMenu *exportMenu_ = nullptr;
    QActionGroup *viewActions_;
    JobStatusWidget *jobStatus_;
    QLabel *viewSummary_;
    CaseViews views_;
    ImportReport lastImport_;
    WatchController *watches_ = nullptr;
    TeamRefresh *teamRefresh_ = nullptr;
};

} // namespace backsight::ui
