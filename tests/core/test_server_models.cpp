// Per-server backup models on sessions inserted here: training, the fleet fallback, findings and their words.
#include "backup/server_models.h"
#include "backup/session_findings.h"
#include "backup_calibration.h"
#include "ingest/importer.h"
#include "ml/robust_baseline.h"
#include "simulate/backup_history.h"
#include "store/database.h"
#include "test_support.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QDir>
#include <QMap>
#include <QSet>
#include <QTest>
#include <array>
#include <cmath>
#include <random>

using namespace backsight;

namespace {

// Train on every stored session (the default keeps the newest two thirds out of training to be judged).
backsight::backup::ServerTrainOptions allHistory()
{
    backsight::backup::ServerTrainOptions o;
    o.trainShare = 1.0;
    return o;
}

} // namespace

namespace {

constexpr double GB = 1e9;
constexpr qint64 dayMs = 86400000;
constexpr qint64 startMs = 1730419200000; // 2024-11-01T00:00:00Z

struct Shape
{
    double transferred = 35 * GB, read = 40 * GB, dedup = 3.8, compress = 2.0, durationS = 1500;
    QString result = QStringLiteral("Success");
    double jitter = 0.06; // ± half of this, relative
};

class SessionWriter
{
public:
    explicit SessionWriter(Database &db) : db_(db)
    {
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(QStringLiteral("INSERT INTO sources (path, sha256, size_bytes, reader, records_read, "
                                      "records_new, records_rejected, imported_at, last_imported_at) "
                                      "VALUES ('sessions.json', 'x', 1, 'test', 0, 0, 0, 0, 0)")));
        // The backup import adds columns to version 4 while this test is written; fill `level` when it is there.
        hasLevel_ = db.connection().record(QStringLiteral("backup_sessions")).contains(QStringLiteral("level"));
    }

    // One session per day from `firstDay`, each value jittered by up to ±3 % (seeded).
    void add(const QString &server, int firstDay, int days, const Shape &shape = {},
             const QString &level = QStringLiteral("job"))
    {
        for (int d = firstDay; d < firstDay + days; ++d) {
            auto jitter = [&] { return 1.0 + (double(rng_() % 1001) / 1000.0 - 0.5) * shape.jitter; };
            QSqlQuery q(db_.connection());
            q.prepare(QStringLiteral("INSERT INTO backup_sessions (id, server, creation_ms, end_ms, result, "
                                     "transferred_bytes, read_bytes, dedup_ratio, compress_ratio, duration_s, "
                                     "source_id, record_index%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?%2)")
                          .arg(hasLevel_ ? QStringLiteral(", level") : QString(),
                               hasLevel_ ? QStringLiteral(", ?") : QString()));
            const qint64 at = startMs + d * dayMs + 22 * 3600000;
            const double duration = shape.durationS * jitter();
            q.addBindValue(level == QLatin1String("job") ? QStringLiteral("%1-%2").arg(server).arg(d)
                                                         : QStringLiteral("%1-%2-%3").arg(server, level).arg(d));
            q.addBindValue(server);
            q.addBindValue(at);
            q.addBindValue(at + qint64(duration * 1000));
            q.addBindValue(shape.result);
            q.addBindValue(qint64(shape.transferred * jitter()));
            q.addBindValue(qint64(shape.read * jitter()));
            q.addBindValue(shape.dedup * (1.0 + (jitter() - 1.0) / 3));
            q.addBindValue(shape.compress * (1.0 + (jitter() - 1.0) / 3));
            q.addBindValue(duration);
            q.addBindValue(index_++);
            if (hasLevel_)
                q.addBindValue(level);
            QVERIFY2(q.exec(), qPrintable(Database::describe(QStringLiteral("insert"), q.lastError())));
        }
    }

    qint64 lastRowId()
    {
        QSqlQuery q(db_.connection());
        q.exec(QStringLiteral("SELECT COALESCE(MAX(rowid), 0) FROM backup_sessions"));
        q.next();
        return q.value(0).toLongLong();
    }

private:
    Database &db_;
    std::mt19937_64 rng_{7};
    int index_ = 0;
    bool hasLevel_ = false;
};

// Three servers: two with history of their own, one new (judged by the fleet model).
void fillHistory(Database &db, SessionWriter &w)
{
    Q_UNUSED(db);
    w.add(QStringLiteral("FS01"), 0, 60);
    Shape sql;
    sql.transferred = 8 * GB;
    sql.read = 12 * GB;
    sql.dedup = 1.9;
    sql.compress = 1.6;
    sql.durationS = 600;
    w.add(QStringLiteral("SQL02"), 0, 45, sql);
    w.add(QStringLiteral("NEW03"), 50, 10);
}

