// Per-user / tenant sign-in models on a generated tenant: training, registry versions, incremental retrain,
// rollback, cancel keeps the previous versions, scoring with reasons; detection scoring with the models from the
// rules' read stores what scoring on its own does. On a case file, and on a PostgreSQL case (test_model_registry_postgres:
// the same executable with BACKSIGHT_TEST_MODELS_ENGINE=postgresql).
#include "detect/sign_in_model_training.h"
#include "detect/pipeline.h"
#include "detect/training.h"
#include "store/model_repository.h"
#include "ml/subject_model.h"
#include "ml/user_models.h"
#include "engine_main.h"
#include "store/database.h"
#include "test_support.h"

#include <QDataStream>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QTimeZone>
#include <algorithm>

using namespace backsight;

class TestModelRegistry : public QObject
{
    Q_OBJECT
public:
    // `server` null: SQLite case files; otherwise databases on that server.
    explicit TestModelRegistry(test::PostgresServer *server) : cases_(server, tmp_.path()) {}

private:
    test::TempFolder tmp_;
    test::CaseLocations cases_; // after tmp_, whose folder it uses
    QString db_;

    QString newCase(const QString &name) { return cases_.newCase(name); }
    QString copyCase(const QString &from, const QString &name) { return cases_.copyCase(from, name); }

    bool cli(const QStringList &args)
    {
        QProcess p;
        p.start(QStringLiteral(BACKSIGHT_CLI), args);
        if (!p.waitForFinished(300000))
            return false;
        if (p.exitCode() != 0)
            qWarning("%s", p.readAllStandardError().constData());
        return p.exitCode() == 0;
    }

    int count(Database &db, const QString &sql)
    {
        QSqlQuery q(db.connection());
        return q.exec(sql) && q.next() ? q.value(0).toInt() : -1;
    }
    qint64 count64(Database &db, const QString &sql)
    {
        QSqlQuery q(db.connection());
        return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
    }
    static QString utc(qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).toString(Qt::ISODate); }

