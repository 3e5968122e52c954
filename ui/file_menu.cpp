#include "file_menu.h"

#include "app_settings.h"
#include "import_sources_picker.h"
#include "main_window.h"
#include "store/database.h"
#include "watch/watch_controller.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QMenuBar>
#include <QMessageBox>

namespace backsight::ui {

FileMenu::FileMenu(MainWindow &window, AppSettings &settings, QMenuBar *bar)
    : QObject(&window), window_(window), settings_(settings)
{
    QMenu *file = bar->addMenu(tr("&File"));
    file->addAction(tr("&New/Open case database…"), QKeySequence::Open, this, &FileMenu::chooseDatabase);
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
    if (!window_.openDatabase(path, &error))
        QMessageBox::warning(&window_, tr("Cannot open the case database"), error);
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
