// Isolation Forest: c(n), determinism for a seed whatever the thread count, constant features, outliers score
// high, extended mode, blob round trip and bad blobs.
#include "ml/isolation_forest.h"

#include <QTest>
#include <cmath>
#include <random>

using namespace backsight;

namespace {

// A Gaussian blob of n rows x d columns (fixed seed) plus `outliers` rows far away at the end.
std::vector<float> blob(int n, int d, int outliers)
{
    std::mt19937 rng(3);
    std::normal_distribution<float> g(0, 1);
    std::vector<float> x;
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < d; ++j)
            x.push_back(g(rng));
    for (int i = 0; i < outliers; ++i)
        for (int j = 0; j < d; ++j)
            x.push_back(8.0f + float(i));
    return x;
}

// The sentence of a failed call into `error` (empty when it succeeded), so the checks below can read it.
bool check(const Status &status, QString &error)
{
    error = status ? QString() : status.error().message;
    return status.ok();
}

} // namespace

class TestIsolationForest : public QObject
{
    Q_OBJECT

private slots:
    void averagePathLength()
    {
        QCOMPARE(ml::averagePathLength(1), 0.0);
        QCOMPARE(ml::averagePathLength(2), 1.0);
        QVERIFY(std::abs(ml::averagePathLength(256) - 10.244770920119917) < 1e-12);
    }

    void deterministicAcrossThreads()
    {
        const std::vector<float> x = blob(3000, 4, 5);
        ml::IsolationForestOptions o;
        o.seed = 11;
        ml::IsolationForest a, b;
        QString error;
        o.threads = 1;
        QVERIFY(check(a.fit(x.data(), 3005, 4, o), error));
        o.threads = 4;
        QVERIFY(check(b.fit(x.data(), 3005, 4, o), error));
        QCOMPARE(a.serialize(), b.serialize());
        std::vector<double> sa(3005), sb(3005);
        a.score(x.data(), 3005, sa.data(), 1);
        b.score(x.data(), 3005, sb.data(), 3);
        QCOMPARE(sa, sb);
        QCOMPARE(a.score(x.data() + 7 * 4), sa[7]); // single-row path agrees with the block path
        // Outliers score above every blob row.
        const double maxNormal = *std::max_element(sa.begin(), sa.begin() + 3000);
        for (int i = 3000; i < 3005; ++i)
            QVERIFY(sa[i] > maxNormal);
        o.seed = 12;
        ml::IsolationForest c;
        QVERIFY(check(c.fit(x.data(), 3005, 4, o), error));
        QVERIFY(c.serialize() != a.serialize());
    }

    void constantFeaturesAndTinyInputs()
    {
        std::vector<float> x(100 * 3, 5.0f);
        ml::IsolationForest f;
        QString error;
        QVERIFY(check(f.fit(x.data(), 100, 3, {}), error));
        std::vector<double> s(100);
        f.score(x.data(), 100, s.data());
        // Every tree is one leaf of 100 rows: h = c(100), s = 2^(-c(100)/c(100)) = 0.5.
        for (double v : s)
            QVERIFY(std::abs(v - 0.5) < 1e-6);
        QVERIFY(!check(f.fit(x.data(), 0, 3, {}), error));
        QCOMPARE(f.fit(x.data(), 0, 3, {}).error().category, Error::Category::BadInput);
        QVERIFY(error.contains(QStringLiteral("nothing to fit")));
        QVERIFY(check(f.fit(x.data(), 1, 3, {}), error));
    }

    void extendedSeparates()
    {
        const std::vector<float> x = blob(2000, 3, 4);
        ml::IsolationForestOptions o;
        o.extended = true;
        ml::IsolationForest f;
        QString error;
        QVERIFY(check(f.fit(x.data(), 2004, 3, o), error));
        QVERIFY(f.extended());
        std::vector<double> s(2004);
        f.score(x.data(), 2004, s.data(), 2);
        std::vector<int> labels(2004, 0);
        for (int i = 2000; i < 2004; ++i)
            labels[i] = 1;
        QVERIFY(ml::rocAuc(s, labels) > 0.99);
        ml::IsolationForest g;
        QVERIFY2(check(g.deserialize(f.serialize()), error), qPrintable(error));
        QCOMPARE(g.score(x.data() + 2001 * 3), s[2001]);
        const std::vector<double> c = f.featureContributions(x.data() + 2001 * 3);
        QCOMPARE(int(c.size()), 3);
    }

