// A PostgreSQL case of every earlier schema version upgrades with all of its rows intact (issue 13): the same
// migrations as a case file, in PostgreSQL's words (store/sql_dialect.h), run on a populated database. The case-file
// twin of this test is test_case_files' everyEarlierSchemaUpgradesWithItsData.
#include "postgres_server.h"
#include "sql_fixture.h"
#include "store/database.h"
#include "store/migrations.h"
#include "store/sql_dialect.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QtTest>

using namespace backsight;

namespace {

// A raw connection to one database of the test server (no Backsight migrations), for building old schemas and
// reading rows back.
class RawServerDb
{
public:
    RawServerDb(int port, const QString &database) : name_(QStringLiteral("raw-pg-%1").arg(++counter_))
    {
        db_ = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name_);
        db_.setHostName(QStringLiteral("127.0.0.1"));
        db_.setPort(port);
        db_.setUserName(QStringLiteral("postgres"));
        db_.setDatabaseName(database);
        if (!db_.open())
            qWarning("raw connection to %s: %s", qPrintable(database), qPrintable(db_.lastError().text()));
    }
    ~RawServerDb()
    {
        db_.close();
        db_ = {};
        QSqlDatabase::removeDatabase(name_);
    }
    RawServerDb(const RawServerDb &) = delete;
    RawServerDb &operator=(const RawServerDb &) = delete;

    bool exec(const QString &sql)
    {
        QSqlQuery q(db_);
        if (q.exec(sql))
            return true;
        qWarning("%s: %s", qPrintable(sql.left(120)), qPrintable(q.lastError().text()));
        return false;
    }

    // Backsight's tables, in name order (the version table is the store's bookkeeping, not case data).
    QStringList tables()
    {
        QSqlQuery q(db_);
        q.exec(QStringLiteral("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
                              "AND table_type = 'BASE TABLE' AND table_name <> 'schema_version' ORDER BY 1"));
        QStringList out;
        while (q.next())
            out << q.value(0).toString();
        return out;
    }

    // Table → column names, in column order.
    QMap<QString, QStringList> columns()
    {
        QMap<QString, QStringList> out;
        for (const QString &table : tables()) {
            for (const Column &c : columnsOf(table))
                out[table] << c.name;
        }
        return out;
    }

    // Every row of every table as text (rows sorted, cells as name=value), for the tables and columns in `only`
    // when given.
    QMap<QString, QStringList> dump(const QMap<QString, QStringList> &only = {}) { return test::dumpTables(db_, tables(), only); }

    // Two rows in every table, every column given a value of its type; a foreign key points at the first row of
    // the column it references (tables are filled in dependency order). Columns the server numbers itself
    // (GENERATED ALWAYS) are left to it.
    bool populate()
    {
        QStringList pending = tables();
        QSet<QString> filled;
        while (!pending.isEmpty()) {
            bool progress = false;
            for (const QString &table : QStringList(pending)) {
                const QMap<QString, Reference> refs = referencesOf(table);
                bool ready = true;
                for (const Reference &r : refs)
                    ready = ready && (filled.contains(r.table) || r.table == table);
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
            if (!progress) {
                qWarning("tables whose foreign keys never resolve: %s", qPrintable(pending.join(QLatin1String(", "))));
                return false;
            }
        }
        return true;
    }

private:
    struct Column
    {
        QString name;
        QString type;
        bool serverNumbered = false;
    };
    struct Reference
    {
        QString table;
        QString column;
    };

    QList<Column> columnsOf(const QString &table)
    {
        QSqlQuery q(db_);
        q.prepare(QStringLiteral("SELECT column_name, data_type, is_identity, identity_generation "
                                 "FROM information_schema.columns WHERE table_schema = current_schema() "
                                 "AND table_name = ? ORDER BY ordinal_position"));
        q.addBindValue(table);
        q.exec();
        QList<Column> out;
        while (q.next())
            out.append({q.value(0).toString(), q.value(1).toString(),
                        q.value(2).toString() == QLatin1String("YES") && q.value(3).toString() == QLatin1String("ALWAYS")});
        return out;
    }

    // Column → the table and column its foreign key references.
    QMap<QString, Reference> referencesOf(const QString &table)
    {
        QSqlQuery q(db_);
        q.prepare(QStringLiteral(
            "SELECT a.attname, r.relname, ra.attname FROM pg_constraint c "
            "JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class r ON r.oid = c.confrelid "
            "JOIN pg_namespace n ON n.oid = t.relnamespace "
            "JOIN LATERAL unnest(c.conkey, c.confkey) AS k(own, ref) ON TRUE "
            "JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.own "
            "JOIN pg_attribute ra ON ra.attrelid = c.confrelid AND ra.attnum = k.ref "
            "WHERE c.contype = 'f' AND n.nspname = current_schema() AND t.relname = ?"));
        q.addBindValue(table);
        q.exec();
        QMap<QString, Reference> out;
        while (q.next())
            out.insert(q.value(0).toString(), {q.value(1).toString(), q.value(2).toString()});
        return out;
    }

    bool insertRow(const QString &table, int row, const QMap<QString, Reference> &refs)
    {
        QStringList names, marks;
        QVariantList values;
        for (const Column &c : columnsOf(table)) {
            if (c.serverNumbered)
                continue;
            names << QLatin1Char('"') + c.name + QLatin1Char('"');
            marks << QStringLiteral("?");
            const QString type = c.type.toLower();
            if (refs.contains(c.name))
                values << firstValueOf(refs.value(c.name));
            else if (type.contains(QLatin1String("int")))
                values << qint64(row) * 1000 + names.size();
            else if (type.contains(QLatin1String("double")) || type.contains(QLatin1String("real"))
                     || type.contains(QLatin1String("numeric")))
                values << row + names.size() / 8.0;
            else if (type == QLatin1String("bytea"))
                values << QVariant(QByteArray("blob-").append(QByteArray::number(row)));
            else if (type == QLatin1String("boolean"))
                values << true;
            else
                values << QStringLiteral("%1-%2-%3 ✓ ünï").arg(table, c.name).arg(row);
        }
        QSqlQuery insert(db_);
        insert.prepare(QStringLiteral("INSERT INTO \"%1\" (%2) VALUES (%3)")
                           .arg(table, names.join(QLatin1Char(',')), marks.join(QLatin1Char(','))));
        for (const QVariant &v : std::as_const(values))
            insert.addBindValue(v);
        if (insert.exec())
            return true;
        qWarning("insert into %s: %s", qPrintable(table), qPrintable(insert.lastError().text()));
        return false;
    }

    QVariant firstValueOf(const Reference &r)
    {
        QSqlQuery q(db_);
        q.exec(QStringLiteral("SELECT \"%1\" FROM \"%2\" ORDER BY 1 LIMIT 1").arg(r.column, r.table));
        return q.next() ? q.value(0) : QVariant();
    }

    static inline int counter_ = 0;
    QString name_;
    QSqlDatabase db_;
};

} // namespace

