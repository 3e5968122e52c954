// Bad input gets a clear error and loses nothing: hostile archives, links out of a folder, read-only and
// locked databases, cancel, failures between good files, and a 2 GB file in bounded memory.
#include "ingest/importer.h"
#include "store/database.h"
#include "store/event_queries.h"
#include "test_support.h"

#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QtTest>

using namespace backsight;

class TestImportRobustness : public QObject
{
    Q_OBJECT
private slots:
    void zipEntriesThatEscapeAreRejected();
    void zipBombIsRejected();
    void archiveOverTotalLimitIsRejected();
    void nestedArchiveIsNamed();
    void folderLinksOutsideAreNotFollowed();
    void readOnlyDatabaseStopsWithNothingLost();
    void lockedDatabaseStopsWithNothingLost();
    void failureBetweenGoodFilesKeepsTheGoodOnes();
    void cancelKeepsFinishedFilesOnly();
    void invalidUtf8CsvIsRejectedAsAWhole();
    void twoGigabyteFileStreamsInBoundedMemory();

private:
    static qint64 count(Database &db, const QString &table)
    {
        QSqlQuery q(db.connection());
        return q.exec(QStringLiteral("SELECT count(*) FROM ") + table) && q.next() ? q.value(0).toLongLong() : -1;
    }
};

void TestImportRobustness::zipEntriesThatEscapeAreRejected()
{
    test::TempFolder tmp;
    const QString zip = tmp.path(QStringLiteral("export.zip"));
    QVERIFY(test::writeZip(zip, {{QStringLiteral("November 2024/Sign-in Logs/2024-11-01T10.json"), test::graphPage(QStringLiteral("ok"), 3)},
                                 {QStringLiteral("../escaped.json"), test::graphPage(QStringLiteral("evil"), 1)},
                                 {QStringLiteral("/etc/absolute.json"), test::graphPage(QStringLiteral("abs"), 1)},
                                 {QStringLiteral("a/../../b.json"), test::graphPage(QStringLiteral("mid"), 1)}}));
    Database db;
    QVERIFY(db.open(tmp.path(QStringLiteral("case.sqlite"))));
    const ImportReport report = Importer(db).run({zip});
    QCOMPARE(report.totalInserted(), 3);
    QCOMPARE(report.problems.size(), size_t(3));
    for (const InputProblem &p : report.problems)
        QVERIFY2(p.message.contains(QLatin1String("outside the archive")), qPrintable(p.message));
    QVERIFY(report.hasRejections());
    QVERIFY(!QFile::exists(tmp.path(QStringLiteral("escaped.json"))));
    QVERIFY(!QFile::exists(QDir::tempPath() + QStringLiteral("/escaped.json")));
    QCOMPARE(report.sources.front().path, zip + QStringLiteral("!/November 2024/Sign-in Logs/2024-11-01T10.json"));
    QSqlQuery q(db.connection());
    QVERIFY(q.exec(QStringLiteral("SELECT container, container_sha256 FROM sources")) && q.next());
    QCOMPARE(q.value(0).toString(), zip);
    QCOMPARE(q.value(1).toString().size(), 64);
}

void TestImportRobustness::zipBombIsRejected()
{
    test::TempFolder tmp;
    const QString zip = tmp.path(QStringLiteral("bomb.zip"));
    // 16 MB of white space inside a valid JSON array compresses about a thousand times.
    QByteArray bomb = "[";
    bomb += QByteArray(16 << 20, ' ');
    bomb += "]";
    QVERIFY(test::writeZip(zip, {{QStringLiteral("bomb.json"), bomb}, {QStringLiteral("fine.json"), test::graphPage(QStringLiteral("f"), 2)}}));
    QVERIFY(QFileInfo(zip).size() < 1 << 20);
    Database db;
    QVERIFY(db.open(tmp.path(QStringLiteral("case.sqlite"))));
    const ImportReport report = Importer(db).run({zip});
    QCOMPARE(report.problems.size(), size_t(1));
    QVERIFY2(report.problems.front().message.contains(QLatin1String("zip bomb")), qPrintable(report.problems.front().message));
    QCOMPARE(report.totalInserted(), 2);
}

void TestImportRobustness::archiveOverTotalLimitIsRejected()
{
    test::TempFolder tmp;
    const QString zip = tmp.path(QStringLiteral("big.zip"));
    QVERIFY(test::writeZip(zip, {{QStringLiteral("a.json"), test::graphPage(QStringLiteral("a"), 50)},
                                 {QStringLiteral("b.json"), test::graphPage(QStringLiteral("b"), 50)}}));
    Database db;
    QVERIFY(db.open(tmp.path(QStringLiteral("case.sqlite"))));
    ImportLimits limits;
    limits.maxArchiveBytes = 10000; // the two entries together are larger
    const ImportReport report = Importer(db, limits).run({zip});
    QCOMPARE(report.totalInserted(), 0);
    QCOMPARE(report.problems.size(), size_t(1));
    QVERIFY(report.problems.front().message.contains(QLatin1String("nothing was read")));
    QCOMPARE(count(db, QStringLiteral("signins")), 0);
}

