// The GUI's watch folders: a folder added for a case is listed in the Import view's panel, kept in the case (so it
// is watched again when the case reopens), and exports dropped into it raise alerts without blocking the window.
#include "test_support.h"

#include "simulate/demo_tenant.h"
#include "watch/watch_controller.h"
#include "watch/watched_folders_panel.h"

#include <QDirIterator>
#include <QListWidget>
#include <QSignalSpy>
#include <QtTest>

using namespace backsight;
using namespace backsight::ui;

class TestWatchFolders : public QObject
{
    Q_OBJECT
private slots:
    void droppedExportsRaiseAlertsAndTheFolderIsKept();
};

void TestWatchFolders::droppedExportsRaiseAlertsAndTheFolderIsKept()
{
    test::TempFolder temp;
    const QString dbPath = temp.path(QStringLiteral("case.sqlite"));
    const QString drop = temp.path(QStringLiteral("drop"));
    QVERIFY(QDir().mkpath(drop));
    QString error;
    {
        WatchController watches;
        watches.setIntervalMs(100);
        watches.setDatabase(dbPath);
        WatchedFoldersPanel panel(watches);
        QCOMPARE(panel.list()->count(), 1); // the "none yet" line
        QVERIFY(!panel.list()->isEnabled());
        QVERIFY(!watches.addFolder(temp.path(QStringLiteral("missing")), &error));
        QVERIFY(error.contains(QLatin1String("missing")));
        QSignalSpy alerts(&watches, &WatchController::alertRaised);
        QSignalSpy changed(&watches, &WatchController::caseChanged);
        QVERIFY2(watches.addFolder(drop, &error), qPrintable(error));
        QCOMPARE(panel.list()->count(), 1);
        QCOMPARE(panel.list()->item(0)->data(Qt::UserRole).toString(), QFileInfo(drop).absoluteFilePath());
        QVERIFY(!watches.addFolder(drop, &error)); // once

        DemoTenantOptions options;
        options.users = 20;
        options.days = 10;
        options.seed = 3;
        options.outDir = drop + QStringLiteral("/restore");
        QVERIFY(writeDemoTenant(options).ok);
        QTRY_VERIFY_WITH_TIMEOUT(!alerts.isEmpty(), 180000);
        QVERIFY(!changed.isEmpty());
        QVERIFY(alerts.first().at(0).toString().startsWith(QLatin1String("Backsight: ")));
    }
    WatchController reopened;
    reopened.setDatabase(dbPath);
    QCOMPARE(reopened.folders(), QStringList{QFileInfo(drop).absoluteFilePath()});
    reopened.removeFolder(reopened.folders().first());
    QVERIFY(reopened.folders().isEmpty());
    WatchController again;
    again.setDatabase(dbPath);
    QVERIFY(again.folders().isEmpty());
}

QTEST_MAIN(TestWatchFolders)
#include "test_watch_folders.moc"