class TestPostgresUpgrades : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void everyEarlierSchemaUpgradesWithItsData_data();
    void everyEarlierSchemaUpgradesWithItsData();

private:
    test::PostgresServer server_;
};

void TestPostgresUpgrades::initTestCase()
{
    QVERIFY2(server_.start(), qPrintable(server_.error()));
}

void TestPostgresUpgrades::everyEarlierSchemaUpgradesWithItsData_data()
{
    QTest::addColumn<int>("version");
    for (int v = 0; v < int(schemaMigrations().size()); ++v)
        QTest::addRow("from version %d", v) << v;
}

void TestPostgresUpgrades::everyEarlierSchemaUpgradesWithItsData()
{
    QFETCH(int, version);
    const QString name = QStringLiteral("upgrade_from_%1").arg(version);
    QVERIFY2(server_.createDatabase(name), qPrintable(server_.error()));
    QMap<QString, QStringList> before, columns;
    {
        // The case as Backsight of schema `version` left it: migrations 1..version, then data in every table.
        RawServerDb raw(server_.port(), name);
        for (const QString &sql : postgresVersionTableStatements())
            QVERIFY(raw.exec(sql));
        for (int v = 1; v <= version; ++v) {
            for (const QString &sql : migrationStatements(v, SqlDialect::PostgreSQL))
                QVERIFY2(raw.exec(sql), qPrintable(QStringLiteral("migration %1").arg(v)));
        }
        QVERIFY(raw.populate());
        columns = raw.columns();
        before = raw.dump();
    }
    QCOMPARE(before.size(), columns.size());
    for (auto it = before.cbegin(); it != before.cend(); ++it)
        QVERIFY2(it.value().size() == 2, qPrintable(it.key() + QStringLiteral(": ") + it.value().join(QLatin1Char('\n'))));
    {
        Database db;
        QVERIFY2(db.open(server_.url(name)), qPrintable(db.error()));
        QCOMPARE(db.schemaVersion(), int(schemaMigrations().size()));
    }
    RawServerDb raw(server_.port(), name);
    const QMap<QString, QStringList> after = version == 0 ? QMap<QString, QStringList>{} : raw.dump(columns);
    QCOMPARE(after.keys(), before.keys());
    for (auto it = before.cbegin(); it != before.cend(); ++it)
        QCOMPARE(after.value(it.key()), it.value());
    // The upgraded case is the schema a new case gets: the same tables and columns.
    const QString fresh = QStringLiteral("fresh_for_%1").arg(version);
    QVERIFY2(server_.createDatabase(fresh), qPrintable(server_.error()));
    {
        Database db;
        QVERIFY2(db.open(server_.url(fresh)), qPrintable(db.error()));
    }
    RawServerDb newCase(server_.port(), fresh);
    QCOMPARE(raw.columns(), newCase.columns());
}

QTEST_GUILESS_MAIN(TestPostgresUpgrades)
#include "test_postgres_upgrades.moc"
