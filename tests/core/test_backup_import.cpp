// Veeam session import beyond the golden rows (tests/data/golden.json): idempotence, originals, damage,
// encodings, the time rules, the value helpers and the per-server series.
#include "backup/backup_series.h"
#include "backup/session_features.h"
#include "backup/veeam_session_flattener.h"
#include "ingest/importer.h"
#include "store/database.h"
#include "store/event_queries.h"
#include "test_support.h"

#include <QFile>
#include <QSqlQuery>
#include <QtTest>

using namespace backsight;

class TestBackupImport : public QObject
{
    Q_OBJECT
private slots:
    void reimportAddsNothingAndKeepsOriginals();
    void damagedFileLeavesTheDatabaseAsItWas();
    void sameSessionFromTwoExportsIsStoredOnce();
    void windowsPowerShellUtf16IsRead();
    void zonelessTimesNameFileRecordAndFix();
    void emptyRestPageIsNotAnError();
    void restTaskWithoutSessionType();
    void sessionWithoutServerUsesTheJob();
    void exportWithoutIdsGetsStableKeys();
    void enterpriseManagerXml();
    void serverZoneFromTheLocalTime();
    void timeSpans_data();
    void timeSpans();
    void msAjaxDates();
    void resultsAndEnums();
    void seriesAndServers();

private:
    static qint64 count(Database &db, const QString &sql);
    static ImportReport importFiles(Database &db, const QStringList &paths) { return Importer(db).run(paths); }
};

