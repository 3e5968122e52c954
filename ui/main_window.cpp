#include "main_window.h"

#include "app_settings.h"
#include "dialogs/import_problems_dialog.h"
#include "import_runner.h"
#include "import_sources_picker.h"
#include "store/database.h"
#include "views/signins/sign_ins_view.h"
#include "widgets/job_status_widget.h"

#include <QActionGroup>
#include <QCloseEvent>
#include <QFileDialog>
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
      navigation_(new QListWidget(this)), views_(new QStackedWidget(this)), viewActions_(new QActionGroup(this)),
      jobStatus_(new JobStatusWidget(this)), viewSummary_(new QLabel(this)), signIns_(new SignInsView(pool, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Backsight"));
    setWindowIcon(QIcon(QStringLiteral(":/backsight/icons/backsight.svg")));
    setAcceptDrops(true);

    navigation_->setObjectName(QStringLiteral("viewNavigation"));
    const int navigationWidth = fontMetrics().horizontalAdvance(QLatin1Char('n')) * 16;
    auto *splitter = new QSplitter(this);
    splitter->addWidget(navigation_);
    splitter->addWidget(views_);
    splitter->setStretchFactor(0, 0); // extra width goes to the view, not the list
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({navigationWidth, 10 * navigationWidth});
    splitter->setChildrenCollapsible(false);
    setCentralWidget(splitter);

    viewSummary_->setObjectName(QStringLiteral("viewSummary"));
    statusBar()->addPermanentWidget(jobStatus_);
    statusBar()->addPermanentWidget(viewSummary_);

    buildFileMenu();
    buildViewMenu();
    menuBar()->addMenu(tr("&Help"))->addAction(tr("&About Backsight"), this, &MainWindow::showAbout);
    addView(signIns_); // later views plug in here
    connect(navigation_, &QListWidget::currentRowChanged, this, &MainWindow::showView);
    navigation_->setCurrentRow(0);

    connect(imports_, &ImportRunner::started, this, [this](Job *job) {
        showJob(job);
        setImportActionsEnabled(false);
    });
    connect(imports_, &ImportRunner::finished, this, &MainWindow::onImportFinished);

    if (!restoreGeometry(settings_.windowGeometry()))
        resize(1400, 900);
    restoreState(settings_.windowState());
}

MainWindow::~MainWindow()
{
    // Views let go of their queries before the connection closes.
    for (int i = 0; i < views_->count(); ++i)
        static_cast<CaseView *>(views_->widget(i))->setDatabase(nullptr);
}

void MainWindow::buildFileMenu()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&New/Open case database…"), QKeySequence::Open, this, &MainWindow::chooseDatabase);
    recentMenu_ = file->addMenu(tr("&Recent databases"));
    rebuildRecentMenu();
    file->addSeparator();
    importActions_ << file->addAction(tr("&Import files…"), QKeySequence(tr("Ctrl+I")), this,
                                      [this] { chooseImport(ImportSourceKind::Files); });
    importActions_ << file->addAction(tr("Import &folder…"), QKeySequence(tr("Ctrl+Shift+I")), this,
                                      [this] { chooseImport(ImportSourceKind::Folder); });
    importActions_ << file->addAction(tr("Import &zip archive…"), this,
                                      [this] { chooseImport(ImportSourceKind::ZipArchive); });
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
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

void MainWindow::addView(CaseView *view)
{
    const int index = views_->addWidget(view);
    navigation_->addItem(view->title());
    QAction *action = viewMenu_->addAction(view->title(), this, [this, index] { navigation_->setCurrentRow(index); });
    action->setCheckable(true);
    action->setShortcut(QKeySequence(tr("Ctrl+%1").arg(index + 1)));
    viewActions_->addAction(action);
    connect(view, &CaseView::summaryChanged, this, [this, view](const QString &summary) {
        if (view == currentView())
            viewSummary_->setText(summary);
    });
    view->setDatabase(db_.get());
}

void MainWindow::showView(int index)
{
    if (index < 0 || index >= views_->count())
        return;
    views_->setCurrentIndex(index);
    viewActions_->actions().at(index)->setChecked(true);
    viewSummary_->setText(currentView()->summary());
}

CaseView *MainWindow::currentView() const
{
    return static_cast<CaseView *>(views_->currentWidget());
}

QString MainWindow::viewSummary() const
{
    return viewSummary_->text();
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
    for (int i = 0; i < views_->count(); ++i)
        static_cast<CaseView *>(views_->widget(i))->setDatabase(db.get());
    db_ = std::move(db); // the old connection closes only after no view uses it
    settings_.addRecentDatabase(path);
    settings_.setLastDatabase(path);
    rebuildRecentMenu();
    setWindowTitle(tr("%1 — Backsight").arg(QFileInfo(path).fileName()));
    setWindowFilePath(path);
    return true;
}

bool MainWindow::isImporting() const
{
    return imports_->isRunning();
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
    setImportActionsEnabled(true);
    lastImport_ = report;
    for (int i = 0; i < views_->count(); ++i)
        static_cast<CaseView *>(views_->widget(i))->refresh();
    statusBar()->showMessage(summary, 15000);
    if (report.hasRejections() || !report.storageError.isEmpty()) {
        // Non-modal: the analyst keeps working (and tests keep running) while it is open.
        auto *dialog = new ImportProblemsDialog(report, summary, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    }
    emit importFinished(ok, summary);
}

void MainWindow::setImportActionsEnabled(bool enabled)
{
    for (QAction *action : std::as_const(importActions_))
        action->setEnabled(enabled);
}

void MainWindow::rebuildRecentMenu()
{
    recentMenu_->clear();
    const QStringList recent = settings_.recentDatabases();
    for (const QString &path : recent)
        recentMenu_->addAction(path, this, [this, path] { openFromMenu(path); });
    if (!recent.isEmpty())
        recentMenu_->addSeparator();
    QAction *clear = recentMenu_->addAction(tr("Clear list"), this, [this] {
        settings_.clearRecentDatabases();
        rebuildRecentMenu();
    });
    clear->setEnabled(!recent.isEmpty());
}

void MainWindow::openFromMenu(const QString &path)
{
    QString error;
    if (!openDatabase(path, &error))
        QMessageBox::warning(this, tr("Cannot open the case database"), error);
}

void MainWindow::chooseDatabase()
{
    const QString start = db_ ? QFileInfo(db_->path()).absolutePath() : QFileInfo(Database::defaultPath()).absolutePath();
    // A save dialog lets the analyst pick an existing case or name a new one.
    const QString path = QFileDialog::getSaveFileName(this, tr("New or existing case database"), start,
                                                      tr("Case databases (*.sqlite *.db);;All files (*)"), nullptr,
                                                      QFileDialog::DontConfirmOverwrite);
    if (!path.isEmpty())
        openFromMenu(path);
}

void MainWindow::chooseImport(ImportSourceKind kind)
{
    const QStringList paths = pickImportSources(this, kind, settings_);
    importPaths(paths);
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
