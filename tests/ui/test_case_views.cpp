// The main window's investigation views on a generated case: dashboard numbers click through to triage,
// the user baseline, the training state with the baseline job, the import panel (cancel), the view
// shortcuts and the screenshots of every view.
#include "app_settings.h"
#include "case_fixture.h"
#include "store/anomaly_repository.h"
#include "views/backup/backup_view.h"
#include "export_menu.h"
#include "main_window.h"
#include "model/time_format.h"
#include "sign_in_fixture.h"
#include "store/database.h"
#include "test_support.h"
#include "view_screenshots.h"
#include "views/dashboard/dashboard_view.h"
#include "views/import/import_view.h"
#include "views/training/training_view.h"
#include "views/triage/triage_model.h"
#include "views/triage/triage_view.h"
#include "views/user/user_networks_model.h"
#include "views/user/user_view.h"
#include "widgets/job_status_widget.h"
#include "widgets/string_table_model.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QDateTime>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QSignalSpy>
#include <QFile>
#include <QTableView>
#include <QSqlError>
#include <QTextBrowser>
#include <QSqlQuery>
#include <QSortFilterProxyModel>
#include <QTableWidget>
#include <QTest>
#include <QThreadPool>

using namespace backsight;
using namespace backsight::ui;
using Case = backsight::test::CaseFixture;
using Fixture = backsight::test::SignInFixture;