qint64 TestBackupImport::count(Database &db, const QString &sql)
{
    QSqlQuery q(db.connection());
    if (!q.exec(sql) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

void TestBackupImport::reimportAddsNothingAndKeepsOriginals()
{
    test::TempFolder tmp;
    Database db;
    QVERIFY(db.open(tmp.path(QStringLiteral("case.sqlite"))));
    const QStringList files = {test::dataPath(QStringLiteral("veeam/ps51_sessions.json")),
                               test::dataPath(QStringLiteral("veeam/ps51_sessions.csv")),
                               test::dataPath(QStringLiteral("veeam/rest_task_sessions.json")),
                               test::dataPath(QStringLiteral("veeam/em_task_sessions.json"))};
    const ImportReport first = importFiles(db, files);
    QCOMPARE(first.totalInserted(), 12); // ps51's record 4 has no Id: it is keyed by job, object and start
    const ImportReport second = importFiles(db, files);
    QCOMPARE(second.totalInserted(), 0);
    QCOMPARE(second.totalRead(), first.totalRead());
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM backup_sessions")), 12);
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM sources")), 4);
    // Each session finds the record it came from; a session inside a list wrapper gets its own element.
    QSqlQuery q(db.connection());
    QVERIFY(q.exec(QStringLiteral("SELECT id FROM backup_sessions")));
    int checked = 0;
    while (q.next()) {
        const auto original = originalRecord(db, q.value(0).toString());
        QVERIFY2(original, qPrintable(original ? QString() : original.error().message));
        const QString id = q.value(0).toString();
        QVERIFY2(id.startsWith(QLatin1String("key:")) || original->contains(id.toUtf8()), original->constData());
        QVERIFY2(!original->contains("\"data\"") && !original->contains("\"Entities\""), original->constData());
        ++checked;
    }
    QCOMPARE(checked, 12);
}

void TestBackupImport::damagedFileLeavesTheDatabaseAsItWas()
{
    test::TempFolder tmp;
    Database db;
    QVERIFY(db.open(tmp.path(QStringLiteral("case.sqlite"))));
    QCOMPARE(importFiles(db, {test::dataPath(QStringLiteral("veeam/rest_sessions.json"))}).totalInserted(), 3);
    // The same page cut short, plus a complete session of its own before the cut.
    QFile f(test::dataPath(QStringLiteral("veeam/rest_sessions.json")));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QByteArray bytes = f.readAll().replace("c4a9e1f2-6b7d-4c8e-9f0a-1b2c3d4e5f01", "c4a9e1f2-6b7d-4c8e-9f0a-1b2c3d4e5f99");
    bytes.truncate(bytes.indexOf("\"Warning\""));
    const QString cut = tmp.path(QStringLiteral("cut.json"));
    QVERIFY(test::writeFile(cut, bytes));
    const ImportReport report = importFiles(db, {cut});
    QCOMPARE(report.sources.size(), size_t(1));
    QVERIFY(report.sources.front().error.contains(QLatin1String("truncated")));
    QVERIFY(report.hasRejections());
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM backup_sessions")), 3);
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM sources")), 1);
}

void TestBackupImport::sameSessionFromTwoExportsIsStoredOnce()
{
    test::TempFolder tmp;
    Database db;
    QVERIFY(db.open(tmp.path(QStringLiteral("case.sqlite"))));
    // The REST API and Enterprise Manager both name the session; its id joins them (EM's URN prefix dropped).
    const QByteArray rest = R"({"data":[{"id":"AA11BB22-0000-4000-8000-000000000001","name":"Web Farm",
        "sessionType":"BackupJob","creationTime":"2024-11-20T09:00:00+00:00","state":"Stopped",
        "result":{"result":"Success","message":"","isCanceled":false}}],"pagination":{"total":1,"count":1,"skip":0,"limit":200}})";
    const QByteArray em = R"({"BackupJobSessions":[{"UID":"urn:veeam:BackupJobSession:aa11bb22-0000-4000-8000-000000000001",
        "Name":"Web Farm@2024-11-20 09:00:00","JobUid":"urn:veeam:Job:aa11bb22-0000-4000-8000-0000000000ff",
        "JobName":"Web Farm","CreationTimeUTC":"2024-11-20T09:00:00Z","State":"Stopped","Result":"Success",
        "Type":"BackupJobSession"}]})";
    QVERIFY(test::writeFile(tmp.path(QStringLiteral("rest.json")), rest));
    QVERIFY(test::writeFile(tmp.path(QStringLiteral("em.json")), em));
    const ImportReport report = importFiles(db, {tmp.path(QStringLiteral("rest.json")), tmp.path(QStringLiteral("em.json"))});
    QVERIFY2(!report.hasRejections(), qPrintable(report.sources.back().error + report.sources.back().recordErrors.join(QLatin1Char(';'))));
    QCOMPARE(report.sources.back().reader, QStringLiteral("veeam-em-job-sessions"));
    QCOMPARE(report.totalRead(), 2);
    QCOMPARE(report.totalInserted(), 1);
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM backup_sessions WHERE id = 'aa11bb22-0000-4000-8000-000000000001'")), 1);
}

void TestBackupImport::windowsPowerShellUtf16IsRead()
{
    test::TempFolder tmp;
    QFile f(test::dataPath(QStringLiteral("veeam/ps51_sessions.json")));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(f.readAll());
    // `ConvertTo-Json | Out-File` in Windows PowerShell 5.1: UTF-16LE with a byte order mark.
    QByteArray utf16("\xFF\xFE", 2);
    utf16.append(reinterpret_cast<const char *>(text.utf16()), text.size() * 2);
    QVERIFY(test::writeFile(tmp.path(QStringLiteral("sessions.json")), utf16));
    Database db;
    QVERIFY(db.open(tmp.path(QStringLiteral("case.sqlite"))));
    const ImportReport report = importFiles(db, {tmp.path(QStringLiteral("sessions.json"))});
    QCOMPARE(report.sources.front().reader, QStringLiteral("veeam-ps-session-json"));
    QCOMPARE(report.totalInserted(), 4);
    QCOMPARE(report.totalRejected(), 0);
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM backup_sessions WHERE job_name = 'Daily Servers'")), 4);
}