// The simple baseline on the same split: per server and measured feature, a robust z-score against the median of
// the same weekday in the training nights (weekly fulls run on a fixed weekday); a night's score is its largest
// |z|; the threshold is learnt from the training nights' scores like the LSTM's. Returns flagged session ids.
QSet<QString> baselineFlags(Database &db, qint64 watermark, double k, double q)
{
    QSqlQuery q2(db.connection());
    q2.exec(QStringLiteral("SELECT server, id, rowid, creation_ms, result, transferred_bytes, read_bytes, "
                           "processed_used_bytes, dedup_ratio, compress_ratio, duration_s FROM backup_sessions "
                           "ORDER BY server, creation_ms"));
    struct Row { QString id; bool train; int weekday; std::array<double, 6> f; };
    QMap<QString, std::vector<Row>> byServer;
    while (q2.next()) {
        if (q2.value(4).toString() == QLatin1String("Failed") && q2.value(6).toLongLong() == 0)
            continue; // a failed night that moved nothing: not a size anomaly
        Row r{q2.value(1).toString(), q2.value(2).toLongLong() <= watermark,
              QDateTime::fromMSecsSinceEpoch(q2.value(3).toLongLong(), Qt::UTC).date().dayOfWeek(), {}};
        for (int f = 0; f < 6; ++f) {
            const double v = q2.value(5 + f).toDouble();
            r.f[size_t(f)] = (f == 3 || f == 4) ? v : std::log1p(std::max(0.0, v));
        }
        byServer[q2.value(0).toString()].push_back(r);
    }
    QSet<QString> flagged;
    for (const auto &rows : byServer) {
        std::array<backsight::ml::SeasonalRobustBaseline, 6> models;
        for (int f = 0; f < 6; ++f) {
            std::vector<double> values;
            std::vector<int> seasons;
            for (const Row &r : rows)
                if (r.train) {
                    values.push_back(r.f[size_t(f)]);
                    seasons.push_back(r.weekday);
                }
            models[size_t(f)].fit(values, seasons, 3, 0.05);
        }
        auto score = [&](const Row &r) {
            double worst = 0;
            for (int f = 0; f < 6; ++f)
                worst = std::max(worst, models[size_t(f)].score(r.f[size_t(f)], r.weekday));
            return worst;
        };
        std::vector<double> training;
        for (const Row &r : rows)
            if (r.train)
                training.push_back(score(r));
        const double threshold = backsight::ml::ScoreThreshold::fit(training, k, q).threshold;
        for (const Row &r : rows)
            if (!r.train && score(r) > threshold)
                flagged.insert(r.id);
    }
    return flagged;
}

QByteArray modelBlobs(Database &db)
{
    QSqlQuery q(db.connection());
    q.exec(QStringLiteral("SELECT scope, subject, data FROM models ORDER BY scope, subject"));
    QByteArray all;
    while (q.next())
        all += q.value(0).toByteArray() + q.value(1).toByteArray() + q.value(2).toByteArray();
    return all;
}

} // namespace

class TestServerModels : public QObject
{
    Q_OBJECT

private slots:
    void trainsPerServerAndFleet()
    {
        test::TempFolder dir;
        Database db;
        QVERIFY2(db.open(dir.path(QStringLiteral("case.sqlite"))), qPrintable(db.error()));
        SessionWriter w(db);
        fillHistory(db, w);
        double last = 0;
        const Result<int> trained = backup::trainServerModels(db, allHistory(), [&](double p) { last = p; return true; });
        QVERIFY2(trained, test::failure(trained).constData());
        QCOMPARE(*trained, 3);
        QCOMPARE(last, 1.0);
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(QStringLiteral("SELECT scope, subject, version, events_used, threshold > 0, active FROM models "
                                      "ORDER BY scope, subject")));
        QStringList rows;
        while (q.next())
            rows << QStringLiteral("%1/%2 v%3 n=%4 t=%5 a=%6")
                        .arg(q.value(0).toString(), q.value(1).toString())
                        .arg(q.value(2).toInt())
                        .arg(q.value(3).toInt())
                        .arg(q.value(4).toInt())
                        .arg(q.value(5).toInt());
        QCOMPARE(rows, QStringList({QStringLiteral("fleet/all v1 n=115 t=1 a=1"),
                                    QStringLiteral("server/FS01 v1 n=60 t=1 a=1"),
                                    QStringLiteral("server/SQL02 v1 n=45 t=1 a=1")}));
        // By default a model learns from the oldest third of a server's history (at least minSessions sessions)
        // and judges only what came after.
        BACKSIGHT_VERIFY_OK(backup::trainServerModels(db, {}, {}));
        QVERIFY(q.exec(QStringLiteral("SELECT events_used FROM models WHERE subject = 'FS01' AND active = 1")) && q.next());
        QCOMPARE(q.value(0).toInt(), 30);
        // Training again makes a new version (here 3) the active one.
        BACKSIGHT_VERIFY_OK(backup::trainServerModels(db, {}, {}));
        QVERIFY(q.exec(QStringLiteral("SELECT version FROM models WHERE subject = 'FS01' AND active = 1")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 3);
    }

