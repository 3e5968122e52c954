// GUI-thread stall benchmark: generates a tenant (about 1M sign-ins by default), then with the main window
// open imports it, computes baselines, runs detection and visits every view, while a 5 ms heartbeat timer
// on the GUI thread records the longest gap between its ticks. Prints the longest stall per phase and
// overall against the 100 ms target. See README.md.
#include "app_settings.h"
#include "demo/demo_tenant_job.h"
#include "detect/pipeline.h"
#include "jobs/job.h"
#include "main_window.h"
#include "store/database.h"
#include "views/case_view.h"
#include "views/training/training_view.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QSettings>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>
#include <QTimer>
#include <cstdio>
#include <map>

using namespace backsight;
using namespace backsight::ui;

namespace {

constexpr int kHeartbeatMs = 5;
constexpr double kTargetMs = 100;

// Rule detection (core detect::runDetection) on a worker thread, as `backsight-cli detect` does without
// the model scorers that live in the CLI.
class DetectJob : public Job
{
public:
    explicit DetectJob(QString path) : Job(QStringLiteral("Detect")), path_(std::move(path)) {}
    qint64 added = 0;

protected:
    bool execute(QString &summary) override
    {
        Database db;
        if (!db.open(path_)) {
            summary = db.error();
            return false;
        }
        detect::DetectOptions options;
        options.progress = [this](double f) {
            emit progress(qint64(f * 1000), 1000, QStringLiteral("detecting… %1 %").arg(int(f * 100)));
            return !isCancelled();
        };
        const Result<detect::DetectReport> report = detect::runDetection(db, options);
        if (!report) {
            summary = report.error().message;
            return false;
        }
        added = report->anomaliesAdded;
        summary = QStringLiteral("%1 anomalies").arg(report->anomaliesAdded);
        return true;
    }

private:
    QString path_;
};

// Records the longest gap between heartbeats, per phase.
class StallMeter : public QObject
{
public:
    StallMeter()
    {
        timer_.setTimerType(Qt::PreciseTimer);
        timer_.setInterval(kHeartbeatMs);
        QObject::connect(&timer_, &QTimer::timeout, this, [this] { beat(); });
    }
    void start()
    {
        clock_.start();
        last_ = 0;
        timer_.start();
    }
    void setPhase(const QString &phase)
    {
        beat();
        phase_ = phase;
        order_.push_back(phase);
        phaseClock_.start();
    }
    void beat()
    {
        const qint64 now = clock_.nsecsElapsed();
        const double stallMs = double(now - last_) / 1e6 - kHeartbeatMs;
        last_ = now;
        double &worst = worst_[phase_];
        worst = std::max(worst, stallMs);
        if (stallMs > 50)
            ++over50_[phase_];
    }
    void report() const
    {
        double overall = 0;
        for (const QString &phase : order_) {
            const double w = worst_.count(phase) ? worst_.at(phase) : 0;
            overall = std::max(overall, w);
            std::printf("  %-34s longest GUI-thread stall %7.1f ms  (%d stalls > 50 ms)\n", qPrintable(phase), w,
                        over50_.count(phase) ? over50_.at(phase) : 0);
        }
        std::printf("longest GUI-thread stall: %.1f ms; target %.0f ms; ratio %.2f (<= 1 meets the target)\n", overall,
                    kTargetMs, overall / kTargetMs);
    }
    qint64 phaseMs() const { return phaseClock_.elapsed(); }

private:
    QTimer timer_;
    QElapsedTimer clock_, phaseClock_;
    qint64 last_ = 0;
    QString phase_ = QStringLiteral("start");
    QStringList order_;
    std::map<QString, double> worst_;
    std::map<QString, int> over50_;
};

bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    return QTest::qWaitFor(done, timeoutMs);
}