void TestBackupImport::zonelessTimesNameFileRecordAndFix()
{
    test::TempFolder tmp;
    Database db;
    QVERIFY(db.open(tmp.path(QStringLiteral("case.sqlite"))));
    const QString file = test::dataPath(QStringLiteral("veeam/bad/local_times_only.csv"));
    const ImportReport report = importFiles(db, {file});
    const SourceReport &s = report.sources.front();
    QVERIFY(s.error.isEmpty());
    QCOMPARE(s.rejected, 2);
    QVERIFY(s.path.endsWith(QLatin1String("local_times_only.csv")));
    QVERIFY2(s.recordErrors.front().startsWith(QLatin1String("record 1 (line 3): CreationTime")), qPrintable(s.recordErrors.front()));
    QVERIFY(s.recordErrors.front().contains(QLatin1String("11/20/2024 10:15:30 PM")));
    QVERIFY(s.recordErrors.front().contains(QLatin1String("CreationTimeUTC")));
    QVERIFY(s.recordErrors.front().contains(QLatin1String("ToUniversalTime")));
    // The REST API always writes an offset: no Export-Csv advice there.
    const ImportReport rest = importFiles(db, {test::dataPath(QStringLiteral("veeam/rest_sessions.json"))});
    QCOMPARE(rest.sources.front().recordErrors.size(), 1);
    QVERIFY(rest.sources.front().recordErrors.front().startsWith(QLatin1String("record 4: CreationTime")));
    QVERIFY(!rest.sources.front().recordErrors.front().contains(QLatin1String("Export-Csv")));
}

void TestBackupImport::emptyRestPageIsNotAnError()
{
    test::TempFolder tmp;
    QVERIFY(test::writeFile(tmp.path(QStringLiteral("empty.json")),
                            R"({"data": [], "pagination": {"total": 0, "count": 0, "skip": 0, "limit": 200}})"));
    Database db;
    QVERIFY(db.open(tmp.path(QStringLiteral("case.sqlite"))));
    const ImportReport report = importFiles(db, {tmp.path(QStringLiteral("empty.json"))});
    QVERIFY2(report.sources.front().error.isEmpty(), qPrintable(report.sources.front().error));
    QCOMPARE(report.sources.front().reader, QStringLiteral("veeam-rest-sessions"));
    QCOMPARE(report.totalRead(), 0);
}

void TestBackupImport::restTaskWithoutSessionType()
{
    test::TempFolder tmp;
    QVERIFY(test::writeFile(tmp.path(QStringLiteral("tasks.json")), R"({"data": [{"type": "Backup",
        "id": "0f0e0d0c-0b0a-4909-8807-060504030201", "sessionId": "c4a9e1f2-6b7d-4c8e-9f0a-1b2c3d4e5f01",
        "creationTime": "2024-11-21T09:15:52+00:00", "name": "FS03", "state": "Stopped",
        "result": {"result": "Failed", "message": "Access denied", "isCanceled": false}}]})"));
    Database db;
    QVERIFY(db.open(tmp.path(QStringLiteral("case.sqlite"))));
    const ImportReport report = importFiles(db, {tmp.path(QStringLiteral("tasks.json"))});
    QCOMPARE(report.sources.front().reader, QStringLiteral("veeam-rest-sessions"));
    QCOMPARE(report.totalInserted(), 1);
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM backup_sessions WHERE level = 'task' AND server = 'FS03' "
                                      "AND result = 'Failed' AND message = 'Access denied'")),
             1);
}

void TestBackupImport::sessionWithoutServerUsesTheJob()
{
    test::TempFolder tmp;
    Database db;
    QVERIFY(db.open(tmp.path(QStringLiteral("case.sqlite"))));
    QVERIFY(importFiles(db, {test::dataPath(QStringLiteral("veeam/ps7_sessions.json")),
                             test::dataPath(QStringLiteral("veeam/ps7_task_sessions.csv"))})
                .totalInserted()
            == 5);
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM backup_sessions WHERE level = 'job' AND server = 'SQL Nightly'")), 2);
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM backup_sessions WHERE level = 'task' AND server = 'FS01'")), 2);
}

