#pragma once

#include <QString>

class QAbstractItemView;

namespace backsight::ui {

// The selected cells as tab-separated lines (rows in view order), ready for a spreadsheet or a ticket.
QString selectedCellsAsText(const QAbstractItemView &view);

// Adds Ctrl+C and a context-menu "Copy" to a table, copying selectedCellsAsText().
void makeCopyable(QAbstractItemView *view);

} // namespace backsight::ui
