#pragma once

#include "report/incident_report.h"

#include <QString>

namespace backsight::report {

// Fills `report.citedSources`: the source files that hold the events the report's anomalies cite.
bool citeSources(Database &db, IncidentReport &report, QString &error);

// The manifest of every source file in the case, written beside the PDF ("report.pdf" → "report.sources.sha256"),
// one "SHA-256  path" line per file in sha256sum's format (an entry inside an archive as "archive.zip!/entry").
QString sourceManifestPath(const QString &pdfPath);
QByteArray sourceManifest(const IncidentReport &report);
bool writeSourceManifest(const IncidentReport &report, const QString &pdfPath, QString &error);

// Appendix B: the cited files with their SHA-256, then the rest summarised (count, total size) with the manifest's
// name and SHA-256, so that a reviewer can check every file without a page per file.
QString sourceAppendixHtml(const IncidentReport &report, const QString &pdfPath);

} // namespace backsight::report
