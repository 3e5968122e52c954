#include "demo/demo_run.h"

#include "demo/demo_tenant_job.h"
#include "cases/case_records.h"
#include "store/anomaly_repository.h"
#include "jobs/analysis_job.h"
#include "report/report_job.h"
#include "main_window.h"
#include "report/import_summary.h"
#include "report/import_summary_pdf.h"
#include "store/database.h"
#include "views/rules/rules_view.h"
#include "views/signins/sign_ins_model.h"
#include "views/signins/sign_ins_view.h"
#include "view_screenshots.h"
#include "widgets/job_status_widget.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QPixmap>
#include <QThreadPool>
#include <QTimer>

namespace backsight::ui {
namespace {

// The window size the screenshots are taken at: a common laptop-with-external-screen layout.
constexpr int kShotWidth = 1600;
constexpr int kShotHeight = 1000;

bool removeDatabaseFiles(const QString &path, QString &error)
{
    for (const QString &file : QStringList{path, path + QStringLiteral("-wal"), path + QStringLiteral("-shm")}) {
        if (QFile::exists(file) && !QFile::remove(file)) {
            error = DemoRun::tr("cannot remove the old demo database file %1").arg(file);
            return false;
        }
    }
    return true;
}

// Lets the offscreen window lay itself out before it is photographed.
void settle()
{
    for (int i = 0; i < 3; ++i)
        QCoreApplication::processEvents();
}

} // namespace

DemoRun::DemoRun(MainWindow &window, QThreadPool &pool, DemoPlan plan, QObject *parent)
    : QObject(parent), window_(window), pool_(pool), plan_(std::move(plan))
{
    plan_.outDir = QDir(plan_.outDir).absolutePath();
}

DemoRun::~DemoRun()
{
    if (generator_) {
        generator_->cancel();
        if (!pool_.tryTake(generator_.get()))
            pool_.waitForDone();
    }
}

void DemoRun::start()
{
    if (!QDir().mkpath(plan_.outDir))
        return fail(tr("cannot create the demo folder %1").arg(plan_.outDir));
    if (plan_.inputs.isEmpty())
        generate();
    else
        openDatabaseAndImport(plan_.inputs);
}

void DemoRun::generate()
{
    DemoTenantOptions options; // 300 users, 90 days, seed 42
    options.outDir = plan_.outDir + QStringLiteral("/data");
    options.backupServers = 12; // and a dozen servers' Veeam job history, with backup attacks among them
    options.backupIncidents = true; // each admin attack followed by a ransomware night on two servers (docs/incidents.md)
    options.incidentServers = 2;
    QDir(options.outDir).removeRecursively(); // same seed, same bytes: stale files would only add noise
    generator_ = std::make_unique<DemoTenantJob>(options);
    follow(generator_.get(), Generate);
    connect(generator_.get(), &Job::finished, this, &DemoRun::onGenerated);
    window_.showJob(generator_.get());
    pool_.start(generator_.get());
}

void DemoRun::onGenerated(bool ok, const QString &summary)
{
    const QString data = plan_.outDir + QStringLiteral("/data");
    generator_.release()->deleteLater(); // the worker may still be leaving run()
    if (!ok)
        return fail(summary);
    completeStage(Generate, summary);
    openDatabaseAndImport({data});
}

void DemoRun::openDatabaseAndImport(const QStringList &paths)
{
    QString path = plan_.databasePath;
    QString error;
    if (path.isEmpty()) {
        path = plan_.outDir + QStringLiteral("/backsight-demo.sqlite");
        if (!removeDatabaseFiles(path, error))
            return fail(error);
    }
    if (!window_.openDatabase(path, &error))
        return fail(error);
    outputs_ << window_.database()->path();
    connect(&window_, &MainWindow::importFinished, this, &DemoRun::onImported, Qt::SingleShotConnection);
    if (!window_.importPaths(paths))
        return fail(tr("the import could not start"));
    if (Job *job = window_.jobStatus()->trackedJob())
        follow(job, Import);
}

void DemoRun::onImported(bool ok, const QString &summary)
{
    if (!ok)
        return fail(tr("the import failed: %1").arg(summary));
    if (window_.lastImport().totalRead() == 0) // every input missing or rejected: nothing to show
        return fail(tr("nothing could be imported: %1").arg(summary));
    completeStage(Import, summary);
    analyse();
}

// Baselines, models and detection, as the Training view and `backsight-cli train` + `detect` do them.
void DemoRun::analyse()
{
    auto analysis = std::make_unique<AnalysisJob>(window_.database()->path());
    analysis->setSigmaRulesFolder(window_.views().rules->rulesFolder()); // Settings → Rules folder, when one is set
    analysis_ = std::move(analysis);
    analysis_->setAutoDelete(false);
    follow(analysis_.get(), Analyse);
    connect(analysis_.get(), &Job::finished, this, &DemoRun::onAnalysed);
    window_.showJob(analysis_.get());
    pool_.start(analysis_.get());
}

void DemoRun::onAnalysed(bool ok, const QString &summary)
{
    if (!ok)
        return fail(tr("training and detection failed: %1").arg(summary));
    completeStage(Analyse, summary);
    window_.refreshAll();
    if (!plan_.headless) {
        emit finished(true, QString(), outputs_);
        return;
    }
    if (takeScreenshots())
        shootViews();
}

// Every view, as `backsight --screenshot` renders it, into OUT/screenshots/<view>.png.
void DemoRun::shootViews()
{
    auto *shots = new ViewScreenshots(window_, plan_.outDir + QStringLiteral("/screenshots"), this);
    connect(shots, &ViewScreenshots::progress, this, [this](int done, int total, const QString &file) {
        emit stageProgress(stageLabel(Screenshots), 100 * done / std::max(1, total),
                           tr("%1 of %2 views · %3").arg(done).arg(total).arg(QDir(file).dirName()));
    });
    connect(shots, &ViewScreenshots::finished, this, [this, shots](bool ok, const QString &error, const QStringList &files) {
        shots->deleteLater();
        if (!ok)
            return fail(error);
        outputs_ = files + outputs_;
        completeStage(Screenshots, tr("%1 views").arg(files.size()));
        writeReport();
    });
    shots->start();
}

bool DemoRun::takeScreenshots()
{
    emit stageProgress(stageLabel(Screenshots), 0, tr("the main window and a sign-in's detail"));
    const QString folder = plan_.outDir + QStringLiteral("/screenshots");
    QDir().mkpath(folder);
    window_.resize(kShotWidth, kShotHeight);
    window_.showView(window_.signInsView()); // the overview is the sign-ins table, as before the other views
    settle();
    const QString overview = folder + QStringLiteral("/main-window.png");
    if (!window_.grab().save(overview)) {
        fail(tr("cannot write the screenshot %1").arg(overview));
        return false;
    }

    // The detail shot shows a failed sign-in when there is one: that is what an analyst opens first.
    SignInsView *view = window_.signInsView();
    int row = 0;
    for (int r = 0; r < view->model()->rowCount(); ++r) {
        if (view->model()->isFailure(r)) {
            row = r;
            break;
        }
    }
    view->selectRow(row);
    settle();
    const QString detail = folder + QStringLiteral("/sign-in-detail.png");
    if (!window_.grab().save(detail)) {
        fail(tr("cannot write the screenshot %1").arg(detail));
        return false;
    }
    outputs_.prepend(detail);
    outputs_.prepend(overview);
    return true;
}

void DemoRun::writeReport()
{
    emit stageProgress(stageLabel(Reports), 0, tr("import summary"));
    QString error;
    const auto summary = readImportSummary(*window_.database(), QDateTime::currentDateTimeUtc(), error);
    const QString pdf = plan_.outDir + QStringLiteral("/report.pdf");
    if (!summary || !writeImportSummaryPdf(*summary, pdf, error))
        return fail(error);
    outputs_.prepend(pdf);
    writeIncidentReport();
}

// The incident report of the demo's most severe anomalies (critical, else high), as File → Export writes it.
void DemoRun::writeIncidentReport()
{
    QStringList ids;
    for (const detect::Severity severity : {detect::Severity::Critical, detect::Severity::High}) {
        detect::AnomalyFilter filter;
        filter.minSeverity = severity;
        if (const Status read = detect::forEachAnomaly(*window_.database(), filter, [&](const detect::Anomaly &a) {
                ids << a.id;
                return ids.size() < 12;
            });
            !read)
            return fail(read.error().message);
        if (!ids.isEmpty())
            break;
    }
    if (ids.isEmpty()) { // nothing severe: the summary report is the demo's report
        completeStage(Reports, tr("import summary; no high or critical anomalies to report"));
        emit finished(true, QString(), outputs_);
        return;
    }
    report::ReportRequest request;
    request.scope.anomalyIds = ids;
    request.options.caseName = QStringLiteral("Backsight demo tenant");
    request.options.analyst = cases::analystName({});
    request.options.generatedAt = QDateTime::currentDateTimeUtc();
    request.format = report::ReportFormat::Pdf;
    request.outPath = plan_.outDir + QStringLiteral("/incident-report.pdf");
    auto *job = new report::ReportJob(window_.database()->path(), request);
    job->setAutoDelete(false);
    report_.reset(job);
    follow(job, Reports);
    connect(job, &Job::finished, this, [this, job](bool ok, const QString &summary) {
        if (!ok)
            return fail(tr("the incident report failed: %1").arg(summary));
        completeStage(Reports, summary);
        outputs_.prepend(job->request().outPath);
        emit finished(true, QString(), outputs_);
    });
    window_.showJob(job);
    pool_.start(job);
}

QString DemoRun::stageLabel(Stage stage) const
{
    static const char *const names[] = {"", QT_TR_NOOP("generate"), QT_TR_NOOP("import"), QT_TR_NOOP("train and detect"),
                                        QT_TR_NOOP("screenshots"), QT_TR_NOOP("reports")};
    const int first = plan_.inputs.isEmpty() ? Generate : Import; // --input skips generating
    const int last = plan_.headless ? Reports : Analyse;
    return QStringLiteral("%1/%2 %3").arg(stage - first + 1).arg(last - first + 1).arg(tr(names[stage]));
}

// The job's own progress, as a stage of the demo; it starts at 0 % at once.
void DemoRun::follow(Job *job, Stage stage)
{
    emit stageProgress(stageLabel(stage), 0, job->title());
    connect(job, &Job::progress, this, [this, stage](qint64 done, qint64 total, const QString &detail) {
        emit stageProgress(stageLabel(stage), total > 0 ? int(100 * done / total) : 0, detail);
    });
}

void DemoRun::completeStage(Stage stage, const QString &summary)
{
    emit stageProgress(stageLabel(stage), 100, summary);
}

void DemoRun::fail(const QString &error)
{
    emit finished(false, error, outputs_);
}

} // namespace backsight::ui