private slots:
    void initTestCase()
    {
        db_ = newCase(QStringLiteral("registry"));
        QVERIFY(!db_.isEmpty());
        qInfo("case: %s", qPrintable(db_));
        QVERIFY(cli({QStringLiteral("generate"), QStringLiteral("--out"), tmp_.path(QStringLiteral("tenant")),
                     QStringLiteral("--users"), QStringLiteral("25"), QStringLiteral("--days"), QStringLiteral("30"),
                     QStringLiteral("--seed"), QStringLiteral("7"), QStringLiteral("--format"), QStringLiteral("graph")}));
        QVERIFY(cli({QStringLiteral("--db"), db_, QStringLiteral("import"), QStringLiteral("--quiet"), tmp_.path(QStringLiteral("tenant"))}));
    }

    void trainScoreRollback()
    {
        Database db;
        QVERIFY2(db.open(db_), qPrintable(db.error()));
        ml::ModelTrainOptions o;
        o.windowDays = 60;
        std::vector<double> seen;
        Result<ml::ModelTrainReport> trained = detect::trainSignInModels(db, o, [&](double p) { seen.push_back(p); return true; });
        QVERIFY2(trained, test::failure(trained).constData());
        const ml::ModelTrainReport report = *trained;
        qInfo("user models %d, tenant %d, events %lld, %lld ms", report.userModels, report.tenantModels, report.eventsUsed,
              report.elapsedMs);
        QVERIFY(report.userModels > 0);
        QCOMPARE(report.tenantModels, 2); // Isolation Forest + autoencoder
        QVERIFY(!seen.empty() && seen.back() == 1.0);
        ModelRepository registry(db);
        // A forensic sweep (nothing examined yet): the models learn from the oldest third of the 30 days, ending at
        // a UTC midnight, and judge the rest.
        const auto learnt = registry.active(QStringLiteral("tenant"), QStringLiteral("all"), QStringLiteral("iforest"));
        QVERIFY(learnt && *learnt);
        const qint64 windowStart = (*learnt)->windowStartMs, windowEnd = (*learnt)->windowEndMs;
        const qint64 first = count64(db, QStringLiteral("SELECT MIN(created_ms) FROM signins"));
        const qint64 latest = count64(db, QStringLiteral("SELECT MAX(created_ms) FROM signins"));
        qInfo("sign-ins %s .. %s, models learnt until %s", qPrintable(utc(first)), qPrintable(utc(latest)), qPrintable(utc(windowEnd)));
        QCOMPARE(windowEnd % (24LL * 3600 * 1000), 0LL);
        QVERIFY(windowEnd > first + (latest - first) / 3 - 24LL * 3600 * 1000);
        QVERIFY(windowEnd <= first + (latest - first) / 3 + 24LL * 3600 * 1000);
        QCOMPARE(windowEnd - windowStart, 60LL * 24 * 3600 * 1000);
        const int usersWithEnough = count(db, QStringLiteral("SELECT COUNT(*) FROM (SELECT lower(upn) FROM signins WHERE upn <> '' "
                                                             "AND created_ms < %1 GROUP BY lower(upn) HAVING COUNT(*) >= 50) AS users")
                                                  .arg(windowEnd));
        QVERIFY(usersWithEnough > 0);
        QCOMPARE(report.userModels, usersWithEnough);

        const Result<std::vector<ModelRecord>> listed = registry.list({});
        QVERIFY(listed);
        const std::vector<ModelRecord> &list = *listed;
        QCOMPARE(int(list.size()), report.userModels + 2);
        for (const ModelRecord &m : list) {
            QVERIFY(m.threshold > 0);
            if (m.kind == QStringLiteral("iforest"))
                QVERIFY(m.threshold <= 1);
            QVERIFY(m.scoreDistribution.contains(QStringLiteral("median")));
        }

        // Scoring every sign-in: findings above threshold only, with the model's id and words.
        std::vector<detect::Finding> findings;
        BACKSIGHT_VERIFY_OK(detect::scoreSignInsWithModels(db, 0, std::numeric_limits<qint64>::max(), findings));
        const int rows = count(db, QStringLiteral("SELECT COUNT(*) FROM signins"));
        qInfo("%zu findings of %d sign-ins", findings.size(), rows);
        QVERIFY(!findings.empty());
        QVERIFY(int(findings.size()) < rows / 10);
        QHash<QString, int> kinds;
        for (const detect::Finding &f : findings) {
            QVERIFY(f.kind == QStringLiteral("model_iforest") || f.kind == QStringLiteral("model_autoencoder"));
            ++kinds[f.kind];
            QVERIFY(f.modelId > 0);
            QVERIFY(f.score > 0 && f.score <= 1);
            QVERIFY(f.reason.text.contains(QStringLiteral("score")));
        }
        qInfo("e.g. %s: %s", qPrintable(findings.front().upn), qPrintable(findings.front().reason.text));
        for (const detect::Finding &f : findings)
            if (f.kind == QStringLiteral("model_autoencoder")) {
                qInfo("autoencoder: %s: %s", qPrintable(f.upn), qPrintable(f.reason.text));
                break;
            }
        qInfo("iforest findings %d, autoencoder %d", kinds.value(QStringLiteral("model_iforest")),
              kinds.value(QStringLiteral("model_autoencoder")));

        // Incremental: nothing new, nothing trained.
        o.incremental = true;
        trained = detect::trainSignInModels(db, o, {});
        QVERIFY2(trained, test::failure(trained).constData());
        QCOMPARE(trained->userModels + trained->tenantModels, 0);
        QVERIFY(trained->skipped > 0);

        // Full retrain: version 2 in force; cancel during a third: still version 2.
        o.incremental = false;
        BACKSIGHT_VERIFY_OK(detect::trainSignInModels(db, o, {}));
        auto tenant = registry.active(QStringLiteral("tenant"), QStringLiteral("all"), QStringLiteral("iforest"));
        QVERIFY(tenant && *tenant && (*tenant)->version == 2);
        trained = detect::trainSignInModels(db, o, [](double p) { return p < 0.5; });
        QVERIFY(!trained);
        QCOMPARE(trained.error().category, Error::Category::Cancelled);
        QVERIFY(trained.error().message.contains(QStringLiteral("cancelled")));
        tenant = registry.active(QStringLiteral("tenant"), QStringLiteral("all"), QStringLiteral("iforest"));
        QVERIFY(tenant && *tenant && (*tenant)->version == 2);

        // Roll back to version 1.
        const Status rolledBack = registry.activateVersion(QStringLiteral("tenant"), QStringLiteral("all"), QStringLiteral("iforest"), 1);
        QVERIFY2(rolledBack, qPrintable(rolledBack ? QString() : rolledBack.error().message));
        tenant = registry.active(QStringLiteral("tenant"), QStringLiteral("all"), QStringLiteral("iforest"));
        QVERIFY(tenant && *tenant && (*tenant)->version == 1);
        const Status missing = registry.activateVersion(QStringLiteral("tenant"), QStringLiteral("all"), QStringLiteral("iforest"), 9);
        QVERIFY(!missing);
        QCOMPARE(missing.error().category, Error::Category::NotFound);

        // keepVersions bounds the history.
        o.keepVersions = 2;
        BACKSIGHT_VERIFY_OK(detect::trainSignInModels(db, o, {}));
        QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM models WHERE scope = 'tenant' AND kind = 'iforest'")), 2);
        QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM models WHERE scope = 'tenant' AND kind = 'autoencoder'")), 2);

        // A corrupt blob fails scoring with a sentence naming the model.
        QSqlQuery q(db.connection());
        QVERIFY(q.prepare(QStringLiteral("UPDATE models SET data = ? WHERE scope = 'tenant' AND active = 1")));
        q.addBindValue(QByteArray::fromHex("00112233"));
        QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        findings.clear();
        const Status scored = detect::scoreSignInsWithModels(db, 0, std::numeric_limits<qint64>::max(), findings);
        QVERIFY(!scored);
        QVERIFY2(scored.error().message.contains(QStringLiteral("tenant")), qPrintable(scored.error().message));
    }

    // A stored sign-in model is format 2 (its model serialization in one zstd frame); format 1 blobs (the model as it
    // is) still load, to the same model; a damaged frame is a sentence, not a crash.
    void blobFormats()
    {
        Database db;
        QVERIFY2(db.open(db_), qPrintable(db.error()));
        ModelFilter filter;
        filter.scope = QStringLiteral("user");
        filter.kind = QStringLiteral("iforest");
        filter.activeOnly = true;
        filter.withData = true;
        if (const auto any = ModelRepository(db).list(filter); any && any->empty()) { // run on its own
            BACKSIGHT_VERIFY_OK(detect::trainSignInModels(db, {}, {}));
        }
        const Result<std::vector<ModelRecord>> listed = ModelRepository(db).list(filter);
        QVERIFY(listed && !listed->empty());
        const QByteArray v2 = listed->front().data;
        QCOMPARE(v2.mid(8, 4), QByteArray::fromHex("00000002")); // QDataStream: big-endian quint32 after the magic
        ml::SubjectModel stored;
        BACKSIGHT_VERIFY_OK(ml::unpackModel(v2, stored));
        const QByteArray raw = stored.forest.serialize();

        QByteArray v1;
        {
            QDataStream s(&v1, QIODevice::WriteOnly);
            s.setVersion(QDataStream::Qt_6_4);
            s.writeRawData("BSUSRMDL", 8);
            s << quint32(1) << stored.encoder.toJson() << raw;
        }
        qInfo("format 1: %lld bytes, format 2: %lld bytes", qint64(v1.size()), qint64(v2.size()));
        QVERIFY(v2.size() * 2 < v1.size());
        ml::SubjectModel old;
        BACKSIGHT_VERIFY_OK(ml::unpackModel(v1, old));
        QCOMPARE(old.forest.serialize(), raw);
        QCOMPARE(old.encoder.toJson(), stored.encoder.toJson());

        QByteArray notAFrame;
        {
            QDataStream s(&notAFrame, QIODevice::WriteOnly);
            s.setVersion(QDataStream::Qt_6_4);
            s.writeRawData("BSUSRMDL", 8);
            s << quint32(2) << stored.encoder.toJson() << QByteArray("not a zstd frame");
        }
        ml::SubjectModel bad;
        const Status notRead = ml::unpackModel(notAFrame, bad);
        QVERIFY(!notRead);
        QVERIFY2(notRead.error().message.contains(QStringLiteral("corrupt")), qPrintable(notRead.error().message));
        QByteArray flipped = v2;
        flipped[flipped.size() - 40] = char(flipped[flipped.size() - 40] ^ 0x5a);
        const Status flippedRead = ml::unpackModel(flipped, bad);
        QVERIFY(!flippedRead);
        QCOMPARE(flippedRead.error().category, Error::Category::BadInput);
        QVERIFY(!flippedRead.error().message.isEmpty());
    }

    // Detection reads users' own models a chunk of users at a time (ModelFilter::subjects, asked in batches: a
    // statement binds a bounded number of values). A damaged user model fails the run with a sentence naming it, and
    // the run stores nothing.
    void userModelsReadByChunk()
    {
        const QString path = copyCase(db_, QStringLiteral("chunks"));
        QVERIFY(!path.isEmpty());
        Database db;
        QVERIFY2(db.open(path), qPrintable(db.error()));
        BACKSIGHT_VERIFY_OK(detect::trainSignInModels(db, {}, {})); // fresh models (another test damages the tenant's)
        ModelFilter users;
        users.scope = QStringLiteral("user");
        users.activeOnly = true;
        const Result<std::vector<ModelRecord>> all = ModelRepository(db).list(users);
        QVERIFY(all && all->size() >= 4);
        QStringList asked;
        QSet<QString> expected;
        for (int batch = 0; batch < 2; ++batch) { // unknown names first, so the users fall in later batches
            for (int i = 0; i < 600; ++i)
                asked << QStringLiteral("nobody%1.%2@example.com").arg(batch).arg(i);
            for (std::size_t k = std::size_t(batch); k < all->size(); k += 4) {
                asked << (*all)[k].subject;
                expected.insert((*all)[k].subject);
            }
        }
        const Result<std::vector<ModelRecord>> some = detect::readUserSignInModels(db, asked);
        QVERIFY2(some, test::failure(some).constData());
        QSet<QString> got;
        for (const ModelRecord &r : *some) {
            QVERIFY(r.active && !r.data.isEmpty());
            QCOMPARE(r.scope, QStringLiteral("user"));
            got.insert(r.subject);
        }
        QCOMPARE(got, expected);

        const ModelRecord &damaged = all->back();
        {
            QSqlQuery q(db.connection());
            QVERIFY(q.prepare(QStringLiteral("UPDATE models SET data = ? WHERE id = ?")));
            q.addBindValue(QByteArray::fromHex("00112233"));
            q.addBindValue(damaged.id);
            QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        }
        const int before = count(db, QStringLiteral("SELECT COUNT(*) FROM anomalies"));
        detect::DetectOptions o;
        detect::addModelScorers(o);
        o.modelChunkRows = 500;
        const Result<detect::DetectReport> detected = detect::runDetection(db, o);
        QVERIFY(!detected);
        qInfo("%s", qPrintable(detected.error().message));
        QVERIFY2(detected.error().message.contains(damaged.subject), qPrintable(detected.error().message));
        QCOMPARE(detected.error().category, Error::Category::BadInput);
        QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM anomalies")), before);
    }

    // detect feeds the models from the rows its rules read (DetectOptions::signInModels, scored beside the rules), a
    // chunk of users at a time with only their own models read; detect::scoreSignInsWithModels reads each user's rows
    // and every model itself. Both must store the same anomalies: in a forensic sweep and
    // in the next run over three more days, whose models' context reaches back before the rules' reads.
    void modelsBesideTheRulesScoreAlike()
    {
        const QString tenant = tmp_.path(QStringLiteral("tenant"));
        QStringList days = QDir(tenant + QStringLiteral("/signins")).entryList(QDir::Files, QDir::Name);
        QVERIFY(days.size() > 10);
        const QString later = tmp_.path(QStringLiteral("later"));
        QVERIFY(QDir().mkpath(later + QStringLiteral("/signins")));
        for (const QString &day : days.mid(days.size() - 3))
            QVERIFY(QFile::rename(tenant + QStringLiteral("/signins/") + day, later + QStringLiteral("/signins/") + day));
        const QString fused = newCase(QStringLiteral("fused"));
        QVERIFY(!fused.isEmpty());
        QVERIFY(cli({QStringLiteral("--db"), fused, QStringLiteral("import"), QStringLiteral("--quiet"), tenant}));
        QVERIFY(cli({QStringLiteral("--db"), fused, QStringLiteral("train")}));
        const QString alone = copyCase(fused, QStringLiteral("alone"));
        QVERIFY(!alone.isEmpty());

        const auto detect = [&](const QString &path, bool besideRules) -> QString {
            Database db;
            if (!db.open(path))
                return QStringLiteral("open: ") + db.error();
            detect::DetectOptions o;
            o.nowMs = 1;
            if (besideRules) {
                detect::addModelScorers(o);
                o.modelChunkRows = 2'000; // many chunks, each with only its users' own models read
            }
            else
                o.signInScorers.emplace_back(QStringLiteral("sign-in models (isolation forest, autoencoder)"), &detect::scoreSignInsWithModels);
            const Result<detect::DetectReport> report = detect::runDetection(db, o);
            return report ? QString() : report.error().message;
        };
        const auto anomalies = [&](const QString &path) {
            Database db;
            QStringList rows;
            if (!db.open(path))
                return rows;
            QSqlQuery q(db.connection());
            q.exec(QStringLiteral("SELECT id, subject, event_id, time_ms, kind, kinds, severity, score, threat_score, "
                                  "summary, reasons, event_ids, run_id, baseline_id, model_id FROM anomalies ORDER BY id"));
            while (q.next()) {
                QStringList cells;
                for (int c = 0; c < 15; ++c)
                    cells << q.value(c).toString();
                rows << cells.join(QLatin1Char('|'));
            }
            return rows;
        };
        const auto modelAnomalies = [](const QStringList &rows) {
            return int(std::count_if(rows.begin(), rows.end(), [](const QString &r) { return r.contains(QStringLiteral("model_")); }));
        };
        for (const QString &step : {QStringLiteral("sweep"), QStringLiteral("three more days")}) {
            if (step != QStringLiteral("sweep")) {
                QVERIFY(cli({QStringLiteral("--db"), fused, QStringLiteral("import"), QStringLiteral("--quiet"), later}));
                QVERIFY(cli({QStringLiteral("--db"), alone, QStringLiteral("import"), QStringLiteral("--quiet"), later}));
                // Every new sign-in a forest judges becomes a finding with its score, so a row read with the wrong
                // context (the hours before the rules' reads) changes what is stored.
                for (const QString &path : {fused, alone}) {
                    Database db;
                    QVERIFY2(db.open(path), qPrintable(db.error()));
                    QSqlQuery q(db.connection());
                    QVERIFY(q.exec(QStringLiteral("UPDATE models SET threshold = 1e-9 WHERE kind = 'iforest'")));
                }
            }
            const int before = modelAnomalies(anomalies(fused));
            QString error = detect(fused, true);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            error = detect(alone, false);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            const QStringList a = anomalies(fused), b = anomalies(alone);
            qInfo("%s: %lld anomalies, %d from the models (%d new)", qPrintable(step), qint64(a.size()), modelAnomalies(a),
                  modelAnomalies(a) - before);
            QVERIFY(modelAnomalies(a) > before); // the models found something in each run
            QCOMPARE(a.size(), b.size());
            for (qsizetype i = 0; i < a.size(); ++i)
                QCOMPARE(a.at(i), b.at(i));
        }
    }

    // Point in time: a model judges only the sign-ins after the window it learnt from. In a forensic sweep (import,
    // train, detect) the models learn from the oldest third and judge the rest; once detection has examined the
    // sign-ins, the next training ends after them, and its models judge only what is imported later.
    void modelsJudgeOnlyAfterTheirWindow()
    {
        const QString tenant = tmp_.path(QStringLiteral("tenant"));
        const QString early = tmp_.path(QStringLiteral("pit-early")), late = tmp_.path(QStringLiteral("pit-late"));
        QVERIFY(QDir().mkpath(early + QStringLiteral("/signins")) && QDir().mkpath(late + QStringLiteral("/signins")));
        const QStringList days = QDir(tenant + QStringLiteral("/signins")).entryList(QDir::Files, QDir::Name);
        QVERIFY(days.size() > 12);
        for (qsizetype i = 0; i < days.size(); ++i)
            QVERIFY(QFile::copy(tenant + QStringLiteral("/signins/") + days.at(i),
                                (i < days.size() - 4 ? early : late) + QStringLiteral("/signins/") + days.at(i)));
        const QString path = newCase(QStringLiteral("pointintime"));
        QVERIFY(!path.isEmpty());
        QVERIFY(cli({QStringLiteral("--db"), path, QStringLiteral("import"), QStringLiteral("--quiet"), early}));
        QVERIFY(cli({QStringLiteral("--db"), path, QStringLiteral("train")}));

        // Every judged sign-in becomes a finding when the thresholds are (almost) zero.
        const auto judgeEverything = [&]() -> QString {
            Database db;
            if (!db.open(path))
                return db.error();
            QSqlQuery q(db.connection());
            return q.exec(QStringLiteral("UPDATE models SET threshold = 1e-9")) ? QString() : q.lastError().text();
        };
        const auto activeWindowEnd = [&](Database &db) {
            const auto tenantModel = ModelRepository(db).active(QStringLiteral("tenant"), QStringLiteral("all"), QStringLiteral("iforest"));
            return tenantModel && *tenantModel ? (*tenantModel)->windowEndMs : -1;
        };
        QString error = judgeEverything();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        qint64 sweepEnd = 0;
        {
            Database db;
            QVERIFY2(db.open(path), qPrintable(db.error()));
            sweepEnd = activeWindowEnd(db);
            const qint64 first = count64(db, QStringLiteral("SELECT MIN(created_ms) FROM signins"));
            const qint64 latest = count64(db, QStringLiteral("SELECT MAX(created_ms) FROM signins"));
            QVERIFY(sweepEnd > first && sweepEnd < latest - (latest - first) / 2);
            std::vector<detect::Finding> findings;
            BACKSIGHT_VERIFY_OK(detect::scoreSignInsWithModels(db, 0, std::numeric_limits<qint64>::max(), findings));
            const int after = count(db, QStringLiteral("SELECT COUNT(*) FROM signins WHERE upn <> '' AND created_ms >= %1").arg(sweepEnd));
            qInfo("sweep: models learnt until %s; %zu findings, %d sign-ins after it", qPrintable(utc(sweepEnd)), findings.size(), after);
            QVERIFY(after > 0);
            QCOMPARE(int(findings.size()), after);
            for (const detect::Finding &f : findings)
                QVERIFY2(f.timeMs >= sweepEnd, qPrintable(utc(f.timeMs)));
        }

        // Detection examines everything; later sign-ins arrive; training again ends after the examined ones.
        QVERIFY(cli({QStringLiteral("--db"), path, QStringLiteral("detect"), QStringLiteral("--quiet")}));
        qint64 examinedUntil = 0;
        {
            Database db;
            QVERIFY2(db.open(path), qPrintable(db.error()));
            examinedUntil = count64(db, QStringLiteral("SELECT MAX(created_ms) FROM signins"));
            QVERIFY(count(db, QStringLiteral("SELECT COUNT(*) FROM anomalies WHERE kind LIKE 'model_%' AND time_ms < %1").arg(sweepEnd)) == 0);
            QVERIFY(count(db, QStringLiteral("SELECT COUNT(*) FROM anomalies WHERE kind LIKE 'model_%' AND time_ms >= %1").arg(sweepEnd)) > 0);
        }
        QVERIFY(cli({QStringLiteral("--db"), path, QStringLiteral("import"), QStringLiteral("--quiet"), late}));
        QVERIFY(cli({QStringLiteral("--db"), path, QStringLiteral("train")}));
        error = judgeEverything();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        Database db;
        QVERIFY2(db.open(path), qPrintable(db.error()));
        QCOMPARE(activeWindowEnd(db), examinedUntil + 1);
        std::vector<detect::Finding> findings;
        BACKSIGHT_VERIFY_OK(detect::scoreSignInsWithModels(db, 0, std::numeric_limits<qint64>::max(), findings));
        const int later = count(db, QStringLiteral("SELECT COUNT(*) FROM signins WHERE upn <> '' AND created_ms > %1").arg(examinedUntil));
        qInfo("after detection: models learnt until %s; %zu findings, %d later sign-ins", qPrintable(utc(examinedUntil + 1)),
              findings.size(), later);
        QVERIFY(later > 0);
        QCOMPARE(int(findings.size()), later);
        for (const detect::Finding &f : findings)
            QVERIFY(f.timeMs > examinedUntil);
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTEST_SET_MAIN_SOURCE_PATH
    // CTest runs it as test_model_registry and test_model_registry_postgres.
    return test::execOnEngine<TestModelRegistry>("BACKSIGHT_TEST_MODELS_ENGINE", argc, argv);
}

#include "test_model_registry.moc"
