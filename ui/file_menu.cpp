#include "file_menu.h"

#include "app_settings.h"
#include "dialogs/server_case_dialog.h"
#include "import_sources_picker.h"
#include "main_window.h"
#include "store/database.h"
#include "store/session_passwords.h"
#include "watch/watch_controller.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QUrl>

namespace backsight::ui {

FileMenu::FileMenu(MainWindow &window, AppSettings &settings, QMenuBar *bar)
    : QObject(&window), window_(window), settings_(settings)
{
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
    QString error;
    const bool opened = Database::isServerUrl(path) ? openServerCase(path, QString(), error)
                                                    : window_.openDatabase(path, &error);
    if (!opened && !error.isEmpty())
        QMessageBox::warning(&window_, tr("Cannot open the case database"), error);
}

void FileMenu::chooseServerCase()
{
    ServerCaseDialog dialog(&window_);
    const QUrl current(window_.database() ? window_.database()->path() : QString());
    if (Database::isServerUrl(current.toString()))
        dialog.setAddress({current.host(), current.port(5432), current.path().mid(1), current.userName()});
    while (dialog.exec() == QDialog::Accepted) {
        const QString url = serverCaseUrl(dialog.address());
        QString error = tr("%1 cannot be part of a server address.").arg(dialog.address().host);
        if (!url.isEmpty() && openServerCase(url, dialog.password(), error))
            return;
        if (!error.isEmpty())
            QMessageBox::warning(&window_, tr("Cannot open the case on the server"), error);
    }
}

bool FileMenu::openServerCase(const QString &url, QString password, QString &error)
{
    for (;;) {
        if (!password.isEmpty())
            rememberServerPassword(url, password);
        if (window_.openDatabase(url, &error))
            return true;
        if (!password.isEmpty())
            forgetServerPassword(url);
        // libpq: "fe_sendauth: no password supplied", "password authentication failed for user …".
        if (!error.contains(QLatin1String("password"), Qt::CaseInsensitive))
            return false;
        bool ok = false;
        password = QInputDialog::getText(&window_, tr("Password for the case server"),
                                         tr("%1\n\nPassword for %2 (this session only):").arg(error, url),
                                         QLineEdit::Password, QString(), &ok);
        if (!ok || password.isEmpty()) {
            error.clear();
            return false;
        }
    }
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
