// The folder watcher: files dropped into a watched folder while it runs are imported once their size holds,
// detection runs on the new events, and every new high/critical anomaly is raised exactly once, across restarts.
// Files still being written, deleted files and files that are not exports do not stop it.
#include "test_support.h"

#include "detect/anomaly_repository.h"
#include "simulate/demo_tenant.h"
#include "store/database.h"
#include "store/watch_store.h"
#include "watch/folder_watcher.h"

#include <QDirIterator>
#include <QSignalSpy>
#include <QtTest>

using namespace backsight;

class TestFolderWatcher : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void dropWhileRunningRaisesEachNewAnomalyOnce();
    void waitsForFilesToHoldTheirSize();
    void survivesDeletedAndRejectedFiles();
    void refusesAMissingFolder();

private:
    // Copies the tenant's files of days before (or from) `splitDay` into `drop`, keeping the folder layout.
    int copyDays(const QString &drop, bool before);
    QSet<QString> severeAnomalies(const QString &dbPath);
    QString tenant_;
    test::TempFolder temp_;
    static inline const QString kSplit = QStringLiteral("2024-11-27");
};

void TestFolderWatcher::initTestCase()
{
    DemoTenantOptions options;
    options.users = 20;
    options.days = 10;
    options.seed = 3;
    options.outDir = temp_.path(QStringLiteral("tenant"));
    const DemoTenantResult result = writeDemoTenant(options);
    QVERIFY2(result.ok, qPrintable(result.error));
    tenant_ = options.outDir;
}

int TestFolderWatcher::copyDays(const QString &drop, bool before)
{
    int copied = 0;
    QDirIterator it(tenant_, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QFileInfo file(it.next());
        if ((file.fileName() < kSplit) != before)
            continue;
        const QString target = drop + QLatin1Char('/') + QDir(tenant_).relativeFilePath(file.absoluteFilePath());
        QDir().mkpath(QFileInfo(target).absolutePath());
        if (QFile::copy(file.absoluteFilePath(), target))
            ++copied;
    }
    return copied;
}

QSet<QString> TestFolderWatcher::severeAnomalies(const QString &dbPath)
{
    Database db;
    QSet<QString> ids;
    detect::AnomalyFilter filter;
    filter.minSeverity = detect::Severity::High;
    if (!db.open(dbPath))
        return ids;
    const Status read = detect::forEachAnomaly(db, filter, [&](const detect::Anomaly &a) {
        ids.insert(a.id);
        return true;
    });
    if (!read)
        qWarning("%s", qPrintable(read.error().message));
    return ids;
}

namespace {
int rememberedFiles(const QString &dbPath)
{
    Database db;
    if (!db.open(dbPath))
        return -1;
    const auto files = watchedFiles(db);
    return files ? int(files->size()) : -1;
}

QStringList alertIds(const QSignalSpy &spy, int from = 0)
{
    QStringList ids;
    for (int i = from; i < spy.size(); ++i)
        ids << spy.at(i).at(0).value<detect::Anomaly>().id;
    return ids;
}
} // namespace

void TestFolderWatcher::dropWhileRunningRaisesEachNewAnomalyOnce()
{
    const QString drop = temp_.path(QStringLiteral("drop"));
    const QString dbPath = temp_.path(QStringLiteral("watched.sqlite"));
    QVERIFY(QDir().mkpath(drop));
    WatchOptions options;
    options.folders = {drop};
    options.intervalMs = 100;
    auto watcher = std::make_unique<FolderWatcher>(dbPath, options);
    QSignalSpy alerts(watcher.get(), &FolderWatcher::alert);
    QSignalSpy problems(watcher.get(), &FolderWatcher::problem);
    QVERIFY(watcher->start());
    QCOMPARE(alerts.size(), 0);

    // The first days arrive while it runs.
    const int first = copyDays(drop, true);
    QVERIFY(first > 100);
    QTRY_COMPARE_WITH_TIMEOUT(rememberedFiles(dbPath), first, 120000);
    const QStringList firstAlerts = alertIds(alerts);
    QVERIFY(!firstAlerts.isEmpty());
    QCOMPARE(QSet<QString>(firstAlerts.begin(), firstAlerts.end()), severeAnomalies(dbPath));
    QCOMPARE(QSet<QString>(firstAlerts.begin(), firstAlerts.end()).size(), firstAlerts.size());

    // Then the rest: only the anomalies they bring are raised.
    const int second = copyDays(drop, false);
    QVERIFY(second > 10);
    QTRY_COMPARE_WITH_TIMEOUT(rememberedFiles(dbPath), first + second, 120000);
    const QStringList secondAlerts = alertIds(alerts, int(firstAlerts.size()));
    QVERIFY2(!secondAlerts.isEmpty(), "the later days hold attacks: they must raise alerts");
    QStringList all = firstAlerts + secondAlerts;
    QCOMPARE(QSet<QString>(all.begin(), all.end()).size(), all.size()); // each once
    QCOMPARE(QSet<QString>(all.begin(), all.end()), severeAnomalies(dbPath));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.isEmpty() ? QString() : problems.first().first().toString()));

    // A restart: nothing is imported again and nothing is raised again.
    watcher.reset();
    FolderWatcher again(dbPath, options);
    QSignalSpy againAlerts(&again, &FolderWatcher::alert);
    QVERIFY(again.start());
    for (int i = 0; i < 2; ++i) {
        const Result<WatchCycle> cycle = again.poll();
        QVERIFY(cycle);
        QVERIFY(cycle->imported.isEmpty());
        QCOMPARE(cycle->eventsNew, qint64(0));
    }
    QCOMPARE(againAlerts.size(), 0);
}

