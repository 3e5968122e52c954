// The detection pipeline on a generated tenant: attacks found, point-in-time judgement (detecting day by day gives
// the same anomalies as one sweep), detect twice adds nothing, cancel leaves nothing, baselines stored, and the CLI
// contract of train / detect / anomalies. On SQLite case files, and on PostgreSQL (test_detection_postgres: the same
// executable with BACKSIGHT_TEST_DETECTION_ENGINE=postgresql, on a throwaway server).
#include "store/anomaly_repository.h"
#include "detect/pipeline.h"
#include "store/evaluation_queries.h"
#include "eval/evaluation.h"
#include "eval/labels.h"
#include "ingest/importer.h"
#include "jobs/analysis_job.h"
#include "simulate/demo_tenant.h"
#include "store/database.h"
#include "engine_main.h"
#include "test_support.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QtTest>

using namespace backsight;

class TestDetection : public QObject
{
    Q_OBJECT
public:
    // `server` null: SQLite case files; otherwise databases on that server.
    explicit TestDetection(test::PostgresServer *server) : cases_(server, tmp_.path()) {}

private slots:
    void initTestCase();
    void sweepFindsTheAttacks();
    void dayByDayEqualsOneSweep();
    void detectTwiceAddsNothing();
    void cancelLeavesNothing();
    void baselinesAreStored();
    void analysisJob();
    // Last: it starts the CLI with QProcess. After a fork ThreadSanitizer refuses to start new threads in the parent
    // (the ci-tsan stage), and the tests above use the thread pool.
    void cliContract();

private:
    QStringList files(const QString &sub, const QString &fromDate, const QString &toDate) const;
    QSet<QString> anomalyIds(Database &db);
    QString newCase(const QString &name) { return cases_.newCase(name); }
    QString copyCase(const QString &from, const QString &name) { return cases_.copyCase(from, name); }
    backsight::test::TempFolder tmp_;
    test::CaseLocations cases_; // after tmp_, whose folder it uses
    QString logs_, labels_;
    QString sweepDb_, cancelDb_;
};



void TestDetection::initTestCase()
{
    DemoTenantOptions o;
    o.users = 80;
    o.days = 45;
    o.seed = 5;
    o.start = QDate(2024, 9, 2);
    o.format = QStringLiteral("graph"); // one file per UTC day: signins/<date>.jsonl, audits/<date>.jsonl
    o.outDir = logs_ = tmp_.path(QStringLiteral("logs"));
    o.labelsPath = labels_ = tmp_.path(QStringLiteral("labels.csv"));
    const DemoTenantResult r = writeDemoTenant(o);
    QVERIFY2(r.ok, qPrintable(r.error));
    QVERIFY(r.attacks >= 8);

    sweepDb_ = newCase(QStringLiteral("sweep"));
    Database db;
    QVERIFY(db.open(sweepDb_));
    QVERIFY(!Importer(db).run({logs_}).hasRejections());
    const Result<detect::DetectReport> report = detect::runDetection(db, {});
    QVERIFY2(report, test::failure(report).constData());
    QVERIFY(report->anomaliesAdded > 0);
    QCOMPARE(report->signInsExamined, r.signIns);
    QVERIFY(report->unknownErrorCodes.isEmpty());
}

QStringList TestDetection::files(const QString &sub, const QString &fromDate, const QString &toDate) const
{
    QStringList out;
    const QDir dir(logs_ + QLatin1Char('/') + sub);
    for (const QString &name : dir.entryList({QStringLiteral("*.jsonl")}, QDir::Files, QDir::Name)) {
        const QString date = name.left(10);
        if (date >= fromDate && date <= toDate)
            out << dir.filePath(name);
    }
    return out;
}

QSet<QString> TestDetection::anomalyIds(Database &db)
{
    QSet<QString> ids;
    QSqlQuery q(db.connection());
    q.exec(QStringLiteral("SELECT id FROM anomalies"));
    while (q.next())
        ids.insert(q.value(0).toString());
    return ids;
}

