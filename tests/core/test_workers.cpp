// Distributed detection on a shared PostgreSQL case (issue 13): `detect --workers N` queues one item per user,
// `backsight-cli worker` processes claim them with FOR UPDATE SKIP LOCKED under a lease, and the stored anomalies
// are exactly those of a run in one process — with 1, 2 and 4 workers, and with two workers killed (kill -9) while
// they hold an item, whose items the others take over once the lease runs out.
#include "detect/distributed_detection.h"
#include "postgres_server.h"
#include "store/database.h"
#include "store/work_queue.h"
#include "test_support.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlQuery>
#include <QThread>
#include <QtTest>
#include <memory>

using namespace backsight;

namespace {

int cli(const QStringList &args, QByteArray *out = nullptr)
{
    QProcess p;
    p.start(QStringLiteral(BACKSIGHT_CLI), args);
    if (!p.waitForFinished(600000))
        return -1;
    if (out)
        *out = p.readAllStandardOutput();
    if (p.exitCode() != 0)
        qWarning("%s: %s", qPrintable(args.join(QLatin1Char(' '))), p.readAllStandardError().constData());
    return p.exitCode();
}

// The stored anomalies, each as compact JSON without what differs between runs (the run and its time).
QStringList anomalies(const QString &url)
{
    QByteArray out;
    if (cli({QStringLiteral("--db"), url, QStringLiteral("anomalies")}, &out) != 0)
        return {QStringLiteral("anomalies failed")};
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
    return lines;
}

// Every stored model with what training decides (not its id, time or how long it took).
QStringList models(Database &db)
{
    QSqlQuery q(db.connection());
    if (!q.exec(QStringLiteral("SELECT scope, subject, kind, version, active, threshold, events_used, window_start_ms, "
                               "window_end_ms, parameters, metrics, score_distribution, md5(data) FROM models "
                               "ORDER BY scope, subject, kind, version")))
        return {QStringLiteral("cannot read the models")};
    QStringList out;
    while (q.next()) {
        QStringList row;
        for (int i = 0; i < 13; ++i)
            row << q.value(i).toString();
        out << row.join(QLatin1Char('|'));
    }
    return out;
}

int rows(Database &db, const QString &sql)
{
    QSqlQuery q(db.connection());
    return q.exec(sql) && q.next() ? q.value(0).toInt() : -1;
}

} // namespace

class TestWorkers : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void resultsSurviveTheQueue();
    void sameAnomaliesWithWorkers_data();
    void sameAnomaliesWithWorkers();
    void killedWorkersItemsAreTakenOver();
    void trainingOnWorkersGivesTheSameModels();
    void caseFileRunsInline();

private:
    QString copyOfTrainedCase(const QString &name);

    test::PostgresServer server_;
    test::TempFolder tmp_;
    QString zip_;
    QStringList reference_;
    int users_ = 0;
};

void TestWorkers::initTestCase()
{
    QVERIFY2(server_.start(), qPrintable(server_.error()));
    zip_ = tmp_.path(QStringLiteral("tenant.zip"));
    QCOMPARE(cli({QStringLiteral("generate"), QStringLiteral("--users"), QStringLiteral("80"), QStringLiteral("--days"),
                  QStringLiteral("21"), QStringLiteral("--seed"), QStringLiteral("11"), QStringLiteral("--format"),
                  QStringLiteral("veeam-zip"), QStringLiteral("--out"), zip_}),
             0);
    QVERIFY2(server_.createDatabase(QStringLiteral("imported")), qPrintable(server_.error()));
    QCOMPARE(cli({QStringLiteral("--db"), server_.url(QStringLiteral("imported")), QStringLiteral("import"),
                  QStringLiteral("--quiet"), zip_}),
             0);
    QVERIFY2(server_.createDatabase(QStringLiteral("trained"), QStringLiteral("imported")), qPrintable(server_.error()));
    QCOMPARE(cli({QStringLiteral("--db"), server_.url(QStringLiteral("trained")), QStringLiteral("train")}), 0);

    // The reference: the same case detected in one process.
    const QString single = copyOfTrainedCase(QStringLiteral("single"));
    QByteArray out;
    QCOMPARE(cli({QStringLiteral("--db"), single, QStringLiteral("detect"), QStringLiteral("--quiet"), QStringLiteral("--json")}, &out), 0);
    const QJsonObject report = QJsonDocument::fromJson(out).object();
    users_ = report.value(QStringLiteral("users")).toInt();
    QVERIFY(users_ >= 60);
    QCOMPARE(report.value(QStringLiteral("users_by_workers")).toInt(), 0);
    reference_ = anomalies(single);
    QVERIFY2(reference_.size() > 100, qPrintable(QString::number(reference_.size())));
    // The forest's findings are among them: the workers score the sign-in models too.
    QVERIFY(reference_.filter(QStringLiteral("model_iforest")).size() > 5);
}