void TestFolderWatcher::waitsForFilesToHoldTheirSize()
{
    const QString drop = temp_.path(QStringLiteral("slow"));
    const QString dbPath = temp_.path(QStringLiteral("slow.sqlite"));
    QVERIFY(QDir().mkpath(drop));
    QDirIterator it(tenant_, {QStringLiteral("*.json")}, QDir::Files, QDirIterator::Subdirectories);
    QVERIFY(it.hasNext());
    QFile source(it.next());
    QVERIFY(source.open(QIODevice::ReadOnly));
    const QByteArray bytes = source.readAll();

    WatchOptions options;
    options.folders = {drop};
    options.intervalMs = 3'600'000; // the test looks by itself
    FolderWatcher watcher(dbPath, options);
    QVERIFY(watcher.start());
    const QString target = drop + QStringLiteral("/signins.json");
    QVERIFY(test::writeFile(target, bytes.left(bytes.size() / 2))); // a copy in progress
    Result<WatchCycle> cycle = watcher.poll();
    QVERIFY(cycle && cycle->imported.isEmpty() && cycle->rejected.isEmpty()); // first seen: wait
    QFile growing(target);
    QVERIFY(growing.open(QIODevice::Append));
    growing.write(bytes.mid(bytes.size() / 2));
    growing.close();
    cycle = watcher.poll();
    QVERIFY(cycle && cycle->imported.isEmpty() && cycle->rejected.isEmpty()); // it grew: wait again
    cycle = watcher.poll();
    QVERIFY(cycle);
    QCOMPARE(cycle->imported, QStringList{QFileInfo(target).absoluteFilePath()}); // it held its size: in
    QVERIFY(cycle->rejected.isEmpty());
    QVERIFY(cycle->eventsNew > 0);
    cycle = watcher.poll();
    QVERIFY(cycle && cycle->imported.isEmpty()); // once
}

void TestFolderWatcher::survivesDeletedAndRejectedFiles()
{
    const QString drop = temp_.path(QStringLiteral("messy"));
    const QString dbPath = temp_.path(QStringLiteral("messy.sqlite"));
    QVERIFY(QDir().mkpath(drop));
    WatchOptions options;
    options.folders = {drop};
    options.intervalMs = 3'600'000;
    FolderWatcher watcher(dbPath, options);
    QSignalSpy problems(&watcher, &FolderWatcher::problem);
    QVERIFY(watcher.start());
    QVERIFY(test::writeFile(drop + QStringLiteral("/gone.json"), "[{\"id\": 1"));
    QVERIFY(test::writeFile(drop + QStringLiteral("/notes.txt"), "not a log export\n"));
    QVERIFY(test::writeFile(drop + QStringLiteral("/copying.json.part"), "[")); // a download in progress
    QVERIFY(watcher.poll());
    QVERIFY(QFile::remove(drop + QStringLiteral("/gone.json"))); // deleted before it held its size
    Result<WatchCycle> cycle = watcher.poll();
    QVERIFY(cycle);
    QVERIFY(cycle->imported.isEmpty());
    QCOMPARE(cycle->rejected.size(), 1); // notes.txt, named with why
    QVERIFY2(cycle->rejected.first().contains(QLatin1String("notes.txt")), qPrintable(cycle->rejected.first()));
    cycle = watcher.poll();
    QVERIFY(cycle && cycle->rejected.isEmpty()); // refused once, not at every look
    QVERIFY(problems.isEmpty());
}

void TestFolderWatcher::refusesAMissingFolder()
{
    WatchOptions options;
    options.folders = {temp_.path(QStringLiteral("no-such-folder"))};
    FolderWatcher watcher(temp_.path(QStringLiteral("never.sqlite")), options);
    const Status s = watcher.start();
    QVERIFY(!s);
    QCOMPARE(s.error().category, Error::Category::BadInput);
    QVERIFY(s.error().message.contains(QLatin1String("no-such-folder")));
    QVERIFY(!QFileInfo::exists(temp_.path(QStringLiteral("never.sqlite"))));
}

QTEST_GUILESS_MAIN(TestFolderWatcher)
#include "test_folder_watcher.moc"
