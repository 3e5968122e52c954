#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// The small pieces of HTML every PDF report is written in (rendered by QTextDocument), in one place.
namespace backsight::report::html {

QString esc(const QString &text);
// With English digit grouping whatever the machine's locale: a report reads the same on every analyst's machine.
QString number(qint64 n);
// A table's header row; `widths` in percent of the table, one per title (or none: the layout decides).
QString headerRow(const QStringList &titles, const QList<int> &widths = {});
// A row of cells whose text is already escaped (or is HTML).
QString cellsRow(const QStringList &escapedCells);
// A name in the first column, its value (HTML) in the second: the rows of a "kv" table.
QString kvRow(const QString &name, const QString &valueHtml);
// A bordered table of `rows` with the CSS class `cssClass` ("kv", "list", "sources").
QString table(const QString &rows, const QString &cssClass = QStringLiteral("kv"));
// A stored time as the reports write it: ISO 8601 in UTC, saying so.
QString utc(qint64 ms);

} // namespace backsight::report::html