void TestDetection::sweepFindsTheAttacks()
{
    Database db;
    QVERIFY(db.open(sweepDb_));
    const auto labelsRead = eval::readLabels(labels_);
    QVERIFY2(labelsRead, qPrintable(labelsRead ? QString() : labelsRead.error().message));
    const std::vector<eval::AttackLabel> &labels = *labelsRead;
    const Result<std::vector<eval::Anomaly>> anomalies = eval::readAnomalies(db);
    QVERIFY(anomalies);
    const Result<eval::EventUniverse> universe = eval::readEventUniverse(db);
    QVERIFY(universe);
    const eval::EvaluationReport report = eval::evaluate(labels, *anomalies, *universe);
    QStringList missed;
    for (const eval::KindResult &k : report.kinds)
        if (k.detected < k.attacks)
            missed << QStringLiteral("%1 %2/%3").arg(k.kind).arg(k.detected).arg(k.attacks);
    // Every attack kind of the generator is caught (docs/detections.md has the larger evaluation).
    QVERIFY2(missed.isEmpty(), qPrintable(missed.join(QStringLiteral(", "))));
    QVERIFY2(report.falseHighCriticalPer1000UserDays <= 2.0, qPrintable(QString::number(report.falseHighCriticalPer1000UserDays)));
    // Every anomaly explains itself.
    QString err;
    QVERIFY(detect::forEachAnomaly(db, {}, [&](const detect::Anomaly &a) {
        if (a.summary.isEmpty() || a.reasons.empty() || a.kinds.isEmpty() || (a.subjectType == QLatin1String("user") && a.upn.isEmpty()))
            err = a.id;
        return err.isEmpty();
    }));
    QVERIFY2(err.isEmpty(), qPrintable(err));
}

void TestDetection::dayByDayEqualsOneSweep()
{
    // Import up to day 30 and detect, then the remaining days one at a time, detecting after each: each event is
    // judged by what was known before its day, so the result is the sweep's (sprays that straddle an import are
    // reported once, from their first part, hence compared apart).
    Database db;
    QVERIFY(db.open(newCase(QStringLiteral("daily"))));
    QVERIFY(!Importer(db).run(files(QStringLiteral("signins"), QStringLiteral("2024-09-02"), QStringLiteral("2024-10-01"))
                              + files(QStringLiteral("audits"), QStringLiteral("2024-09-02"), QStringLiteral("2024-10-01")))
                 .hasRejections());
    const Result<detect::DetectReport> first = detect::runDetection(db, {});
    QVERIFY2(first, test::failure(first).constData());
    for (QDate d(2024, 10, 2); d <= QDate(2024, 10, 16); d = d.addDays(1)) {
        const QString day = d.toString(Qt::ISODate);
        QSqlQuery count(db.connection());
        count.exec(QStringLiteral("SELECT COUNT(*) FROM signins"));
        count.next();
        const qint64 before = count.value(0).toLongLong();
        QVERIFY(!Importer(db).run(files(QStringLiteral("signins"), day, day) + files(QStringLiteral("audits"), day, day)).hasRejections());
        count.exec(QStringLiteral("SELECT COUNT(*) FROM signins"));
        count.next();
        const Result<detect::DetectReport> report = detect::runDetection(db, {});
        QVERIFY2(report, test::failure(report).constData());
        QCOMPARE(report->signInsExamined, count.value(0).toLongLong() - before); // only the new day is examined
    }
    Database sweep;
    QVERIFY(sweep.open(sweepDb_));
    const auto withoutSprays = [](Database &d) {
        QSet<QString> ids;
        QSqlQuery q(d.connection());
        q.exec(QStringLiteral("SELECT id FROM anomalies WHERE kind NOT IN ('password_spray', 'password_spray_success')"));
        while (q.next())
            ids.insert(q.value(0).toString());
        return ids;
    };
    const QSet<QString> daily = withoutSprays(db), once = withoutSprays(sweep);
    QStringList onlyDaily, onlyOnce;
    for (const QString &id : daily - once)
        onlyDaily << id;
    for (const QString &id : once - daily)
        onlyOnce << id;
    QVERIFY2(onlyDaily.isEmpty() && onlyOnce.isEmpty(),
             qPrintable(QStringLiteral("only day by day: %1; only in the sweep: %2").arg(onlyDaily.join(QLatin1Char(' ')), onlyOnce.join(QLatin1Char(' ')))));
}

void TestDetection::detectTwiceAddsNothing()
{
    Database db;
    QVERIFY(db.open(sweepDb_));
    const QSet<QString> before = anomalyIds(db);
    const Result<detect::DetectReport> report = detect::runDetection(db, {});
    QVERIFY2(report, test::failure(report).constData());
    QVERIFY(report->nothingNew);
    QCOMPARE(report->anomaliesAdded, 0);
    QCOMPARE(anomalyIds(db), before);
    // Re-importing the same files adds no events, so still nothing to examine.
    QVERIFY(!Importer(db).run({logs_}).hasRejections());
    const Result<detect::DetectReport> again = detect::runDetection(db, {});
    QVERIFY2(again, test::failure(again).constData());
    QVERIFY(again->nothingNew);
}