class TestCaseViews : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        temp_ = std::make_unique<test::TempFolder>();
        const QString error = Case::build(temp_->path(QStringLiteral("case.sqlite")), temp_->path());
        QVERIFY2(error.isEmpty(), qPrintable(error));
        qsettings_ = std::make_unique<QSettings>(temp_->path(QStringLiteral("settings.ini")), QSettings::IniFormat);
        settings_ = std::make_unique<AppSettings>(*qsettings_);
        window_ = std::make_unique<MainWindow>(*settings_, pool_);
        QString openError;
        QVERIFY2(window_->openDatabase(temp_->path(QStringLiteral("case.sqlite")), &openError), qPrintable(openError));
        window_->resize(1400, 900);
        window_->show();
        QVERIFY(allLoaded());
    }

    void cleanup()
    {
        window_.reset();
        pool_.waitForDone();
        settings_.reset();
        qsettings_.reset();
        temp_.reset();
    }

    void dashboardNumbersClickThroughToTriage()
    {
        const CaseViews &v = window_->views();
        QCOMPARE(window_->currentView(), static_cast<CaseView *>(v.dashboard)); // the first view
        QCOMPARE(v.dashboard->data().anomalies(), qint64(Case::kAnomalies));
        QVERIFY(v.dashboard->severityButton(4)->text().startsWith(QStringLiteral("6 ")));
        v.dashboard->severityButton(4)->click();
        QCOMPARE(window_->currentView(), static_cast<CaseView *>(v.triage));
        QVERIFY(allLoaded());
        QCOMPARE(v.triage->model()->rowCount(), Case::kAnomalies / 4);
        for (int r = 0; r < v.triage->model()->rowCount(); ++r)
            QCOMPARE(v.triage->model()->row(r)->severity, 4);

        // A top user's row opens that user's anomalies.
        window_->showView(v.dashboard);
        QTableWidget *users = v.dashboard->topUsersTable();
        QVERIFY(users->rowCount() > 0);
        const QString upn = users->item(0, 0)->text();
        const qint64 count = users->item(0, 1)->text().toLongLong();
        emit users->cellClicked(0, 0);
        QVERIFY(allLoaded());
        QCOMPARE(qint64(v.triage->model()->rowCount()), count);
        QCOMPARE(v.triage->model()->row(0)->user, upn);
    }

    void everyViewHasItsShortcutAndTriageItsMenu()
    {
        const QList<CaseView *> views = window_->views().all();
        QCOMPARE(views.size(), 10);
        for (int i = 0; i < views.size(); ++i) {
            QAction *action = nullptr;
            for (QAction *a : window_->findChildren<QAction *>()) {
                if (a->shortcut() == QKeySequence(QStringLiteral("Ctrl+%1").arg((i + 1) % 10)))
                    action = a;
            }
            QVERIFY2(action, qPrintable(views[i]->title()));
            action->trigger();
            QCOMPARE(window_->currentView(), views[i]);
        }
        QStringList menus;
        for (QAction *a : window_->menuBar()->actions())
            menus << a->text();
        QVERIFY(menus.contains(QStringLiteral("&Triage")));
    }

    void userViewComputesTheHeatmapBeforeThereIsABaseline()
    {
        UserView *user = window_->views().user;
        const QString upn = Fixture::upn(0);
        user->showUser(upn);
        QVERIFY(allLoaded());
        QCOMPARE(user->data().upn, upn);
        qint64 interactive = 0, total = 0;
        for (int i = 0; i < Case::kSignIns; ++i) {
            if (Fixture::upn(i) == upn) {
                ++total;
                interactive += Fixture::interactive(i) ? 1 : 0;
            }
        }
        QCOMPARE(user->data().signIns, total);
        qint64 cells = 0;
        for (const auto &row : user->heatmap()->cells())
            for (qint64 c : row)
                cells += c;
        QCOMPARE(cells, interactive);
        QVERIFY(user->heatmap()->zoneText().contains(QStringLiteral("no baseline")));
        QVERIFY(!user->data().top.at(QStringLiteral("Places")).empty());
    }

    void userViewGroupsSignInsByNetwork()
    {
        // The user's sign-ins before sign-in 200 from a hosting network, the rest from an ISP.
        const QString upn = Fixture::upn(0);
        {
            Database db;
            QVERIFY2(db.open(temp_->path(QStringLiteral("case.sqlite"))), qPrintable(db.error()));
            QSqlQuery q(db.connection());
            for (const auto &[asn, org, cmp] : {std::tuple{16509, "Amazon.com, Inc.", "<"}, std::tuple{3320, "Deutsche Telekom AG", ">="}}) {
                QVERIFY(q.prepare(QStringLiteral("UPDATE signins SET asn = ?, as_org = ? WHERE upn = ? AND created_ms %1 ?")
                                      .arg(QLatin1String(cmp))));
                q.addBindValue(asn);
                q.addBindValue(QString::fromLatin1(org));
                q.addBindValue(upn);
                q.addBindValue(Fixture::createdMs(200));
                QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
            }
        }
        struct Expected { qint64 signIns = 0, failures = 0; QStringList countries; };
        Expected amazon, telekom;
        for (int i = 0; i < Case::kSignIns; ++i) {
            if (Fixture::upn(i) != upn)
                continue;
            Expected &e = i < 200 ? amazon : telekom;
            ++e.signIns;
            e.failures += Fixture::failure(i) ? 1 : 0;
            if (!e.countries.contains(Fixture::country(i)))
                e.countries << Fixture::country(i);
        }
        QVERIFY(amazon.signIns > telekom.signIns && telekom.signIns > 0);

        UserView *user = window_->views().user;
        window_->showView(user);
        user->showUser(upn);
        QVERIFY(allLoaded());
        QTableView *table = user->networksTable();
        QAbstractItemModelTester tester(table->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(table->model()->rowCount(), 2);
        const auto cell = [table](int row, int column) { return table->model()->index(row, column).data().toString(); };
        const QLocale locale;
        // Most sign-ins first.
        QCOMPARE(cell(0, UserNetworksModel::Asn), QStringLiteral("AS16509"));
        QCOMPARE(cell(0, UserNetworksModel::Organisation), QStringLiteral("Amazon.com, Inc."));
        QCOMPARE(cell(0, UserNetworksModel::Kind), QStringLiteral("Hosting / cloud"));
        QCOMPARE(cell(0, UserNetworksModel::SignIns), locale.toString(amazon.signIns));
        QCOMPARE(cell(0, UserNetworksModel::Failures), locale.toString(amazon.failures));
        QCOMPARE(cell(1, UserNetworksModel::Asn), QStringLiteral("AS3320"));
        QCOMPARE(cell(1, UserNetworksModel::Kind), QStringLiteral("ISP or other"));
        QCOMPARE(cell(1, UserNetworksModel::SignIns), locale.toString(telekom.signIns));
        QCOMPARE(cell(1, UserNetworksModel::Failures), locale.toString(telekom.failures));
        QCOMPARE(cell(1, UserNetworksModel::LastSeen), utcText(user->data().networks.back().lastMs));
        for (const QString &country : telekom.countries)
            QVERIFY2(cell(1, UserNetworksModel::Countries).contains(country), qPrintable(country));
        // Sorted by ASN (a number, not text: "AS3320" < "AS16509").
        table->sortByColumn(UserNetworksModel::Asn, Qt::AscendingOrder);
        QCOMPARE(cell(0, UserNetworksModel::Asn), QStringLiteral("AS3320"));
        table->sortByColumn(UserNetworksModel::FirstSeen, Qt::AscendingOrder);
        QCOMPARE(cell(0, UserNetworksModel::Asn), QStringLiteral("AS16509"));
        // The whole page as an image, for a person to look at (BACKSIGHT_USER_PNG=file.png keeps it).
        if (const QString png = qEnvironmentVariable("BACKSIGHT_USER_PNG"); !png.isEmpty())
            QVERIFY(user->findChild<QScrollArea *>()->widget()->grab().save(png));
    }

    void trainingRecomputesBaselinesAsAJob()
    {
        TrainingView *training = window_->views().training;
        window_->showView(training);
        QVERIFY(training->findChild<QLabel *>(QStringLiteral("trainingHeader"))->text().contains(QStringLiteral("backsight-cli")));
        QAbstractItemModelTester tester(training->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(training->model()->rowCount(), 0);
        QVERIFY(training->recomputeBaselines());
        QVERIFY(!window_->jobStatus()->isHidden()); // the job is in the status bar
        QTRY_VERIFY_WITH_TIMEOUT(!training->isRunning(), 30000);
        QVERIFY(allLoaded());
        QCOMPARE(training->model()->rowCount(), Fixture::kUsers);
        // Models: too few sign-ins per fixture user for their own forest, so everyone gets the tenant model.
        QSignalSpy changed(training, &TrainingView::databaseChanged);
        QVERIFY(training->retrainModels(false));
        QVERIFY(changed.wait(60000));
        QVERIFY(allLoaded());
        bool tenant = false;
        for (const QStringList &row : training->model()->rows()) {
            if (row.value(1) != QStringLiteral("tenant"))
                continue;
            tenant = true;
            // Point in time: where the model's window ends, after which it judges (docs/models.md).
            QVERIFY2(QDateTime::fromString(row.value(5), QStringLiteral("yyyy-MM-dd HH:mm:ss")).isValid(), qPrintable(row.value(5)));
        }
        QVERIFY2(tenant, qPrintable(changed.at(0).at(0).toString()));
        QCOMPARE(training->model()->headerData(5, Qt::Horizontal).toString(), QStringLiteral("Judges sign-ins from (UTC)"));
        QVERIFY(training->model()->headerData(5, Qt::Horizontal, Qt::ToolTipRole).toString().contains(QStringLiteral("Point in time")));
        // Now the user view reads the stored baseline.
        UserView *user = window_->views().user;
        user->showUser(Fixture::upn(1));
        QVERIFY(allLoaded());
        QVERIFY(!user->heatmap()->zoneText().contains(QStringLiteral("no baseline")));
    }

    void importPanelCancelsAnImport()
    {
        ImportView *panel = window_->views().import;
        window_->showView(panel);
        const QString big = temp_->path(QStringLiteral("big.json"));
        QVERIFY(test::writeFile(big, Fixture::page(100'000, 30'000)));
        QSignalSpy finished(window_.get(), &MainWindow::importFinished);
        QVERIFY(window_->importPaths({big}));
        QVERIFY(panel->cancelButton()->isEnabled());
        panel->cancelButton()->click(); // before the first chunk is committed
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        QVERIFY(window_->lastImport().cancelled);
        QCOMPARE(panel->resultsModel()->rowCount(), 1);
        QVERIFY2(panel->resultsModel()->text(0, 5).startsWith(QStringLiteral("Cancelled")), qPrintable(panel->resultsModel()->text(0, 5)));
        Database db;
        QVERIFY(db.open(temp_->path(QStringLiteral("case.sqlite"))));
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM signins")) && q.next());
        QCOMPARE(q.value(0).toInt(), Case::kSignIns); // nothing of the cancelled file was kept
    }

    void exportReportsTheTriageSelectionAsAJob()
    {
        // Triage: select two anomalies, File → Export's report of the selection runs as a job and is audit-logged.
        window_->showView(window_->views().triage);
        TriageView *triage = window_->views().triage;
        QVERIFY(QTest::qWaitFor([&] { return triage->model()->rowCount() >= 2; }, 10000));
        triage->selectRow(0);
        const QString first = triage->selectedIds().value(0);
        auto *table = triage->findChild<QTableView *>(QStringLiteral("triageTable"));
        QVERIFY(table);
        table->selectionModel()->select(table->model()->index(1, 0),
                                        QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QCOMPARE(triage->selectedIds().size(), 2);
        ExportMenu *menu = window_->exportMenu();
        QVERIFY(menu);
        const QString pdf = temp_->path(QStringLiteral("selection.pdf"));
        const report::ReportRequest request = menu->request(ExportMenu::Scope::Selection, report::ReportFormat::Pdf, pdf);
        QCOMPARE(request.scope.anomalyIds.size(), 2);
        QVERIFY(request.scope.anomalyIds.contains(first));
        QSignalSpy finished(menu, &ExportMenu::exportFinished);
        QVERIFY(menu->start(request));
        QVERIFY(finished.wait(60000));
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
        QFile file(pdf);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.read(5) == "%PDF-");
        // The filtered list as JSON Lines holds every row of the queue.
        const QString jsonl = temp_->path(QStringLiteral("list.jsonl"));
        const report::ReportRequest all = menu->request(ExportMenu::Scope::FilteredList, report::ReportFormat::Jsonl, jsonl);
        QCOMPARE(all.scope.anomalyIds.size(), triage->model()->rowCount());
        QVERIFY(menu->start(all));
        QVERIFY(finished.wait(60000));
        QFile lines(jsonl);
        QVERIFY(lines.open(QIODevice::ReadOnly));
        QCOMPARE(lines.readAll().count('\n'), qsizetype(triage->model()->rowCount()));
        // Both exports are in the audit log.
        QVERIFY(QTest::qWaitFor([&] {
            QSqlQuery q(window_->database()->connection());
            return q.exec(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'export'")) && q.next() && q.value(0).toInt() == 2;
        }, 5000));
        // The queue's context menu offers the report actions too.
        QVERIFY(std::any_of(table->actions().cbegin(), table->actions().cend(),
                            [](const QAction *a) { return a->text().contains(QStringLiteral("selected anomalies (PDF)")); }));
    }

    void backupViewShowsServersTheirSessionsAndFindings()
    {
        BackupView *backup = window_->views().backup;
        window_->showView(backup);
        // The fixture has no backup sessions: the view says how to get some.
        QVERIFY(QTest::qWaitFor([&] { return !backup->isLoading(); }, 10000));
        QCOMPARE(backup->serverCount(), 0);
        auto *empty = backup->findChild<QLabel *>(QStringLiteral("backupEmpty"));
        QVERIFY(empty && empty->text().contains(QStringLiteral("--backup-servers")));
        // Two servers' nights, one of them flagged by a (stored) backup finding.
        {
            Database &db = *window_->database();
            QSqlQuery q(db.connection());
            QVERIFY(q.exec(QStringLiteral("INSERT INTO sources (path, sha256, size_bytes, reader, records_read, records_new, "
                                          "records_rejected, imported_at, last_imported_at) VALUES ('b.json', 'x', 1, 'veeam-ps-session-json', 0, 0, 0, 0, 0)")));
            const qint64 source = q.lastInsertId().toLongLong();
            q.prepare(QStringLiteral("INSERT INTO backup_sessions (id, level, server, creation_ms, result, is_full, transferred_bytes, "
                                     "read_bytes, dedup_ratio, compress_ratio, duration_s, source_id, record_index) "
                                     "VALUES (?, 'job', ?, ?, 'Success', 0, ?, ?, 3.0, 1.8, 300, ?, ?)"));
            for (int i = 0; i < 40; ++i) {
                for (const char *server : {"SQL01", "WEB01"}) {
                    q.addBindValue(QStringLiteral("%1-%2").arg(QLatin1String(server)).arg(i));
                    q.addBindValue(QLatin1String(server));
                    q.addBindValue(1730000000000LL + i * 86'400'000LL);
                    q.addBindValue(qint64(i == 39 ? 40e9 : 2e9));
                    q.addBindValue(qint64(8e9));
                    q.addBindValue(source);
                    q.addBindValue(i);
                    QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
                }
            }
            detect::Anomaly a;
            a.id = QStringLiteral("an-backup-1");
            a.subjectType = QStringLiteral("server");
            a.subject = QStringLiteral("SQL01");
            a.eventTable = QStringLiteral("backup_sessions");
            a.eventIds = {QStringLiteral("SQL01-39")};
            a.timeMs = 1730000000000LL + 39 * 86'400'000LL;
            a.kinds = {QStringLiteral("backup_ransomware")};
            a.severity = detect::Severity::Critical;
            a.threatScore = 9;
            a.summary = QStringLiteral("Backup looks like encrypted data: dedup ratio 1.1 vs usual 3.0");
            a.reasons = {{QStringLiteral("backup_lstm"), a.summary, {}}};
            QCOMPARE(detect::insertAnomalies(db, {a}).valueOr(-1), 1);
        }
        backup->refresh();
        QVERIFY(QTest::qWaitFor([&] { return !backup->isLoading() && backup->sessionCount() == 40; }, 10000));
        QCOMPARE(backup->serverCount(), 2);
        QCOMPARE(backup->currentServer(), QStringLiteral("SQL01")); // opens on the most threatened server
        QCOMPARE(backup->flaggedCount(), 1);
        auto *sessions = backup->findChild<QTableView *>(QStringLiteral("backupSessions"));
        QVERIFY(sessions);
        QAbstractItemModelTester tester(sessions->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto *detail = backup->findChild<QTextBrowser *>(QStringLiteral("backupDetail"));
        QVERIFY(detail && detail->toPlainText().contains(QStringLiteral("Threat 9/10")));
        backup->showServer(QStringLiteral("WEB01"));
        QVERIFY(QTest::qWaitFor([&] { return !backup->isLoading() && backup->currentServer() == QStringLiteral("WEB01"); }, 10000));
        QCOMPARE(backup->flaggedCount(), 0);
        QVERIFY(backup->summary().contains(QStringLiteral("2 backup servers")));
    }

    void screenshotsEveryView()
    {
        const QString folder = temp_->path(QStringLiteral("shots"));
        ViewScreenshots shots(*window_, folder);
        QSignalSpy done(&shots, &ViewScreenshots::finished);
        shots.start();
        QVERIFY(done.wait(60000));
        QVERIFY2(done.at(0).at(0).toBool(), qPrintable(done.at(0).at(1).toString()));
        const QStringList files = done.at(0).at(2).toStringList();
        QCOMPARE(files.size(), 10);
        QVERIFY(files.contains(folder + QStringLiteral("/backup.png")));
        QVERIFY(files.contains(folder + QStringLiteral("/travel-map.png")));
        for (const QString &file : files)
            QVERIFY2(QImage(file).width() == ViewScreenshots::kWidth, qPrintable(file));
    }

private:
    bool allLoaded()
    {
        return QTest::qWaitFor([this] {
            for (CaseView *v : window_->views().all())
                if (v->isLoading())
                    return false;
            return true;
        }, 20000);
    }

    QThreadPool pool_;
    std::unique_ptr<test::TempFolder> temp_;
    std::unique_ptr<QSettings> qsettings_;
    std::unique_ptr<AppSettings> settings_;
    std::unique_ptr<MainWindow> window_;
};

QTEST_MAIN(TestCaseViews)
#include "test_case_views.moc"
