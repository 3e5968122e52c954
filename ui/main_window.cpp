#include "main_window.h"

#include "detect/severity_policy.h"
#include "dialogs/sensitivity_dialog.h"

#include "app_settings.h"
#include "dialogs/import_problems_dialog.h"
#include "dialogs/language_dialog.h"
#include "export_menu.h"
#include "file_menu.h"
#include "i18n/app_translations.h"
#include "import_runner.h"
#include "import_sources_picker.h"
#include "store/database.h"
#include "team_refresh.h"
#include "views/case_view.h"
#include "views/import/import_view.h"
#include "views/rules/rules_view.h"
#include "views/training/training_view.h"
#include "views/triage/triage_view.h"
#include "widgets/job_status_widget.h"
#include "watch/watch_controller.h"
#include "watch/watched_folders_panel.h"

#include <QActionGroup>
#include <QLayout>
#include <QCloseEvent>
#include <QFileInfo>
#include <QIcon>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>

namespace backsight::ui {

MainWindow::MainWindow(AppSettings &settings, QThreadPool &pool, QWidget *parent)
    : QMainWindow(parent), settings_(settings), imports_(new ImportRunner(pool, this)),
      navigation_(new QListWidget(this)), stack_(new QStackedWidget(this)), viewActions_(new QActionGroup(this)),
      jobStatus_(new JobStatusWidget(this)), viewSummary_(new QLabel(this)), views_(CaseViews::create(pool, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Backsight"));
    setWindowIcon(QIcon(QStringLiteral(":/backsight/icons/backsight.svg")));
    setAcceptDrops(true);

    navigation_->setObjectName(QStringLiteral("viewNavigation"));
    const int navigationWidth = fontMetrics().horizontalAdvance(QLatin1Char('n')) * 16;
    auto *splitter = new QSplitter(this);
    splitter->addWidget(navigation_);
    splitter->addWidget(stack_);
    splitter->setStretchFactor(0, 0); // extra width goes to the view, not the list
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({navigationWidth, 10 * navigationWidth});
    splitter->setChildrenCollapsible(false);
    setCentralWidget(splitter);

    viewSummary_->setObjectName(QStringLiteral("viewSummary"));
    statusBar()->addPermanentWidget(jobStatus_);
    statusBar()->addPermanentWidget(viewSummary_);

    fileMenu_ = new FileMenu(*this, settings_, pool, menuBar());
    buildViewMenu();
    buildTriageMenu();
    exportMenu_ = new ExportMenu(*this, pool, *views_.triage, menuBar());
    buildSettingsMenu(pool);
    menuBar()->addMenu(tr("&Help"))->addAction(tr("&About Backsight"), this, &MainWindow::showAbout);
    for (CaseView *view : views_.all())
        addView(view);
    views_.link(this, [this](CaseView *view) { showView(view); });
    connect(navigation_, &QListWidget::currentRowChanged, this, &MainWindow::showIndex);
    const QList<QListWidgetItem *> last = navigation_->findItems(settings_.lastView(), Qt::MatchExactly);
    navigation_->setCurrentRow(last.isEmpty() ? 0 : navigation_->row(last.first()));

    connect(imports_, &ImportRunner::started, this, [this](Job *job) {
        showJob(job);
        jobStatus_->setCancelHint(tr("Stop after the current file; files already imported stay"));
        views_.import->track(job);
        fileMenu_->setImportEnabled(false);
    });
    connect(imports_, &ImportRunner::finished, this, &MainWindow::onImportFinished);
    connect(views_.import, &ImportView::importRequested, fileMenu_, &FileMenu::chooseImport);
    buildWatchFolders();
    teamRefresh_ = new TeamRefresh(views_, statusBar(), this);
    connect(views_.training, &TrainingView::jobStarted, this, &MainWindow::showJob);
    views_.rules->setSettings(&settings_);
    connect(views_.rules, &RulesView::jobStarted, this, &MainWindow::showJob);
    connect(views_.rules, &RulesView::databaseChanged, this, [this](const QString &summary) {
        refreshAll();
        statusBar()->showMessage(summary, 15000);
    });
    connect(views_.training, &TrainingView::databaseChanged, this, [this](const QString &summary) {
        refreshAll();
        statusBar()->showMessage(summary, 15000);
    });

    if (!restoreGeometry(settings_.windowGeometry()))
        resize(1400, 900);
    restoreState(settings_.windowState());
}

MainWindow::~MainWindow()
{
    // Views let go of their queries before the connection closes.
    teamRefresh_->setDatabase(nullptr);
    for (CaseView *view : views_.all())
        view->setDatabase(nullptr);
}

void MainWindow::buildViewMenu()
{
    viewMenu_ = menuBar()->addMenu(tr("&View"));
    viewMenu_->addAction(tr("&Find…"), QKeySequence::Find, this, [this] {
        if (CaseView *view = currentView())
            view->focusFilter();
    });
    viewMenu_->addAction(tr("&Refresh"), QKeySequence::Refresh, this, [this] {
        if (CaseView *view = currentView())
            view->refresh();
    });
    viewMenu_->addSeparator();
}

// The triage actions work on the queue's selection; their one-letter shortcuts apply while it has the focus.
void MainWindow::buildTriageMenu()
{
    QMenu *menu = menuBar()->addMenu(tr("&Triage"));
    for (QAction *action : views_.triage->triageActions())
        menu->addAction(action);
}

void MainWindow::buildSettingsMenu(QThreadPool &pool)
{
    QMenu *menu = menuBar()->addMenu(tr("&Settings"));
    menu->setObjectName(QStringLiteral("settingsMenu"));
    menu->addAction(tr("Detection &sensitivity…"), this, [this, &pool] {
        if (!db_) {
            statusBar()->showMessage(tr("Open a case database first: the sensitivity is saved in the case."), 8000);
            return;
        }
        SensitivityDialog dialog(*db_, pool, this);
        if (dialog.exec() == QDialog::Accepted)
            statusBar()->showMessage(tr("Detection sensitivity %1 saved in the case; it applies from the next detection run.")
                                         .arg(detect::sensitivityName(dialog.savedSensitivity())),
                                     15000);
    });
    menu->addAction(tr("&Language…"), this, &MainWindow::chooseLanguage)->setObjectName(QStringLiteral("languageAction"));
}

void MainWindow::chooseLanguage()
{
    // Non-modal, like the import problems: the window (and tests) keep running while it is open.
    auto *dialog = new LanguageDialog(settings_, i18n::currentLanguage(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (dialog->apply())
            statusBar()->showMessage(tr("The new language applies when Backsight starts again."), 15000);
    });
    dialog->show();
}

void MainWindow::addView(CaseView *view)
{
    const int index = stack_->addWidget(view);
    navigation_->addItem(view->title());
    QAction *action = viewMenu_->addAction(view->title(), this, [this, index] { navigation_->setCurrentRow(index); });
    action->setCheckable(true);
    action->setShortcut(QKeySequence(tr("Ctrl+%1").arg((index + 1) % 10)));
    viewActions_->addAction(action);
    connect(view, &CaseView::summaryChanged, this, [this, view](const QString &summary) {
        if (view == currentView())
            viewSummary_->setText(summary);
    });
    connect(view, &CaseView::problem, this, [this, view](const QString &message) {
        statusBar()->showMessage(tr("%1: %2").arg(view->title(), message), 30000);
    });
    view->setDatabase(db_.get());
}

void MainWindow::showIndex(int index)
{
    if (index < 0 || index >= stack_->count())
        return;
    stack_->setCurrentIndex(index);
    viewActions_->actions().at(index)->setChecked(true);
    viewSummary_->setText(currentView()->summary());
}

void MainWindow::showView(CaseView *view)
{
    navigation_->setCurrentRow(stack_->indexOf(view));
}

CaseView *MainWindow::currentView() const
{
    return static_cast<CaseView *>(stack_->currentWidget());
}

QString MainWindow::viewSummary() const
{
    return viewSummary_->text();
}

void MainWindow::refreshAll()
{
    for (CaseView *view : views_.all())
        view->refresh();
}

// File → Watch folder… and the Import view's list: the open case's watched folders, their alerts in the status bar.
void MainWindow::buildWatchFolders()
{
    watches_ = new WatchController(this);
    auto *panel = new WatchedFoldersPanel(*watches_, views_.import);
    views_.import->layout()->addWidget(panel);
    connect(panel, &WatchedFoldersPanel::addRequested, fileMenu_, &FileMenu::chooseWatchFolder);
    connect(watches_, &WatchController::caseChanged, this, &MainWindow::refreshAll);
    connect(watches_, &WatchController::message, this, [this](const QString &text) { statusBar()->showMessage(text, 15000); });
    connect(watches_, &WatchController::alertRaised, this,
            [this](const QString &title, const QString &text) { statusBar()->showMessage(title + QStringLiteral(": ") + text); });
}

bool MainWindow::openDatabase(const QString &path, QString *error)
{
    if (isImporting()) {
        if (error)
            *error = tr("An import is running; wait for it to finish or cancel it before switching databases.");
        return false;
    }
    auto db = std::make_unique<Database>();
    if (!db->open(path)) {
        if (error)
            *error = db->error();
        return false;
    }
    for (CaseView *view : views_.all())
        view->setDatabase(db.get());
    teamRefresh_->setDatabase(db.get());
    db_ = std::move(db); // the old connection closes only after no view uses it
    // path(): a server's address without the password an analyst may have written in it.
    const bool onServer = Database::isServerUrl(db_->path());
    settings_.addRecentDatabase(db_->path());
    settings_.setLastDatabase(db_->path());
    fileMenu_->rebuildRecent();
    setWindowTitle(tr("%1 — Backsight").arg(onServer ? db_->path() : QFileInfo(path).fileName()));
    setWindowFilePath(onServer ? QString() : path);
    watches_->setDatabase(db_->path());
    return true;
}

bool MainWindow::isImporting() const
{
    return imports_->isRunning();
}

void MainWindow::cancelImport()
{
    imports_->cancel();
}

bool MainWindow::importPaths(const QStringList &paths)
{
    if (paths.isEmpty())
        return false;
    if (!db_) {
        statusBar()->showMessage(tr("Open or create a case database first (File → New/Open case database…)."));
        return false;
    }
    if (isImporting()) {
        statusBar()->showMessage(tr("An import is already running; wait for it or cancel it."), 8000);
        return false;
    }
    return imports_->start(db_->path(), paths);
}

void MainWindow::showJob(Job *job)
{
    jobStatus_->track(job);
}

void MainWindow::onImportFinished(bool ok, const QString &summary, const ImportReport &report)
{
    fileMenu_->setImportEnabled(true);
    lastImport_ = report;
    views_.import->showReport(report, summary);
    refreshAll();
    statusBar()->showMessage(summary, 15000);
    if (report.hasRejections() || !report.storageError.isEmpty()) {
        // Non-modal: the analyst keeps working (and tests keep running) while it is open.
        auto *dialog = new ImportProblemsDialog(report, summary, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    }
    emit importFinished(ok, summary);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Backsight"),
                       tr("<h3>Backsight %1</h3><p>Investigates Microsoft Entra ID sign-in and audit logs restored "
                          "from Veeam backups.</p><p>Everything stays on this computer: Backsight never sends data "
                          "anywhere.</p>")
                           .arg(QStringLiteral(BACKSIGHT_VERSION)));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    settings_.setWindowGeometry(saveGeometry());
    settings_.setWindowState(saveState());
    if (CaseView *view = currentView())
        settings_.setLastView(view->title());
    if (isImporting())
        imports_->cancel(); // the runner waits for the current chunk when it is destroyed
    QMainWindow::closeEvent(event);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (std::any_of(urls.cbegin(), urls.cend(), [](const QUrl &url) { return url.isLocalFile(); }))
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    QStringList paths;
    for (const QUrl &url : event->mimeData()->urls()) {
        if (url.isLocalFile())
            paths << url.toLocalFile();
    }
    if (importPaths(paths))
        event->acceptProposedAction();
}

} // namespace backsight::ui
