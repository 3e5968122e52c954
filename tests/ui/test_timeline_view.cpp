// The timeline on a generated case: tenant histogram and single events when zoomed in, zoom and pan with
// the wheel and keys, a brush that opens the triage queue for that range, clicking a marker.
#include "case_fixture.h"
#include "sign_in_fixture.h"
#include "store/database.h"
#include "test_support.h"
#include "views/timeline/timeline_view.h"

#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QThreadPool>
#include <QWheelEvent>

using namespace backsight;
using namespace backsight::ui;
using Fixture = backsight::test::SignInFixture;

class TestTimelineView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(temp_.isValid());
        const QString error = test::CaseFixture::build(temp_.path(QStringLiteral("case.sqlite")), temp_.path());
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(db_.open(temp_.path(QStringLiteral("case.sqlite"))));
    }

    void init()
    {
        view_ = std::make_unique<TimelineView>(pool_);
        view_->resize(1200, 600);
        view_->show();
        view_->setDatabase(&db_);
        QVERIFY(waitLoaded());
    }

    void cleanup()
    {
        view_.reset();
        pool_.waitForDone();
    }

    void fitsTheWholeCaseAndCountsEverySignIn()
    {
        TimelineWidget *t = view_->timeline();
        QVERIFY(t->viewFrom() <= Fixture::createdMs(0));
        QVERIFY(t->viewTo() > Fixture::createdMs(test::CaseFixture::kSignIns - 1));
        qint64 total = 0, failures = 0;
        for (const auto &b : t->data().buckets) {
            total += b.successes + b.failures;
            failures += b.failures;
        }
        QCOMPARE(total, qint64(test::CaseFixture::kSignIns));
        QCOMPARE(failures, qint64(test::CaseFixture::kSignIns / 10));
        QCOMPARE(int(t->data().anomalies.size()), test::CaseFixture::kAnomalies);
        QCOMPARE(int(t->data().signIns.size()), test::CaseFixture::kSignIns); // few enough to draw one by one
    }

    void zoomsWithTheWheelAndKeysAndPans()
    {
        TimelineWidget *t = view_->timeline();
        const qint64 span = t->viewTo() - t->viewFrom();
        QWheelEvent wheel(QPointF(600, 100), t->mapToGlobal(QPointF(600, 100)), {}, QPoint(0, 240), Qt::NoButton, {},
                          Qt::NoScrollPhase, false);
        QCoreApplication::sendEvent(t, &wheel);
        QVERIFY(t->viewTo() - t->viewFrom() < span);
        QVERIFY(waitLoaded()); // re-read for the new range
        const qint64 zoomed = t->viewTo() - t->viewFrom();
        t->setFocus();
        QTest::keyClick(t, Qt::Key_Minus);
        QCOMPARE(t->viewTo() - t->viewFrom(), zoomed * 2);
        const qint64 from = t->viewFrom();
        QTest::keyClick(t, Qt::Key_Right);
        QVERIFY(t->viewFrom() > from);
        QVERIFY(waitLoaded());
        // Only what is in view was read.
        for (const auto &m : t->data().signIns)
            QVERIFY(m.ms >= t->data().fromMs && m.ms < t->data().toMs);
    }

    void brushOpensTriageForTheRange()
    {
        TimelineWidget *t = view_->timeline();
        QSignalSpy triage(view_.get(), &TimelineView::openTriage);
        const int y = t->height() / 2;
        QTest::mousePress(t, Qt::LeftButton, Qt::ShiftModifier, QPoint(300, y));
        QTest::mouseMove(t, QPoint(500, y));
        QTest::mouseRelease(t, Qt::LeftButton, Qt::ShiftModifier, QPoint(500, y));
        QVERIFY(t->brush());
        auto *button = view_->findChild<QPushButton *>(QStringLiteral("timelineToTriage"));
        QVERIFY(button && button->isEnabled());
        button->click();
        QCOMPARE(triage.size(), 1);
        const auto filter = triage.at(0).at(0).value<TriageFilter>();
        QCOMPARE(filter.fromMs, std::optional<qint64>(t->brush()->first));
        QCOMPARE(filter.toMs, std::optional<qint64>(t->brush()->second));
    }

    void clickingASignInShowsItsRecord()
    {
        TimelineWidget *t = view_->timeline();
        view_->showUser(Fixture::upn(3));
        QVERIFY(waitLoaded());
        QVERIFY(!t->data().signIns.empty());
        const auto &marker = t->data().signIns.front();
        QTest::mouseClick(t, Qt::LeftButton, {}, t->markerPosition(TimelineWidget::Lane::SignIn, marker).toPoint());
        QTRY_VERIFY_WITH_TIMEOUT(view_->selectedEventText().contains(marker.id), 10000);
        QVERIFY(view_->selectedEventText().contains(Fixture::upn(3)));
    }

private:
    bool waitLoaded()
    {
        return QTest::qWaitFor([this] { return !view_->isLoading(); }, 10000);
    }

    QThreadPool pool_;
    test::TempFolder temp_;
    Database db_;
    std::unique_ptr<TimelineView> view_;
};

QTEST_MAIN(TestTimelineView)
#include "test_timeline_view.moc"
