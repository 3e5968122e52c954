#pragma once

#include <QColor>
#include <QIcon>
#include <QString>

class QPalette;

namespace backsight::ui {

// How a severity looks everywhere in the GUI (rank 1 low .. 4 critical): a colour that reads on the
// palette's background, and an icon whose shape differs too, so colour-blind analysts can tell them apart.
QColor severityColor(int rank, const QPalette &palette);
QIcon severityIcon(int rank, const QPalette &palette);
QString severityLabel(int rank); // "Low" .. "Critical"; "—" outside 1..4

// Triage status: "new" → "New", etc.
QString statusLabel(const QString &status);

} // namespace backsight::ui
