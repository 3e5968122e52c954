// The Backup view on a generated tenant with backup servers, imported, trained and detected through the core API:
// the servers table (a well-behaved, sortable, filterable model), a flagged server's chart markers and sessions with
// their findings, the link to Triage; and a screenshot (BACKUP_VIEW_PNG=path keeps it).
#include "detect/pipeline.h"
#include "detect/training.h"
#include "ingest/importer.h"
#include "simulate/demo_tenant.h"
#include "store/database.h"
#include "test_support.h"
#include "views/backup/backup_view.h"
#include "views/backup/session_chart_view.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QMouseEvent>
#include <QChart>
#include <QChartView>
#include <QDir>
#include <QDirIterator>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScatterSeries>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>
#include <QTextBrowser>
#include <QThreadPool>
#include <QTableView>

using namespace backsight;
using namespace backsight::ui;

class TestBackupView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(temp_.isValid());
        DemoTenantOptions options;
        options.users = 10;
        options.days = 45;
        options.seed = 7;
        options.outDir = temp_.path(QStringLiteral("tenant"));
        options.backupServers = 4;
        const DemoTenantResult generated = writeDemoTenant(options);
        QVERIFY2(generated.ok, qPrintable(generated.error));
        QVERIFY(generated.backupSessions > 0);

        dbPath_ = temp_.path(QStringLiteral("case.sqlite"));
        QVERIFY2(db_.open(dbPath_), qPrintable(db_.error()));
        const ImportReport imported = Importer(db_).run({options.outDir});
        QVERIFY2(imported.storageError.isEmpty(), qPrintable(imported.storageError));
        QSqlQuery q(db_.connection());
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM backup_sessions")) && q.next());
        QCOMPARE(q.value(0).toLongLong(), generated.backupSessions);

        const Result<detect::TrainAllReport> trained = detect::trainAll(db_, {});
        QVERIFY2(trained, test::failure(trained).constData());
        QVERIFY(trained->serverModels > 0);
        detect::DetectOptions detectOptions;
        detect::addModelScorers(detectOptions);
        const Result<detect::DetectReport> detected = detect::runDetection(db_, detectOptions);
        QVERIFY2(detected, test::failure(detected).constData());
        QVERIFY(q.exec(QStringLiteral("SELECT subject, COUNT(*) FROM anomalies WHERE subject_type = 'server' "
                                      "GROUP BY subject ORDER BY MAX(threat_score) DESC, subject LIMIT 1")));
        QVERIFY2(q.next(), "detection flagged no backup session of the generated servers");
        flaggedServer_ = q.value(0).toString();
        flaggedSessions_ = q.value(1).toInt();
    }

    void init()
    {
        view_ = std::make_unique<BackupView>(pool_);
        view_->resize(1600, 1000);
        view_->show();
        view_->setDatabase(&db_);
        QVERIFY(waitLoaded());
    }

    void cleanup()
    {
        view_.reset();
        pool_.waitForDone();
    }

    void listsEveryServerWithItsModelAndThreat()
    {
        QCOMPARE(view_->serverCount(), 4);
        auto *servers = view_->findChild<QTableView *>(QStringLiteral("backupServers"));
        QVERIFY(servers);
        QAbstractItemModelTester tester(servers->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModel *m = servers->model();
        for (int row = 0; row < m->rowCount(); ++row) {
            QVERIFY(!m->index(row, 1).data().toString().isEmpty());                          // its job
            QVERIFY(m->index(row, 2).data().toInt() > 0);                                   // sessions
            QVERIFY(!m->index(row, 6).data().toString().isEmpty());                          // model
            QVERIFY(m->index(row, 6).data().toString() != QStringLiteral("none"));           // trained above
        }
        // The threat column is coloured like severities and sorts as a number.
        servers->sortByColumn(5, Qt::DescendingOrder);
        QVERIFY(m->index(0, 5).data().toInt() >= 1);
        QVERIFY(m->index(0, 5).data(Qt::BackgroundRole).isValid());
        for (int row = 1; row < m->rowCount(); ++row)
            QVERIFY(m->index(row - 1, 5).data(Qt::UserRole).toDouble() >= m->index(row, 5).data(Qt::UserRole).toDouble());
        // Filtering narrows the list to the server typed.
        auto *filter = view_->findChild<QLineEdit *>();
        QVERIFY(filter);
        filter->setText(flaggedServer_);
        QCOMPARE(m->rowCount(), 1);
        filter->clear();
        QCOMPARE(m->rowCount(), 4);
    }

    void opensOnTheFlaggedServerWithMarkersAndFindings()
    {
        // The view opens on the most threatened server, which detection flagged.
        QCOMPARE(view_->currentServer(), flaggedServer_);
        QCOMPARE(view_->flaggedCount(), flaggedSessions_);
        auto *chartView = view_->findChild<QChartView *>(QStringLiteral("backupChart"));
        QVERIFY(chartView && chartView->chart());
        int markers = 0;
        bool band = false, modelBand = false, expected = false;
        for (QAbstractSeries *s : chartView->chart()->series()) {
            if (auto *scatter = qobject_cast<QScatterSeries *>(s))
                markers += int(scatter->count());
            band = band || s->name().contains(QStringLiteral("Robust range"));
            modelBand = modelBand || s->name().contains(QStringLiteral("Model's band"));
            expected = expected || s->name().contains(QStringLiteral("Model's expectation"));
        }
        QVERIFY(markers >= 1);
        QVERIFY(band && modelBand && expected); // the model's reconstruction beside the robust range
        auto *sessions = view_->findChild<QTableView *>(QStringLiteral("backupSessions"));
        QVERIFY(sessions);
        QAbstractItemModelTester tester(sessions->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(view_->sessionCount() > 0);
        // The most recent flagged session is selected and its finding shown, with its reasons.
        const QModelIndex current = sessions->currentIndex();
        QVERIFY(current.isValid());
        QVERIFY(!sessions->model()->index(current.row(), 9).data().toString().isEmpty());
        auto *detail = view_->findChild<QTextBrowser *>(QStringLiteral("backupDetail"));
        QVERIFY(detail && detail->toPlainText().contains(QStringLiteral("Threat ")));
        // "Open in Triage" narrows the queue to that anomaly.
        QSqlQuery q(db_.connection());
        q.prepare(QStringLiteral("SELECT id FROM anomalies WHERE subject_type = 'server' AND subject = ?"));
        q.addBindValue(flaggedServer_);
        QVERIFY(q.exec());
        QStringList ids;
        while (q.next())
            ids << q.value(0).toString();
        QSignalSpy spy(view_.get(), &BackupView::openTriage);
        auto *button = view_->findChild<QPushButton *>(QStringLiteral("backupOpenTriage"));
        QVERIFY(button && button->isEnabled());
        button->click();
        QCOMPARE(spy.count(), 1);
        QVERIFY(ids.contains(spy.at(0).at(0).value<TriageFilter>().text));

        const QString png = qEnvironmentVariable("BACKUP_VIEW_PNG", temp_.path(QStringLiteral("backup.png")));
        QVERIFY(view_->grab().save(png));
    }

    // The chart zooms and pans in time like the Timeline: wheel and +/- zoom, drag and arrows pan, Home resets.
    void chartZoomsAndPansInTime()
    {
        SessionChartView *chart = view_->chart();
        QVERIFY(chart);
        QApplication::processEvents();
        const auto all = chart->visibleRange();
        QVERIFY(all && all->second > all->first);
        const qint64 span = all->second - all->first;
        QTest::keyClick(chart, Qt::Key_Plus);
        const auto zoomed = chart->visibleRange();
        QVERIFY(zoomed && zoomed->second - zoomed->first < span * 6 / 10);
        QTest::keyClick(chart, Qt::Key_Right);
        const auto panned = chart->visibleRange();
        QVERIFY(panned && panned->first > zoomed->first);
        QCOMPARE(panned->second - panned->first, zoomed->second - zoomed->first);
        const QPoint centre = chart->chart()->plotArea().center().toPoint();
        QTest::mousePress(chart->viewport(), Qt::LeftButton, {}, centre);
        QMouseEvent move(QEvent::MouseMove, QPointF(centre + QPoint(80, 0)), chart->viewport()->mapToGlobal(QPointF(centre + QPoint(80, 0))),
                         Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(chart->viewport(), &move);
        QTest::mouseRelease(chart->viewport(), Qt::LeftButton, {}, centre + QPoint(80, 0));
        const auto dragged = chart->visibleRange();
        QVERIFY(dragged && dragged->first < panned->first); // dragging right shows earlier nights
        const QString png = qEnvironmentVariable("BACKUP_VIEW_ZOOMED_PNG", temp_.path(QStringLiteral("zoomed.png")));
        QVERIFY(view_->grab().save(png));
        QTest::keyClick(chart, Qt::Key_Home);
        const auto reset = chart->visibleRange();
        QVERIFY(reset && std::llabs((reset->second - reset->first) - span) < span / 100);
    }

    void saysWhatToRunWithoutBackupSessions()
    {
        Database empty;
        QVERIFY(empty.open(temp_.path(QStringLiteral("empty.sqlite"))));
        view_->setDatabase(&empty);
        QVERIFY(waitLoaded());
        QCOMPARE(view_->serverCount(), 0);
        auto *label = view_->findChild<QLabel *>(QStringLiteral("backupEmpty"));
        QVERIFY(label && label->isVisible());
        for (const char *step : {"--backup-servers", "import", "train", "detect"})
            QVERIFY2(label->text().contains(QLatin1String(step)), step);
        auto *chartView = view_->findChild<QChartView *>(QStringLiteral("backupChart"));
        QVERIFY(chartView && !chartView->isVisible());
        if (const QString png = qEnvironmentVariable("BACKUP_VIEW_EMPTY_PNG"); !png.isEmpty())
            QVERIFY(view_->grab().save(png));
        view_->setDatabase(nullptr);
    }

private:
    bool waitLoaded()
    {
        return QTest::qWaitFor([this] { return !view_->isLoading(); }, 15000);
    }

    test::TempFolder temp_;
    QString dbPath_;
    Database db_;
    QThreadPool pool_;
    std::unique_ptr<BackupView> view_;
    QString flaggedServer_;
    int flaggedSessions_ = 0;
};

QTEST_MAIN(TestBackupView)
#include "test_backup_view.moc"
