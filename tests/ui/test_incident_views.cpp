// Identity ↔ backup incidents in the views: on the investigation fixture plus two backup anomalies (one an hour
// after the last sign-in, one 100 hours later), correlation makes one incident; Triage shows it as one row with both
// kinds that expands to its parts, and the Timeline draws the link between the identity and the backup part.
#include "case_fixture.h"
#include "detect/anomaly_repository.h"
#include "detect/incidents.h"
#include "sign_in_fixture.h"
#include "store/database.h"
#include "store/incident_store.h"
#include "test_support.h"
#include "views/timeline/timeline_view.h"
#include "views/triage/anomaly_detail_pane.h"
#include "views/triage/incident_list.h"
#include "views/triage/triage_view.h"

#include <QAction>
#include <QSignalSpy>
#include <QTest>
#include <QThreadPool>

using namespace backsight;
using namespace backsight::ui;
using Fixture = backsight::test::SignInFixture;
using Case = backsight::test::CaseFixture;

namespace {

constexpr qint64 kHour = 3'600'000;

detect::Anomaly serverAnomaly(const QString &id, qint64 ms, int threat)
{
    detect::Anomaly a;
    a.id = id;
    a.subjectType = QStringLiteral("server");
    a.subject = QStringLiteral("FS01");
    a.eventId = id + QStringLiteral("-session");
    a.eventTable = QStringLiteral("backup_sessions");
    a.timeMs = ms;
    a.kinds = {QStringLiteral("backup_ransomware")};
    a.threatScore = threat;
    a.severity = detect::severityForThreatScore(threat);
    a.summary = QStringLiteral("dedup ratio 1.1 vs usual 3.8 on FS01");
    a.eventIds = {a.eventId};
    a.detectedAtMs = ms;
    return a;
}

} // namespace

class TestIncidentViews : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(temp_.isValid());
        const QString error = Case::build(temp_.path(QStringLiteral("case.sqlite")), temp_.path());
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(db_.open(temp_.path(QStringLiteral("case.sqlite"))));
        backupMs_ = Fixture::createdMs(Case::kSignIns - 1) + kHour;
        QCOMPARE(detect::insertAnomalies(db_, {serverAnomaly(QStringLiteral("bk-near"), backupMs_, 9),
                                               serverAnomaly(QStringLiteral("bk-far"), backupMs_ + 100 * kHour, 9)}).valueOr(-1),
                 qint64(2));
        // What the fixture says should link: its anomalies of medium or worse (severity 1 + i % 4 ≥ 2), all within
        // the window before bk-near (the sign-ins span under seven hours).
        for (int i = 0; i < Case::kAnomalies; ++i)
            expectedIdentity_ += 1 + i % 4 >= 2 && Fixture::createdMs(10 * i) >= backupMs_ - 72 * kHour;
        const Result<detect::IncidentReport> r = detect::correlateIncidents(db_);
        QVERIFY(r);
        QCOMPARE(r->incidents, qint64(1));
    }

    void triageShowsOneIncidentRowWithBothKinds()
    {
        TriageView view(pool_);
        view.resize(1400, 900);
        view.show();
        view.setDatabase(&db_);
        QVERIFY(QTest::qWaitFor([&] { return !view.isLoading() && !view.incidentList()->incidents().empty(); }, 10000));
        IncidentList *list = view.incidentList();
        QVERIFY(list->isVisible());
        QCOMPARE(list->topLevelItemCount(), 1);
        QTreeWidgetItem *top = list->topLevelItem(0);
        QCOMPARE(top->text(IncidentList::Kinds), QStringLiteral("identity (%1) + backup (1)").arg(expectedIdentity_));
        QCOMPARE(top->childCount(), expectedIdentity_ + 1);
        QVERIFY(top->isExpanded());
        QTreeWidgetItem *backup = top->child(top->childCount() - 1);
        QCOMPARE(backup->data(0, IncidentList::PartRefRole).toString(), QStringLiteral("bk-near"));
        QVERIFY2(backup->text(IncidentList::Kinds).contains(QStringLiteral("backup_ransomware")),
                 qPrintable(backup->text(IncidentList::Kinds)));
        QVERIFY(top->child(0)->text(IncidentList::Kinds).startsWith(QStringLiteral("identity: ")));

        // A part that is an anomaly opens in the detail pane.
        list->setCurrentItem(backup);
        QTRY_COMPARE_WITH_TIMEOUT(view.detailPane()->shownAnomalyId(), QStringLiteral("bk-near"), 10000);

        // "Show in Timeline" hands over the incident and its span.
        QSignalSpy timeline(&view, &TriageView::openIncidentTimeline);
        list->setCurrentItem(top);
        list->actions().front()->trigger();
        QCOMPARE(timeline.count(), 1);
        const Incident &incident = list->incidents().front();
        QCOMPARE(timeline.at(0).at(0).toString(), incident.id);
        QCOMPARE(timeline.at(0).at(1).toLongLong(), incident.firstMs);
        QCOMPARE(timeline.at(0).at(2).toLongLong(), backupMs_);
    }

    void timelineDrawsTheLinkBetweenTheParts()
    {
        const Result<std::vector<Incident>> incidents = store::readIncidents(db_);
        QVERIFY(incidents && incidents->size() == 1);
        const Incident &incident = incidents->front();
        TimelineView view(pool_);
        view.resize(1400, 700);
        view.show();
        view.setDatabase(&db_);
        QVERIFY(QTest::qWaitFor([&] { return !view.isLoading(); }, 10000));
        view.showIncident(incident.id, incident.firstMs, incident.lastMs);
        QVERIFY(QTest::qWaitFor([&] { return !view.isLoading() && !view.timeline()->data().incidents.empty(); }, 10000));
        TimelineWidget *t = view.timeline();
        QCOMPARE(t->selectedIncident(), incident.id);
        QVERIFY(t->viewFrom() <= incident.firstMs && t->viewTo() >= incident.lastMs);
        QCOMPARE(t->data().incidents.size(), size_t(1));
        const auto segments = t->linkSegments();
        QCOMPARE(int(segments.size()), expectedIdentity_); // each identity part to the one backup part
        for (const auto &[id, line] : segments) {
            QCOMPARE(id, incident.id);
            QVERIFY(line.p1().x() < line.p2().x()); // identity first
            QVERIFY(line.p1().y() < line.p2().y()); // anomaly lane above, backups below
        }
        // The link is painted: along the last segment the pixels carry the link's colour.
        const QImage image = t->grab().toImage();
        const QColor want = t->linkColor(t->data().incidents.front());
        const QLineF line = segments.back().second;
        int onLink = 0;
        for (double f : {0.2, 0.3, 0.4, 0.6, 0.7}) {
            const QColor got = image.pixelColor(line.pointAt(f).toPoint());
            onLink += std::abs(got.red() - want.red()) + std::abs(got.green() - want.green())
                          + std::abs(got.blue() - want.blue()) < 60;
        }
        QVERIFY2(onLink >= 4, qPrintable(QStringLiteral("%1 of 5 points on the link").arg(onLink)));
    }

private:
    QThreadPool pool_;
    test::TempFolder temp_;
    Database db_;
    qint64 backupMs_ = 0;
    int expectedIdentity_ = 0;
};

QTEST_MAIN(TestIncidentViews)
#include "test_incident_views.moc"
