// Drives the real main window offscreen: empty state, import through the menu's entry point, the
// problems dialog for a damaged file, one import at a time, drag and drop, filtering, the detail pane.
#include "app_settings.h"
#include "dialogs/import_problems_dialog.h"
#include "main_window.h"
#include "sign_in_fixture.h"
#include "test_support.h"
#include "views/signins/sign_in_detail_pane.h"
#include "views/signins/sign_in_filter_bar.h"
#include "views/signins/sign_ins_model.h"
#include "views/signins/sign_ins_view.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QMimeData>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QThreadPool>
#include <QUrl>

using namespace backsight;
using namespace backsight::ui;
using Fixture = backsight::test::SignInFixture;

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        temp_ = std::make_unique<test::TempFolder>();
        qsettings_ = std::make_unique<QSettings>(temp_->path(QStringLiteral("settings.ini")), QSettings::IniFormat);
        settings_ = std::make_unique<AppSettings>(*qsettings_);
        window_ = std::make_unique<MainWindow>(*settings_, pool_);
        QString error;
        QVERIFY2(window_->openDatabase(temp_->path(QStringLiteral("case.sqlite")), &error), qPrintable(error));
        window_->showView(window_->signInsView()); // these tests are about the sign-ins view (Ctrl+3)
        window_->show();
    }

    void cleanup()
    {
        window_.reset();
        pool_.waitForDone();
        settings_.reset();
        qsettings_.reset();
        temp_.reset();
    }

    void saysWhatToDoWhenEmpty()
    {
        QVERIFY(window_->signInsView()->emptyStateText().startsWith(QLatin1String("No sign-ins yet")));
        QVERIFY(window_->signInsView()->emptyStateText().contains(QLatin1String("Import")));
        QCOMPARE(window_->viewSummary(), QStringLiteral("0 of 0 sign-ins"));
        QCOMPARE(window_->windowTitle(), QStringLiteral("case.sqlite — Backsight"));
        QVERIFY(!window_->windowIcon().pixmap(32, 32).isNull()); // the SVG resource and its image plugin
    }

    void importsFilesFromTheMenuEntryPoint()
    {
        const QString a = writePage(QStringLiteral("a.json"), 0, 700);
        const QString b = writePage(QStringLiteral("b.json"), 700, 50);
        QVERIFY(importAndWait({a, b}));
        SignInsView *view = window_->signInsView();
        QVERIFY(view->emptyStateText().isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(view->model()->totalCount(), qint64(750), 5000); // counted on the pool
        QCOMPARE(view->table()->model()->rowCount(), SignInsModel::kPageSize); // lazily: one page
        QCOMPARE(window_->viewSummary(), QStringLiteral("750 of 750 sign-ins"));
        QVERIFY(!window_->findChild<ImportProblemsDialog *>()); // nothing rejected, nothing to show
    }

    void listsADamagedFileInTheProblemsDialog()
    {
        const QString good = writePage(QStringLiteral("good.json"), 0, 20);
        const QByteArray page = Fixture::page(100, 20);
        const QString truncated = temp_->path(QStringLiteral("truncated.json"));
        QVERIFY(test::writeFile(truncated, page.left(page.size() / 2)));
        QVERIFY(importAndWait({good, truncated}));
        QCOMPARE(window_->signInsView()->model()->totalCount(), qint64(20)); // the good file still counts

        auto *dialog = window_->findChild<ImportProblemsDialog *>();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        const QTableWidget *table = dialog->table();
        QVERIFY(table->rowCount() >= 1);
        bool named = false;
        for (int row = 0; row < table->rowCount(); ++row)
            named = named || table->item(row, 0)->text().endsWith(QLatin1String("truncated.json"));
        QVERIFY2(named, qPrintable(dialog->problemsAsText()));
        QVERIFY(dialog->problemsAsText().contains(QLatin1String("truncated.json")));
        QVERIFY(!dialog->problemsAsText().contains(QLatin1String("good.json")));
    }

    void runsOneImportAtATime()
    {
        const QString a = writePage(QStringLiteral("a.json"), 0, 100);
        QSignalSpy finished(window_.get(), &MainWindow::importFinished);
        QVERIFY(window_->importPaths({a}));
        // The first job's finished() is queued to this thread, so it is still running here.
        QVERIFY(window_->isImporting());
        QVERIFY(!window_->importPaths({a}));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 5000);
        QVERIFY(!window_->isImporting());
        QTest::qWait(50);
        QCOMPARE(finished.count(), 1); // the refused one never ran
    }

    void importsDroppedFiles()
    {
        const QString a = writePage(QStringLiteral("dropped.json"), 0, 30);
        QSignalSpy finished(window_.get(), &MainWindow::importFinished);
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(a)});
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(window_.get(), &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(window_.get(), &drop);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 5000);
        QCOMPARE(window_->signInsView()->model()->totalCount(), qint64(30));
    }

    void filterBarNarrowsTheTable()
    {
        QVERIFY(importAndWait({writePage(QStringLiteral("a.json"), 0, 200)}));
        auto *text = window_->findChild<QLineEdit *>(QStringLiteral("signInFilterText"));
        QVERIFY(text);
        text->setText(QStringLiteral("user07@"));
        // user07 signs in at i = 7, 44, 81, 118, 155, 192.
        QTRY_COMPARE_WITH_TIMEOUT(window_->viewSummary(), QStringLiteral("6 of 200 sign-ins"), 3000);
        QCOMPARE(window_->signInsView()->model()->rowCount(), 6);
    }

    void headerClickSortsInTheDatabase()
    {
        QVERIFY(importAndWait({writePage(QStringLiteral("a.json"), 0, 600)}));
        QTableView *table = window_->signInsView()->table();
        QHeaderView *header = table->horizontalHeader();
        const int x = header->sectionViewportPosition(SignInsModel::User) + header->sectionSize(SignInsModel::User) / 2;
        QTest::mouseClick(header->viewport(), Qt::LeftButton, Qt::NoModifier, QPoint(x, header->height() / 2));
        SignInsModel *model = window_->signInsView()->model();
        QCOMPARE(model->sortColumn(), int(SignInsModel::User));
        // Sorted by SQL over all 600, not just the 500 loaded: user00 comes first.
        QCOMPARE(model->index(0, SignInsModel::User).data().toString(), QStringLiteral("user00@contoso.com"));
        QCOMPARE(model->rowCount(), SignInsModel::kPageSize);
    }

    void selectingASignInShowsItsDetail()
    {
        QVERIFY(importAndWait({writePage(QStringLiteral("a.json"), 0, 10)}));
        SignInsView *view = window_->signInsView();
        QVERIFY(!view->detailPane()->isVisible()); // no room taken before anything is selected
        view->selectRow(0); // newest first: sign-in 9
        SignInDetailPane *detail = view->detailPane();
        QVERIFY(detail->isVisible());
        const QString id = QStringLiteral("00000000-0000-4000-8000-000000000009");
        QCOMPARE(detail->shownEventId(), id);
        QVERIFY(detail->originalRecordText().contains(QStringLiteral("\"id\": \"%1\"").arg(id)));
        QVERIFY(detail->fieldTable()->rowCount() > 30);
        // After a refresh the analyst still looks at the same sign-in.
        window_->signInsView()->refresh();
        QCOMPARE(detail->shownEventId(), id);
    }

    void keyboardShortcutsReachTheView()
    {
        QVERIFY(importAndWait({writePage(QStringLiteral("a.json"), 0, 10)}));
        QVERIFY(QTest::qWaitForWindowActive(window_.get()));
        auto *text = window_->findChild<QLineEdit *>(QStringLiteral("signInFilterText"));
        window_->signInsView()->table()->setFocus();
        QTest::keyClick(window_.get(), Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(text->hasFocus());

        // F5 re-reads the database: sign-ins imported behind the window's back appear.
        const QString more = writePage(QStringLiteral("more.json"), 10, 5);
        QCOMPARE(test::importInto(temp_->path(QStringLiteral("case.sqlite")), {more}).totalInserted(), qint64(5));
        QCOMPARE(window_->viewSummary(), QStringLiteral("10 of 10 sign-ins"));
        QTest::keyClick(window_.get(), Qt::Key_F5);
        QTRY_COMPARE(window_->viewSummary(), QStringLiteral("15 of 15 sign-ins"));
    }

    void selectedRowStaysInSightWhenTheDetailOpens()
    {
        QVERIFY(importAndWait({writePage(QStringLiteral("a.json"), 0, 200)}));
        window_->resize(1200, 800);
        QTRY_COMPARE(window_->size(), QSize(1200, 800));
        SignInsView *view = window_->signInsView();
        QTableView *table = view->table();
        // A row below what fits: selecting scrolls it to the bottom edge, then the pane takes height.
        const int row = table->rowAt(table->viewport()->height() - 2) + 20;
        QVERIFY(row > 30);
        QCoreApplication::processEvents(); // settle the layout first, as an analyst's click would find it
        view->selectRow(row);
        QTRY_VERIFY(view->detailPane()->isVisible());
        QTRY_VERIFY(table->viewport()->rect().contains(table->visualRect(view->model()->index(row, 0))));
    }

    void remembersItsGeometry()
    {
        window_->resize(900, 640);
        QTRY_COMPARE(window_->size(), QSize(900, 640));
        window_->close(); // closing saves geometry and state
        QThreadPool pool;
        MainWindow reopened(*settings_, pool);
        QCOMPARE(reopened.size(), QSize(900, 640));
    }

    void remembersRecentDatabases()
    {
        QVERIFY(window_->openDatabase(temp_->path(QStringLiteral("second.sqlite"))));
        const QStringList recent = settings_->recentDatabases();
        QCOMPARE(recent.size(), 2);
        QVERIFY(recent.first().endsWith(QLatin1String("second.sqlite")));
        QVERIFY(settings_->lastDatabase().endsWith(QLatin1String("second.sqlite")));
        QCOMPARE(window_->windowTitle(), QStringLiteral("second.sqlite — Backsight"));
    }

private:
    QString writePage(const QString &name, int first, int count)
    {
        const QString path = temp_->path(name);
        return test::writeFile(path, Fixture::page(first, count)) ? path : QString();
    }

    bool importAndWait(const QStringList &paths)
    {
        QSignalSpy finished(window_.get(), &MainWindow::importFinished);
        if (!window_->importPaths(paths))
            return false;
        return finished.wait(8000) && finished.count() == 1;
    }

    QThreadPool pool_;
    std::unique_ptr<test::TempFolder> temp_;
    std::unique_ptr<QSettings> qsettings_;
    std::unique_ptr<AppSettings> settings_;
    std::unique_ptr<MainWindow> window_;
};

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
