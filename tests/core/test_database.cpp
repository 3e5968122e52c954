// The case database: created and migrated at open, WAL, refuses what it cannot understand.
#include "store/database.h"
#include "store/migrations.h"
#include "test_support.h"

#include <QSqlQuery>
#include <QtTest>

using namespace backsight;

class TestDatabase : public QObject
{
    Q_OBJECT
private slots:
    void createsAndMigrates();
    void reopeningKeepsData();
    void newerSchemaIsRefused();
    void readOnlyFileOpensForReading();
    void unopenablePathSaysWhy();
};

void TestDatabase::createsAndMigrates()
{
    test::TempFolder tmp;
    Database db;
    QVERIFY2(db.open(tmp.path(QStringLiteral("sub/dir/case.sqlite"))), qPrintable(db.error()));
    QCOMPARE(db.schemaVersion(), int(schemaMigrations().size()));
    QSqlQuery q(db.connection());
    QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
    for (const char *table : {"sources", "signins", "service_signins", "audits", "originals"}) {
        QSqlQuery t(db.connection());
        QVERIFY2(t.exec(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table))), table);
    }
}

void TestDatabase::reopeningKeepsData()
{
    test::TempFolder tmp;
    const QString path = tmp.path(QStringLiteral("case.sqlite"));
    {
        Database db;
        QVERIFY(db.open(path));
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(QStringLiteral("INSERT INTO sources (path, sha256, size_bytes, reader, records_read, records_new, "
                                      "records_rejected, imported_at, last_imported_at) VALUES ('a', 'b', 1, 'r', 0, 0, 0, 0, 0)")));
    }
    Database db;
    QVERIFY(db.open(path));
    QSqlQuery q(db.connection());
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM sources")) && q.next());
    QCOMPARE(q.value(0).toInt(), 1);
}

void TestDatabase::newerSchemaIsRefused()
{
    test::TempFolder tmp;
    const QString path = tmp.path(QStringLiteral("case.sqlite"));
    {
        Database db;
        QVERIFY(db.open(path));
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 99")));
    }
    Database db;
    QVERIFY(!db.open(path));
    QVERIFY2(db.error().contains(QLatin1String("newer than this Backsight")), qPrintable(db.error()));
}

void TestDatabase::readOnlyFileOpensForReading()
{
    test::TempFolder tmp;
    const QString path = tmp.path(QStringLiteral("case.sqlite"));
    {
        Database db;
        QVERIFY(db.open(path));
    }
    QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::ReadGroup));
    Database db;
    QVERIFY2(db.open(path), qPrintable(db.error()));
    QVERIFY(db.isReadOnly());
    QSqlQuery q(db.connection());
    QVERIFY(!q.exec(QStringLiteral("DELETE FROM sources")));
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM signins")));
}

void TestDatabase::unopenablePathSaysWhy()
{
    test::TempFolder tmp;
    QVERIFY(test::writeFile(tmp.path(QStringLiteral("file")), "x"));
    Database db;
    QVERIFY(!db.open(tmp.path(QStringLiteral("file/case.sqlite"))));
    QVERIFY2(db.error().contains(tmp.path(QStringLiteral("file"))), qPrintable(db.error()));
}

QTEST_GUILESS_MAIN(TestDatabase)
#include "test_database.moc"