void TestBackupImport::exportWithoutIdsGetsStableKeys()
{
    test::TempFolder tmp;
    Database db;
    QVERIFY(db.open(tmp.path(QStringLiteral("case.sqlite"))));
    const QString file = test::dataPath(QStringLiteral("veeam/ps7_select_object_no_id.json"));
    const ImportReport first = importFiles(db, {file});
    QCOMPARE(first.totalInserted(), 4);
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM backup_sessions WHERE id LIKE 'key:%'")), 4);
    // The same sessions in a copy of the file (another source) still add nothing.
    QVERIFY(QFile::copy(file, tmp.path(QStringLiteral("again.json"))));
    const ImportReport second = importFiles(db, {file, tmp.path(QStringLiteral("again.json"))});
    QCOMPARE(second.totalInserted(), 0);
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM backup_sessions")), 4);
    // A record naming its job and an object is that object's session, with the job beside it.
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM backup_sessions WHERE level = 'task' AND server = 'FS11' "
                                      "AND job_name = 'File Servers'")),
             2);
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM backup_sessions WHERE level = 'job' AND server = 'File Servers'")), 1);
    // The key depends on level, job, object and start only, in any case.
    const QString key = backup::derivedSessionKey("task", "File Servers", "FS11", 1732094152000);
    QCOMPARE(key, backup::derivedSessionKey("task", "file servers", "fs11", 1732094152000));
    QVERIFY(key != backup::derivedSessionKey("task", "File Servers", "FS11", 1732094152001));
    QVERIFY(key != backup::derivedSessionKey("task", "File Servers", "FS12", 1732094152000));
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM backup_sessions WHERE id = '%1'").arg(key)), 1);
}

void TestBackupImport::enterpriseManagerXml()
{
    test::TempFolder tmp;
    Database db;
    QVERIFY(db.open(tmp.path(QStringLiteral("case.sqlite"))));
    const ImportReport report = importFiles(db, {test::dataPath(QStringLiteral("veeam/em_task_sessions.xml")),
                                                 test::dataPath(QStringLiteral("veeam/em_job_session.xml"))});
    QVERIFY2(!report.hasRejections(), qPrintable(report.sources.front().error + report.sources.back().error));
    QCOMPARE(report.sources.front().reader, QStringLiteral("veeam-em-task-sessions"));
    QCOMPARE(report.sources.back().reader, QStringLiteral("veeam-em-job-sessions"));
    QCOMPARE(report.totalInserted(), 3);
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM backup_sessions WHERE level = 'task' AND server = 'FS22' "
                                      "AND job_name = 'File Servers' AND result = 'Warning' AND total_bytes = 549755813888 "
                                      "AND id = '4a3b2c1d-0e9f-4a8b-9c7d-6e5f4a3b2c02' AND creation_ms = 1732273513000")),
             1);
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM backup_sessions WHERE level = 'job' AND server = 'File Servers' "
                                      "AND progress_percent = 100")),
             1);
    // Importing again adds nothing; a damaged XML file is refused whole, naming the line.
    QCOMPARE(importFiles(db, {test::dataPath(QStringLiteral("veeam/em_task_sessions.xml"))}).totalInserted(), 0);
    QVERIFY(test::writeFile(tmp.path(QStringLiteral("cut.xml")), "<QueryResult><Entities><BackupTaskSessions>\n<BackupTaskSession"));
    const ImportReport cut = importFiles(db, {tmp.path(QStringLiteral("cut.xml"))});
    QVERIFY2(cut.sources.front().error.contains(QLatin1String("line 2")), qPrintable(cut.sources.front().error));
}

