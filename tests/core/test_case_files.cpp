// Case files that are not what this Backsight writes (docs/robustness.md): a case from a newer version is
// refused with its version named; a corrupted file gives a clear message and is never recreated or
// "repaired"; a populated case of every earlier schema version upgrades with all of its rows intact.
#include "store/database.h"
#include "store/migrations.h"
#include "sql_fixture.h"
#include "test_support.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

using namespace backsight;

namespace {

QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

// A raw SQLite connection (no Backsight migrations) for building old schemas and reading rows back.
class RawDb
{
public:
    explicit RawDb(const QString &path) : name_(QStringLiteral("raw-%1").arg(++counter_))
    {
        db_ = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name_);
        db_.setDatabaseName(path);
        db_.open();
    }
    ~RawDb()
    {
        db_.close();
        db_ = {};
        QSqlDatabase::removeDatabase(name_);
    }
    bool exec(const QString &sql)
    {
        QSqlQuery q(db_);
        if (q.exec(sql))
            return true;
        qWarning("%s: %s", qPrintable(sql.left(80)), qPrintable(q.lastError().text()));
        return false;
    }
    QSqlDatabase &db() { return db_; }

    // Every row of every table as text (tables in name order, rows sorted, columns by name), for
    // the tables and columns listed in `only` when given.
    QMap<QString, QStringList> dump(const QMap<QString, QStringList> &only = {})
    {
        QSqlQuery tables(db_);
        tables.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"));
        QStringList names;
        while (tables.next())
            names << tables.value(0).toString();
        return test::dumpTables(db_, names, only);
    }

    // Table → column names.
    QMap<QString, QStringList> columns()
    {
        QMap<QString, QStringList> out;
        QSqlQuery tables(db_);
        tables.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"));
        while (tables.next()) {
            QSqlQuery info(db_);
            info.exec(QStringLiteral("PRAGMA table_info(\"%1\")").arg(tables.value(0).toString()));
            while (info.next())
                out[tables.value(0).toString()] << info.value(1).toString();
        }
        return out;
    }

    // Two rows in every table, every column filled with a value of its declared type; foreign keys
    // point at row 1 of the table they reference (tables are filled in dependency order).
    bool populate()
    {
        QSqlQuery tables(db_);
        tables.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"));
        QStringList pending;
        while (tables.next())
            pending << tables.value(0).toString();
        QSet<QString> filled;
        while (!pending.isEmpty()) {
            bool progress = false;
            for (const QString &table : QStringList(pending)) {
                QSqlQuery fks(db_);
                fks.exec(QStringLiteral("PRAGMA foreign_key_list(\"%1\")").arg(table));
                QMap<QString, QString> refs; // column → referenced table
                bool ready = true;
                while (fks.next()) {
                    refs.insert(fks.value(3).toString(), fks.value(2).toString());
                    ready = ready && (filled.contains(fks.value(2).toString()) || fks.value(2).toString() == table);
                }
                if (!ready)
                    continue;
                for (int row = 1; row <= 2; ++row) {
                    if (!insertRow(table, row, refs))
                        return false;
                }
                filled.insert(table);
                pending.removeAll(table);
                progress = true;
            }
            if (!progress)
                return false;
        }
        return true;
    }

private:
    bool insertRow(const QString &table, int row, const QMap<QString, QString> &refs)
    {
        QSqlQuery info(db_);
        info.exec(QStringLiteral("PRAGMA table_info(\"%1\")").arg(table));
        QStringList names, marks;
        QVariantList values;
        while (info.next()) {
            const QString column = info.value(1).toString();
            const QString type = info.value(2).toString().toUpper();
            names << QLatin1Char('"') + column + QLatin1Char('"');
            marks << QStringLiteral("?");
            if (refs.contains(column))
                values << firstKeyOf(refs.value(column));
            else if (type.contains(QLatin1String("INT")))
                values << qint64(row) * 1000 + names.size();
            else if (type.contains(QLatin1String("REAL")))
                values << row + names.size() / 8.0;
            else if (type.contains(QLatin1String("BLOB")))
                values << QVariant(QByteArray("blob-").append(QByteArray::number(row)));
            else
                values << QStringLiteral("%1-%2-%3 ✓ ünï").arg(table, column).arg(row);
        }
        QSqlQuery insert(db_);
        insert.prepare(QStringLiteral("INSERT INTO \"%1\" (%2) VALUES (%3)").arg(table, names.join(QLatin1Char(',')), marks.join(QLatin1Char(','))));
        for (const QVariant &v : values)
            insert.addBindValue(v);
        if (insert.exec())
            return true;
        qWarning("insert into %s: %s", qPrintable(table), qPrintable(insert.lastError().text()));
        return false;
    }

    QVariant firstKeyOf(const QString &table)
    {
        QSqlQuery q(db_);
        q.exec(QStringLiteral("PRAGMA table_info(\"%1\")").arg(table));
        QString key = QStringLiteral("rowid");
        while (q.next())
            if (q.value(5).toInt() == 1)
                key = q.value(1).toString();
        q.exec(QStringLiteral("SELECT \"%1\" FROM \"%2\" ORDER BY rowid LIMIT 1").arg(key, table));
        return q.next() ? q.value(0) : QVariant();
    }

    static inline int counter_ = 0;
    QString name_;
    QSqlDatabase db_;
};

} // namespace

class TestCaseFiles : public QObject
{
    Q_OBJECT

private slots:
    void newerSchemaIsRefusedWithItsVersion();
    void corruptedFileIsNamedAndLeftAlone_data();
    void corruptedFileIsNamedAndLeftAlone();
    void everyEarlierSchemaUpgradesWithItsData_data();
    void everyEarlierSchemaUpgradesWithItsData();

private:
    test::TempFolder tmp_;
};