    void sameSeedSameModels()
    {
        test::TempFolder dir;
        Database a, b;
        QVERIFY(a.open(dir.path(QStringLiteral("a.sqlite"))));
        QVERIFY(b.open(dir.path(QStringLiteral("b.sqlite"))));
        SessionWriter wa(a), wb(b);
        fillHistory(a, wa);
        fillHistory(b, wb);
        BACKSIGHT_VERIFY_OK(backup::trainServerModels(a, {}, {}));
        BACKSIGHT_VERIFY_OK(backup::trainServerModels(b, {}, {}));
        QVERIFY(!modelBlobs(a).isEmpty());
        QCOMPARE(modelBlobs(a), modelBlobs(b));
    }

    void findsAttacksWithTheirSignals()
    {
        test::TempFolder dir;
        Database db;
        QVERIFY(db.open(dir.path(QStringLiteral("case.sqlite"))));
        SessionWriter w(db);
        fillHistory(db, w);
        BACKSIGHT_VERIFY_OK(backup::trainServerModels(db, {}, {}));
        const qint64 watermark = w.lastRowId();

        w.add(QStringLiteral("FS01"), 60, 5); // ordinary nights: no finding
        Shape ransom;
        ransom.transferred = 412 * GB;
        ransom.read = 430 * GB;
        ransom.dedup = 1.1;
        ransom.compress = 1.0;
        ransom.durationS = 4 * 3600;
    ransom.jitter = 0;
        w.add(QStringLiteral("FS01"), 65, 1, ransom);
        Shape exfil;
        exfil.transferred = 8 * GB;
        exfil.read = 900 * GB;
        exfil.dedup = 1.9;
        exfil.compress = 1.6;
        exfil.durationS = 600;
    exfil.jitter = 0;
        w.add(QStringLiteral("SQL02"), 45, 1, exfil);
        Shape wiped;
        wiped.transferred = 0.05 * GB;
        wiped.read = 0.06 * GB;
        wiped.durationS = 60;
        w.add(QStringLiteral("NEW03"), 60, 1, wiped);

        std::vector<detect::Finding> findings;
        BACKSIGHT_VERIFY_OK(backup::scoreBackupSessions(db, watermark, w.lastRowId(), findings));
        for (const auto &f : findings)
            qInfo("%s %s %s threat %d score %.2f: %s", qPrintable(f.subject), qPrintable(f.eventIds.first()),
                  qPrintable(f.kind), f.threatScore.value_or(0), f.score, qPrintable(f.reason.text));
        QCOMPARE(int(findings.size()), 3);

        const detect::Finding &r = findings[0];
        QCOMPARE(r.subjectType, QStringLiteral("server"));
        QCOMPARE(r.subject, QStringLiteral("FS01"));
        QCOMPARE(r.kind, QStringLiteral("backup_ransomware"));
        QCOMPARE(r.eventTable, QStringLiteral("backup_sessions"));
        QCOMPARE(r.eventIds.first(), QStringLiteral("FS01-65"));
        QCOMPARE(r.eventIds.size(), 8);
        QVERIFY(*r.threatScore >= 7);
        QCOMPARE(detect::severityForThreatScore(*r.threatScore) >= detect::Severity::High, true);
        QVERIFY(r.score > 0.5 && r.score <= 1.0);
        QVERIFY(r.modelId > 0);
        QVERIFY2(r.reason.text.contains(QStringLiteral("dedup ratio 1.1 vs usual 3.8")), qPrintable(r.reason.text));
        QVERIFY2(r.reason.text.contains(QStringLiteral("transferred 412 GB vs usual 35 GB")), qPrintable(r.reason.text));
        QVERIFY(r.reason.evidence.contains(QStringLiteral("threshold")));

        QCOMPARE(findings[1].subject, QStringLiteral("NEW03"));
        QCOMPARE(findings[1].kind, QStringLiteral("backup_mass_deletion"));
        QVERIFY(findings[1].reason.evidence.value(QStringLiteral("fleet_model")).toBool());
        QCOMPARE(findings[2].subject, QStringLiteral("SQL02"));
        QCOMPARE(findings[2].kind, QStringLiteral("backup_exfiltration"));
        QVERIFY2(findings[2].reason.text.contains(QStringLiteral("read 900 GB vs usual 12 GB")),
                 qPrintable(findings[2].reason.text));
    }