void TestImportRobustness::nestedArchiveIsNamed()
{
    test::TempFolder tmp;
    const QString inner = tmp.path(QStringLiteral("inner.zip"));
    QVERIFY(test::writeZip(inner, {{QStringLiteral("x.json"), test::graphPage(QStringLiteral("x"), 1)}}));
    QFile f(inner);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString outer = tmp.path(QStringLiteral("outer.zip"));
    QVERIFY(test::writeZip(outer, {{QStringLiteral("inner.zip"), f.readAll()}}));
    Database db;
    QVERIFY(db.open(tmp.path(QStringLiteral("case.sqlite"))));
    const ImportReport report = Importer(db).run({outer});
    QCOMPARE(report.problems.size(), size_t(1));
    QVERIFY(report.problems.front().path.endsWith(QLatin1String("outer.zip!/inner.zip")));
}

void TestImportRobustness::folderLinksOutsideAreNotFollowed()
{
    test::TempFolder tmp;
    QVERIFY(test::writeFile(tmp.path(QStringLiteral("outside/secret.json")), test::graphPage(QStringLiteral("secret"), 4)));
    QVERIFY(test::writeFile(tmp.path(QStringLiteral("case/logs/a.json")), test::graphPage(QStringLiteral("a"), 2)));
    QVERIFY(QFile::link(tmp.path(QStringLiteral("outside/secret.json")), tmp.path(QStringLiteral("case/logs/link-out.json"))));
    QVERIFY(QFile::link(tmp.path(QStringLiteral("outside")), tmp.path(QStringLiteral("case/dir-out"))));
    QVERIFY(QFile::link(tmp.path(QStringLiteral("case/logs/a.json")), tmp.path(QStringLiteral("case/link-in.json"))));
    Database db;
    QVERIFY(db.open(tmp.path(QStringLiteral("case.sqlite"))));
    const ImportReport report = Importer(db).run({tmp.path(QStringLiteral("case"))});
    QCOMPARE(report.totalInserted(), 2);
    QCOMPARE(report.sources.size(), size_t(1)); // the inside link is read where its file is
    QCOMPARE(report.problems.size(), size_t(2));
    for (const InputProblem &p : report.problems)
        QVERIFY2(p.message.contains(QLatin1String("outside the folder")), qPrintable(p.message));
}

void TestImportRobustness::readOnlyDatabaseStopsWithNothingLost()
{
    test::TempFolder tmp;
    const QString path = tmp.path(QStringLiteral("case.sqlite"));
    {
        Database db;
        QVERIFY(db.open(path));
        QCOMPARE(Importer(db).run({test::dataPath(QStringLiteral("graph/signins_array.json"))}).totalInserted(), 12);
    }
    QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::ReadUser));
    Database db;
    QVERIFY2(db.open(path), qPrintable(db.error()));
    QVERIFY(db.isReadOnly());
    const ImportReport report = Importer(db).run({test::dataPath(QStringLiteral("graph/signins.jsonl"))});
    QVERIFY(report.storageError.contains(QLatin1String("read-only")));
    QCOMPARE(count(db, QStringLiteral("signins")), 12);
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
}

void TestImportRobustness::lockedDatabaseStopsWithNothingLost()
{
    test::TempFolder tmp;
    const QString path = tmp.path(QStringLiteral("case.sqlite"));
    Database holder;
    QVERIFY(holder.open(path));
    QCOMPARE(Importer(holder).run({test::dataPath(QStringLiteral("graph/signins_array.json"))}).totalInserted(), 12);
    QSqlQuery lock(holder.connection());
    QVERIFY(lock.exec(QStringLiteral("BEGIN EXCLUSIVE")));
    Database db;
    QVERIFY(db.open(path, 200));
    const ImportReport report = Importer(db).run({test::dataPath(QStringLiteral("graph/signins.jsonl")),
                                                  test::dataPath(QStringLiteral("graph/signins_page.json"))});
    QVERIFY2(report.storageError.contains(QLatin1String("lock")), qPrintable(report.storageError));
    QCOMPARE(report.totalInserted(), 0);
    QVERIFY(lock.exec(QStringLiteral("COMMIT")));
    QCOMPARE(count(db, QStringLiteral("signins")), 12);
    QCOMPARE(count(db, QStringLiteral("sources")), 1);
}

