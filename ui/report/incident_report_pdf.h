#pragma once

#include <QString>
#include <functional>

class QTextDocument;

namespace backsight::report {

struct IncidentReport;

// The report as HTML for QTextDocument; chart images are added to `document` as resources. Every string
// from a log, a file name or an analyst is escaped with toHtmlEscaped(). `pdfPath` names the source manifest.
QString incidentReportHtml(const IncidentReport &report, QTextDocument &document, const QString &pdfPath);

// Writes an A4 PDF: title page, summary, one section per incident with its charts, appendix; a running
// header and "Page n of N" on every page; and beside it the SHA-256 manifest of every source file
// (report/source_appendix.h). False with `error` when a file cannot be written.
bool writeIncidentReportPdf(const IncidentReport &report, const QString &path, QString &error,
                            const std::function<bool(int page, int pages)> &progress = {});

} // namespace backsight::report
