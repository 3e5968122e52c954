// A case in PostgreSQL (issue 13, in progress): a throwaway server, opening a URL, the same migrations as SQLite in
// PostgreSQL's words, the append-only audit log, and no password anywhere it could be read back.
#include "detect/finding.h"
#include "postgres_server.h"
#include "store/analyst_roles.h"
#include "store/anomaly_repository.h"
#include "store/database.h"
#include "store/detection_run_repository.h"
#include "store/event_originals.h"
#include "store/event_queries.h"
#include "store/event_writer.h"
#include "ingest/importer.h"
#include "store/migrations.h"
#include "store/row_cursor.h"
#include "store/sql_dialect.h"
#include "store/watch_store.h"
#include "test_support.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

using namespace backsight;

namespace {

QStringList column(QSqlQuery &q)
{
    QStringList out;
    while (q.next())
        out << q.value(0).toString();
    return out;
}

QStringList sqliteTables(Database &db)
{
    QSqlQuery q(db.connection());
    q.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"));
    return column(q);
}

QStringList sqliteColumns(Database &db, const QString &table)
{
    QSqlQuery q(db.connection());
    q.exec(QStringLiteral("SELECT name FROM pragma_table_info('%1') ORDER BY cid").arg(table));
    return column(q);
}

QStringList postgresColumns(Database &db, const QString &table)
{
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral("SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
                             "AND table_name = ? ORDER BY ordinal_position"));
    q.addBindValue(table);
    q.exec();
    return column(q);
}

detect::Anomaly anomaly(const QString &id, qint64 timeMs)
{
    detect::Anomaly a;
    a.id = id;
    a.subjectType = QStringLiteral("user");
    a.subject = QStringLiteral("alex@contoso.com");
    a.upn = a.subject;
    a.eventTable = QStringLiteral("signins");
    a.eventIds = {id + QStringLiteral("-e1"), id + QStringLiteral("-e2")};
    a.timeMs = timeMs;
    a.endMs = timeMs + 60000;
    a.kinds = {QStringLiteral("new_country"), QStringLiteral("impossible_travel")};
    a.severity = detect::Severity::High;
    a.score = 0.875;
    a.summary = QStringLiteral("Sign-in from NZ, never seen in 60 days");
    a.reasons = {{QStringLiteral("new_country"), QStringLiteral("country NZ never seen"),
                  QJsonObject{{QStringLiteral("country"), QStringLiteral("NZ")}}}};
    a.detectedAtMs = 1730000000000;
    return a;
}

} // namespace

class TestPostgresStore : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void sqliteMigrationsAreUnchanged();
    void opensAndMigrates();
    void sameTablesAndColumnsAsSqlite();
    void appendOnlyTablesRejectChanges();
    void reopeningDoesNotMigrateAgain();
    void newerSchemaIsRefused();
    void passwordNeverShown();
    void badUrlSaysWhy();
    void anomaliesRoundTrip();
    void rowCursorReadsAlikeOnBothEngines();
    void watchStoreAlikeOnBothEngines();
    void detectionStateAlikeOnBothEngines();
    void importAlikeOnBothEngines();
    void cliOnServerMatchesCaseFile();
    void cliCaseShowsTheRoleAsAuthor();
    void reimportAmongNewFilesAlike();
    void largeFilesSentInPartsAlike();
    void analystRoleWithoutOwnership();

private:
    test::PostgresServer server_;
};

void TestPostgresStore::initTestCase()
{
    QElapsedTimer timer;
    timer.start();
    QVERIFY2(server_.start(), qPrintable(server_.error()));
    qInfo("test server on port %d, started in %lld ms", server_.port(), timer.elapsed());
}

void TestPostgresStore::sqliteMigrationsAreUnchanged()
{
    for (int v = 1; v <= int(schemaMigrations().size()); ++v) {
        QStringList expected = schemaMigrations()[size_t(v - 1)];
        expected << QStringLiteral("PRAGMA user_version = %1").arg(v);
        QCOMPARE(migrationStatements(v, SqlDialect::SQLite), expected);
    }
}

void TestPostgresStore::opensAndMigrates()
{
    Database db;
    QVERIFY2(db.open(server_.url()), qPrintable(db.error()));
    QCOMPARE(db.dialect(), SqlDialect::PostgreSQL);
    QCOMPARE(db.path(), server_.url());
    QVERIFY(!db.isReadOnly());
    QCOMPARE(db.schemaVersion(), int(schemaMigrations().size()));
    QVERIFY(db.checkpoint());
    QVERIFY(db.setAutoCheckpoint(0));
}

void TestPostgresStore::sameTablesAndColumnsAsSqlite()
{
    test::TempFolder tmp;
    Database lite;
    QVERIFY2(lite.open(tmp.path(QStringLiteral("case.sqlite"))), qPrintable(lite.error()));
    QCOMPARE(lite.dialect(), SqlDialect::SQLite);
    Database pg;
    QVERIFY2(pg.open(server_.url()), qPrintable(pg.error()));
    QCOMPARE(pg.schemaVersion(), lite.schemaVersion());
    const QStringList tables = sqliteTables(lite);
    QVERIFY(tables.size() > 20);
    // The event tables detection reads by row order carry a `rowid` column there (SQLite's is hidden).
    const QStringList rowOrdered{QStringLiteral("audits"), QStringLiteral("backup_sessions"), QStringLiteral("signins")};
    for (const QString &table : tables) {
        const QStringList expected = sqliteColumns(lite, table);
        QVERIFY2(!expected.isEmpty(), qPrintable(table));
        QStringList columns = postgresColumns(pg, table);
        QCOMPARE(columns.removeAll(QStringLiteral("rowid")), rowOrdered.contains(table) ? 1 : 0);
        QCOMPARE(columns, expected);
    }
}

