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

#include <QAbstractItemModelTester>
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

        QString error;
        detect::TrainAllReport trained;
        QVERIFY2(detect::trainAll(db_, {}, trained, error), qPrintable(error));
        QVERIFY(trained.serverModels > 0);
        detect::DetectOptions detectOptions;
        detect::addModelScorers(detectOptions);
        detect::DetectReport detected;
        QVERIFY2(detect::runDetection(db_, detectOptions, detected, error), qPrintable(error));
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
            QVERIFY(m->index(row, 1).data().toInt() > 0);                                   // sessions
            QVERIFY(!m->index(row, 5).data().toString().isEmpty());                          // model
            QVERIFY(m->index(row, 5).data().toString() != QStringLiteral("none"));           // trained above
        }
        // The threat column is coloured like severities and sorts as a number.
        servers->sortByColumn(4, Qt::DescendingOrder);
        QVERIFY(m->index(0, 4).data().toInt() >= 1);
        QVERIFY(m->index(0, 4).data(Qt::BackgroundRole).isValid());
        for (int row = 1; row < m->rowCount(); ++row)
            QVERIFY(m->index(row - 1, 4).data(Qt::UserRole).toDouble() >= m->index(row, 4).data(Qt::UserRole).toDouble());
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
        bool band = false;
        for (QAbstractSeries *s : chartView->chart()->series()) {
            if (auto *scatter = qobject_cast<QScatterSeries *>(s))
                markers += int(scatter->count());
            band = band || s->name().contains(QStringLiteral("Usual range"));
        }
        QVERIFY(markers >= 1);
        QVERIFY(band);
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