    void blobRoundTripAndBadBlobs()
    {
        const std::vector<float> x = blob(500, 2, 2);
        ml::IsolationForest f, g;
        QString error;
        QVERIFY(check(f.fit(x.data(), 502, 2, {}), error));
        const QByteArray good = f.serialize();
        QVERIFY2(check(g.deserialize(good), error), qPrintable(error));
        QCOMPARE(g.serialize(), good);
        QCOMPARE(g.score(x.data() + 501 * 2), f.score(x.data() + 501 * 2));

        QVERIFY(!check(g.deserialize(QByteArray("nonsense")), error));
        QVERIFY(error.contains(QStringLiteral("bad magic")));
        QVERIFY(!check(g.deserialize(good.left(good.size() / 2)), error));
        QByteArray flipped = good;
        flipped[100] = char(flipped[100] ^ 0x40);
        QVERIFY(!check(g.deserialize(flipped), error));
        QCOMPARE(g.deserialize(flipped).error().category, Error::Category::BadInput); // a corrupt blob
        QVERIFY(error.contains(QStringLiteral("checksum")));
        QByteArray newer = good;
        newer[8] = char(ml::IsolationForest::kFormatVersion + 1); // little-endian format version after the magic
        QVERIFY(!check(g.deserialize(newer), error));
        QVERIFY2(error.contains(QStringLiteral("newer")), qPrintable(error));
    }

    void scoringTablesAlone()
    {
        // A forest kept for scoring only (SignInModels holds thousands) scores and explains every row exactly as
        // the full one does; it no longer serializes. An extended forest keeps its tables.
        const std::vector<float> x = blob(1500, 5, 6);
        ml::IsolationForest full, lean;
        QString error;
        QVERIFY(check(full.fit(x.data(), 1506, 5, {}), error));
        QVERIFY2(check(lean.deserialize(full.serialize()), error), qPrintable(error));
        lean.keepOnlyScoringTables();
        QCOMPARE(lean.nodeCount(), full.nodeCount());
        QVERIFY(lean.serialize().isEmpty());
        std::vector<double> a(1506), b(1506);
        full.score(x.data(), 1506, a.data());
        lean.score(x.data(), 1506, b.data());
        QCOMPARE(a, b);
        for (int i = 0; i < 1506; i += 37) {
            QCOMPARE(lean.score(x.data() + i * 5), full.score(x.data() + i * 5));
            QCOMPARE(lean.featureContributions(x.data() + i * 5), full.featureContributions(x.data() + i * 5));
        }
        QCOMPARE(lean.featureContributions(x.data() + 1505 * 5), full.featureContributions(x.data() + 1505 * 5));
        // Fitting again gives back a whole forest.
        QVERIFY(check(lean.fit(x.data(), 1506, 5, {}), error));
        QCOMPARE(lean.serialize(), full.serialize());

        ml::IsolationForestOptions o;
        o.extended = true;
        ml::IsolationForest extended;
        QVERIFY(check(extended.fit(x.data(), 1506, 5, o), error));
        const QByteArray before = extended.serialize();
        extended.keepOnlyScoringTables();
        QCOMPARE(extended.serialize(), before);
    }

    void rocAucTies()
    {
        QCOMPARE(ml::rocAuc({0.1, 0.4, 0.35, 0.8}, {0, 0, 1, 1}), 0.75);
        QCOMPARE(ml::rocAuc({0.5, 0.5}, {0, 1}), 0.5);
        QVERIFY(std::isnan(ml::rocAuc({0.5, 0.5}, {1, 1})));
    }
};

QTEST_GUILESS_MAIN(TestIsolationForest)
#include "test_isolation_forest.moc"
