// Faults without loss (docs/robustness.md): backsight-cli train, detect, a bulk triage change and report
// writing, each (1) with the disk "full" — the process may not grow any file past 32 KiB (RLIMIT_FSIZE, with
// SIGXFSZ ignored, so writes fail with EFBIG as they would on a full disk, whoever runs the test) — and
// (2) killed with SIGKILL while it works. Afterwards the case passes SQLite's integrity check, holds exactly
// what it held before, and the same command, re-run with room, completes with the counts of an undisturbed run.
#include "detect/sign_in_model_training.h"
#include "ml/user_models.h"
#include "store/database.h"
#include "test_support.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <csignal>
#include <sys/resource.h>

using namespace backsight;

namespace {

struct CliRun
{
    int exitCode = -1;
    bool crashed = false;
    QByteArray out, err;
};

// Row counts of the tables train, detect and triage write, with the audit log's length and the
// number of anomalies per status: a fingerprint of "what the case holds".
QMap<QString, qint64> fingerprint(const QString &path)
{
    QMap<QString, qint64> counts;
    const QString name = QStringLiteral("fp-%1").arg(quintptr(&counts));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open()) {
            QSqlQuery q(db);
            // Baselines and models keep their history (each training adds a generation; older models go
            // inactive): what counts is which users have one and which models are active.
            if (q.exec(QStringLiteral("SELECT count(DISTINCT upn) FROM baselines")) && q.next())
                counts.insert(QStringLiteral("users with a baseline"), q.value(0).toLongLong());
            if (q.exec(QStringLiteral("SELECT count(*) FROM models WHERE active = 1")) && q.next())
                counts.insert(QStringLiteral("active models"), q.value(0).toLongLong());
            for (const char *table : {"signins", "audits", "user_days", "anomalies",
                                      "anomaly_events", "anomaly_notes", "audit_log", "watermarks"}) {
                if (q.exec(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table))) && q.next())
                    counts.insert(QLatin1String(table), q.value(0).toLongLong());
            }
            // A failed or killed detection keeps its run row ("failed: why"): only finished runs count.
            if (q.exec(QStringLiteral("SELECT count(*) FROM detection_runs WHERE status = 'done'")) && q.next())
                counts.insert(QStringLiteral("detection_runs done"), q.value(0).toLongLong());
            if (q.exec(QStringLiteral("SELECT status, count(*) FROM anomalies GROUP BY status")))
                while (q.next())
                    counts.insert(QStringLiteral("status:") + q.value(0).toString(), q.value(1).toLongLong());
            if (q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next())
                counts.insert(QStringLiteral("integrity_ok"), q.value(0).toString() == QLatin1String("ok"));
        }
    }
    QSqlDatabase::removeDatabase(name);
    return counts;
}

QString describe(const QMap<QString, qint64> &m)
{
    QStringList parts;
    for (auto it = m.cbegin(); it != m.cend(); ++it)
        parts << QStringLiteral("%1=%2").arg(it.key()).arg(it.value());
    return parts.join(QLatin1Char(' '));
}

} // namespace

class TestStorageFaults : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void diskFullDuringTrain() { diskFull(trainArgs(), QStringLiteral("train")); }
    void diskFullDuringDetect() { diskFull(detectArgs(), QStringLiteral("detect")); }
    void diskFullDuringBulkTriage();
    void diskFullDuringReport();
    void diskFullDuringCaseNote();
    void diskFullDuringModelSaving();
    void killDuringTrain() { killed(trainArgs(), QStringLiteral("train")); }
    void killDuringDetect() { killed(detectArgs(), QStringLiteral("detect")); }
    void killDuringBulkTriage();
    void killDuringReportKeepsThePreviousReport();
    void readOnlyCaseFileRefusesWrites();

