#pragma once

#include "report/report_job.h"

#include <QObject>

class QMenuBar;
class QThreadPool;
class QAction;

namespace backsight::ui {

class MainWindow;
class TriageView;

// File → Export (and the triage queue's context menu): an incident report of the selected anomalies, of the
// selected anomaly's user, or of the whole filtered list, as PDF, CSV or JSON Lines. Each runs as a ReportJob on
// the pool with its progress in the status bar; the export is audit-logged by the report library.
class ExportMenu : public QObject
{
    Q_OBJECT
public:
    enum class Scope { Selection, User, FilteredList };

    ExportMenu(MainWindow &window, QThreadPool &pool, TriageView &triage, QMenuBar *bar);

    // The request for `scope` from the triage view's current state; empty scope when there is nothing to report.
    report::ReportRequest request(Scope scope, report::ReportFormat format, const QString &outPath) const;
    // Starts the job; returns it (owned by this menu until it finishes), or nullptr when there is nothing to report.
    report::ReportJob *start(const report::ReportRequest &request);

signals:
    void exportFinished(bool ok, const QString &summary);

private:
    void choose(Scope scope, report::ReportFormat format);

    MainWindow &window_;
    QThreadPool &pool_;
    TriageView &triage_;
};

} // namespace backsight::ui
