#include "export_menu.h"

#include "cases/case_records.h"
#include "main_window.h"
#include "store/database.h"
#include "views/triage/triage_model.h"
#include "views/triage/triage_view.h"

#include <QDateTime>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QThreadPool>

namespace backsight::ui {

ExportMenu::ExportMenu(MainWindow &window, QThreadPool &pool, TriageView &triage, QMenuBar *bar)
    : QObject(&window), window_(window), pool_(pool), triage_(triage)
{
    QMenu *menu = bar->addMenu(tr("E&xport"));
    QList<QAction *> contextActions;
    const auto add = [&](const QString &text, Scope scope, report::ReportFormat format, const QKeySequence &key = {}) {
        QAction *action = menu->addAction(text, this, [this, scope, format] { choose(scope, format); });
        action->setShortcut(key);
        if (format == report::ReportFormat::Pdf)
            contextActions << action;
        return action;
    };
    add(tr("&Report of the selected anomalies (PDF)…"), Scope::Selection, report::ReportFormat::Pdf,
        QKeySequence(tr("Ctrl+E")));
    add(tr("Report of the selected anomaly's &user (PDF)…"), Scope::User, report::ReportFormat::Pdf,
        QKeySequence(tr("Ctrl+Shift+E")));
    add(tr("Report of the &filtered list (PDF)…"), Scope::FilteredList, report::ReportFormat::Pdf);
    menu->addSeparator();
    add(tr("Selected anomalies as &CSV…"), Scope::Selection, report::ReportFormat::Csv);
    add(tr("Filtered list as C&SV…"), Scope::FilteredList, report::ReportFormat::Csv);
    add(tr("Selected anomalies as &JSON Lines…"), Scope::Selection, report::ReportFormat::Jsonl);
    add(tr("Filtered list as JSON &Lines…"), Scope::FilteredList, report::ReportFormat::Jsonl);
    triage_.addContextActions(contextActions);
}

report::ReportRequest ExportMenu::request(Scope scope, report::ReportFormat format, const QString &outPath) const
{
    report::ReportRequest r;
    r.format = format;
    r.outPath = outPath;
    r.options.caseName = window_.database() ? QFileInfo(window_.database()->path()).completeBaseName() : QString();
    r.options.analyst = cases::analystName();
    r.options.generatedAt = QDateTime::currentDateTimeUtc();
    const QStringList selected = triage_.selectedIds();
    const TriageModel *model = triage_.model();
    switch (scope) {
    case Scope::Selection:
        r.scope.anomalyIds = selected;
        break;
    case Scope::User:
        if (!selected.isEmpty()) {
            const int row = model->rowOf(selected.first());
            if (const TriageRow *t = model->row(row); t && t->subjectType == QLatin1String("user"))
                r.scope.upn = t->user;
        }
        break;
    case Scope::FilteredList:
        for (int row = 0; row < model->rowCount(); ++row)
            if (const TriageRow *t = model->row(row))
                r.scope.anomalyIds << t->id;
        break;
    }
    return r;
}

report::ReportJob *ExportMenu::start(const report::ReportRequest &request)
{
    if (!window_.database() || request.scope.isEmpty())
        return nullptr;
    auto *job = new report::ReportJob(window_.database()->path(), request);
    job->setAutoDelete(false);
    connect(job, &Job::finished, this, [this, job](bool ok, const QString &summary) {
        window_.statusBar()->showMessage(ok ? tr("Exported %1: %2").arg(job->request().outPath, summary) : summary, 10'000);
        emit exportFinished(ok, summary);
        job->deleteLater();
    });
    window_.showJob(job);
    pool_.start(job);
    return job;
}

void ExportMenu::choose(Scope scope, report::ReportFormat format)
{
    const QString suffix = report::reportFormatName(format);
    report::ReportRequest r = request(scope, format, QString());
    if (r.scope.isEmpty()) {
        QMessageBox::information(&window_, tr("Export"),
                                 scope == Scope::User ? tr("Select an anomaly of a user in Triage first.")
                                                      : tr("Select one or more anomalies in Triage first (or filter the list)."));
        return;
    }
    const QString name = scope == Scope::User ? r.scope.upn : tr("incident-report");
    r.outPath = QFileDialog::getSaveFileName(&window_, tr("Export %1").arg(r.scope.describe()), name + QLatin1Char('.') + suffix,
                                             tr("%1 files (*.%2)").arg(suffix.toUpper(), suffix));
    if (!r.outPath.isEmpty())
        start(r);
}

} // namespace backsight::ui