void TestCaseFiles::newerSchemaIsRefusedWithItsVersion()
{
    const QString path = tmp_.path(QStringLiteral("newer.sqlite"));
    {
        Database db;
        QVERIFY2(db.open(path), qPrintable(db.error()));
    }
    const int newer = int(schemaMigrations().size()) + 3;
    {
        RawDb raw(path);
        QVERIFY(raw.exec(QStringLiteral("PRAGMA user_version = %1").arg(newer)));
        QVERIFY(raw.exec(QStringLiteral("CREATE TABLE from_the_future (x)")));
    }
    const QByteArray before = fileHash(path);
    Database db;
    QVERIFY(!db.open(path));
    QVERIFY2(db.error().contains(QStringLiteral("schema version %1").arg(newer)), qPrintable(db.error()));
    QVERIFY2(db.error().contains(QLatin1String("newer")), qPrintable(db.error()));
    QCOMPARE(fileHash(path), before); // refused means untouched
}

void TestCaseFiles::corruptedFileIsNamedAndLeftAlone_data()
{
    QTest::addColumn<QString>("damage");
    QTest::newRow("not a database") << QStringLiteral("garbage");
    QTest::newRow("header overwritten") << QStringLiteral("header");
    QTest::newRow("schema page overwritten") << QStringLiteral("schema");
    QTest::newRow("empty file with journal") << QStringLiteral("zeros");
}

void TestCaseFiles::corruptedFileIsNamedAndLeftAlone()
{
    QFETCH(QString, damage);
    const QString path = tmp_.path(QStringLiteral("corrupt-%1.sqlite").arg(damage));
    {
        Database db;
        QVERIFY2(db.open(path), qPrintable(db.error()));
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
    }
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadWrite));
    QByteArray bytes = f.readAll();
    if (damage == QLatin1String("garbage"))
        bytes = QByteArray("this is not a Backsight case at all, just text\n").repeated(200);
    else if (damage == QLatin1String("header"))
        bytes.replace(0, 100, QByteArray(100, '\x5a'));
    else if (damage == QLatin1String("schema"))
        bytes.replace(100, 3900, QByteArray(3900, '\xa5')); // page 1 holds sqlite_master
    else
        bytes = QByteArray(bytes.size(), '\0');
    QVERIFY(f.resize(0) && f.write(bytes) == bytes.size());
    f.close();
    const QByteArray before = fileHash(path);
    Database db;
    const bool opened = db.open(path);
    if (opened) {
        // SQLite may open a file whose damage lies past what opening reads; then the integrity check says so.
        QSqlQuery q(db.connection());
        QVERIFY(!q.exec(QStringLiteral("PRAGMA integrity_check")) || (q.next() && q.value(0).toString() != QLatin1String("ok")));
    } else {
        QVERIFY2(db.error().contains(path), qPrintable(db.error()));
        QVERIFY2(db.error().contains(QLatin1String("not a database")) || db.error().contains(QLatin1String("malformed"))
                     || db.error().contains(QLatin1String("corrupt")),
                 qPrintable(db.error()));
        qInfo("%s: %s", qPrintable(damage), qPrintable(db.error()));
    }
    db.close();
    QCOMPARE(fileHash(path), before); // never recreated, never "repaired"
}

void TestCaseFiles::everyEarlierSchemaUpgradesWithItsData_data()
{
    QTest::addColumn<int>("version");
    for (int v = 0; v < int(schemaMigrations().size()); ++v)
        QTest::addRow("from version %d", v) << v;
}

void TestCaseFiles::everyEarlierSchemaUpgradesWithItsData()
{
    QFETCH(int, version);
    const QString path = tmp_.path(QStringLiteral("v%1.sqlite").arg(version));
    QMap<QString, QStringList> before, columns;
    {
        // The case as Backsight of schema `version` left it: migrations 1..version, then data in every table.
        RawDb raw(path);
        QVERIFY(raw.exec(QStringLiteral("PRAGMA journal_mode = WAL")));
        for (int v = 1; v <= version; ++v) {
            for (const QString &sql : schemaMigrations()[size_t(v - 1)])
                QVERIFY(raw.exec(sql));
            QVERIFY(raw.exec(QStringLiteral("PRAGMA user_version = %1").arg(v)));
        }
        QVERIFY(raw.populate());
        columns = raw.columns();
        before = raw.dump();
    }
    for (auto it = before.cbegin(); it != before.cend(); ++it)
        QVERIFY2(it.value().size() == 2, qPrintable(it.key() + QStringLiteral(": ") + it.value().join(QLatin1Char('\n'))));
    {
        Database db;
        QVERIFY2(db.open(path), qPrintable(db.error()));
        QCOMPARE(db.schemaVersion(), int(schemaMigrations().size()));
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
        QVERIFY(q.exec(QStringLiteral("PRAGMA foreign_key_check")));
        QVERIFY2(!q.next(), "a foreign key broke in the upgrade");
    }
    RawDb raw(path);
    const QMap<QString, QStringList> after = version == 0 ? QMap<QString, QStringList>{} : raw.dump(columns);
    QCOMPARE(after.keys(), before.keys());
    for (auto it = before.cbegin(); it != before.cend(); ++it)
        QCOMPARE(after.value(it.key()), it.value());
}

QTEST_GUILESS_MAIN(TestCaseFiles)
#include "test_case_files.moc"
