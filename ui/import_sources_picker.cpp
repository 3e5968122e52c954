#include "import_sources_picker.h"

#include "app_settings.h"

#include <QFileDialog>
#include <QFileInfo>

namespace backsight::ui {

QStringList pickImportSources(QWidget *parent, ImportSourceKind kind, AppSettings &settings)
{
    const QString start = settings.lastImportFolder();
    QStringList paths;
    switch (kind) {
    case ImportSourceKind::Files:
        paths = QFileDialog::getOpenFileNames(
            parent, QObject::tr("Import sign-in and audit log exports"), start,
            QObject::tr("Log exports (*.json *.jsonl *.csv *.zip);;All files (*)"));
        break;
    case ImportSourceKind::Folder: {
        const QString folder = QFileDialog::getExistingDirectory(
            parent, QObject::tr("Import a folder (for example a Veeam file-level restore)"), start);
        if (!folder.isEmpty())
            paths << folder;
        break;
    }
    case ImportSourceKind::ZipArchive:
        paths = QFileDialog::getOpenFileNames(parent, QObject::tr("Import zip archives"), start,
                                              QObject::tr("Zip archives (*.zip);;All files (*)"));
        break;
    }
    if (!paths.isEmpty()) {
        const QFileInfo first(paths.first());
        settings.setLastImportFolder(kind == ImportSourceKind::Folder ? first.absolutePath()
                                                                      : first.absoluteDir().absolutePath());
    }
    return paths;
}

} // namespace backsight::ui