bool allLoaded(const MainWindow &w)
{
    for (CaseView *v : w.views().all())
        if (v->isLoading())
            return false;
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", qgetenv("QT_QPA_PLATFORM").isEmpty() ? QByteArray("offscreen") : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption usersOption(QStringLiteral("users"), QStringLiteral("simulated users (default 700)"), QStringLiteral("N"), QStringLiteral("700"));
    const QCommandLineOption daysOption(QStringLiteral("days"), QStringLiteral("simulated days (default 90)"), QStringLiteral("D"), QStringLiteral("90"));
    const QCommandLineOption workOption(QStringLiteral("work"), QStringLiteral("folder for the data and the database (default: temporary)"), QStringLiteral("DIR"));
    const QCommandLineOption dbOption(QStringLiteral("db"), QStringLiteral("skip generate/import/train/detect: open this case database and measure its refresh and the views"), QStringLiteral("PATH"));
    parser.addOptions({usersOption, daysOption, workOption, dbOption});
    parser.process(app);
    QTemporaryDir temp;
    const QString work = parser.isSet(workOption) ? parser.value(workOption) : temp.path();
    const bool existing = parser.isSet(dbOption);
    if (!existing)
        QDir(work).removeRecursively();
    QDir().mkpath(work);
    const QString data = work + QStringLiteral("/tenant");
    const QString dbPath = existing ? parser.value(dbOption) : work + QStringLiteral("/stall.sqlite");

    QSettings qsettings(work + QStringLiteral("/settings.ini"), QSettings::IniFormat);
    AppSettings settings(qsettings);
    QThreadPool &pool = *QThreadPool::globalInstance();
    MainWindow window(settings, pool);
    window.resize(1600, 1000);
    window.show();
    QString error;
    if (!existing && !window.openDatabase(dbPath, &error)) {
        std::fprintf(stderr, "bench_gui_stall: %s\n", qPrintable(error));
        return 3;
    }
    StallMeter meter;
    meter.start();
    if (existing) {
        {
            QElapsedTimer openTimer;
            openTimer.start();
            Database probe; // what opening costs apart from the views: schema check, migrations, first read (WAL recovery)
            probe.open(dbPath);
            QSqlQuery first(probe.connection());
            first.exec(QStringLiteral("SELECT count(*) FROM sources"));
            std::printf("  Database::open alone: %lld ms\n", openTimer.elapsed());
        }
        meter.setPhase(QStringLiteral("open database + first loads"));
        QString openError;
        window.openDatabase(dbPath, &openError);
        waitFor([&] { return allLoaded(window); }, 600'000);
    }
    QElapsedTimer total;
    total.start();
    const auto step = [&](const QString &phase, const std::function<void()> &begin, const std::function<bool()> &done) {
        meter.setPhase(phase);
        begin();
        if (!waitFor(done, 3'600'000)) {
            std::fprintf(stderr, "bench_gui_stall: %s did not finish\n", qPrintable(phase));
            std::exit(1);
        }
        std::printf("%-36s %8.1f s\n", qPrintable(phase), double(meter.phaseMs()) / 1000.0);
        std::fflush(stdout);
    };

    if (existing)
        goto views;
    {
    DemoTenantOptions options;
    options.users = parser.value(usersOption).toInt();
    options.days = parser.value(daysOption).toInt();
    options.outDir = data;
    DemoTenantJob generate(options);
    bool generated = false;
    QObject::connect(&generate, &Job::finished, &app, [&] { generated = true; });
    step(QStringLiteral("generate tenant (job)"), [&] { window.showJob(&generate); pool.start(&generate); }, [&] { return generated; });

    bool imported = false;
    QObject::connect(&window, &MainWindow::importFinished, &app, [&] { imported = true; });
    step(QStringLiteral("import (job) + views refresh"), [&] { window.importPaths({data}); },
         [&] { return imported && allLoaded(window); });
    {
        Database db;
        db.open(dbPath);
        QSqlQuery q(db.connection());
        q.exec(QStringLiteral("SELECT count(*) FROM signins"));
        q.next();
        std::printf("  sign-ins imported: %lld\n", q.value(0).toLongLong());
    }
    step(QStringLiteral("train: baselines (job) + refresh"), [&] { window.views().training->recomputeBaselines(); },
         [&] { return !window.views().training->isRunning() && allLoaded(window); });

    DetectJob detect(dbPath);
    bool detected = false;
    QObject::connect(&detect, &Job::finished, &app, [&] {
        detected = true;
        for (CaseView *v : window.views().all())
            v->refresh();
    });
    step(QStringLiteral("detect: rules (job) + refresh"), [&] { window.showJob(&detect); pool.start(&detect); },
         [&] { return detected && allLoaded(window); });
    std::printf("  anomalies added: %lld\n", detect.added);
    }
views:
    step(QStringLiteral("refresh every view"), [&] {
        for (CaseView *v : window.views().all())
            v->refresh();
    }, [&] { return allLoaded(window); });

    for (CaseView *view : window.views().all()) {
        step(QStringLiteral("visit %1").arg(view->title()), [&] {
            window.showView(view);
            view->refresh();
        }, [&] { return allLoaded(window); });
    }
    meter.beat();
    std::printf("total %.1f s\n", double(total.elapsed()) / 1000.0);
    meter.report();
    return 0;
}