    // NAB through the backup path (docs/backup-models.md, "On NAB"): at least the 6 of 10 labelled windows measured
    // with a threat of 7 or more, 7 detected, the clean series silent, no more than the 63 findings above 3 outside
    // the windows measured before the threat rules. Skipped without the data (BACKSIGHT_SHARED/benchmarks/nab).
    void calibrationOnNab()
    {
        const QString shared = qEnvironmentVariable("BACKSIGHT_SHARED");
        const QString nabDir = shared + QStringLiteral("/benchmarks/nab");
        if (shared.isEmpty() || !QDir(nabDir).exists())
            QSKIP("NAB data not available (set BACKSIGHT_SHARED to the folder holding benchmarks/nab)");
        std::vector<nab::Series> series;
        QString error;
        QVERIFY2(nab::loadSeries(nabDir, {QStringLiteral("artificialNoAnomaly/art_daily_small_noise.csv")}, series, error),
                 qPrintable(error));
        test::TempFolder dir;
        int windows = 0, detected = 0, high = 0, outsideAbove3 = 0;
        for (const nab::Series &s : series) {
            const backupbench::NabResult r = backupbench::evaluateNab(s, dir.path(QStringLiteral("nab")));
            QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
            qInfo("%s: windows %d detected %d >= 7 %d outside %d (> 3: %d)", qPrintable(r.file), r.windows,
                  r.windowsDetected, r.windowsAtLeast7, r.findingsOutside, r.outsideAbove3);
            if (r.windows == 0)
                QCOMPARE(r.findingsOutside, 0);
            windows += r.windows;
            detected += r.windowsDetected;
            high += r.windowsAtLeast7;
            outsideAbove3 += r.outsideAbove3;
        }
        QCOMPARE(windows, 10);
        QVERIFY2(detected >= 7, qPrintable(QString::number(detected)));
        QVERIFY2(high >= 6, qPrintable(QString::number(high)));
        QVERIFY2(outsideAbove3 <= 63, qPrintable(QString::number(outsideAbove3)));
    }