void TestBackupImport::serverZoneFromTheLocalTime()
{
    QCOMPARE(backup::utcOffsetMinutes("/Date(1731321000000+1300)/", 0).value_or(-1), 780);
    QVERIFY(!backup::utcOffsetMinutes("/Date(1731321000000)/", 0));
    QCOMPARE(backup::utcOffsetMinutes("2024-11-13T01:30:05.1234567+13:00", 0).value_or(-1), 780);
    QCOMPARE(backup::utcOffsetMinutes("2024-11-13T01:30:05-05:30", 0).value_or(1), -330);
    QCOMPARE(backup::utcOffsetMinutes("2024-11-12T12:30:05Z", 0).value_or(-1), 0);
    // Export-Csv's zone-less local time beside CreationTimeUTC of the same instant.
    QCOMPARE(backup::utcOffsetMinutes("2024-11-13 01:30:05", 1731414605000).value_or(-1), 780);
    QVERIFY(!backup::utcOffsetMinutes("", 0));

    test::TempFolder tmp;
    Database db;
    QVERIFY(db.open(tmp.path(QStringLiteral("case.sqlite"))));
    QVERIFY(importFiles(db, {test::dataPath(QStringLiteral("veeam/ps7_sessions.json"))}).totalInserted() > 0);
    QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM backup_sessions WHERE id = "
                                      "'5b8e2c1a-7d4f-4e0b-9a61-0c2f3e4d5b01' AND utc_offset_min = 780")),
             1);
    const auto series = backup::serverSeries(db, QStringLiteral("SQL Nightly"));
    QVERIFY(series);
    QCOMPARE(series->front().utcOffsetMin.value_or(-1), 780);
    // The weekday and the month's end are the server's: Saturday 11:30 UTC is Sunday 00:30 in Auckland, and
    // 30 November 11:30 UTC is already 1 December there; a session without a zone keeps the last one seen.
    store::BackupSessionRow saturday;
    saturday.creationMs = 1731756600000; // 2024-11-16T11:30:00Z
    saturday.utcOffsetMin = 780;
    store::BackupSessionRow monthEnd;
    monthEnd.creationMs = 1732966200000; // 2024-11-30T11:30:00Z
    const auto sessions = backup::toSessions({saturday, monthEnd});
    QCOMPARE(sessions[0].weekday, 7);
    QCOMPARE(sessions[1].weekday, 7);
    QVERIFY(!sessions[1].monthEnd);
    QVERIFY(backup::toSessions({monthEnd})[0].monthEnd); // in UTC it is still 30 November
}

void TestBackupImport::timeSpans_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<double>("seconds"); // -1: not a TimeSpan
    QTest::newRow("minutes") << QStringLiteral("00:12:34") << 754.0;
    QTest::newRow("days") << QStringLiteral("1.02:03:04") << 93784.0;
    QTest::newRow("fraction") << QStringLiteral("00:00:01.5000000") << 1.5;
    QTest::newRow("hour 24 is a day") << QStringLiteral("24:00:00") << -1.0;
    QTest::newRow("minutes over 59") << QStringLiteral("00:60:00") << -1.0;
    QTest::newRow("text") << QStringLiteral("soon") << -1.0;
    QTest::newRow("two parts") << QStringLiteral("12:34") << -1.0;
}

void TestBackupImport::timeSpans()
{
    QFETCH(QString, text);
    QFETCH(double, seconds);
    const QByteArray utf8 = text.toUtf8();
    const auto parsed = backup::parseTimeSpan(std::string_view(utf8.constData(), size_t(utf8.size())));
    if (seconds < 0)
        QVERIFY(!parsed);
    else
        QCOMPARE(parsed.value_or(-2), seconds);
}

void TestBackupImport::msAjaxDates()
{
    QCOMPARE(backup::parseMsAjaxDate("/Date(1700000000000)/").value_or(0), 1700000000000);
    QCOMPARE(backup::parseMsAjaxDate("/Date(1700000000000+1300)/").value_or(0), 1700000000000); // the number is UTC
    QCOMPARE(backup::parseMsAjaxDate("/Date(-2208988800000)/").value_or(0), -2208988800000);
    QVERIFY(!backup::parseMsAjaxDate("/Date(17x)/"));
    QVERIFY(!backup::parseMsAjaxDate("2024-11-20T09:00:00Z"));
}