QString TestWorkers::copyOfTrainedCase(const QString &name)
{
    // CREATE DATABASE … TEMPLATE needs the template to be without connections: every one here is closed by now.
    if (!server_.createDatabase(name, QStringLiteral("trained")))
        qWarning("%s", qPrintable(server_.error()));
    return server_.url(name);
}

// What a worker hands back reads back the same: findings with every field, days, the running window.
void TestWorkers::resultsSurviveTheQueue()
{
    detect::ExaminedUser user;
    detect::Finding f;
    f.kind = QStringLiteral("impossible_travel");
    f.subject = f.upn = QStringLiteral("ana@contoso.com");
    f.timeMs = 1'700'000'000'123;
    f.endMs = 1'700'000'100'000;
    f.eventTable = QStringLiteral("signins");
    f.eventIds = {QStringLiteral("a"), QStringLiteral("b")};
    f.score = 0.1 + 0.2; // not exactly representable in decimal
    f.threatScore = 7;
    f.success = f.learning = f.privileged = f.knownDevice = true;
    f.interactive = false;
    f.reason = {QStringLiteral("travel"), QStringLiteral("Ana, Lisbon → Sydney"),
                QJsonObject{{QStringLiteral("km"), 18'000.25}, {QStringLiteral("count"), 3},
                            {QStringLiteral("places"), QJsonArray{QStringLiteral("Lisbon"), QJsonValue()}}}};
    f.baselineId = 4;
    f.modelId = 9;
    user.result.findings = {f, detect::Finding()};
    user.modelFindings = {f};
    baseline::DayAggregate day;
    day.day = 19'700;
    day.signIns = 12;
    user.result.days.emplace(day.day, day);
    user.result.windowEndDay = 19'701;
    user.result.window = QByteArray("window\0bytes", 12);
    user.signInsExamined = 12;
    user.unknownErrorCodes.insert(123456, 2);

    const Result<detect::ExaminedUser> back = detect::decodeExaminedUser(detect::encodeExaminedUser(user));
    QVERIFY2(back, qPrintable(back ? QString() : back.error().message));
    QCOMPARE(detect::encodeExaminedUser(*back), detect::encodeExaminedUser(user));
    const detect::Finding &g = back->result.findings.at(0);
    QCOMPARE(g.score, f.score);
    QCOMPARE(g.endMs, f.endMs);
    QCOMPARE(g.threatScore, f.threatScore);
    QCOMPARE(g.reason.evidence, f.reason.evidence);
    QCOMPARE(g.interactive, false);
    QVERIFY(!back->result.findings.at(1).endMs.has_value());
    QCOMPARE(back->result.days.at(19'700).signIns, 12);
    QCOMPARE(back->result.window, user.result.window);
    QCOMPARE(back->unknownErrorCodes.value(123456), 2);
    QCOMPARE(back->modelFindings.size(), std::size_t(1));
    // A damaged result is an error, not an empty one.
    QByteArray damaged = detect::encodeExaminedUser(user);
    damaged.truncate(damaged.size() / 2);
    QVERIFY(!detect::decodeExaminedUser(damaged));
    QVERIFY(!detect::decodeExaminedUser(QByteArray("not a result")));
}

void TestWorkers::sameAnomaliesWithWorkers_data()
{
    QTest::addColumn<int>("workers");
    QTest::newRow("1 worker") << 1;
    QTest::newRow("2 workers") << 2;
    QTest::newRow("4 workers") << 4;
}

void TestWorkers::sameAnomaliesWithWorkers()
{
    QFETCH(int, workers);
    const QString url = copyOfTrainedCase(QStringLiteral("workers%1").arg(workers));
    QByteArray out;
    QCOMPARE(cli({QStringLiteral("--db"), url, QStringLiteral("detect"), QStringLiteral("--quiet"), QStringLiteral("--json"),
                  QStringLiteral("--workers"), QString::number(workers)},
                 &out),
             0);
    const QJsonObject report = QJsonDocument::fromJson(out).object();
    QCOMPARE(report.value(QStringLiteral("users")).toInt(), users_);
    QCOMPARE(report.value(QStringLiteral("users_by_workers")).toInt(), users_);
    QCOMPARE(anomalies(url), reference_);
    Database db;
    QVERIFY2(db.open(url), qPrintable(db.error()));
    QCOMPARE(rows(db, QStringLiteral("SELECT COUNT(*) FROM work_items")), 0); // the batch is removed when done
    QCOMPARE(rows(db, QStringLiteral("SELECT COUNT(*) FROM work_batches")), 0);
}

// Four workers serve the case; `detect --workers 0` queues the users and waits for them. Two workers are killed with
// SIGKILL while each holds an item; the other two take those items over when the lease (1.5 s) runs out.
void TestWorkers::killedWorkersItemsAreTakenOver()
{
    const QString url = copyOfTrainedCase(QStringLiteral("killed"));
    std::vector<std::unique_ptr<QProcess>> workers;
    const auto startWorker = [&] {
        auto p = std::make_unique<QProcess>();
        p->start(QStringLiteral(BACKSIGHT_CLI),
                 {QStringLiteral("--db"), url, QStringLiteral("worker"), QStringLiteral("--lease-ms"), QStringLiteral("1500")});
        QVERIFY(p->waitForStarted());
        workers.push_back(std::move(p));
    };
    for (int i = 0; i < 4; ++i)
        startWorker();

    QProcess detect;
    detect.start(QStringLiteral(BACKSIGHT_CLI), {QStringLiteral("--db"), url, QStringLiteral("detect"), QStringLiteral("--quiet"),
                                                 QStringLiteral("--json"), QStringLiteral("--workers"), QStringLiteral("0")});
    QVERIFY(detect.waitForStarted());

    Database watch;
    QVERIFY2(watch.open(url), qPrintable(watch.error()));
    QStringList killed;      // worker names (host:pid) killed while holding an item
    QList<int> takenOver;    // the items they held
    QElapsedTimer timer;
    timer.start();
    while (killed.size() < 2 && detect.state() != QProcess::NotRunning && timer.elapsed() < 120'000) {
        QSqlQuery q(watch.connection());
        QVERIFY(q.exec(QStringLiteral("SELECT worker FROM work_items WHERE state = 'claimed' ORDER BY id")));
        std::optional<QString> holder;
        while (q.next())
            if (!killed.contains(q.value(0).toString())) {
                holder = q.value(0).toString();
                break;
            }
        if (!holder) {
            detect.waitForFinished(1);
            continue;
        }
        const qint64 pid = holder->section(QLatin1Char(':'), -1).toLongLong();
        auto it = std::find_if(workers.begin(), workers.end(), [&](const auto &p) { return p->processId() == pid; });
        QVERIFY2(it != workers.end(), qPrintable(*holder));
        (*it)->kill(); // SIGKILL
        QVERIFY((*it)->waitForFinished(10'000));
        // Whether it died holding the item: the claim it left behind is still its own.
        QSqlQuery left(watch.connection());
        left.prepare(QStringLiteral("SELECT seq FROM work_items WHERE state = 'claimed' AND worker = ?"));
        left.addBindValue(*holder);
        QVERIFY(left.exec());
        if (left.next()) {
            killed << *holder;
            takenOver << left.value(0).toInt();
        } else {
            startWorker(); // it finished the item just before: another one takes its place, and we try again
        }
    }
    QCOMPARE(killed.size(), 2);
    QVERIFY2(detect.waitForFinished(120'000), "detect did not finish: the killed workers' items were not taken over");
    QCOMPARE(detect.exitCode(), 0);
    const QJsonObject report = QJsonDocument::fromJson(detect.readAllStandardOutput()).object();
    QCOMPARE(report.value(QStringLiteral("users_by_workers")).toInt(), users_);
    QCOMPARE(anomalies(url), reference_);

    // The survivors took the killed workers' items on a second attempt.
    QByteArray logs;
    for (auto &p : workers) {
        if (p->state() == QProcess::NotRunning)
            continue;
        p->terminate();
        QVERIFY(p->waitForFinished(10'000));
        logs += p->readAllStandardError();
    }
    for (int seq : takenOver)
        QVERIFY2(logs.contains(QStringLiteral("item %1 (attempt 2): done").arg(seq).toUtf8()), logs.constData());
    QCOMPARE(rows(watch, QStringLiteral("SELECT COUNT(*) FROM work_items")), 0);
}

// `train --workers 2`: the per-user forests are trained by the workers (the tenant models by the command meanwhile),
// and the stored models are the ones `train` stores in one process, byte for byte.
void TestWorkers::trainingOnWorkersGivesTheSameModels()
{
    QVERIFY2(server_.createDatabase(QStringLiteral("trainedbyworkers"), QStringLiteral("imported")), qPrintable(server_.error()));
    const QString url = server_.url(QStringLiteral("trainedbyworkers"));
    QByteArray out;
    QCOMPARE(cli({QStringLiteral("--db"), url, QStringLiteral("train"), QStringLiteral("--json"), QStringLiteral("--workers"),
                  QStringLiteral("2")},
                 &out),
             0);
    const QJsonObject report = QJsonDocument::fromJson(out).object();
    QVERIFY(report.value(QStringLiteral("user_models")).toInt() > 40);
    QCOMPARE(report.value(QStringLiteral("user_models_by_workers")), report.value(QStringLiteral("user_models")));
    Database byWorkers, inOneProcess;
    QVERIFY2(byWorkers.open(url), qPrintable(byWorkers.error()));
    QVERIFY2(inOneProcess.open(server_.url(QStringLiteral("trained"))), qPrintable(inOneProcess.error()));
    const QStringList expected = models(inOneProcess);
    QVERIFY(expected.size() > 40);
    QCOMPARE(models(byWorkers), expected);
    QCOMPARE(rows(byWorkers, QStringLiteral("SELECT COUNT(*) FROM work_batches")), 0);
}

// A case file has no queue to share: --workers examines it in the command, with the same anomalies.
void TestWorkers::caseFileRunsInline()
{
    const QString file = tmp_.path(QStringLiteral("case.sqlite"));
    QCOMPARE(cli({QStringLiteral("--db"), file, QStringLiteral("import"), QStringLiteral("--quiet"), zip_}), 0);
    QCOMPARE(cli({QStringLiteral("--db"), file, QStringLiteral("train")}), 0);
    QByteArray out;
    QCOMPARE(cli({QStringLiteral("--db"), file, QStringLiteral("detect"), QStringLiteral("--quiet"), QStringLiteral("--json"),
                  QStringLiteral("--workers"), QStringLiteral("2")},
                 &out),
             0);
    QCOMPARE(QJsonDocument::fromJson(out).object().value(QStringLiteral("users_by_workers")).toInt(), 0);
    QCOMPARE(anomalies(file), reference_);
    // And a worker refuses it, saying why.
    QProcess worker;
    worker.start(QStringLiteral(BACKSIGHT_CLI), {QStringLiteral("--db"), file, QStringLiteral("worker")});
    QVERIFY(worker.waitForFinished(60'000));
    QCOMPARE(worker.exitCode(), 1);
    QVERIFY(worker.readAllStandardError().contains("PostgreSQL"));
}

QTEST_GUILESS_MAIN(TestWorkers)
#include "test_workers.moc"