    // The simulator's nightly histories with labelled attacks (docs/simulation.md): train on the first 30 nights
    // (attacks start later), then judge the remaining 60 nights as one incremental detection run.
    // A single night 15 % busier — or one odd night twice as busy that reads and writes alike — is not a threat;
    // the threshold comes from held-back windows, not the ones the network learnt.
    void oneOddNightIsNotAThreat()
    {
        test::TempFolder dir;
        Database db;
        QVERIFY(db.open(dir.path(QStringLiteral("case.sqlite"))));
        SessionWriter w(db);
        Shape steady;
        steady.jitter = 0.02; // a server whose numbers barely move: the hardest case for a 15 % spike
        w.add(QStringLiteral("FS01"), 0, 40, steady);
        BACKSIGHT_VERIFY_OK(backup::trainServerModels(db, allHistory(), {}));
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(QStringLiteral("SELECT score_distribution FROM models WHERE subject = 'FS01'")) && q.next());
        QVERIFY2(q.value(0).toString().contains(QLatin1String("\"held_back\":33")), qPrintable(q.value(0).toString()));
        const qint64 watermark = w.lastRowId();
        w.add(QStringLiteral("FS01"), 40, 3, steady);
        Shape spike = steady;
        spike.transferred *= 1.15;
        spike.read *= 1.15;
        spike.durationS *= 1.15;
        w.add(QStringLiteral("FS01"), 43, 1, spike);
        w.add(QStringLiteral("FS01"), 44, 3, steady);
        Shape busy = steady;
        busy.transferred *= 2.0;
        busy.read *= 2.0;
        busy.durationS *= 1.8;
        w.add(QStringLiteral("FS01"), 47, 1, busy);
        w.add(QStringLiteral("FS01"), 48, 3, steady);
        std::vector<detect::Finding> findings;
        BACKSIGHT_VERIFY_OK(backup::scoreBackupSessions(db, watermark, w.lastRowId(), findings));
        for (const detect::Finding &f : findings) {
            QVERIFY2(f.eventIds.first() != QLatin1String("FS01-43"), qPrintable(f.reason.text));
            QVERIFY2(f.threatScore.value_or(0) <= 3 && f.kind == QLatin1String("backup_anomaly"), qPrintable(f.reason.text));
        }
    }

    // The threat from the kind, the error and the context (docs/backup-models.md, "Threat score"): a named pattern
    // climbs one step per doubling of the error and of its run of consecutive sessions over the threshold (two at
    // most); an unexplained departure stays low unless it is 8× the threshold or more, out of quiet and changes the
    // backup's shape.
    void threatScoreSteps_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<double>("ratio");
        QTest::addColumn<bool>("failureOnly");
        QTest::addColumn<int>("run");
        QTest::addColumn<bool>("afterQuiet");
        QTest::addColumn<bool>("shapeChanged");
        QTest::addColumn<int>("threat");
        const QString r = QStringLiteral("backup_ransomware"), x = QStringLiteral("backup_exfiltration"),
                      d = QStringLiteral("backup_mass_deletion"), a = QStringLiteral("backup_anomaly");
        QTest::newRow("deletion alone") << d << 2.5 << false << 1 << true << false << 6;
        QTest::newRow("deletion, second night") << d << 2.5 << false << 2 << false << false << 7;
        QTest::newRow("deletion, third night") << d << 2.5 << false << 3 << false << false << 7;
        QTest::newRow("deletion, fourth night") << d << 2.5 << false << 4 << false << false << 8;
        QTest::newRow("deletion never above 8") << d << 40.0 << false << 60 << false << false << 8;
        QTest::newRow("exfiltration, second night") << x << 1.2 << false << 2 << false << false << 6;
        QTest::newRow("ransomware, second night") << r << 1.5 << false << 2 << false << false << 8;
        QTest::newRow("ransomware never above 10") << r << 64.0 << false << 8 << false << false << 10;
        QTest::newRow("unexplained run stays low") << a << 2.5 << false << 6 << false << true << 2;
        QTest::newRow("unexplained 7.9x out of quiet") << a << 7.9 << false << 1 << true << true << 3;
        QTest::newRow("unexplained 8x out of quiet") << a << 8.0 << false << 1 << true << true << 7;
        QTest::newRow("unexplained 40x out of quiet") << a << 40.0 << false << 1 << true << true << 8;
        QTest::newRow("unexplained 40x amid odd nights") << a << 40.0 << false << 1 << false << true << 3;
        QTest::newRow("unexplained 40x, same shape") << a << 40.0 << false << 1 << true << false << 3;
        QTest::newRow("failed, moved nothing") << a << 40.0 << true << 1 << true << true << 2;
    }

    void threatScoreSteps()
    {
        QFETCH(QString, kind);
        QFETCH(double, ratio);
        QFETCH(bool, failureOnly);
        QFETCH(int, run);
        QFETCH(bool, afterQuiet);
        QFETCH(bool, shapeChanged);
        QFETCH(int, threat);
        QCOMPARE(backup::threatScore(kind, ratio, failureOnly, {run, afterQuiet, shapeChanged}), threat);
    }

    // On a server whose numbers barely move: a night twice as busy (reads and writes alike) stays low even out of
    // quiet; a night that reads 1.9× as much without writing more (short of the exfiltration pattern's 2×) is high
    // out of quiet, and low right after another odd night. A deletion over three nights counts its run.
    void threatFollowsShapeQuietAndRun()
    {
        test::TempFolder dir;
        Database db;
        QVERIFY(db.open(dir.path(QStringLiteral("case.sqlite"))));
        SessionWriter w(db);
        Shape steady;
        steady.jitter = 0.02;
        w.add(QStringLiteral("FS01"), 0, 40, steady);
        BACKSIGHT_VERIFY_OK(backup::trainServerModels(db, allHistory(), {}));
        const qint64 watermark = w.lastRowId();
        Shape busy = steady;
        busy.transferred *= 2.0;
        busy.read *= 2.0;
        busy.durationS *= 1.8;
        busy.jitter = 0;
        Shape reads = steady;
        reads.read *= 1.9;
        reads.jitter = 0;
        Shape wiped = steady;
        wiped.transferred = 0.05 * GB;
        wiped.read = 0.06 * GB;
        wiped.durationS = 60;
        w.add(QStringLiteral("FS01"), 40, 10, steady);
        w.add(QStringLiteral("FS01"), 50, 1, busy);  // FS01-50: out of quiet, same shape
        w.add(QStringLiteral("FS01"), 51, 1, reads); // FS01-51: right after an odd night
        w.add(QStringLiteral("FS01"), 52, 10, steady);
        w.add(QStringLiteral("FS01"), 62, 1, reads); // FS01-62: out of quiet, reads without writes
        w.add(QStringLiteral("FS01"), 63, 10, steady);
        w.add(QStringLiteral("FS01"), 73, 3, wiped); // FS01-73..75: a deletion over three nights
        std::vector<detect::Finding> findings;
        BACKSIGHT_VERIFY_OK(backup::scoreBackupSessions(db, watermark, w.lastRowId(), findings));
        QMap<QString, const detect::Finding *> byNight;
        for (const detect::Finding &f : findings) {
            qInfo("%s %s threat %d ratio %.1f run %d quiet %d shape %d: %s", qPrintable(f.eventIds.first()),
                  qPrintable(f.kind), f.threatScore.value_or(0), f.reason.evidence.value(QStringLiteral("ratio")).toDouble(),
                  f.reason.evidence.value(QStringLiteral("consecutive_over_threshold")).toInt(),
                  f.reason.evidence.value(QStringLiteral("after_quiet")).toBool(),
                  f.reason.evidence.value(QStringLiteral("shape_changed")).toBool(), qPrintable(f.reason.text));
            byNight.insert(f.eventIds.first(), &f);
        }
        for (const QString &night : {QStringLiteral("FS01-50"), QStringLiteral("FS01-51")})
            if (const detect::Finding *f = byNight.value(night))
                QVERIFY2(f->threatScore.value_or(0) <= 3, qPrintable(night + QStringLiteral(": ") + f->reason.text));
        const detect::Finding *readsOnly = byNight.value(QStringLiteral("FS01-62"));
        QVERIFY(readsOnly);
        QCOMPARE(readsOnly->kind, QStringLiteral("backup_anomaly"));
        QVERIFY(readsOnly->reason.evidence.value(QStringLiteral("after_quiet")).toBool());
        QVERIFY(readsOnly->reason.evidence.value(QStringLiteral("shape_changed")).toBool());
        QVERIFY2(readsOnly->threatScore.value_or(0) >= 7, qPrintable(readsOnly->reason.text));
        for (int night = 73; night <= 75; ++night) {
            const detect::Finding *f = byNight.value(QStringLiteral("FS01-%1").arg(night));
            QVERIFY2(f, qPrintable(QString::number(night)));
            QCOMPARE(f->kind, QStringLiteral("backup_mass_deletion"));
            QCOMPARE(f->reason.evidence.value(QStringLiteral("consecutive_over_threshold")).toInt(), night - 72);
        }
    }

    // The calibration goal (docs/backup-models.md) on one generated history: every ransomware night 7 or more,
    // at least 90 % of clean servers never above 3, every kind found.
    void calibrationGoalOnGeneratedHistory()
    {
        test::TempFolder dir;
        const backupbench::CalibrationResult r = backupbench::evaluateGenerated(2, 24, 120, dir.path(QStringLiteral("run")));
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QVERIFY(r.ransomwareNights > 0);
        QCOMPARE(r.ransomwareNightsAtLeast7, r.ransomwareNights);
        QVERIFY2(r.cleanAtMost3 * 10 >= r.cleanServers * 9, qPrintable(QStringLiteral("%1/%2").arg(r.cleanAtMost3).arg(r.cleanServers)));
        for (const auto &[kind, recall] : r.kinds) {
            QVERIFY2(recall.attacks > 0 && recall.detected * 10 >= recall.attacks * 9, qPrintable(kind));
            QVERIFY2(recall.rightKind * 10 >= recall.attacks * 9, qPrintable(kind));
        }
        QCOMPARE(int(r.kinds.size()), 3);
    }

    void generatedHistory()
    {
        test::TempFolder dir;
        sim::BackupHistoryOptions options;
        options.servers = 24;
        options.days = 90;
        options.start = QDate(2024, 9, 1);
        options.attackKinds = sim::backupAttackKinds();
        options.outDir = dir.path(QStringLiteral("sessions"));
        const sim::BackupHistoryResult generated = sim::writeBackupHistory(options);
        QVERIFY2(generated.ok, qPrintable(generated.error));
        Database db;
        QVERIFY(db.open(dir.path(QStringLiteral("case.sqlite"))));
        const ImportReport report = Importer(db).run({options.outDir});
        QVERIFY(!report.hasRejections() && report.storageError.isEmpty());
        QCOMPARE(report.totalInserted(), generated.sessions);

        // Hold back everything from night 30 on; put it back after training, as new rows.
        const qint64 cutoff = QDateTime(options.start.addDays(30), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
        QSqlQuery q(db.connection());
        q.prepare(QStringLiteral("CREATE TEMP TABLE held AS SELECT * FROM backup_sessions WHERE creation_ms >= ?"));
        q.addBindValue(cutoff);
        QVERIFY(q.exec());
        q.prepare(QStringLiteral("DELETE FROM backup_sessions WHERE creation_ms >= ?"));
        q.addBindValue(cutoff);
        QVERIFY(q.exec());
        const Result<int> trained = backup::trainServerModels(db, {}, {});
        QVERIFY2(trained, test::failure(trained).constData());
        q.exec(QStringLiteral("SELECT MAX(rowid) FROM backup_sessions"));
        q.next();
        const qint64 watermark = q.value(0).toLongLong();
        QVERIFY(q.exec(QStringLiteral("INSERT INTO backup_sessions SELECT * FROM held ORDER BY creation_ms")));
        q.exec(QStringLiteral("SELECT MAX(rowid), COUNT(*) FROM backup_sessions WHERE rowid > %1").arg(watermark));
        q.next();
        const qint64 last = q.value(0).toLongLong(), judged = q.value(1).toLongLong();
        std::vector<detect::Finding> findings;
        BACKSIGHT_VERIFY_OK(backup::scoreBackupSessions(db, watermark, last, findings));

        // Labels: attack_id,kind,server,start,end,session ids (;-separated).
        QMap<QString, QString> kindOfSession; // session id -> attack kind
        QMap<QString, QStringList> sessionsOfAttack;
        QMap<QString, QString> kindOfAttack;
        for (const QByteArray &line : generated.labelRows.split('\n')) {
            const QList<QByteArray> cells = line.split(',');
            if (cells.size() < 6)
                continue;
            const QString id = QString::fromLatin1(cells[0]), kind = QString::fromLatin1(cells[1]);
            kindOfAttack[id] = kind;
            for (const QByteArray &session : cells[5].split(';')) {
                sessionsOfAttack[id] << QString::fromLatin1(session);
                kindOfSession[QString::fromLatin1(session)] = kind;
            }
        }
        QMap<QString, int> attacks, found, rightKind;
        QMap<QString, int> flagged; // session id -> threat
        int falseFindings = 0, falseHigh = 0;
        for (const auto &f : findings) {
            flagged[f.eventIds.first()] = *f.threatScore;
            if (!kindOfSession.contains(f.eventIds.first())) {
                ++falseFindings;
                falseHigh += *f.threatScore >= 7 ? 1 : 0;
                qInfo("false: %s %s threat %d: %s", qPrintable(f.subject), qPrintable(f.kind), *f.threatScore,
                      qPrintable(f.reason.text));
            }
        }
        for (auto it = kindOfAttack.cbegin(); it != kindOfAttack.cend(); ++it) {
            ++attacks[it.value()];
            bool hit = false, kindOk = false;
            for (const QString &session : sessionsOfAttack[it.key()])
                if (flagged.contains(session)) {
                    hit = true;
                    for (const auto &f : findings)
                        kindOk |= f.eventIds.first() == session && f.kind == it.value();
                }
            if (!hit)
                qInfo("missed %s %s on %s", qPrintable(it.key()), qPrintable(it.value()),
                      qPrintable(sessionsOfAttack[it.key()].join(QLatin1Char(';'))));
            found[it.value()] += hit ? 1 : 0;
            rightKind[it.value()] += kindOk ? 1 : 0;
        }
        qInfo("%lld sessions judged after training on 30 nights (%d models); %d findings, %d false (%d high or "
              "critical)", judged, *trained, int(findings.size()), falseFindings, falseHigh);
        int totalAttacks = 0, totalFound = 0;
        for (auto it = attacks.cbegin(); it != attacks.cend(); ++it) {
            qInfo("%-22s attacks %d, detected %d, with the right kind %d", qPrintable(it.key()), it.value(),
                  found[it.key()], rightKind[it.key()]);
            totalAttacks += it.value();
            totalFound += found[it.key()];
        }
        for (const auto &[k, q] : {std::pair{6.0, 0.99}, std::pair{15.0, 1.0}}) {
            const QSet<QString> flags = baselineFlags(db, watermark, k, q);
            int hits = 0, falseFlags = 0;
            for (const QString &id : flags)
                falseFlags += kindOfSession.contains(id) ? 0 : 1;
            for (auto it = sessionsOfAttack.cbegin(); it != sessionsOfAttack.cend(); ++it)
                hits += std::any_of(it.value().begin(), it.value().end(), [&](const QString &id) { return flags.contains(id); })
                            ? 1 : 0;
            qInfo("robust baseline (weekday medians, k %.0f, q %.2f): attacks detected %d of %d, %d false flags", k, q,
                  hits, totalAttacks, falseFlags);
        }
        QVERIFY(totalAttacks >= 6);
        QVERIFY(totalFound >= totalAttacks - 1);
        QVERIFY(falseHigh <= 3);
        QVERIFY(falseFindings <= int(judged / 40)); // at most 2.5 % of the nights judged
    }

    void jobAndTaskOfTheSameNameUseTheTasks()
    {
        test::TempFolder dir;
        Database db;
        QVERIFY(db.open(dir.path(QStringLiteral("case.sqlite"))));
        SessionWriter w(db);
        Shape job;
        job.transferred = 300 * GB; // the job session sums every machine of the job
        w.add(QStringLiteral("VM01"), 0, 40, job, QStringLiteral("job"));
        w.add(QStringLiteral("VM01"), 0, 40, {}, QStringLiteral("task"));
        BACKSIGHT_VERIFY_OK(backup::trainServerModels(db, allHistory(), {}));
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(QStringLiteral("SELECT events_used FROM models WHERE subject = 'VM01'")) && q.next());
        QCOMPARE(q.value(0).toInt(), 40);
        const qint64 watermark = w.lastRowId();
        w.add(QStringLiteral("VM01"), 40, 3, job, QStringLiteral("job"));
        w.add(QStringLiteral("VM01"), 40, 3, {}, QStringLiteral("task"));
        std::vector<detect::Finding> findings;
        BACKSIGHT_VERIFY_OK(backup::scoreBackupSessions(db, watermark, w.lastRowId(), findings));
        QVERIFY(findings.empty()); // neither the job rows nor the task rows are out of line with the task series
    }

    void cancelStoresNothing()
    {
        test::TempFolder dir;
        Database db;
        QVERIFY(db.open(dir.path(QStringLiteral("case.sqlite"))));
        SessionWriter w(db);
        fillHistory(db, w);
        const Result<int> trained = backup::trainServerModels(db, {}, [](double p) { return p < 0.4; });
        QVERIFY(!trained);
        QCOMPARE(trained.error().category, Error::Category::Cancelled);
        QVERIFY2(trained.error().message.contains(QStringLiteral("cancelled")), qPrintable(trained.error().message));
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM models")) && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
    }

    void corruptModelFailsClearly()
    {
        test::TempFolder dir;
        Database db;
        QVERIFY(db.open(dir.path(QStringLiteral("case.sqlite"))));
        SessionWriter w(db);
        fillHistory(db, w);
        BACKSIGHT_VERIFY_OK(backup::trainServerModels(db, {}, {}));
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(QStringLiteral("UPDATE models SET data = substr(data, 1, 100) WHERE subject = 'FS01'")));
        std::vector<detect::Finding> findings;
        const Status scored = backup::scoreBackupSessions(db, 0, w.lastRowId(), findings);
        QVERIFY(!scored);
        const QString error = scored.error().message;
        QVERIFY2(error.contains(QStringLiteral("FS01")) && error.contains(QStringLiteral("truncated")),
                 qPrintable(error));
    }

    void noModelsNoOpinion()
    {
        test::TempFolder dir;
        Database db;
        QVERIFY(db.open(dir.path(QStringLiteral("case.sqlite"))));
        SessionWriter w(db);
        w.add(QStringLiteral("FS01"), 0, 10);
        std::vector<detect::Finding> findings;
        BACKSIGHT_VERIFY_OK(backup::scoreBackupSessions(db, 0, w.lastRowId(), findings));
        QVERIFY(findings.empty());
        const Result<int> trained = backup::trainServerModels(db, backup::ServerTrainOptions{5, 8, 42, 1.0}, {});
        QVERIFY(!trained);
        QCOMPARE(trained.error().category, Error::Category::BadInput);
        QVERIFY2(trained.error().message.contains(QStringLiteral("window")), qPrintable(trained.error().message));
    }
};

QTEST_GUILESS_MAIN(TestServerModels)
#include "test_server_models.moc"
