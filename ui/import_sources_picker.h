#pragma once

#include <QStringList>

class QWidget;

namespace backsight::ui {

class AppSettings;

enum class ImportSourceKind { Files, Folder, ZipArchive };

// Asks the analyst which exports to import (file dialog) and remembers the folder for next time.
// Empty when the dialog was cancelled.
QStringList pickImportSources(QWidget *parent, ImportSourceKind kind, AppSettings &settings);

} // namespace backsight::ui
