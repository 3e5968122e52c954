#include "file_menu.h"

#include "app_settings.h"
#include "import_sources_picker.h"
#include "main_window.h"
#include "server_case_opener.h"
#include "store/database.h"
#include "store/session_passwords.h"
#include "watch/watch_controller.h"
#include "widgets/job_status_widget.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QUrl>

namespace backsight::ui {

FileMenu::FileMenu(MainWindow &window, AppSettings &settings, QThreadPool &pool, QMenuBar *bar)
    : QObject(&window), window_(window), settings_(settings), serverOpener_(new ServerCaseOpener(pool, this))
{
    connect(serverOpener_, &ServerCaseOpener::started, &window_, [this](Job *job) {
        window_.showJob(job);
        window_.jobStatus()->setCancelHint(tr("Stop connecting; the open case stays open"));
    });
    connect(serverOpener_, &ServerCaseOpener::checked, this, &FileMenu::onServerChecked);
    connect(serverOpener_, &ServerCaseOpener::abandoned, this, &FileMenu::onServerAbandoned);
    QMenu *file = bar->addMenu(tr("&File"));
    file->addAction(tr("&New/Open case database…"), QKeySequence::Open, this, &FileMenu::chooseDatabase);
    file->addAction(tr("Open case on &server…"), this, &FileMenu::chooseServerCase)
        ->setObjectName(QStringLiteral("openServerCaseAction"));
    recent_ = file->addMenu(tr("&Recent databases"));
    rebuildRecent();
    file->addSeparator();
    importActions_ << file->addAction(tr("&Import files…"), QKeySequence(tr("Ctrl+I")), this,
                                      [this] { chooseImport(ImportSourceKind::Files); });
    importActions_ << file->addAction(tr("Import &folder…"), QKeySequence(tr("Ctrl+Shift+I")), this,
                                      [this] { chooseImport(ImportSourceKind::Folder); });
    importActions_ << file->addAction(tr("Import &zip archive…"), this, [this] { chooseImport(ImportSourceKind::ZipArchive); });
    file->addAction(tr("&Watch folder…"), this, &FileMenu::chooseWatchFolder);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, &window_, &QWidget::close);
}

void FileMenu::setImportEnabled(bool enabled)
{
    for (QAction *action : std::as_const(importActions_))
        action->setEnabled(enabled);
}

void FileMenu::rebuildRecent()
{
    recent_->clear();
    const QStringList recent = settings_.recentDatabases();
    for (const QString &path : recent)
        recent_->addAction(path, this, [this, path] { openFromMenu(path); });
    if (!recent.isEmpty())
        recent_->addSeparator();
    QAction *clear = recent_->addAction(tr("Clear list"), this, [this] {
        settings_.clearRecentDatabases();
        rebuildRecent();
    });
    clear->setEnabled(!recent.isEmpty());
}

void FileMenu::openFromMenu(const QString &path)
{
    if (Database::isServerUrl(path)) {
        openServerCase(path);
        return;
    }
    QString error;
    if (!window_.openDatabase(path, &error) && !error.isEmpty())
        QMessageBox::warning(&window_, tr("Cannot open the case database"), error);
}

void FileMenu::chooseServerCase()
{
    ServerCaseDialog dialog(&window_);
    const QUrl current(window_.database() ? window_.database()->path() : QString());
    if (retryAddress_)
        dialog.setAddress(*std::exchange(retryAddress_, std::nullopt));
    else if (Database::isServerUrl(current.toString()))
        dialog.setAddress({current.host(), current.port(5432), current.path().mid(1), current.userName()});
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString url = serverCaseUrl(dialog.address());
    if (url.isEmpty()) {
        retryAddress_ = dialog.address();
        attemptFromDialog_ = true;
        failServerCase(url, tr("%1 cannot be part of a server address.").arg(dialog.address().host));
        return;
    }
    startServerCase(url, dialog.password(), true);
}

void FileMenu::openServerCase(const QString &url, const QString &password)
{
    startServerCase(url, password, false);
}