void TestDetection::cancelLeavesNothing()
{
    cancelDb_ = newCase(QStringLiteral("cancel"));
    Database db;
    QVERIFY(db.open(cancelDb_));
    QVERIFY(!Importer(db).run(files(QStringLiteral("signins"), QStringLiteral("2024-09-02"), QStringLiteral("2024-09-20"))).hasRejections());
    detect::DetectOptions options;
    int calls = 0;
    options.progress = [&](double) { return ++calls < 3; };
    const Result<detect::DetectReport> cancelled = detect::runDetection(db, options);
    QVERIFY2(cancelled, test::failure(cancelled).constData());
    QVERIFY(cancelled->cancelled);
    QSqlQuery q(db.connection());
    QVERIFY(q.exec(QStringLiteral("SELECT (SELECT COUNT(*) FROM anomalies), (SELECT COUNT(*) FROM user_days), "
                                  "(SELECT COUNT(*) FROM watermarks), (SELECT status FROM detection_runs)")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), 0);
    QCOMPARE(q.value(1).toInt(), 0);
    QCOMPARE(q.value(2).toInt(), 0);
    QCOMPARE(q.value(3).toString(), QStringLiteral("cancelled"));
    // The next run does the whole job.
    const Result<detect::DetectReport> report = detect::runDetection(db, {});
    QVERIFY2(report, test::failure(report).constData());
    QVERIFY(!report->cancelled);
    QVERIFY(report->signInsExamined > 0);
}

void TestDetection::baselinesAreStored()
{
    Database db;
    QVERIFY(db.open(sweepDb_));
    detect::BaselineOptions options;
    options.windowDays = 30;
    const Result<detect::BaselineReport> report = detect::computeBaselines(db, options);
    QVERIFY2(report, test::failure(report).constData());
    QVERIFY(report->users > 60);
    QCOMPARE(report->windowEndMs - report->windowStartMs, 30LL * 86'400'000);
    QSqlQuery q(db.connection());
    QVERIFY(q.exec(QStringLiteral("SELECT upn, events_used, active_days, learning, utc_offset_minutes, home_country, profile "
                                  "FROM baselines ORDER BY events_used DESC LIMIT 1")));
    QVERIFY(q.next());
    QVERIFY(q.value(1).toLongLong() > 100);
    QVERIFY(q.value(2).toInt() > 10);
    QCOMPARE(q.value(3).toInt(), 0);
    const QJsonObject profile = QJsonDocument::fromJson(q.value(6).toString().toUtf8()).object();
    for (const char *key : {"home", "ips", "prefixes", "cities", "countries", "apps", "resources", "os", "browsers",
                            "client_apps", "devices", "results", "hour_of_week_local", "sign_ins_per_active_day"})
        QVERIFY2(profile.contains(QString::fromLatin1(key)), key);
    QCOMPARE(profile.value(QStringLiteral("hour_of_week_local")).toArray().size(), 7);
    QCOMPARE(profile.value(QStringLiteral("home")).toObject().value(QStringLiteral("utc_offset_minutes")).toInt(), q.value(4).toInt());
    const QJsonObject country = profile.value(QStringLiteral("countries")).toArray().first().toObject();
    QVERIFY(country.value(QStringLiteral("first_seen_ms")).toDouble() <= country.value(QStringLiteral("last_seen_ms")).toDouble());
}

