#pragma once

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
class ImportRunner;
class JobStatusWidget;
class SignInsView;
enum class ImportSourceKind;

// The shell: menus, the list of views, the status bar. Views do the work; this window hands them the
// case database and tells them when an import has changed it.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(AppSettings &settings, QThreadPool &pool, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens (or creates) a case database and shows it in every view. False with `error` set on failure;
    // the previous database stays open then.
    bool openDatabase(const QString &path, QString *error = nullptr);
    Database *database() const { return db_.get(); }

    // The one way in for File → Import…, drag and drop and the demo. False when nothing was started
    // (no database, or an import is already running); the status bar says why.
    bool importPaths(const QStringList &paths);
    bool isImporting() const;
    // What the last finished import did, file by file.
    const ImportReport &lastImport() const { return lastImport_; }
    // Shows another kind of job (demo generation) in the status bar.
    void showJob(Job *job);

    SignInsView *signInsView() const { return signIns_; }
    CaseView *currentView() const;
    QString viewSummary() const;

signals:
    void importFinished(bool ok, const QString &summary);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void buildFileMenu();
    void buildViewMenu();
    void addView(CaseView *view);
    void showView(int index);
    void rebuildRecentMenu();
    void openFromMenu(const QString &path);
    void chooseDatabase();
    void chooseImport(ImportSourceKind kind);
    void showAbout();
    void onImportFinished(bool ok, const QString &summary, const ImportReport &report);
    void setImportActionsEnabled(bool enabled);

    AppSettings &settings_;
    std::unique_ptr<Database> db_;
    ImportRunner *imports_;
    QListWidget *navigation_;
    QStackedWidget *views_;
    QMenu *viewMenu_ = nullptr;
    QMenu *recentMenu_ = nullptr;
    QActionGroup *viewActions_;
    QList<QAction *> importActions_;
    JobStatusWidget *jobStatus_;
    QLabel *viewSummary_;
    SignInsView *signIns_;
    ImportReport lastImport_;
};

} // namespace backsight::ui
