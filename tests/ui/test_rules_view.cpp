// The Rules view over a case imported from every input shape: the rules folder (kept in Settings) listed with its
// loaded and skipped rules and the reasons, a sortable and filterable model, the run as a job (matches per rule,
// anomalies stored, re-running adds none), cancel, the link to Triage; a screenshot (RULES_VIEW_PNG=path keeps it).
#include "app_settings.h"
#include "ingest/importer.h"
#include "sigma/sigma_runner.h"
#include "store/database.h"
#include "test_support.h"
#include "views/rules/rules_view.h"
#include "widgets/string_table_model.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

using namespace backsight;
using namespace backsight::ui;

class TestRulesView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        dbPath_ = dir_.filePath(QStringLiteral("case.sqlite"));
        QVERIFY(db_.open(dbPath_));
        const ImportReport imported = Importer(db_).run({test::dataPath(QStringLiteral("graph")), test::dataPath(QStringLiteral("diagnostic")),
                                                         test::dataPath(QStringLiteral("loganalytics")), test::dataPath(QStringLiteral("portal"))});
        QVERIFY(imported.storageError.isEmpty());
    }

    void listsTheFolderFromSettings()
    {
        QSettings qsettings(dir_.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        AppSettings settings(qsettings);
        settings.setSigmaRulesFolder(test::dataPath(QStringLiteral("sigma")));
        RulesView view(pool_);
        QAbstractItemModelTester tester(view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        view.setSettings(&settings);
        view.setDatabase(&db_);
        QTRY_VERIFY(!view.isLoading()); // the folder is parsed on the pool, not the GUI thread
        QCOMPARE(view.model()->rowCount(), 20);
        int skipped = 0;
        for (int r = 0; r < view.model()->rowCount(); ++r) {
            if (view.model()->text(r, 0) == QLatin1String("skipped")) {
                ++skipped;
                QVERIFY(!view.model()->text(r, 6).isEmpty()); // the reason
            }
        }
        QCOMPARE(skipped, 6);
        QVERIFY(view.findChild<QLabel *>(QStringLiteral("rulesHeader"))->text().contains(QStringLiteral("14 rules loaded, 6 skipped")));
        view.filterEdit()->setText(QStringLiteral("base64"));
        QCOMPARE(view.table()->model()->rowCount(), 1);
        view.filterEdit()->clear();
        view.table()->sortByColumn(4, Qt::AscendingOrder);
        QVERIFY(view.table()->model()->index(0, 4).data().toString() <= view.table()->model()->index(1, 4).data().toString());
        // A new folder is remembered.
        view.setRulesFolder(dir_.path());
        QCOMPARE(settings.sigmaRulesFolder(), dir_.path());
        QTRY_VERIFY(!view.isLoading());
        QCOMPARE(view.model()->rowCount(), 0);
        // A folder that is gone says so, in the header and through problem().
        QSignalSpy problems(&view, &RulesView::problem);
        view.setRulesFolder(dir_.filePath(QStringLiteral("gone")));
        QTRY_VERIFY(!view.isLoading());
        QCOMPARE(problems.count(), 1);
        QVERIFY(problems.at(0).at(0).toString().contains(QStringLiteral("does not exist")));
        QVERIFY(view.findChild<QLabel *>(QStringLiteral("rulesHeader"))->text().contains(QStringLiteral("cannot be read")));
    }

    void runsAsAJobAndOpensTriage()
    {
        RulesView view(pool_);
        view.resize(1400, 700);
        view.setDatabase(&db_);
        view.setRulesFolder(test::dataPath(QStringLiteral("sigma")));
        QTRY_VERIFY(!view.isLoading());
        QSignalSpy started(&view, &RulesView::jobStarted);
        QSignalSpy changed(&view, &RulesView::databaseChanged);
        QVERIFY(view.runRules());
        QVERIFY(!view.runRules()); // one run at a time
        QCOMPARE(started.count(), 1);
        QVERIFY(changed.wait(60000));
        QVERIFY2(changed.at(0).at(0).toString().contains(QStringLiteral("new anomalies")), qPrintable(changed.at(0).at(0).toString()));
        qint64 matches = 0;
        for (int r = 0; r < view.model()->rowCount(); ++r)
            matches += view.model()->text(r, 1).toLongLong();
        QVERIFY(matches > 0);
        // Running again finds the same and stores nothing new.
        QVERIFY(view.runRules());
        QVERIFY(changed.wait(60000));
        QVERIFY(changed.at(1).at(0).toString().endsWith(QStringLiteral(", 0 new anomalies")));
        QSignalSpy triage(&view, &RulesView::openTriage);
        view.table()->selectRow(0);
        const QString title = view.table()->model()->index(0, 4).data().toString();
        for (QPushButton *b : view.findChildren<QPushButton *>())
            if (b->text() == QLatin1String("Open matches in Triage"))
                b->click();
        QCOMPARE(triage.count(), 1);
        const TriageFilter filter = triage.at(0).at(0).value<TriageFilter>();
        QCOMPARE(filter.kind, QStringLiteral("sigma"));
        QCOMPARE(filter.text, title);
        view.table()->sortByColumn(1, Qt::DescendingOrder);
        const QAbstractItemModel *sorted = view.table()->model();
        for (int r = 1; r < sorted->rowCount(); ++r)
            QVERIFY(sorted->index(r - 1, 1).data().toString().toLongLong() >= sorted->index(r, 1).data().toString().toLongLong());
        view.table()->clearSelection();
        const QString png = qEnvironmentVariable("RULES_VIEW_PNG", dir_.filePath(QStringLiteral("rules.png")));
        QVERIFY(view.grab().save(png));
    }

    void cancelStoresNothing()
    {
        QTemporaryDir dir;
        Database db;
        QVERIFY(db.open(dir.filePath(QStringLiteral("c.sqlite"))));
        Importer(db).run({test::dataPath(QStringLiteral("graph"))});
        auto set = sigma::loadRuleFolder(test::dataPath(QStringLiteral("sigma")));
        QVERIFY(set);
        auto report = sigma::runSigmaRules(db, *set, true, 1, [](qint64, qint64) { return false; });
        QVERIFY(!report);
        QCOMPARE(report.error().category, Error::Category::Cancelled);
    }

private:
    QTemporaryDir dir_;
    QString dbPath_;
    Database db_;
    QThreadPool pool_;
};

QTEST_MAIN(TestRulesView)
#include "test_rules_view.moc"
