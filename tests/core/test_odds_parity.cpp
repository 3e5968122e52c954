// ODDS parity with scikit-learn's IsolationForest (../shared/benchmarks/odds/SKLEARN_BASELINE.md):
// 10 seeds x every dataset, mean ROC AUC within 2 standard deviations of sklearn's mean; with 20,000 trees the
// per-row scores match the reference files to mean absolute difference <= 3e-3. Skips without ../shared.
#include "ml/isolation_forest.h"
#include "ml/tabular_csv.h"
#include "test_support.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <cmath>

using namespace backsight;

namespace {

// The sentence of a failed call into `error` (empty when it succeeded), so the checks below can read it.
bool check(const Status &status, QString &error)
{
    error = status ? QString() : status.error().message;
    return status.ok();
}

bool read(const QString &path, ml::NumericTable &table, QString &error)
{
    Result<ml::NumericTable> loaded = ml::readNumericCsv(path);
    error = loaded ? QString() : loaded.error().message;
    if (loaded)
        table = std::move(loaded).value();
    return loaded.ok();
}

} // namespace

class TestOddsParity : public QObject
{
    Q_OBJECT

private:
    QString odds() const
    {
        const QString shared = test::sharedDir();
        return shared.isEmpty() ? QString() : shared + QStringLiteral("/benchmarks/odds");
    }

    QJsonObject baseline()
    {
        QFile f(odds() + QStringLiteral("/SKLEARN_BASELINE.json"));
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("results")).toObject();
    }

    QString dataFile(const QString &name) const
    {
        const QString plain = odds() + QLatin1Char('/') + name + QStringLiteral(".csv");
        return QFile::exists(plain) ? plain : plain + QStringLiteral(".gz");
    }

private slots:
    void aucWithinTwoSd_data()
    {
        QTest::addColumn<QString>("name");
        if (odds().isEmpty() || !QDir(odds()).exists())
            return;
        const QJsonObject results = baseline();
        for (auto it = results.begin(); it != results.end(); ++it)
            QTest::newRow(qPrintable(it.key())) << it.key();
    }

    void aucWithinTwoSd()
    {
        if (odds().isEmpty() || !QDir(odds()).exists())
            QSKIP("../shared/benchmarks/odds is not there (BACKSIGHT_SHARED)");
        QFETCH(QString, name);
        const QJsonObject ref = baseline().value(name).toObject();
        ml::NumericTable table;
        QString error;
        QVERIFY2(read(dataFile(name), table, error), qPrintable(error));
        QCOMPARE(table.rows, ref.value(QStringLiteral("n")).toInteger());
        QElapsedTimer timer;
        timer.start();
        std::vector<double> scores(table.rows);
        double sum = 0;
        QStringList each;
        for (int seed = 0; seed < 10; ++seed) {
            ml::IsolationForestOptions o;
            o.seed = std::uint64_t(seed);
            o.threads = 0;
            ml::IsolationForest forest;
            QVERIFY2(check(forest.fit(table.values.data(), table.rows, table.columns(), o), error), qPrintable(error));
            forest.score(table.values.data(), table.rows, scores.data(), 0);
            const double auc = ml::rocAuc(scores, table.labels);
            sum += auc;
            each << QString::number(auc, 'f', 4);
        }
        const double mean = sum / 10;
        const double skMean = ref.value(QStringLiteral("auc_mean")).toDouble();
        const double skSd = ref.value(QStringLiteral("auc_std")).toDouble();
        qInfo("%s: AUC mean %.4f (sklearn %.4f +- %.4f), %lld ms for 10 seeds; %s", qPrintable(name), mean, skMean, skSd,
              timer.elapsed(), qPrintable(each.join(QLatin1Char(' '))));
        QVERIFY2(std::abs(mean - skMean) <= 2 * skSd,
                 qPrintable(QStringLiteral("%1: mean AUC %2 is more than 2 sd (%3) from sklearn's %4")
                                .arg(name)
                                .arg(mean, 0, 'f', 4)
                                .arg(skSd, 0, 'f', 4)
                                .arg(skMean, 0, 'f', 4)));
    }

    void referenceScores_data()
    {
        QTest::addColumn<QString>("name");
        if (odds().isEmpty())
            return;
        const QStringList refs = QDir(odds()).entryList({QStringLiteral("reference_scores_*_20000trees.csv")}, QDir::Files, QDir::Name);
        for (const QString &r : refs) {
            const QString name = r.mid(17, r.size() - 17 - 15);
            QTest::newRow(qPrintable(name)) << name;
        }
    }

    void referenceScores()
    {
        if (odds().isEmpty() || !QDir(odds()).exists())
            QSKIP("../shared/benchmarks/odds is not there (BACKSIGHT_SHARED)");
        QFETCH(QString, name);
        ml::NumericTable table, ref;
        QString error;
        QVERIFY2(read(dataFile(name), table, error), qPrintable(error));
        QVERIFY2(read(odds() + QStringLiteral("/reference_scores_%1_20000trees.csv").arg(name), ref, error),
                 qPrintable(error));
        const int scoreColumn = int(ref.featureNames.indexOf(QStringLiteral("score_s")));
        QVERIFY(scoreColumn >= 0);
        QCOMPARE(ref.rows, table.rows);
        ml::IsolationForestOptions o;
        o.trees = 20000;
        o.seed = 7;
        o.threads = 0;
        ml::IsolationForest forest;
        QVERIFY2(check(forest.fit(table.values.data(), table.rows, table.columns(), o), error), qPrintable(error));
        std::vector<double> scores(table.rows);
        forest.score(table.values.data(), table.rows, scores.data(), 0);
        double mad = 0, worst = 0;
        for (qint64 i = 0; i < table.rows; ++i) {
            const double diff = std::abs(scores[i] - double(ref.values[i * ref.columns() + scoreColumn]));
            mad += diff;
            worst = std::max(worst, diff);
        }
        mad /= double(table.rows);
        qInfo("%s: 20000 trees, mean |s - reference| = %.5f, max %.5f", qPrintable(name), mad, worst);
        QVERIFY2(mad <= 3e-3, qPrintable(QStringLiteral("%1: mean absolute difference %2 > 3e-3").arg(name).arg(mad)));
    }
};

QTEST_GUILESS_MAIN(TestOddsParity)
#include "test_odds_parity.moc"