void TestDetection::cliContract()
{
    const QString db = copyCase(cancelDb_, QStringLiteral("cli"));
    QVERIFY(!db.isEmpty());
    const auto cli = [&](const QStringList &args, QByteArray *out = nullptr) {
        QProcess p;
        p.start(QStringLiteral(BACKSIGHT_CLI), QStringList{QStringLiteral("--db"), db} + args);
        if (!p.waitForFinished(120'000 * test::sanitizerSlowdown()))
            qWarning("backsight-cli %s did not finish in time", qPrintable(args.join(QLatin1Char(' '))));
        if (out)
            *out = p.readAllStandardOutput();
        return p.exitCode();
    };
    QByteArray out;
    QCOMPARE(cli({QStringLiteral("train"), QStringLiteral("--window-days"), QStringLiteral("14"), QStringLiteral("--json")}, &out), 0);
    QCOMPARE(QJsonDocument::fromJson(out).object().value(QStringLiteral("window_days")).toInt(), 14);
    QCOMPARE(cli({QStringLiteral("train"), QStringLiteral("--window-days"), QStringLiteral("zero")}), 1);
    QCOMPARE(cli({QStringLiteral("detect"), QStringLiteral("--json"), QStringLiteral("--quiet")}, &out), 0);
    QVERIFY(QJsonDocument::fromJson(out).object().value(QStringLiteral("nothing_new")).toBool()); // detected above already
    QCOMPARE(cli({QStringLiteral("anomalies"), QStringLiteral("--format"), QStringLiteral("jsonl")}, &out), 0);
    const QList<QByteArray> lines = out.trimmed().split('\n');
    QVERIFY(!lines.isEmpty());
    for (const QByteArray &line : lines) {
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        for (const char *key : {"id", "user_principal_name", "kinds", "severity", "score", "event_time", "event_ids", "reasons"})
            QVERIFY2(o.contains(QString::fromLatin1(key)), key);
        QVERIFY(o.value(QStringLiteral("event_time")).toString().endsWith(QLatin1Char('Z')));
        QVERIFY(!o.value(QStringLiteral("reasons")).toArray().first().toObject().value(QStringLiteral("text")).toString().isEmpty());
    }
    QCOMPARE(cli({QStringLiteral("anomalies"), QStringLiteral("--format"), QStringLiteral("jsonl"), QStringLiteral("--min-severity"),
                  QStringLiteral("high")}, &out), 0);
    for (const QByteArray &line : out.trimmed().split('\n')) {
        if (line.isEmpty())
            continue;
        const QString severity = QJsonDocument::fromJson(line).object().value(QStringLiteral("severity")).toString();
        QVERIFY(severity == QLatin1String("high") || severity == QLatin1String("critical"));
    }
    QCOMPARE(cli({QStringLiteral("anomalies"), QStringLiteral("--format"), QStringLiteral("csv")}, &out), 0);
    QVERIFY(out.startsWith("id,event_time,severity,score,user_principal_name"));
    QCOMPARE(cli({QStringLiteral("anomalies"), QStringLiteral("--min-severity"), QStringLiteral("severe")}), 1);
    QCOMPARE(cli({QStringLiteral("anomalies"), QStringLiteral("--format"), QStringLiteral("xml")}), 1);
}

void TestDetection::analysisJob()
{
    // What the GUI runs after an import: train, then detect, reporting progress; cancel stores no anomalies.
    const QString path = newCase(QStringLiteral("job"));
    {
        Database db;
        QVERIFY(db.open(path));
        QVERIFY(!Importer(db).run(files(QStringLiteral("signins"), QStringLiteral("2024-09-02"), QStringLiteral("2024-09-25"))).hasRejections());
    }
    AnalysisJob cancelled(path);
    cancelled.setAutoDelete(false);
    cancelled.cancel();
    QSignalSpy cancelledDone(&cancelled, &Job::finished);
    cancelled.run();
    QCOMPARE(cancelledDone.count(), 1);
    QVERIFY(!cancelledDone.first().at(0).toBool());

    AnalysisJob job(path);
    job.setAutoDelete(false);
    QSignalSpy progress(&job, &Job::progress);
    QSignalSpy done(&job, &Job::finished);
    job.run();
    QCOMPARE(done.count(), 1);
    QVERIFY2(done.first().at(0).toBool(), qPrintable(done.first().at(1).toString()));
    QVERIFY(done.first().at(1).toString().contains(QStringLiteral("new anomalies")));
    QVERIFY(job.anomaliesAdded() > 0);
    QVERIFY(progress.count() > 2);
    Database db;
    QVERIFY(db.open(path));
    QSqlQuery q(db.connection());
    QVERIFY(q.exec(QStringLiteral("SELECT (SELECT COUNT(*) FROM baselines), (SELECT COUNT(*) FROM anomalies)")) && q.next());
    QVERIFY(q.value(0).toInt() > 0);
    QCOMPARE(q.value(1).toLongLong(), job.anomaliesAdded());
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTEST_SET_MAIN_SOURCE_PATH
    // CTest runs it as test_detection and test_detection_postgres.
    return test::execOnEngine<TestDetection>("BACKSIGHT_TEST_DETECTION_ENGINE", argc, argv);
}

#include "test_detection.moc"
