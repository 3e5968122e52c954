#pragma once

#include <QByteArray>
#include <QString>

namespace backsight::ui {

// Re-indents JSON text (two spaces) without turning it into objects first, so key order, duplicate
// keys and the exact spelling of numbers stay as Microsoft wrote them: what the analyst sees is the
// original record, only laid out. Text that is not JSON comes back unchanged.
QString indentJson(const QByteArray &json);

} // namespace backsight::ui