void TestImportRobustness::failureBetweenGoodFilesKeepsTheGoodOnes()
{
    test::TempFolder tmp;
    Database db;
    QVERIFY(db.open(tmp.path(QStringLiteral("case.sqlite"))));
    const ImportReport report = Importer(db).run({test::dataPath(QStringLiteral("graph/signins_array.json")),
                                                  test::dataPath(QStringLiteral("bad/truncated.json")),
                                                  test::dataPath(QStringLiteral("graph/signins.jsonl"))});
    QCOMPARE(report.sources.size(), size_t(3));
    QVERIFY(report.sources[1].error.contains(QLatin1String("truncated")));
    QVERIFY(report.sources[1].error.contains(QLatin1String("record 4")));
    QCOMPARE(count(db, QStringLiteral("signins")), 24);
    QCOMPARE(count(db, QStringLiteral("sources")), 2);
}

void TestImportRobustness::cancelKeepsFinishedFilesOnly()
{
    test::TempFolder tmp;
    for (int i = 0; i < 3; ++i)
        QVERIFY(test::writeFile(tmp.path(QStringLiteral("in/%1.json").arg(i)), test::graphPage(QStringLiteral("f%1").arg(i), 1000)));
    Database db;
    QVERIFY(db.open(tmp.path(QStringLiteral("case.sqlite"))));
    const ImportReport report = Importer(db).run({tmp.path(QStringLiteral("in"))}, [](const ImportProgress &p) {
        return p.sourceIndex < 1; // cancel while reading the second file
    });
    QVERIFY(report.cancelled);
    QCOMPARE(report.sources.size(), size_t(2));
    QVERIFY(report.sources[1].cancelled);
    QCOMPARE(count(db, QStringLiteral("signins")), 1000);
    QCOMPARE(count(db, QStringLiteral("sources")), 1);
}

void TestImportRobustness::invalidUtf8CsvIsRejectedAsAWhole()
{
    test::TempFolder tmp;
    QByteArray csv = "Date (UTC),Request ID,Username,IP address,Location\n"
                     "2024-11-01T10:00:00Z,r1,a@contoso.com,203.0.113.1,\"Wellington, Wellington, NZ\"\n"
                     "2024-11-01T10:05:00Z,r2,b\xff\xfe@contoso.com,203.0.113.2,\"Sydney, New South Wales, AU\"\n";
    QVERIFY(test::writeFile(tmp.path(QStringLiteral("portal.csv")), csv));
    Database db;
    QVERIFY(db.open(tmp.path(QStringLiteral("case.sqlite"))));
    const ImportReport report = Importer(db).run({tmp.path(QStringLiteral("portal.csv"))});
    QCOMPARE(report.sources.size(), size_t(1));
    QVERIFY2(report.sources[0].error.contains(QLatin1String("invalid UTF-8")), qPrintable(report.sources[0].error));
    QVERIFY(report.sources[0].error.contains(QLatin1String("line 3")));
    QCOMPARE(count(db, QStringLiteral("signins")), 0);
}

void TestImportRobustness::twoGigabyteFileStreamsInBoundedMemory()
{
    test::TempFolder tmp;
    const QString path = tmp.path(QStringLiteral("huge.json"));
    {
        // The same few thousand records again and again: 2 GiB to read, little to store.
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QByteArray block;
        for (int i = 0; i < 4000; ++i)
            block += test::graphSignIn(QStringLiteral("rep-%1").arg(i)) + ",\n";
        f.write("[");
        // 2 GiB; a tenth under a sanitizer (10x slower), which still dwarfs the memory bound checked below.
        const qint64 target = (2LL << 30) / test::sanitizerSlowdown();
        while (f.size() < target)
            f.write(block);
        f.write(test::graphSignIn(QStringLiteral("last")) + "]");
    }
    const qint64 before = test::peakResidentBytes();
    Database db;
    QVERIFY(db.open(tmp.path(QStringLiteral("case.sqlite"))));
    const ImportReport report = Importer(db).run({path});
    QVERIFY2(report.sources.front().error.isEmpty(), qPrintable(report.sources.front().error));
    qInfo("read %lld records", report.totalRead());
    QVERIFY(report.totalRead() > 5'000'000 / test::sanitizerSlowdown());
    QCOMPARE(report.totalInserted(), 4001);
    const qint64 grown = test::peakResidentBytes() - before;
    qInfo("read %lld records from %lld bytes; peak memory grew by %lld MB", report.totalRead(),
          QFileInfo(path).size(), grown >> 20);
    QVERIFY2(grown < 400LL << 20, "memory grew with the file: not streamed");
    QFile::remove(path);
}

QTEST_GUILESS_MAIN(TestImportRobustness)
#include "test_import_robustness.moc"