void TestBackupImport::resultsAndEnums()
{
    QCOMPARE(backup::normaliseResult("success", std::nullopt, false), QStringLiteral("Success"));
    QCOMPARE(backup::normaliseResult("InProgress", std::nullopt, true), QStringLiteral("None"));
    QCOMPARE(backup::normaliseResult("", -1, false), QStringLiteral("None"));
    QCOMPARE(backup::normaliseResult("", 1, false), QStringLiteral("Warning"));
    QCOMPARE(backup::normaliseResult("", 2, false), QStringLiteral("Failed"));
    QCOMPARE(backup::normaliseResult("", 3, true), QStringLiteral("Warning"));
    QCOMPARE(backup::normaliseResult("", 42, false), QStringLiteral("42")); // unknown: kept, not guessed
}

void TestBackupImport::seriesAndServers()
{
    test::TempFolder tmp;
    Database db;
    QVERIFY(db.open(tmp.path(QStringLiteral("case.sqlite"))));
    QVERIFY(!importFiles(db, {test::dataPath(QStringLiteral("veeam/ps51_sessions.csv")),
                              test::dataPath(QStringLiteral("veeam/ps7_task_sessions.csv"))})
                 .sources.empty());
    const auto read = backup::serverSeries(db, QStringLiteral("File Servers"));
    QVERIFY2(read, qPrintable(read ? QString() : read.error().message));
    const std::vector<backup::SessionPoint> &series = *read;
    QCOMPARE(series.size(), size_t(3));
    QVERIFY(series[0].creationMs < series[1].creationMs && series[1].creationMs < series[2].creationMs);
    QCOMPARE(series[1].full.value_or(false), true);
    QCOMPARE(series[2].result, QStringLiteral("Failed"));
    QVERIFY(!series[2].dedupRatio);
    QVERIFY(qAbs(series[0].dedupRatio.value_or(0) - 100.0 / 34) < 1e-9);

    auto listed = backup::listServers(db);
    QVERIFY2(listed, qPrintable(listed ? QString() : listed.error().message));
    std::vector<backup::ServerSummary> servers = *listed;
    QCOMPARE(servers.size(), size_t(3)); // FS01, FS02, File Servers
    QCOMPARE(servers[0].server, QStringLiteral("FS01"));
    QCOMPARE(servers[0].sessions, 2);
    QCOMPARE(servers[0].lastResult, QStringLiteral("Failed"));
    QCOMPARE(servers[0].failed, 1);
    QCOMPARE(servers[0].level, QStringLiteral("task")); // a protected object, with its job beside it
    QCOMPARE(servers[0].jobs, QStringLiteral("File Servers"));
    QCOMPARE(servers[2].level, QStringLiteral("job"));
    QVERIFY(!servers[0].threatScore && !servers[0].modelVersion);

    // Detection and training results show up once they exist.
    QSqlQuery q(db.connection());
    QVERIFY(q.exec(QStringLiteral(
        "INSERT INTO anomalies (id, subject_type, subject, time_ms, kind, kinds, severity, severity_rank, threat_score, "
        "summary, reasons, event_ids, detected_at_ms) VALUES ('a1', 'server', 'FS01', 1732439750000, "
        "'backup_ransomware', '[]', 'high', 3, 8, 's', '[]', '[]', 1)")));
    QVERIFY(q.exec(QStringLiteral("INSERT INTO models (scope, subject, kind, version, parameters, events_used, "
                                  "created_at_ms, data) VALUES ('fleet', '*', 'lstm_autoencoder', 2, '{}', 10, 1, x'00')")));
    listed = backup::listServers(db);
    QVERIFY(listed);
    servers = *listed;
    QCOMPARE(servers[0].threatScore.value_or(0), 8);
    QCOMPARE(servers[0].threatSeverity, QStringLiteral("high"));
    QCOMPARE(servers[1].modelScope, QStringLiteral("fleet"));
    QCOMPARE(servers[1].modelVersion.value_or(0), 2);
}

QTEST_GUILESS_MAIN(TestBackupImport)
#include "test_backup_import.moc"