void TestPostgresStore::appendOnlyTablesRejectChanges()
{
    test::TempFolder tmp;
    Database lite;
    QVERIFY(lite.open(tmp.path(QStringLiteral("case.sqlite"))));
    QSqlQuery protectedTables(lite.connection());
    QVERIFY(protectedTables.exec(QStringLiteral(
        "SELECT DISTINCT tbl_name FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%RAISE(ABORT%' ORDER BY 1")));
    const QStringList tables = column(protectedTables);
    QCOMPARE(tables, QStringList{QStringLiteral("audit_log")});

    Database pg;
    QVERIFY2(pg.open(server_.url()), qPrintable(pg.error()));
    for (const QString &table : tables) {
        QSqlQuery events(pg.connection());
        QVERIFY(events.prepare(QStringLiteral("SELECT DISTINCT event_manipulation FROM information_schema.triggers "
                                              "WHERE event_object_table = ? ORDER BY 1")));
        events.addBindValue(table);
        QVERIFY(events.exec());
        // INSERT: the trigger that records the signed-in role as the author (migration 11).
        QCOMPARE(column(events), (QStringList{QStringLiteral("DELETE"), QStringLiteral("INSERT"), QStringLiteral("UPDATE")}));
    }
    QSqlQuery q(pg.connection());
    QVERIFY2(q.exec(QStringLiteral("INSERT INTO audit_log (at_ms, author, action) VALUES (1, 'analyst', 'note')")),
             qPrintable(q.lastError().text()));
    QVERIFY(!q.exec(QStringLiteral("UPDATE audit_log SET author = 'someone else'")));
    QVERIFY2(q.lastError().text().contains(QLatin1String("append-only")), qPrintable(q.lastError().text()));
    QVERIFY(!q.exec(QStringLiteral("DELETE FROM audit_log")));
    QVERIFY2(q.lastError().text().contains(QLatin1String("append-only")), qPrintable(q.lastError().text()));
    QVERIFY(q.exec(QStringLiteral("SELECT count(*), min(author), min(detail) FROM audit_log")) && q.next());
    QVERIFY(q.value(0).toInt() >= 1);
    // The author is the role this connection signed in as; the name the statement gave is kept beside it.
    QCOMPARE(q.value(1).toString(), QStringLiteral("postgres"));
    QCOMPARE(QJsonDocument::fromJson(q.value(2).toString().toUtf8()).object(),
             (QJsonObject{{QStringLiteral("display_name"), QStringLiteral("analyst")}}));
}

void TestPostgresStore::reopeningDoesNotMigrateAgain()
{
    QVERIFY2(server_.createDatabase(QStringLiteral("reopen")), qPrintable(server_.error()));
    const QString url = server_.url(QStringLiteral("reopen"));
    {
        Database db;
        QVERIFY2(db.open(url), qPrintable(db.error()));
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(QStringLiteral("INSERT INTO case_settings (name, value) VALUES ('sensitivity', 'high')")));
    }
    Database db;
    QVERIFY2(db.open(url), qPrintable(db.error()));
    QCOMPARE(db.schemaVersion(), int(schemaMigrations().size()));
    QSqlQuery q(db.connection());
    QVERIFY(q.exec(QStringLiteral("SELECT value FROM case_settings WHERE name = 'sensitivity'")) && q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("high"));
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM schema_version")) && q.next());
    QCOMPARE(q.value(0).toInt(), 1);
}

void TestPostgresStore::newerSchemaIsRefused()
{
    QVERIFY2(server_.createDatabase(QStringLiteral("newer")), qPrintable(server_.error()));
    const QString url = server_.url(QStringLiteral("newer"));
    {
        Database db;
        QVERIFY2(db.open(url), qPrintable(db.error()));
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(QStringLiteral("UPDATE schema_version SET version = 99")));
    }
    Database db;
    QVERIFY(!db.open(url));
    QVERIFY2(db.error().contains(QLatin1String("newer than this Backsight")), qPrintable(db.error()));
}

void TestPostgresStore::passwordNeverShown()
{
    const QString secret = QStringLiteral("S3cret-Pw");
    const QString withPassword = QStringLiteral("postgresql://postgres:%1@127.0.0.1:%2/backsight_test").arg(secret).arg(server_.port());
    {
        // The test server trusts local connections, so the password is sent and ignored.
        Database db;
        QVERIFY2(db.open(withPassword), qPrintable(db.error()));
        QCOMPARE(db.path(), server_.url());
    }
    {
        Database db;
        QVERIFY2(db.open(server_.url() + QStringLiteral("?password=") + secret), qPrintable(db.error()));
        QVERIFY2(!db.path().contains(secret), qPrintable(db.path()));
    }
    for (const QString &failing :
         {QStringLiteral("postgresql://postgres:%1@127.0.0.1:%2/no_such_case").arg(secret).arg(server_.port()),
          QStringLiteral("postgresql://%1:%1@127.0.0.1:%2/backsight_test").arg(secret).arg(server_.port()),
          QStringLiteral("postgresql://postgres@127.0.0.1:%1/backsight_test?password=%2").arg(server_.port()).arg(secret)
              .replace(QStringLiteral("backsight_test"), QStringLiteral("no_such_case"))}) {
        Database db;
        QVERIFY(!db.open(failing));
        QVERIFY2(!db.error().isEmpty(), qPrintable(failing));
        QVERIFY2(!db.error().contains(QLatin1String(":S3cret")), qPrintable(db.error()));
        QVERIFY2(!db.path().contains(QLatin1String(":S3cret")), qPrintable(db.path()));
        QVERIFY2(!db.error().contains(QLatin1String("=S3cret")), qPrintable(db.error()));
    }
}

void TestPostgresStore::badUrlSaysWhy()
{
    Database db;
    QVERIFY(!db.open(QStringLiteral("postgresql:///backsight_test")));
    QVERIFY2(db.error().contains(QLatin1String("postgresql://user@host:port/database")), qPrintable(db.error()));
}

void TestPostgresStore::anomaliesRoundTrip()
{
    QVERIFY2(server_.createDatabase(QStringLiteral("anomalies")), qPrintable(server_.error()));
    Database db;
    QVERIFY2(db.open(server_.url(QStringLiteral("anomalies"))), qPrintable(db.error()));
    const std::vector<detect::Anomaly> stored = {anomaly(QStringLiteral("an-2"), 2000), anomaly(QStringLiteral("an-1"), 1000)};
    const Result<qint64> added = detect::insertAnomalies(db, stored);
    QVERIFY2(added, qPrintable(added ? QString() : added.error().message));
    QCOMPARE(*added, qint64(2));
    QCOMPARE(detect::insertAnomalies(db, stored).valueOr(-1), qint64(0)); // the same detection again adds nothing

    std::vector<detect::Anomaly> read;
    QVERIFY(detect::forEachAnomaly(db, {}, [&](const detect::Anomaly &a) { read.push_back(a); return true; }));
    QCOMPARE(read.size(), size_t(2));
    const detect::Anomaly &first = read[0];
    const detect::Anomaly expected = stored[1];
    QCOMPARE(first.id, expected.id);
    QCOMPARE(first.timeMs, expected.timeMs);
    QCOMPARE(first.endMs, expected.endMs);
    QCOMPARE(first.kinds, expected.kinds);
    QCOMPARE(first.severity, expected.severity);
    QCOMPARE(first.score, expected.score);
    QVERIFY(!first.threatScore);
    QCOMPARE(first.summary, expected.summary);
    QCOMPARE(first.eventIds, expected.eventIds);
    QCOMPARE(first.eventId, expected.eventIds.first());
    QCOMPARE(first.reasons.size(), size_t(1));
    QCOMPARE(first.reasons[0].evidence, expected.reasons[0].evidence);
    QCOMPARE(first.detectedAtMs, expected.detectedAtMs);
    QCOMPARE(first.status, QStringLiteral("new"));
    QCOMPARE(read[1].id, QStringLiteral("an-2"));

    detect::AnomalyFilter filter;
    filter.fromMs = 1500;
    filter.upn = QStringLiteral("ALEX@contoso.com");
    read.clear();
    QVERIFY(detect::forEachAnomaly(db, filter, [&](const detect::Anomaly &a) { read.push_back(a); return true; }));
    QCOMPARE(read.size(), size_t(1));
    QCOMPARE(read[0].id, QStringLiteral("an-2"));
    QSqlQuery links(db.connection());
    QVERIFY(links.exec(QStringLiteral("SELECT count(*) FROM anomaly_events")) && links.next());
    QCOMPARE(links.value(0).toInt(), 4);

    // A caller that looks something up per anomaly on the same connection (the CSV export reads case records)
    // still gets every anomaly: QPSQL drops the rest of a streamed result when another statement runs.
    int seen = 0;
    QVERIFY(detect::forEachAnomaly(db, {}, [&](const detect::Anomaly &a) {
        QSqlQuery lookup(db.connection());
        lookup.prepare(QStringLiteral("SELECT count(*) FROM anomaly_events WHERE anomaly_id = ?"));
        lookup.addBindValue(a.id);
        if (lookup.exec() && lookup.next() && lookup.value(0).toInt() == 2)
            ++seen;
        return true;
    }));
    QCOMPARE(seen, 2);
}

