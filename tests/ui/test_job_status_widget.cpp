// The status-bar job display: hidden when idle, progress and detail while a job runs, Cancel reaches
// the job. The test plays the worker thread's part by emitting the job's signals itself.
#include "jobs/job.h"
#include "widgets/job_status_widget.h"

#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTest>

using namespace backsight;
using namespace backsight::ui;

namespace {

// A job that is never put on a thread pool.
class ScriptedJob : public Job
{
public:
    ScriptedJob() : Job(QStringLiteral("Import")) {}

protected:
    bool execute(QString &) override { return true; }
};

} // namespace

class TestJobStatusWidget : public QObject
{
    Q_OBJECT

private slots:
    void hiddenWhileNothingRuns()
    {
        JobStatusWidget widget;
        QVERIFY(widget.isHidden());
        QCOMPARE(widget.trackedJob(), nullptr);
    }

    void showsTitleProgressAndRate()
    {
        JobStatusWidget widget;
        ScriptedJob job;
        widget.track(&job);
        QVERIFY(!widget.isHidden());
        QCOMPARE(widget.findChild<QLabel *>(QStringLiteral("jobTitle"))->text(), QStringLiteral("Import"));
        auto *bar = widget.findChild<QProgressBar *>(QStringLiteral("jobProgress"));
        QCOMPARE(bar->maximum(), 0); // busy until the job says how much there is

        // Totals in bytes exceed int: 3 GiB of 12 GiB is a quarter.
        emit job.progress(3LL << 30, 12LL << 30, QStringLiteral("2024-11-01T10.json (3/40) · 12,400 events/s"));
        QCOMPARE(widget.progressPercent(), 25);
        QCOMPARE(widget.detailText(), QStringLiteral("2024-11-01T10.json (3/40) · 12,400 events/s"));
        emit job.progress(12LL << 30, 12LL << 30, QStringLiteral("done"));
        QCOMPARE(widget.progressPercent(), 100);
    }

    void cancelReachesTheJob()
    {
        JobStatusWidget widget;
        ScriptedJob job;
        widget.track(&job);
        auto *cancel = widget.findChild<QPushButton *>(QStringLiteral("jobCancel"));
        QVERIFY(cancel->isEnabled());
        QVERIFY(!job.isCancelled());
        QTest::mouseClick(cancel, Qt::LeftButton);
        QVERIFY(job.isCancelled());
        QVERIFY(!cancel->isEnabled()); // one click is enough; the job stops at its next chunk
        QVERIFY(!widget.isHidden());   // still shown until the job has actually stopped
    }

    void hidesWhenTheJobFinishes()
    {
        JobStatusWidget widget;
        ScriptedJob job;
        widget.track(&job);
        emit job.finished(true, QStringLiteral("Imported 10 new events from 1 files"));
        QVERIFY(widget.isHidden());
        QCOMPARE(widget.trackedJob(), nullptr);
    }

    void followsOnlyTheLatestJob()
    {
        JobStatusWidget widget;
        ScriptedJob first;
        ScriptedJob second;
        widget.track(&first);
        widget.track(&second);
        emit first.progress(1, 2, QStringLiteral("old"));
        emit first.finished(true, QString());
        QVERIFY(!widget.isHidden());
        QCOMPARE(widget.detailText(), QStringLiteral("Starting…"));
        QTest::mouseClick(widget.findChild<QPushButton *>(QStringLiteral("jobCancel")), Qt::LeftButton);
        QVERIFY(second.isCancelled());
        QVERIFY(!first.isCancelled());
    }
};

QTEST_MAIN(TestJobStatusWidget)
#include "test_job_status_widget.moc"
