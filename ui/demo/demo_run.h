#pragma once

#include <QObject>
#include <QStringList>
#include <memory>

class QThreadPool;

namespace backsight {
class Job;
}

namespace backsight::ui {

class DemoTenantJob;
class MainWindow;

// What `backsight --demo` should do.
struct DemoPlan
{
    QString outDir;        // receives data/, backsight-demo.sqlite, screenshots/, report.pdf, incident-report.pdf
    QString databasePath;  // empty: OUT/backsight-demo.sqlite, recreated from scratch
    QStringList inputs;    // empty: generate the demo tenant into OUT/data and import that
    bool headless = false; // also take screenshots, write the report, then finish
};

// Drives the demo through the same paths an analyst uses: the window's database, File → Import's entry
// point, the status-bar job display, then train and detect as a job. Headless, it then photographs every view and
// writes the import summary and an incident report of the most severe anomalies.
class DemoRun : public QObject
{
    Q_OBJECT
public:
    DemoRun(MainWindow &window, QThreadPool &pool, DemoPlan plan, QObject *parent = nullptr);
    ~DemoRun() override;

    void start();

signals:
    // `outputs`: the files written (report, screenshots, database). `error` says what failed.
    void finished(bool ok, const QString &error, const QStringList &outputs);
    // Where the run is: `stage` is "n/m name" (generate, import, train and detect, screenshots, reports), percent
    // of that stage, and what it is doing. Emitted from the start, so a headless run is never silent.
    void stageProgress(const QString &stage, int percent, const QString &detail);

private:
    void generate();
    void onGenerated(bool ok, const QString &summary);
    void openDatabaseAndImport(const QStringList &paths);
    void onImported(bool ok, const QString &summary);
    void analyse();
    void onAnalysed(bool ok, const QString &summary);
    bool takeScreenshots();
    void shootViews();
    void writeReport();
    void writeIncidentReport();
    void fail(const QString &error);
    enum Stage { Generate = 1, Import, Analyse, Screenshots, Reports };
    QString stageLabel(Stage stage) const;
    void follow(Job *job, Stage stage);
    void completeStage(Stage stage, const QString &summary);

    MainWindow &window_;
    QThreadPool &pool_;
    DemoPlan plan_;
    std::unique_ptr<DemoTenantJob> generator_;
    std::unique_ptr<Job> analysis_, report_;
    QStringList outputs_;
};

} // namespace backsight::ui