private:
    static QStringList trainArgs() { return {QStringLiteral("train"), QStringLiteral("--json")}; }
    static QStringList detectArgs() { return {QStringLiteral("detect"), QStringLiteral("--json"), QStringLiteral("--quiet")}; }
    CliRun cli(const QString &db, const QStringList &args, qint64 maxFileBytes = -1, int killAfterMs = -1);
    QString copyOf(const QString &from, const QString &name);
    void diskFull(const QStringList &args, const QString &action);
    void killed(const QStringList &args, const QString &action);
    void expectUnchangedAndHealthy(const QString &db, const QMap<QString, qint64> &before);
    QStringList anomalyIds(const QString &db);

    test::TempFolder tmp_;
    QString imported_, trained_, detected_;
    QMap<QString, qint64> afterTrain_, afterDetect_, afterTriage_;
    static constexpr qint64 kFullAt = 32 * 1024; // the SQLite -shm region is 32 KiB: reads still work
};

CliRun TestStorageFaults::cli(const QString &db, const QStringList &args, qint64 maxFileBytes, int killAfterMs)
{
    QProcess p;
    if (maxFileBytes >= 0) {
        p.setChildProcessModifier([maxFileBytes] {
            std::signal(SIGXFSZ, SIG_IGN); // a write past the limit fails with EFBIG instead of killing
            const rlimit limit{rlim_t(maxFileBytes), rlim_t(maxFileBytes)};
            setrlimit(RLIMIT_FSIZE, &limit);
        });
    }
    p.start(QStringLiteral(BACKSIGHT_CLI), db.isEmpty() ? args : QStringList{QStringLiteral("--db"), db} + args);
    CliRun r;
    if (!p.waitForStarted())
        return r;
    if (killAfterMs >= 0 && !p.waitForFinished(killAfterMs))
        ::kill(pid_t(p.processId()), SIGKILL);
    p.waitForFinished(600'000 * test::sanitizerSlowdown());
    r.crashed = p.exitStatus() == QProcess::CrashExit;
    r.exitCode = r.crashed ? -1 : p.exitCode();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

QString TestStorageFaults::copyOf(const QString &from, const QString &name)
{
    const QString to = tmp_.path(name);
    QFile::remove(to);
    if (!QFile::copy(from, to))
        return {};
    QFile(to).setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    return to;
}

QStringList TestStorageFaults::anomalyIds(const QString &db)
{
    const CliRun r = cli(db, {QStringLiteral("anomalies"), QStringLiteral("--format"), QStringLiteral("jsonl")});
    QStringList ids;
    for (const QByteArray &line : r.out.split('\n'))
        if (!line.trimmed().isEmpty())
            ids << QJsonDocument::fromJson(line).object().value(QStringLiteral("id")).toString();
    return ids;
}

void TestStorageFaults::initTestCase()
{
    const QString logs = tmp_.path(QStringLiteral("logs"));
    CliRun r = cli(QString(), {QStringLiteral("generate"), QStringLiteral("--out"), logs, QStringLiteral("--users"),
                               QStringLiteral("25"), QStringLiteral("--days"), QStringLiteral("30"), QStringLiteral("--seed"),
                               QStringLiteral("19"), QStringLiteral("--format"), QStringLiteral("graph")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    imported_ = tmp_.path(QStringLiteral("imported.sqlite"));
    r = cli(imported_, {QStringLiteral("import"), logs, QStringLiteral("--quiet")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    // The undisturbed runs every fault is compared with.
    trained_ = copyOf(imported_, QStringLiteral("trained.sqlite"));
    r = cli(trained_, trainArgs());
    QVERIFY2(r.exitCode == 0, r.err.constData());
    afterTrain_ = fingerprint(trained_);
    detected_ = copyOf(trained_, QStringLiteral("detected.sqlite"));
    r = cli(detected_, detectArgs());
    QVERIFY2(r.exitCode == 0, r.err.constData());
    afterDetect_ = fingerprint(detected_);
    QVERIFY2(afterDetect_.value(QStringLiteral("anomalies")) > 20, qPrintable(describe(afterDetect_)));
    QVERIFY(afterTrain_.value(QStringLiteral("users with a baseline")) > 0);
    const QString triaged = copyOf(detected_, QStringLiteral("triaged.sqlite"));
    r = cli(triaged, {QStringLiteral("case"), QStringLiteral("status"), QStringLiteral("--set"), QStringLiteral("confirmed"),
                      QStringLiteral("--id"), anomalyIds(detected_).join(QLatin1Char(',')), QStringLiteral("--author"),
                      QStringLiteral("tester")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    afterTriage_ = fingerprint(triaged);
    QCOMPARE(afterTriage_.value(QStringLiteral("status:confirmed")), afterDetect_.value(QStringLiteral("anomalies")));
}

void TestStorageFaults::expectUnchangedAndHealthy(const QString &db, const QMap<QString, qint64> &before)
{
    const QMap<QString, qint64> after = fingerprint(db);
    QCOMPARE(after.value(QStringLiteral("integrity_ok")), 1);
    QVERIFY2(after == before, qPrintable(QStringLiteral("before: %1\nafter:  %2").arg(describe(before), describe(after))));
}

void TestStorageFaults::diskFull(const QStringList &args, const QString &action)
{
    const QString source = action == QLatin1String("train") ? imported_ : trained_;
    const QString db = copyOf(source, QStringLiteral("full-%1.sqlite").arg(action));
    const QMap<QString, qint64> before = fingerprint(db);
    const CliRun full = cli(db, args, kFullAt);
    QCOMPARE(full.exitCode, 3);
    QVERIFY2(!full.err.isEmpty(), "a storage error must say what happened");
    qInfo("%s on a full disk: %s", qPrintable(action), full.err.trimmed().constData());
    expectUnchangedAndHealthy(db, before);
    // Space again: the same command completes, with the counts of the undisturbed run.
    const CliRun again = cli(db, args);
    QVERIFY2(again.exitCode == 0, again.err.constData());
    const QMap<QString, qint64> expected = action == QLatin1String("train") ? afterTrain_ : afterDetect_;
    const QMap<QString, qint64> after = fingerprint(db);
    QVERIFY2(after == expected, qPrintable(QStringLiteral("expected: %1\ngot:      %2").arg(describe(expected), describe(after))));
}

void TestStorageFaults::diskFullDuringBulkTriage()
{
    const QString db = copyOf(detected_, QStringLiteral("full-triage.sqlite"));
    const QMap<QString, qint64> before = fingerprint(db);
    const QStringList args{QStringLiteral("case"), QStringLiteral("status"), QStringLiteral("--set"), QStringLiteral("confirmed"),
                           QStringLiteral("--id"), anomalyIds(db).join(QLatin1Char(',')), QStringLiteral("--author"),
                           QStringLiteral("tester")};
    const CliRun full = cli(db, args, kFullAt);
    QCOMPARE(full.exitCode, 3);
    qInfo("bulk triage on a full disk: %s", full.err.trimmed().constData());
    QVERIFY(full.err.contains("case status"));
    expectUnchangedAndHealthy(db, before); // all or nothing: no anomaly half-confirmed, no orphan log entry
    const CliRun again = cli(db, args);
    QVERIFY2(again.exitCode == 0, again.err.constData());
    QCOMPARE(fingerprint(db), afterTriage_);
}

void TestStorageFaults::diskFullDuringReport()
{
    const QString db = copyOf(detected_, QStringLiteral("full-report.sqlite"));
    const QMap<QString, qint64> before = fingerprint(db);
    const QString pdf = tmp_.path(QStringLiteral("full-report.pdf"));
    const QStringList args{QStringLiteral("report"), QStringLiteral("--anomalies"), anomalyIds(db).mid(0, 10).join(QLatin1Char(',')),
                           QStringLiteral("--format"), QStringLiteral("pdf"), QStringLiteral("--out"), pdf};
    const CliRun full = cli(db, args, kFullAt);
    QCOMPARE(full.exitCode, 3);
    qInfo("report on a full disk: %s", full.err.trimmed().constData());
    QVERIFY(full.err.contains("full-report.pdf"));
    QVERIFY2(!QFile::exists(pdf), "a half-written report was left behind");
    expectUnchangedAndHealthy(db, before);
    const CliRun again = cli(db, args);
    QVERIFY2(again.exitCode == 0, again.err.constData());
    QFile f(pdf);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    QVERIFY(bytes.startsWith("%PDF") && bytes.trimmed().endsWith("%%EOF"));
}

// A case edit: a 64 KiB note (evidence pasted into it) does not fit on the full disk. Nothing of it, and no
// audit-log entry, is stored; with room the same command adds exactly one note.
void TestStorageFaults::diskFullDuringCaseNote()
{
    const QString db = copyOf(detected_, QStringLiteral("full-note.sqlite"));
    const QMap<QString, qint64> before = fingerprint(db);
    const QString id = anomalyIds(db).value(0);
    QVERIFY(!id.isEmpty());
    const QString text = QStringLiteral("pasted evidence ").repeated(4096);
    const QStringList args{QStringLiteral("case"), QStringLiteral("note"), QStringLiteral("--id"), id,
                           QStringLiteral("--text"), text, QStringLiteral("--author"), QStringLiteral("tester")};
    const CliRun full = cli(db, args, kFullAt);
    QCOMPARE(full.exitCode, 3);
    qInfo("case note on a full disk: %s", full.err.trimmed().constData());
    QVERIFY2(full.err.contains("case note") && full.err.contains("adding a note to anomaly"), full.err.constData());
    expectUnchangedAndHealthy(db, before);
    const CliRun again = cli(db, args);
    QVERIFY2(again.exitCode == 0, again.err.constData());
    QMap<QString, qint64> expected = before;
    expected[QStringLiteral("anomaly_notes")] += 1;
    expected[QStringLiteral("audit_log")] += 1;
    const QMap<QString, qint64> after = fingerprint(db);
    QVERIFY2(after == expected, qPrintable(QStringLiteral("expected: %1\ngot:      %2").arg(describe(expected), describe(after))));
}

// The model registry on a full database, through the API the train command and the GUI's training job use:
// SQLite's max_page_count stops the file from growing (SQLITE_FULL, as on a full disk).
void TestStorageFaults::diskFullDuringModelSaving()
{
    const auto modelCount = [](Database &db) {
        QSqlQuery q(db.connection());
        return q.exec(QStringLiteral("SELECT count(*) FROM models")) && q.next() ? q.value(0).toLongLong() : -1;
    };
    ml::ModelTrainOptions options;
    options.threads = 1;
    qint64 expected = 0;
    {
        Database reference;
        QVERIFY(reference.open(copyOf(imported_, QStringLiteral("models-reference.sqlite"))));
        BACKSIGHT_VERIFY_OK(detect::trainSignInModels(reference, options, {}));
        expected = modelCount(reference);
        QVERIFY(expected > 0);
    }
    Database db;
    QVERIFY(db.open(copyOf(imported_, QStringLiteral("models-full.sqlite"))));
    QSqlQuery q(db.connection());
    QVERIFY(q.exec(QStringLiteral("PRAGMA page_count")) && q.next());
    const qint64 pages = q.value(0).toLongLong();
    QVERIFY(q.exec(QStringLiteral("PRAGMA max_page_count = %1").arg(pages)));
    const Result<ml::ModelTrainReport> failed = detect::trainSignInModels(db, options, {});
    QVERIFY(!failed);
    const QString error = failed.error().message;
    qInfo("model saving on a full disk: %s", qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("full")), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("model"), Qt::CaseInsensitive), qPrintable(error)); // names the action
    QCOMPARE(modelCount(db), 0); // nothing half-saved
    QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
    QVERIFY(q.exec(QStringLiteral("PRAGMA max_page_count = 1073741823"))); // space again
    BACKSIGHT_VERIFY_OK(detect::trainSignInModels(db, options, {}));
    QCOMPARE(modelCount(db), expected);
}

void TestStorageFaults::killed(const QStringList &args, const QString &action)
{
    const QString source = action == QLatin1String("train") ? imported_ : trained_;
    const QMap<QString, qint64> expected = action == QLatin1String("train") ? afterTrain_ : afterDetect_;
    const QMap<QString, qint64> before = fingerprint(source);
    // Kill at several moments of the run (whatever it is doing then); each time the case holds either
    // what it held before or the finished result, and a re-run finishes the work exactly once.
    for (int delayMs : {150, 600, 1500}) {
        const QString db = copyOf(source, QStringLiteral("kill-%1-%2.sqlite").arg(action).arg(delayMs));
        const CliRun k = cli(db, args, -1, delayMs * test::sanitizerSlowdown());
        const QMap<QString, qint64> after = fingerprint(db);
        QCOMPARE(after.value(QStringLiteral("integrity_ok")), 1);
        qInfo("%s killed after %d ms (%s)", qPrintable(action), delayMs, k.crashed ? "killed" : "had finished");
        const CliRun again = cli(db, args);
        QVERIFY2(again.exitCode == 0, again.err.constData());
        const QMap<QString, qint64> done = fingerprint(db);
        QVERIFY2(done == expected, qPrintable(QStringLiteral("before: %1\nexpected: %2\ngot:      %3")
                                                  .arg(describe(before), describe(expected), describe(done))));
    }
}

void TestStorageFaults::killDuringBulkTriage()
{
    for (int delayMs : {50, 200, 600}) {
        const QString db = copyOf(detected_, QStringLiteral("kill-triage-%1.sqlite").arg(delayMs));
        const QStringList args{QStringLiteral("case"), QStringLiteral("status"), QStringLiteral("--set"), QStringLiteral("confirmed"),
                               QStringLiteral("--id"), anomalyIds(db).join(QLatin1Char(',')), QStringLiteral("--author"),
                               QStringLiteral("tester")};
        cli(db, args, -1, delayMs * test::sanitizerSlowdown());
        const QMap<QString, qint64> after = fingerprint(db);
        QCOMPARE(after.value(QStringLiteral("integrity_ok")), 1);
        // All or nothing: either no anomaly changed and nothing was logged, or the whole change is there.
        QVERIFY2(after == afterDetect_ || after == afterTriage_, qPrintable(describe(after)));
        const CliRun again = cli(db, args);
        QVERIFY2(again.exitCode == 0, again.err.constData());
        QCOMPARE(fingerprint(db).value(QStringLiteral("status:confirmed")), afterDetect_.value(QStringLiteral("anomalies")));
    }
}

void TestStorageFaults::killDuringReportKeepsThePreviousReport()
{
    const QString db = copyOf(detected_, QStringLiteral("kill-report.sqlite"));
    const QString pdf = tmp_.path(QStringLiteral("kill-report.pdf"));
    const QStringList args{QStringLiteral("report"), QStringLiteral("--anomalies"), anomalyIds(db).join(QLatin1Char(',')),
                           QStringLiteral("--format"), QStringLiteral("pdf"), QStringLiteral("--out"), pdf};
    CliRun r = cli(db, args);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QFile f(pdf);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray previous = f.readAll();
    f.close();
    for (int delayMs : {100, 400, 1000}) {
        cli(db, args, -1, delayMs * test::sanitizerSlowdown());
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray now = f.readAll();
        f.close();
        // The report at --out is either the previous one or a complete new one, never a torn file.
        QVERIFY(now.startsWith("%PDF") && now.trimmed().endsWith("%%EOF"));
        QVERIFY(now.size() > previous.size() / 2);
    }
    QCOMPARE(fingerprint(db).value(QStringLiteral("integrity_ok")), 1);
}

void TestStorageFaults::readOnlyCaseFileRefusesWrites()
{
    const QString db = copyOf(trained_, QStringLiteral("readonly.sqlite"));
    const QMap<QString, qint64> before = fingerprint(db);
    QVERIFY(QFile(db).setPermissions(QFile::ReadOwner | QFile::ReadGroup));
    const CliRun r = cli(db, detectArgs());
    QCOMPARE(r.exitCode, 3);
    QVERIFY2(r.err.contains("read-only") || r.err.contains("readonly"), r.err.constData());
    const CliRun stats = cli(db, {QStringLiteral("stats"), QStringLiteral("--json")});
    QCOMPARE(stats.exitCode, 0); // reading still works
    expectUnchangedAndHealthy(db, before);
}

QTEST_GUILESS_MAIN(TestStorageFaults)
#include "test_storage_faults.moc"
