#pragma once

#include <QString>

namespace backsight::ui {

struct ImportSummary;

// The summary as HTML for QTextDocument. Every string that came from a log or a file name is escaped:
// a UPN such as "<img src=x>" must print as text.
QString importSummaryHtml(const ImportSummary &summary);

// Writes the summary as an A4 PDF (DejaVu Sans). False with `error` set when the file cannot be written.
bool writeImportSummaryPdf(const ImportSummary &summary, const QString &path, QString &error);

} // namespace backsight::ui
