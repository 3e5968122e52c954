// The triage queue on a generated case: filter and sort, bulk status change (persisted through core/cases
// and audit-logged), the detail pane, and the model checked by QAbstractItemModelTester.
#include "case_fixture.h"
#include "cases/case_records.h"
#include "sign_in_fixture.h"
#include "store/database.h"
#include "test_support.h"
#include "views/triage/anomaly_detail_pane.h"
#include "views/triage/triage_filter_bar.h"
#include "views/triage/triage_model.h"
#include "views/triage/triage_view.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QThreadPool>

using namespace backsight;
using namespace backsight::ui;
using Case = backsight::test::CaseFixture;

class TestTriageView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(temp_.isValid());
        path_ = temp_.path(QStringLiteral("case.sqlite"));
        const QString error = Case::build(path_, temp_.path());
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(db_.open(path_));
        // Two anomalies' sign-ins get a network as the importer stores it (the fixture's addresses are documentation
        // ranges no network announces): a hosting provider and a carrier.
        QSqlQuery q(db_.connection());
        for (const auto &[signIn, asn, org] : {std::tuple{0, 16509, "Amazon.com, Inc."}, std::tuple{10, 3320, "Deutsche Telekom AG"}}) {
            q.prepare(QStringLiteral("UPDATE signins SET asn = ?, as_org = ? WHERE id = ?"));
            q.addBindValue(asn);
            q.addBindValue(QString::fromLatin1(org));
            q.addBindValue(Case::eventId(signIn));
            QVERIFY(q.exec());
        }
    }

    void init()
    {
        view_ = std::make_unique<TriageView>(pool_);
        tester_ = std::make_unique<QAbstractItemModelTester>(view_->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        view_->resize(1200, 800);
        view_->show();
        view_->setDatabase(&db_);
        QVERIFY(waitLoaded());
    }

    void cleanup()
    {
        tester_.reset();
        view_.reset();
        pool_.waitForDone();
    }

    void loadsEveryAnomalyMostSevereFirst()
    {
        QCOMPARE(view_->model()->rowCount(), Case::kAnomalies);
        QCOMPARE(view_->model()->totalCount(), qint64(Case::kAnomalies));
        QCOMPARE(view_->model()->row(0)->severity, 4);
        QCOMPARE(view_->model()->row(Case::kAnomalies - 1)->severity, 1);
        QVERIFY(view_->emptyStateText().isEmpty());
        QCOMPARE(view_->summary(), QStringLiteral("24 of 24 anomalies"));
    }

    void filtersBySeverityKindUserAndText()
    {
        TriageFilterBar *bar = view_->filterBar();
        bar->severityBox()->setCurrentIndex(bar->severityBox()->findData(3)); // High and above
        emit bar->severityBox()->activated(bar->severityBox()->currentIndex());
        QVERIFY(waitLoaded());
        QCOMPARE(view_->model()->rowCount(), Case::kAnomalies / 2);
        for (int r = 0; r < view_->model()->rowCount(); ++r)
            QVERIFY(view_->model()->row(r)->severity >= 3);

        TriageFilter kindOnly;
        kindOnly.kind = Case::kind(1);
        view_->setFilter(kindOnly);
        QVERIFY(waitLoaded());
        QCOMPARE(view_->model()->rowCount(), Case::kAnomalies / 3);

        // Typed text narrows after the typing pause.
        view_->setFilter(TriageFilter());
        QVERIFY(waitLoaded());
        QTest::keyClicks(bar->textEdit(), QStringLiteral("Finding 7 "));
        QTRY_COMPARE(view_->model()->rowCount(), 1);
        QCOMPARE(view_->model()->row(0)->id, Case::anomalyId(7));

        TriageFilter user;
        user.user = test::SignInFixture::upn(10 * 5);
        view_->setFilter(user);
        QVERIFY(waitLoaded());
        QVERIFY(view_->model()->rowCount() >= 1);
        for (int r = 0; r < view_->model()->rowCount(); ++r)
            QCOMPARE(view_->model()->row(r)->user, user.user);

        TriageFilter window; // the first ten anomalies' times
        window.fromMs = test::SignInFixture::createdMs(0);
        window.toMs = test::SignInFixture::createdMs(100);
        view_->setFilter(window);
        QVERIFY(waitLoaded());
        QCOMPARE(view_->model()->rowCount(), 10);
    }

    void sortsByClickingAHeader()
    {
        QHeaderView *header = view_->table()->horizontalHeader();
        header->setSortIndicator(TriageModel::Score, Qt::AscendingOrder);
        QVERIFY(waitLoaded());
        for (int r = 1; r < view_->model()->rowCount(); ++r)
            QVERIFY(view_->model()->row(r - 1)->score <= view_->model()->row(r)->score);
        header->setSortIndicator(TriageModel::TimeUtc, Qt::DescendingOrder);
        QVERIFY(waitLoaded());
        QCOMPARE(view_->model()->row(0)->id, Case::anomalyId(Case::kAnomalies - 1));
    }

    void showsSortsAndFiltersTheNetwork()
    {
        TriageModel *model = view_->model();
        QCOMPARE(model->headerData(TriageModel::Network, Qt::Horizontal).toString(), QStringLiteral("Network"));
        const int amazon = model->rowOf(Case::anomalyId(0)), telekom = model->rowOf(Case::anomalyId(1));
        QCOMPARE(model->index(amazon, TriageModel::Network).data().toString(), QStringLiteral("AS16509 Amazon.com, Inc. (hosting)"));
        QVERIFY(model->row(amazon)->anonymising);
        QVERIFY(model->index(amazon, TriageModel::Network).data(Qt::ForegroundRole).isValid()); // marked
        QCOMPARE(model->index(telekom, TriageModel::Network).data().toString(), QStringLiteral("AS3320 Deutsche Telekom AG"));
        QVERIFY(!model->row(telekom)->anonymising);
        QVERIFY(model->index(model->rowOf(Case::anomalyId(2)), TriageModel::Network).data().toString().isEmpty());

        // Sorted by organisation, descending: Deutsche Telekom, then Amazon, then the rows without one.
        view_->table()->horizontalHeader()->setSortIndicator(TriageModel::Network, Qt::DescendingOrder);
        QVERIFY(waitLoaded());
        QCOMPARE(model->row(0)->id, Case::anomalyId(1));
        QCOMPARE(model->row(1)->id, Case::anomalyId(0));

        // Filtered by AS number or by a piece of the organisation, typed into the bar.
        QTest::keyClicks(view_->filterBar()->networkEdit(), QStringLiteral("AS16509"));
        QTRY_COMPARE(model->rowCount(), 1);
        QCOMPARE(model->row(0)->id, Case::anomalyId(0));
        view_->filterBar()->networkEdit()->clear();
        QTest::keyClicks(view_->filterBar()->networkEdit(), QStringLiteral("telekom"));
        QTRY_VERIFY(!view_->isLoading() && model->rowCount() == 1 && model->row(0)->id == Case::anomalyId(1));
        QVERIFY(view_->filterBar()->filter().describe().contains(QStringLiteral("network telekom")));
    }

    void changesStatusInBulkAndItPersists()
    {
        QTableView *table = view_->table();
        table->setFocus();
        table->selectRow(0);
        QTest::keyClick(table, Qt::Key_Down, Qt::ShiftModifier);
        QTest::keyClick(table, Qt::Key_Down, Qt::ShiftModifier);
        const QStringList ids = view_->selectedIds();
        QCOMPARE(ids.size(), 3);
        QSignalSpy done(view_.get(), &TriageView::statusChangeFinished);
        view_->applyStatusChange(ids, StatusChange{QStringLiteral("confirmed"), QStringLiteral("phished via SMS"),
                                                   {QStringLiteral("Phishing")}});
        QVERIFY(done.wait(10000));
        QCOMPARE(done.at(0).at(0).toInt(), 3);
        QVERIFY2(done.at(0).at(1).toString().isEmpty(), qPrintable(done.at(0).at(1).toString()));
        QVERIFY(waitLoaded());

        // In the database, through core/cases, with the note, the tag and an audit entry each.
        Database check;
        QVERIFY(check.open(path_));
        const auto records = cases::readCaseRecords(check, ids);
        QVERIFY2(records, qPrintable(records ? QString() : records.error().message));
        for (const QString &id : ids) {
            QCOMPARE(records->at(id).status, QStringLiteral("confirmed"));
            QCOMPARE(records->at(id).notes.size(), size_t(1));
            QCOMPARE(records->at(id).tags.front().tag, QStringLiteral("phishing"));
            const auto log = cases::readAuditLog(check, {id, cases::action::status, 0, -1});
            QVERIFY(log && log->size() == 1);
        }
        // And in the queue: filtering by status finds exactly them.
        TriageFilter confirmed;
        confirmed.statuses = {QStringLiteral("confirmed")};
        view_->setFilter(confirmed);
        QVERIFY(waitLoaded());
        QCOMPARE(view_->model()->rowCount(), 3);
    }

    void keyboardShortcutMarksTheSelection()
    {
        view_->table()->setFocus();
        view_->selectRow(5);
        const QString id = view_->selectedIds().value(0);
        QSignalSpy done(view_.get(), &TriageView::statusChangeFinished);
        QTest::keyClick(view_->table(), Qt::Key_D); // dismissed
        QVERIFY(done.wait(10000));
        QVERIFY(waitLoaded());
        QCOMPARE(view_->model()->row(view_->model()->rowOf(id))->status, QStringLiteral("dismissed"));
    }

    void detailPaneShowsReasonsOriginalAndNearbyEvents()
    {
        view_->selectRow(0);
        const TriageRow *row = view_->model()->row(0);
        QVERIFY(waitLoaded());
        AnomalyDetailPane *pane = view_->detailPane();
        QCOMPARE(pane->shownAnomalyId(), row->id);
        QVERIFY(pane->reasonsText().contains(QStringLiteral("Reason text")));
        // Evidence as a labelled table, not the stored JSON.
        QVERIFY2(pane->reasonsText().contains(QStringLiteral("Threshold")), qPrintable(pane->reasonsText()));
        QVERIFY(pane->reasonsText().contains(QStringLiteral("Observed")));
        QVERIFY(!pane->reasonsText().contains(QStringLiteral("\"threshold\"")) && !pane->reasonsText().contains(QLatin1Char('{')));
        QVERIFY(pane->originalRecordText().contains(row->eventId));
        QVERIFY(pane->nearbyEvents()->rowCount() >= 1); // the user's sign-ins within a day, this one included
        QSignalSpy user(view_.get(), &TriageView::openUser);
        QSignalSpy map(view_.get(), &TriageView::openMap);
        emit pane->openUser(row->user);
        emit pane->openMap(row->user, row->timeMs);
        QCOMPARE(user.size(), 1);
        QCOMPARE(map.at(0).at(1).toLongLong(), row->timeMs);
    }

    void saysWhatToRunWhenThereAreNoAnomalies()
    {
        test::TempFolder empty;
        Database db;
        QVERIFY(db.open(empty.path(QStringLiteral("empty.sqlite"))));
        view_->setDatabase(&db);
        QVERIFY(waitLoaded());
        QVERIFY(view_->emptyStateText().contains(QStringLiteral("backsight-cli")));
        QVERIFY(view_->emptyStateText().contains(QStringLiteral("detect")));
        view_->setDatabase(nullptr);
    }

private:
    bool waitLoaded()
    {
        // Results arrive through the event loop; the view says when nothing is outstanding.
        return QTest::qWaitFor([this] { return !view_->isLoading(); }, 10000);
    }

    QThreadPool pool_;
    test::TempFolder temp_;
    QString path_;
    Database db_;
    std::unique_ptr<TriageView> view_;
    std::unique_ptr<QAbstractItemModelTester> tester_;
};

QTEST_MAIN(TestTriageView)
#include "test_triage_view.moc"