// The bulk sign-in reads (store/row_cursor.h) step SQLite's own statement there and QSqlQuery on PostgreSQL; both
// must read NULLs, numbers, non-ASCII text and repeated (shared) text the same, and fail with what they were doing.
void TestPostgresStore::rowCursorReadsAlikeOnBothEngines()
{
    QVERIFY2(server_.createDatabase(QStringLiteral("cursor")), qPrintable(server_.error()));
    test::TempFolder tmp;
    Database sqlite, postgres;
    QVERIFY2(sqlite.open(tmp.path(QStringLiteral("cursor.sqlite"))), qPrintable(sqlite.error()));
    QVERIFY2(postgres.open(server_.url(QStringLiteral("cursor"))), qPrintable(postgres.error()));
    for (Database *db : {&sqlite, &postgres}) {
        const QString engine = db == &sqlite ? QStringLiteral("SQLite") : QStringLiteral("PostgreSQL");
        QSqlQuery setup(db->connection());
        QVERIFY2(setup.exec(QStringLiteral("CREATE TEMP TABLE t (id BIGINT, place TEXT, score DOUBLE PRECISION, note TEXT)")),
                 qPrintable(setup.lastError().text()));
        QVERIFY(setup.exec(QStringLiteral("INSERT INTO t VALUES (1, 'Wellington', 1.5, NULL), (2, 'Wellington', -2.25, "
                                          "'Zürich → Genève'), (3, NULL, NULL, ''), (4, 'Wellington', 0, 'x')")));

        RowCursor cursor(*db, QStringLiteral("SELECT id, place, score, note FROM t WHERE id >= ? AND place <> ? ORDER BY id"));
        for (int run = 0; run < 2; ++run) { // prepared once, run again
            QVERIFY2(cursor.run({qint64(2), QStringLiteral("nowhere")}, QStringLiteral("reading t")), qPrintable(engine));
            QVERIFY(cursor.next());
            QCOMPARE(cursor.int64(0), qint64(2));
            QCOMPARE(cursor.sharedText(1), QStringLiteral("Wellington"));
            QCOMPARE(cursor.real(2), -2.25);
            QCOMPARE(cursor.text(3), QStringLiteral("Zürich → Genève"));
            QVERIFY(!cursor.isNull(3));
            QVERIFY(cursor.next());
            QCOMPARE(cursor.int64(0), qint64(4));
            QCOMPARE(cursor.sharedText(1), QStringLiteral("Wellington"));
            QCOMPARE(cursor.real(2), 0.0);
            QVERIFY2(!cursor.next(), qPrintable(engine));
            QVERIFY2(cursor.status(), qPrintable(engine));
        }
        RowCursor nulls(*db, QStringLiteral("SELECT id, place, score, note FROM t WHERE id = ?"));
        QVERIFY(nulls.run({qint64(3)}, QStringLiteral("reading t")));
        QVERIFY(nulls.next());
        QVERIFY(nulls.isNull(1) && nulls.isNull(2));
        QVERIFY(nulls.sharedText(1).isEmpty());
        QCOMPARE(nulls.real(2), 0.0);
        QVERIFY(!nulls.isNull(3));
        QVERIFY(nulls.text(3).isEmpty());
        nulls.finish();

        RowCursor wrong(*db, QStringLiteral("SELECT no_such_column FROM t"));
        const Status failed = wrong.run({}, QStringLiteral("reading the missing column"));
        QVERIFY2(!failed, qPrintable(engine));
        QVERIFY2(failed.error().message.startsWith(QStringLiteral("reading the missing column: ")), qPrintable(failed.error().message));
        QVERIFY2(failed.error().message.contains(QStringLiteral("no_such_column")), qPrintable(failed.error().message));
    }
}