void FileMenu::startServerCase(const QString &url, const QString &password, bool fromDialog)
{
    if (serverOpener_->isRunning()) {
        window_.statusBar()->showMessage(tr("Still connecting to a case server; wait for it or cancel it."), 8000);
        return;
    }
    attemptFromDialog_ = fromDialog;
    attemptHasPassword_ = !password.isEmpty();
    if (attemptHasPassword_)
        rememberServerPassword(url, password);
    // host:port/database, as the analyst typed them into the dialog.
    const QUrl address(serverAddressWithoutPassword(url));
    const QString host = address.host().contains(QLatin1Char(':')) ? QLatin1Char('[') + address.host() + QLatin1Char(']')
                                                                      : address.host();
    const QString where = QStringLiteral("%1:%2/%3").arg(host).arg(address.port(5432)).arg(address.path().mid(1));
    serverOpener_->start(url, tr("Connecting to %1…").arg(where));
}

bool FileMenu::isOpeningServerCase() const
{
    return serverOpener_->isRunning();
}

void FileMenu::cancelServerCase()
{
    serverOpener_->cancel();
}

void FileMenu::onServerChecked(bool ok, const QString &url, const QString &checkError)
{
    QString error = checkError;
    // The server answered: the window's own connection (a connection stays on its thread) opens at once.
    if (ok && window_.openDatabase(url, &error)) {
        emit serverCaseFinished(true, url, QString());
        return;
    }
    if (attemptHasPassword_)
        forgetServerPassword(url);
    // libpq: "fe_sendauth: no password supplied", "password authentication failed for user …".
    if (!error.contains(QLatin1String("password"), Qt::CaseInsensitive)) {
        failServerCase(url, error);
        return;
    }
    bool entered = false;
    const QString password = QInputDialog::getText(&window_, tr("Password for the case server"),
                                                   tr("%1\n\nPassword for %2 (this session only):").arg(error, url),
                                                   QLineEdit::Password, QString(), &entered);
    if (!entered || password.isEmpty()) {
        emit serverCaseFinished(false, url, QString());
        return;
    }
    startServerCase(url, password, attemptFromDialog_);
}

void FileMenu::onServerAbandoned(Job *job, const QString &url)
{
    if (window_.jobStatus()->trackedJob() == job)
        window_.jobStatus()->track(nullptr);
    if (attemptHasPassword_)
        forgetServerPassword(url);
    window_.statusBar()->showMessage(tr("Stopped connecting to %1; the open case stays open.")
                                         .arg(serverAddressWithoutPassword(url)),
                                     15000);
    emit serverCaseFinished(false, url, QString());
}

// The analyst's usual place for a failed open: a message box (window-modal, so the window keeps drawing) and the
// status bar. After a dialog's attempt the dialog comes back, filled in as it was.
void FileMenu::failServerCase(const QString &url, const QString &error)
{
    window_.statusBar()->showMessage(error, 30000);
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Cannot open the case on the server"), error,
                                QMessageBox::Ok, &window_);
    box->setObjectName(QStringLiteral("serverCaseError"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    if (attemptFromDialog_) {
        if (!retryAddress_) {
            const QUrl address(url);
            retryAddress_ = ServerCaseAddress{address.host(), address.port(5432), address.path(QUrl::FullyDecoded).mid(1),
                                              address.userName(QUrl::FullyDecoded)};
        }
        connect(box, &QDialog::finished, this, &FileMenu::chooseServerCase, Qt::QueuedConnection);
    }
    box->open();
    emit serverCaseFinished(false, url, error);
}

void FileMenu::chooseDatabase()
{
    const QString start = QFileInfo(window_.database() ? window_.database()->path() : Database::defaultPath()).absolutePath();
    // A save dialog lets the analyst pick an existing case or name a new one.
    const QString path = QFileDialog::getSaveFileName(&window_, tr("New or existing case database"), start,
                                                      tr("Case databases (*.sqlite *.db);;All files (*)"), nullptr,
                                                      QFileDialog::DontConfirmOverwrite);
    if (!path.isEmpty())
        openFromMenu(path);
}

void FileMenu::chooseWatchFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(&window_, tr("Watch a folder for new exports"));
    QString error;
    if (!folder.isEmpty() && !window_.watches()->addFolder(folder, &error))
        QMessageBox::warning(&window_, tr("Watch folder"), error);
}

void FileMenu::chooseImport(ImportSourceKind kind)
{
    window_.importPaths(pickImportSources(&window_, kind, settings_));
}

} // namespace backsight::ui