// What a folder watcher keeps in the case (store/watch_store.h): files seen (an upsert), folders (a second add
// is nothing), and alerts (the anomalies already there when watching starts are not news; each new one is raised
// once), the same on both engines.
void TestPostgresStore::watchStoreAlikeOnBothEngines()
{
    QVERIFY2(server_.createDatabase(QStringLiteral("watch")), qPrintable(server_.error()));
    test::TempFolder tmp;
    Database sqlite, postgres;
    QVERIFY2(sqlite.open(tmp.path(QStringLiteral("watch.sqlite"))), qPrintable(sqlite.error()));
    QVERIFY2(postgres.open(server_.url(QStringLiteral("watch"))), qPrintable(postgres.error()));
    for (Database *db : {&sqlite, &postgres}) {
        const char *engine = db == &sqlite ? "SQLite" : "PostgreSQL";
        QVERIFY2(rememberWatchedFile(*db, {QStringLiteral("/in/a.json"), 10, 100, 1000, 3, {}}), engine);
        QVERIFY2(rememberWatchedFile(*db, {QStringLiteral("/in/b.json"), 5, 50, 1000, 0, QStringLiteral("not JSON")}), engine);
        QVERIFY2(rememberWatchedFile(*db, {QStringLiteral("/in/a.json"), 20, 200, 2000, 4, {}}), engine); // grew
        const auto files = watchedFiles(*db);
        QVERIFY2(files, engine);
        QCOMPARE(files->size(), 2);
        QCOMPARE(files->value(QStringLiteral("/in/a.json")).sizeBytes, qint64(20));
        QCOMPARE(files->value(QStringLiteral("/in/a.json")).eventsNew, qint64(4));
        QVERIFY(files->value(QStringLiteral("/in/a.json")).error.isEmpty());
        QCOMPARE(files->value(QStringLiteral("/in/b.json")).error, QStringLiteral("not JSON"));

        QVERIFY2(addWatchedFolder(*db, QStringLiteral("/in"), 1), engine);
        QVERIFY2(addWatchedFolder(*db, QStringLiteral("/more"), 2), engine);
        QVERIFY2(addWatchedFolder(*db, QStringLiteral("/in"), 3), engine); // already watched
        QCOMPARE(*watchedFolders(*db), (QStringList{QStringLiteral("/in"), QStringLiteral("/more")}));
        QVERIFY2(removeWatchedFolder(*db, QStringLiteral("/in")), engine);
        QCOMPARE(*watchedFolders(*db), QStringList{QStringLiteral("/more")});

        QCOMPARE(detect::insertAnomalies(*db, {anomaly(QStringLiteral("old-1"), 1000), anomaly(QStringLiteral("old-2"), 2000)}).valueOr(-1),
                 qint64(2));
        QVERIFY2(startAlerts(*db, 5000), engine);
        QVERIFY2(startAlerts(*db, 6000), engine); // only the first start marks
        QVERIFY2(pendingAlerts(*db, detect::Severity::Low)->empty(), engine);
        QCOMPARE(detect::insertAnomalies(*db, {anomaly(QStringLiteral("new-1"), 3000)}).valueOr(-1), qint64(1));
        auto pending = pendingAlerts(*db, detect::Severity::Low);
        QVERIFY2(pending, engine);
        QCOMPARE(pending->size(), size_t(1));
        QCOMPARE(pending->front().id, QStringLiteral("new-1"));
        QVERIFY(pendingAlerts(*db, detect::Severity::Critical)->empty()); // it is high
        QVERIFY2(markAlerted(*db, QStringLiteral("new-1"), 7000), engine);
        QVERIFY2(markAlerted(*db, QStringLiteral("new-1"), 8000), engine); // twice is once
        QVERIFY2(pendingAlerts(*db, detect::Severity::Low)->empty(), engine);
        QSqlQuery q(db->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT anomaly_id, alerted_at_ms FROM watch_alerts ORDER BY anomaly_id")));
        QStringList rows;
        while (q.next())
            rows << q.value(0).toString() + QLatin1Char('@') + q.value(1).toString();
        QCOMPARE(rows, (QStringList{QStringLiteral("new-1@7000"), QStringLiteral("old-1@5000"), QStringLiteral("old-2@5000")}));
    }
}

// What a detection run keeps between runs (store/detection_run_repository.h) and the rows it reads by row order:
// the newest row, the users with sign-ins after a watermark, the watermark itself, day aggregates and running
// windows replaced in place; and a whole event row reads the same fields on both engines.
void TestPostgresStore::detectionStateAlikeOnBothEngines()
{
    QVERIFY2(server_.createDatabase(QStringLiteral("detection")), qPrintable(server_.error()));
    test::TempFolder tmp;
    Database sqlite, postgres;
    QVERIFY2(sqlite.open(tmp.path(QStringLiteral("detection.sqlite"))), qPrintable(sqlite.error()));
    QVERIFY2(postgres.open(server_.url(QStringLiteral("detection"))), qPrintable(postgres.error()));
    QList<QSqlRecord> records;
    for (Database *db : {&sqlite, &postgres}) {
        const char *engine = db == &sqlite ? "SQLite" : "PostgreSQL";
        QSqlQuery q(db->connection());
        QVERIFY2(q.exec(QStringLiteral("INSERT INTO sources (id, path, sha256, size_bytes, reader, records_read, records_new, "
                                       "records_rejected, imported_at, last_imported_at) "
                                       "VALUES (1, 'a.json', 'ff', 10, 'graph', 3, 3, 0, 1, 1)")),
                 qPrintable(q.lastError().text()));
        // Inserted out of time order: row order is insertion order, whatever the times.
        const QList<std::tuple<QString, qint64, QString>> rows{{QStringLiteral("s1"), 5000, QStringLiteral("b@x")},
                                                               {QStringLiteral("s2"), 1000, QStringLiteral("a@x")},
                                                               {QStringLiteral("s3"), 9000, QStringLiteral("a@x")}};
        for (int i = 0; i < rows.size(); ++i) {
            q.prepare(QStringLiteral("INSERT INTO signins (id, created_ms, upn, interactive, event_type, source_id, "
                                     "record_index) VALUES (?, ?, ?, 1, 'interactive', 1, ?)"));
            q.addBindValue(std::get<0>(rows[i]));
            q.addBindValue(std::get<1>(rows[i]));
            q.addBindValue(std::get<2>(rows[i]));
            q.addBindValue(i);
            QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        }
        DetectionRunRepository runs(*db);
        QCOMPARE(*runs.latestRow(DetectionRunRepository::Source::SignIns), qint64(3));
        QCOMPARE(*runs.latestRow(DetectionRunRepository::Source::Audits), qint64(0));
        QCOMPARE(*runs.watermark(DetectionRunRepository::Source::SignIns), qint64(0));
        QVERIFY2(runs.setWatermark(DetectionRunRepository::Source::SignIns, 1), engine);
        QVERIFY2(runs.setWatermark(DetectionRunRepository::Source::SignIns, 2), engine); // moved, not added
        QCOMPARE(*runs.watermark(DetectionRunRepository::Source::SignIns), qint64(2));
        auto users = runs.usersWithNewSignIns(0, 3);
        QVERIFY2(users, engine);
        QCOMPARE(users->size(), size_t(2));
        QCOMPARE(users->at(0).upn, QStringLiteral("a@x"));
        QCOMPARE(users->at(0).minMs, qint64(1000));
        QCOMPARE(users->at(0).maxMs, qint64(9000));
        QCOMPARE(users->at(1).upn, QStringLiteral("b@x"));
        users = runs.usersWithNewSignIns(2, 3); // after the watermark: s3 only
        QCOMPARE(users->size(), size_t(1));
        QCOMPARE(users->at(0).minMs, qint64(9000));

        QVERIFY2(runs.saveUserDays(QStringLiteral("a@x"), {{1, "one"}, {2, "two"}}), engine);
        QVERIFY2(runs.saveUserDays(QStringLiteral("a@x"), {{2, "TWO"}, {3, "three"}}), engine);
        QVERIFY2(runs.saveUserWindow(QStringLiteral("a@x"), 30, 10, "w30"), engine);
        QVERIFY2(runs.saveUserWindow(QStringLiteral("a@x"), 60, 11, "w60"), engine);
        QVERIFY(q.exec(QStringLiteral("SELECT day, data FROM user_days WHERE upn = 'a@x' ORDER BY day")));
        QStringList days;
        while (q.next())
            days << q.value(0).toString() + QLatin1Char('=') + QString::fromLatin1(q.value(1).toByteArray());
        QCOMPARE(days, (QStringList{QStringLiteral("1=one"), QStringLiteral("2=TWO"), QStringLiteral("3=three")}));
        QVERIFY(q.exec(QStringLiteral("SELECT window_days, end_day, data FROM user_windows")) && q.next());
        QCOMPARE(q.value(0).toInt(), 60);
        QCOMPARE(q.value(1).toLongLong(), qint64(11));
        QCOMPARE(q.value(2).toByteArray(), QByteArray("w60"));
        QVERIFY(!q.next());

        const auto event = eventById(*db, QStringLiteral("s3"));
        QVERIFY2(event && *event, engine);
        records << (*event)->record;
    }
    QCOMPARE(records[1].count(), records[0].count());
    for (int i = 0; i < records[0].count(); ++i)
        QCOMPARE(records[1].fieldName(i), records[0].fieldName(i));
    QCOMPARE(records[1].value(QStringLiteral("created_ms")).toLongLong(), qint64(9000));
}

// The bundled samples of every format imported into a case file and into a PostgreSQL case: the same reports,
// the same events with the same original records, row order numbers on the server's event tables, and a second
// import of the same files adds nothing on either.
void TestPostgresStore::importAlikeOnBothEngines()
{
    QVERIFY2(server_.createDatabase(QStringLiteral("imported")), qPrintable(server_.error()));
    test::TempFolder tmp;
    Database sqlite, postgres;
    QVERIFY2(sqlite.open(tmp.path(QStringLiteral("imported.sqlite"))), qPrintable(sqlite.error()));
    QVERIFY2(postgres.open(server_.url(QStringLiteral("imported"))), qPrintable(postgres.error()));
    QStringList inputs;
    for (const char *folder : {"graph", "diagnostic", "loganalytics", "portal", "veeam"})
        inputs << test::dataPath(QString::fromLatin1(folder));
    const QList<EventTable> tables{EventTable::SignIns, EventTable::WorkloadSignIns, EventTable::Audits};
    QList<QMap<QString, QByteArray>> originals; // per engine: event id -> original record
    QList<QStringList> sessions;
    QList<qint64> read, inserted;
    for (Database *db : {&sqlite, &postgres}) {
        const char *engine = db == &sqlite ? "SQLite" : "PostgreSQL";
        const ImportReport report = Importer(*db).run(inputs);
        QVERIFY2(report.storageError.isEmpty(), qPrintable(report.storageError));
        QVERIFY2(report.totalInserted() > 100, engine);
        read << report.totalRead();
        inserted << report.totalInserted();
        QMap<QString, QByteArray> byId;
        for (EventTable table : tables) {
            const Status read = forEachEventWithOriginal(*db, table, [&](const QSqlRecord &r, const QByteArray &original) {
                const QString key = QStringLiteral("%1:%2").arg(int(table)).arg(r.value(QStringLiteral("id")).toString());
                byId.insert(key, original);
                return true;
            });
            QVERIFY2(read, qPrintable(read ? QString() : read.error().message));
        }
        originals << byId;
        QSqlQuery q(db->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT id, server, creation_ms FROM backup_sessions ORDER BY id")));
        QStringList rows;
        while (q.next())
            rows << q.value(0).toString() + QLatin1Char('|') + q.value(1).toString() + QLatin1Char('|') + q.value(2).toString();
        sessions << rows;

        const ImportReport again = Importer(*db).run(inputs);
        QVERIFY2(again.storageError.isEmpty(), qPrintable(again.storageError));
        QCOMPARE(again.totalInserted(), qint64(0));
        qint64 events = 0;
        for (EventTable table : tables)
            events += countEvents(*db, table).valueOr(-1);
        QCOMPARE(events, qint64(byId.size()));
        DetectionRunRepository runs(*db);
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM signins")) && q.next());
        QCOMPARE(*runs.latestRow(DetectionRunRepository::Source::SignIns), q.value(0).toLongLong());
    }
    QCOMPARE(read[1], read[0]);
    QCOMPARE(inserted[1], inserted[0]);
    QCOMPARE(originals[1].keys(), originals[0].keys());
    for (auto it = originals[0].cbegin(); it != originals[0].cend(); ++it) {
        QVERIFY2(!it.value().isEmpty(), qPrintable(it.key()));
        QVERIFY2(originals[1].value(it.key()) == it.value(), qPrintable(it.key()));
    }
    QVERIFY(!sessions[0].isEmpty());
    QCOMPARE(sessions[1], sessions[0]);
}

// The command line on a server case, as an analyst would run it: import a generated tenant's zip, train the
// models, detect, list the anomalies. They are the anomalies a case file gets from the same commands (detected_at
// aside), model findings included.
void TestPostgresStore::cliOnServerMatchesCaseFile()
{
    QVERIFY2(server_.createDatabase(QStringLiteral("cli")), qPrintable(server_.error()));
    test::TempFolder tmp;
    auto cli = [](const QStringList &args, QByteArray *out = nullptr) {
        QProcess p;
        p.start(QStringLiteral(BACKSIGHT_CLI), args);
        if (!p.waitForFinished(600000))
            return -1;
        if (out)
            *out = p.readAllStandardOutput();
        if (p.exitCode() != 0)
            qWarning("%s: %s", qPrintable(args.join(QLatin1Char(' '))), p.readAllStandardError().constData());
        return p.exitCode();
    };
    const QString zip = tmp.path(QStringLiteral("tenant.zip"));
    QCOMPARE(cli({QStringLiteral("generate"), QStringLiteral("--users"), QStringLiteral("30"), QStringLiteral("--days"),
                  QStringLiteral("21"), QStringLiteral("--seed"), QStringLiteral("5"), QStringLiteral("--format"),
                  QStringLiteral("veeam-zip"), QStringLiteral("--out"), zip}),
             0);
    const QStringList labels = QDir(tmp.path()).entryList({QStringLiteral("*labels.csv")}, QDir::Files);
    QCOMPARE(labels.size(), 1);
    QList<QStringList> anomalies;
    QList<QJsonObject> evaluations;
    for (const QString &db : {tmp.path(QStringLiteral("case.sqlite")), server_.url(QStringLiteral("cli"))}) {
        QCOMPARE(cli({QStringLiteral("--db"), db, QStringLiteral("import"), zip}), 0);
        QCOMPARE(cli({QStringLiteral("--db"), db, QStringLiteral("train")}), 0);
        QCOMPARE(cli({QStringLiteral("--db"), db, QStringLiteral("detect")}), 0);
        QByteArray out;
        QCOMPARE(cli({QStringLiteral("--db"), db, QStringLiteral("eval"), QStringLiteral("--labels"),
                      tmp.path(labels.first()), QStringLiteral("--json")},
                     &out),
                 0);
        QJsonObject evaluation = QJsonDocument::fromJson(out).object();
        QVERIFY2(evaluation.contains(QStringLiteral("database")), out.constData());
        evaluation.remove(QStringLiteral("database"));
        evaluations << evaluation;
        QCOMPARE(cli({QStringLiteral("--db"), db, QStringLiteral("anomalies")}, &out), 0);
        QStringList lines;
        for (const QByteArray &line : out.split('\n')) {
            QJsonObject o = QJsonDocument::fromJson(line).object();
            if (o.isEmpty())
                continue;
            o.remove(QStringLiteral("detected_at"));
            o.remove(QStringLiteral("run_id"));
            lines << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
        }
        lines.sort();
        anomalies << lines;
    }
    QVERIFY(anomalies[0].size() > 10);
    QCOMPARE(anomalies[1].size(), anomalies[0].size());
    for (int i = 0; i < anomalies[0].size(); ++i)
        QCOMPARE(anomalies[1][i], anomalies[0][i]);
    QCOMPARE(evaluations[1], evaluations[0]); // `eval` reads a server case too
}

// `backsight-cli case` on a server case: whatever --author says, `show` and `log` name the role the command
// signed in as (postgres here), and the log keeps the --author name as display_name.
void TestPostgresStore::cliCaseShowsTheRoleAsAuthor()
{
    QVERIFY2(server_.createDatabase(QStringLiteral("cli_author")), qPrintable(server_.error()));
    const QString url = server_.url(QStringLiteral("cli_author"));
    {
        Database db;
        QVERIFY2(db.open(url), qPrintable(db.error()));
        QCOMPARE(detect::insertAnomalies(db, {anomaly(QStringLiteral("an-1"), 1000)}).valueOr(-1), qint64(1));
    }
    auto cli = [&url](const QStringList &args) {
        QProcess p;
        p.start(QStringLiteral(BACKSIGHT_CLI), QStringList{QStringLiteral("--db"), url, QStringLiteral("case")} + args);
        p.waitForFinished(60000);
        if (p.exitCode() != 0)
            qWarning("%s: %s", qPrintable(args.join(QLatin1Char(' '))), p.readAllStandardError().constData());
        return p.exitCode() == 0 ? p.readAllStandardOutput() : QByteArray("failed");
    };
    const QStringList who{QStringLiteral("--id"), QStringLiteral("an-1"), QStringLiteral("--author"), QStringLiteral("mere")};
    QVERIFY(cli(QStringList{QStringLiteral("status"), QStringLiteral("--set"), QStringLiteral("confirmed")} + who) != "failed");
    QVERIFY(cli(QStringList{QStringLiteral("note"), QStringLiteral("--text"), QStringLiteral("called")} + who) != "failed");
    QVERIFY(cli(QStringList{QStringLiteral("tag"), QStringLiteral("--add"), QStringLiteral("vip")} + who) != "failed");

    const QJsonObject shown = QJsonDocument::fromJson(cli({QStringLiteral("show"), QStringLiteral("--id"), QStringLiteral("an-1")})).object();
    QCOMPARE(shown.value(QStringLiteral("status_by")).toString(), QStringLiteral("postgres"));
    QCOMPARE(shown.value(QStringLiteral("notes")).toArray().at(0).toObject().value(QStringLiteral("author")).toString(),
             QStringLiteral("postgres"));
    QCOMPARE(shown.value(QStringLiteral("tags")).toArray().at(0).toObject().value(QStringLiteral("author")).toString(),
             QStringLiteral("postgres"));
    int entries = 0;
    for (const QByteArray &line : cli({QStringLiteral("log"), QStringLiteral("--json")}).split('\n')) {
        const QJsonObject e = QJsonDocument::fromJson(line).object();
        if (e.isEmpty())
            continue;
        ++entries;
        QCOMPARE(e.value(QStringLiteral("author")).toString(), QStringLiteral("postgres"));
        QCOMPARE(e.value(QStringLiteral("detail")).toObject().value(QStringLiteral("display_name")).toString(),
                 QStringLiteral("mere"));
    }
    QCOMPARE(entries, 3); // status, note, tag
}

// A second import where files already stored, new files and a broken file alternate: a file already stored leaves its
// unused pending source row for the next file instead of deleting it (EventWriter), so the next new file, the
// broken file's rollback and the final commit all meet a row left over by an earlier one. Every file ends where it
// should: stored once, no "(pending)" row left, the broken file not at all.
void TestPostgresStore::reimportAmongNewFilesAlike()
{
    QVERIFY2(server_.createDatabase(QStringLiteral("reimport")), qPrintable(server_.error()));
    test::TempFolder tmp;
    auto file = [&](const QString &name, const QStringList &ids) {
        QByteArray json = "[";
        for (const QString &id : ids)
            json += (json.size() > 1 ? "," : "") + test::graphSignIn(id);
        return test::writeFile(tmp.path(name), json + "]");
    };
    QVERIFY(file(QStringLiteral("first/a.json"), {QStringLiteral("a1"), QStringLiteral("a2")}));
    QVERIFY(file(QStringLiteral("first/c.json"), {QStringLiteral("c1")}));
    QVERIFY(QFile::copy(tmp.path(QStringLiteral("first/a.json")), tmp.path(QStringLiteral("second/a.json")))
            || (QDir().mkpath(tmp.path(QStringLiteral("second")))
                && QFile::copy(tmp.path(QStringLiteral("first/a.json")), tmp.path(QStringLiteral("second/a.json")))));
    QVERIFY(file(QStringLiteral("second/b.json"), {QStringLiteral("b1")}));
    QVERIFY(QFile::copy(tmp.path(QStringLiteral("first/c.json")), tmp.path(QStringLiteral("second/c.json"))));
    QVERIFY(test::writeFile(tmp.path(QStringLiteral("second/d.json")), "[" + test::graphSignIn(QStringLiteral("d1")) + ",{\"id\":"));
    QVERIFY(file(QStringLiteral("second/e.json"), {QStringLiteral("e1"), QStringLiteral("a1")}));
    QVERIFY(QFile::copy(tmp.path(QStringLiteral("first/c.json")), tmp.path(QStringLiteral("second/f.json"))));

    Database sqlite, postgres;
    QVERIFY2(sqlite.open(tmp.path(QStringLiteral("reimport.sqlite"))), qPrintable(sqlite.error()));
    QVERIFY2(postgres.open(server_.url(QStringLiteral("reimport"))), qPrintable(postgres.error()));
    for (Database *db : {&sqlite, &postgres}) {
        const char *engine = db == &sqlite ? "SQLite" : "PostgreSQL";
        // The same files under another folder are other sources: import the first ones from `second` itself.
        for (const char *name : {"a.json", "c.json"}) {
            const ImportReport first = Importer(*db).run({tmp.path(QStringLiteral("second/") + QLatin1String(name))});
            QCOMPARE(first.totalInserted(), name[0] == 'a' ? qint64(2) : qint64(1));
        }
        const ImportReport report = Importer(*db).run({tmp.path(QStringLiteral("second"))});
        QVERIFY2(report.storageError.isEmpty(), qPrintable(report.storageError));
        QCOMPARE(report.sources.size(), size_t(6));
        QStringList outcome;
        for (const SourceReport &source : report.sources)
            outcome << QFileInfo(source.path).fileName() + QLatin1Char('=')
                           + (source.error.isEmpty() ? QString::number(source.inserted) : QStringLiteral("error"));
        QCOMPARE(outcome, (QStringList{QStringLiteral("a.json=0"), QStringLiteral("b.json=1"), QStringLiteral("c.json=0"),
                                       QStringLiteral("d.json=error"), QStringLiteral("e.json=1"), QStringLiteral("f.json=0")}));
        QSqlQuery q(db->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT path, records_new FROM sources ORDER BY path")));
        QStringList sources;
        while (q.next())
            sources << QFileInfo(q.value(0).toString()).fileName() + QLatin1Char('=') + q.value(1).toString();
        QCOMPARE(sources, (QStringList{QStringLiteral("a.json=2"), QStringLiteral("b.json=1"), QStringLiteral("c.json=1"),
                                       QStringLiteral("e.json=1"), QStringLiteral("f.json=0")}));
        QVERIFY(q.exec(QStringLiteral("SELECT s.id, count(*) FROM signins s JOIN sources f ON f.id = s.source_id "
                                      "GROUP BY s.id ORDER BY s.id")));
        QStringList events;
        while (q.next())
            events << q.value(0).toString();
        QVERIFY2(events == (QStringList{QStringLiteral("a1"), QStringLiteral("a2"), QStringLiteral("b1"), QStringLiteral("c1"),
                                        QStringLiteral("e1")}),
                 qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(engine), events.join(QLatin1Char(',')))));
        // A third run: every file already stored, the left-over row deleted when the run commits.
        QCOMPARE(Importer(*db).run({tmp.path(QStringLiteral("second"))}).totalInserted(), qint64(0));
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM sources")) && q.next());
        QCOMPARE(q.value(0).toInt(), 5);
    }
}

// Files larger than what the server import keeps waiting (EventWriter::kServerRowsPerSend): their rows go to the
// server in several sends, each answered while the next rows are read. On both engines: every record stored once in
// record order; a second file overlapping the first across a send stores only its new records, and of its blocks
// of originals only those holding one (the case file decides per block as it inserts, the server from the runs of
// stored records each send answers: both keep the same blocks); a file that breaks after two sends leaves nothing.
void TestPostgresStore::largeFilesSentInPartsAlike()
{
    QVERIFY2(server_.createDatabase(QStringLiteral("large")), qPrintable(server_.error()));
    test::TempFolder tmp;
    const int first = int(EventWriter::kServerRowsPerSend) * 2 + 500;
    auto file = [&](const QString &name, const QList<std::pair<int, int>> &ranges, bool broken) {
        QByteArray json = "[";
        for (const auto &[from, to] : ranges)
            for (int i = from; i < to; ++i)
                json += (json.size() > 1 ? "," : "") + test::graphSignIn(QStringLiteral("s%1").arg(i, 6, 10, QLatin1Char('0')));
        return test::writeFile(tmp.path(name), json + (broken ? ",{\"id\":" : "]"));
    };
    QVERIFY(file(QStringLiteral("first.json"), {{0, first}}, false));
    // Records 0-299 and 10,300-10,599 of this file were stored before, the other 20,000 are new.
    QVERIFY(file(QStringLiteral("overlap.json"), {{first - 300, first}, {first, first + 10000}, {0, 300}, {first + 10000, first + 20000}},
                 false));
    QVERIFY(file(QStringLiteral("broken.json"), {{first + 20000, first + 20000 + 2 * int(EventWriter::kServerRowsPerSend)}}, true));
    Database sqlite, postgres;
    QVERIFY2(sqlite.open(tmp.path(QStringLiteral("large.sqlite"))), qPrintable(sqlite.error()));
    QVERIFY2(postgres.open(server_.url(QStringLiteral("large"))), qPrintable(postgres.error()));
    QList<QStringList> order;
    QList<qint64> blocks;
    for (Database *db : {&sqlite, &postgres}) {
        const char *engine = db == &sqlite ? "SQLite" : "PostgreSQL";
        const ImportReport report = Importer(*db).run({tmp.path(QStringLiteral("first.json"))});
        QVERIFY2(report.storageError.isEmpty(), qPrintable(report.storageError));
        QCOMPARE(report.totalInserted(), qint64(first));
        const ImportReport overlap = Importer(*db).run({tmp.path(QStringLiteral("overlap.json"))});
        QCOMPARE(overlap.totalRead(), qint64(20600));
        QCOMPARE(overlap.totalInserted(), qint64(20000));
        const ImportReport broken = Importer(*db).run({tmp.path(QStringLiteral("broken.json"))});
        QCOMPARE(broken.sources.size(), size_t(1));
        QVERIFY2(!broken.sources[0].error.isEmpty(), engine);
        QCOMPARE(broken.totalInserted(), qint64(0));

        QSqlQuery q(db->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT id FROM signins ORDER BY rowid")));
        QStringList ids = column(q);
        QCOMPARE(ids.size(), first + 20000);
        QVERIFY2(std::is_sorted(ids.cbegin(), ids.cend()), engine); // record order: the ids count up
        order << ids;
        QVERIFY(q.exec(QStringLiteral("SELECT path, records_new FROM sources ORDER BY path")));
        QStringList sources;
        while (q.next())
            sources << QFileInfo(q.value(0).toString()).fileName() + QLatin1Char('=') + q.value(1).toString();
        QCOMPARE(sources, (QStringList{QStringLiteral("first.json=%1").arg(first), QStringLiteral("overlap.json=20000")}));
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM originals")) && q.next());
        blocks << q.value(0).toLongLong();
        qint64 withOriginal = 0;
        const Status read = forEachEventWithOriginal(*db, EventTable::SignIns, [&](const QSqlRecord &, const QByteArray &original) {
            withOriginal += original.isEmpty() ? 0 : 1;
            return true;
        });
        QVERIFY2(read, qPrintable(read ? QString() : read.error().message));
        QCOMPARE(withOriginal, qint64(first + 20000));
    }
    QCOMPARE(order[1], order[0]);
    QCOMPARE(blocks[1], blocks[0]);
    // 128 records a block: of the overlapping file's, the first two (records 0-255) and the one of records
    // 10,368-10,495 held only records stored before.
    QCOMPARE(blocks[0], qint64((first + 127) / 128 + (20600 + 127) / 128 - 3));
}

// A least-privilege analyst: a login role that does not own the case, granted by `backsight-cli grant`. It works
// as an analyst does from the command line — import, train, detect, triage — and every edit is its own; it cannot
// rewrite, delete or truncate the audit log, disable the author triggers, or alter a table. TRUNCATE is refused to
// the owner too (migration 12). Granting on a case file, or to a role that does not exist, is refused with a
// sentence.
void TestPostgresStore::analystRoleWithoutOwnership()
{
    QVERIFY2(server_.createDatabase(QStringLiteral("least")), qPrintable(server_.error()));
    QVERIFY2(server_.runStatements({QStringLiteral("CREATE ROLE carol LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE")}),
             qPrintable(server_.error()));
    const QString owner = server_.url(QStringLiteral("least"));
    const QString carol = QStringLiteral("postgresql://carol@127.0.0.1:%1/least").arg(server_.port());
    test::TempFolder tmp;
    auto cli = [](const QStringList &args, QByteArray *out = nullptr, QByteArray *err = nullptr) {
        QProcess p;
        p.start(QStringLiteral(BACKSIGHT_CLI), args);
        if (!p.waitForFinished(600000))
            return -1;
        if (out)
            *out = p.readAllStandardOutput();
        const QByteArray stderrText = p.readAllStandardError();
        if (err)
            *err = stderrText;
        else if (p.exitCode() != 0)
            qWarning("%s: %s", qPrintable(args.join(QLatin1Char(' '))), stderrText.constData());
        return p.exitCode();
    };
    {
        Database created;
        QVERIFY2(created.open(owner), qPrintable(created.error()));
    }
    // Before the grant carol may not even read the case.
    QByteArray out, err;
    QCOMPARE(cli({QStringLiteral("--db"), carol, QStringLiteral("stats")}, &out, &err), 3);
    QVERIFY2(err.contains("permission denied"), err.constData());

    QCOMPARE(cli({QStringLiteral("--db"), owner, QStringLiteral("grant"), QStringLiteral("carol")}, &out), 0);
    QVERIFY2(out.contains("carol"), out.constData());
    QCOMPARE(cli({QStringLiteral("--db"), owner, QStringLiteral("grant"), QStringLiteral("nobody")}, &out, &err), 1);
    QVERIFY2(err.contains("no database role named nobody"), err.constData());
    QCOMPARE(cli({QStringLiteral("--db"), tmp.path(QStringLiteral("file.sqlite")), QStringLiteral("grant"), QStringLiteral("carol")},
                 &out, &err),
             1);
    QVERIFY2(err.contains("case file"), err.constData());

    // carol works the case from the command line.
    const QString zip = tmp.path(QStringLiteral("tenant.zip"));
    QCOMPARE(cli({QStringLiteral("generate"), QStringLiteral("--users"), QStringLiteral("12"), QStringLiteral("--days"),
                  QStringLiteral("14"), QStringLiteral("--seed"), QStringLiteral("3"), QStringLiteral("--format"),
                  QStringLiteral("veeam-zip"), QStringLiteral("--out"), zip}),
             0);
    QCOMPARE(cli({QStringLiteral("--db"), carol, QStringLiteral("import"), QStringLiteral("--quiet"), zip}), 0);
    QCOMPARE(cli({QStringLiteral("--db"), carol, QStringLiteral("train")}), 0);
    QCOMPARE(cli({QStringLiteral("--db"), carol, QStringLiteral("detect"), QStringLiteral("--quiet")}), 0);
    QCOMPARE(cli({QStringLiteral("--db"), carol, QStringLiteral("anomalies")}, &out), 0);
    const QByteArray first = out.left(out.indexOf('\n'));
    const QString id = QJsonDocument::fromJson(first).object().value(QStringLiteral("id")).toString();
    QVERIFY2(!id.isEmpty(), out.left(300).constData());
    QCOMPARE(cli({QStringLiteral("--db"), carol, QStringLiteral("case"), QStringLiteral("status"), QStringLiteral("--id"), id,
                  QStringLiteral("--set"), QStringLiteral("confirmed"), QStringLiteral("--note"), QStringLiteral("checked")}),
             0);
    QCOMPARE(cli({QStringLiteral("--db"), carol, QStringLiteral("case"), QStringLiteral("log"), QStringLiteral("--json")}, &out), 0);
    QVERIFY2(out.contains("\"author\":\"carol\""), out.constData());

    // What carol may not do, even with SQL of her own.
    Database asCarol;
    QVERIFY2(asCarol.open(carol), qPrintable(asCarol.error()));
    const auto refused = [&](const QString &sql) {
        QSqlQuery q(asCarol.connection());
        const bool ran = q.exec(sql);
        if (!ran)
            qInfo("refused as it should be: %s: %s", qPrintable(sql), qPrintable(q.lastError().databaseText()));
        return !ran;
    };
    QVERIFY(refused(QStringLiteral("UPDATE audit_log SET author = 'alice'")));
    QVERIFY(refused(QStringLiteral("DELETE FROM audit_log")));
    QVERIFY(refused(QStringLiteral("TRUNCATE audit_log")));
    QVERIFY(refused(QStringLiteral("ALTER TABLE anomaly_notes DISABLE TRIGGER anomaly_notes_author")));
    QVERIFY(refused(QStringLiteral("ALTER TABLE audit_log DISABLE TRIGGER ALL")));
    QVERIFY(refused(QStringLiteral("DROP TABLE audit_log")));
    QVERIFY(refused(QStringLiteral("UPDATE schema_version SET version = 99")));
    {
        QSqlQuery q(asCarol.connection());
        QVERIFY2(q.exec(QStringLiteral("INSERT INTO anomaly_notes (anomaly_id, author, at_ms, text) VALUES ('%1', 'alice', 1, 'x')").arg(id)),
                 qPrintable(q.lastError().text()));
        QVERIFY(q.exec(QStringLiteral("SELECT author FROM anomaly_notes WHERE text = 'x'")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("carol"));
    }
    asCarol.close();

    // The owner cannot truncate the audit log either; its entries are all there.
    Database asOwner;
    QVERIFY2(asOwner.open(owner), qPrintable(asOwner.error()));
    QSqlQuery q(asOwner.connection());
    // A case that needs an upgrade: carol may not migrate it, and is told who can.
    const int latest = int(schemaMigrations().size());
    QVERIFY(q.exec(QStringLiteral("UPDATE schema_version SET version = %1").arg(latest - 1)));
    QCOMPARE(cli({QStringLiteral("--db"), carol, QStringLiteral("stats")}, &out, &err), 3);
    QVERIFY2(err.contains("its owner must open it once"), err.constData());
    QVERIFY(q.exec(QStringLiteral("UPDATE schema_version SET version = %1").arg(latest)));
    QCOMPARE(cli({QStringLiteral("--db"), carol, QStringLiteral("stats")}), 0);
    QVERIFY(!q.exec(QStringLiteral("TRUNCATE audit_log")));
    QVERIFY2(q.lastError().databaseText().contains(QStringLiteral("append-only")), qPrintable(q.lastError().databaseText()));
    QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*), COUNT(*) FILTER (WHERE author = 'carol') FROM audit_log")) && q.next());
    QVERIFY(q.value(0).toInt() >= 2);
    QCOMPARE(q.value(1).toInt(), q.value(0).toInt());
}

QTEST_GUILESS_MAIN(TestPostgresStore)
#include "test_postgres_store.moc"
