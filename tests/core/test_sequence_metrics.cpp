// Sequence metrics (RMSE, DTW) and the robust statistics behind thresholds, on cases computed by hand.
#include "ml/robust_baseline.h"
#include "ml/sequence_metrics.h"

#include <QTest>
#include <cmath>

using namespace backsight::ml;

class TestSequenceMetrics : public QObject
{
    Q_OBJECT

private slots:
    void rmse()
    {
        // (0 + 0 + 2²) / 3 = 4/3.
        QCOMPARE(*rootMeanSquaredError(std::vector<double>{1, 2, 3}, std::vector<double>{1, 2, 5}), std::sqrt(4.0 / 3.0));
        QVERIFY(!rootMeanSquaredError(std::vector<double>{1, 2}, std::vector<double>{1}));
        QVERIFY(!rootMeanSquaredError(std::vector<double>{}, std::vector<double>{}));
        Eigen::MatrixXd a(2, 2), b(2, 2);
        a << 0, 0, 0, 0;
        b << 1, -1, 1, 3; // (1 + 1 + 1 + 9) / 4 = 3
        QCOMPARE(*rootMeanSquaredError(a, b), std::sqrt(3.0));
        QVERIFY(!rootMeanSquaredError(a, Eigen::MatrixXd::Zero(2, 3)));
    }

    void dtw_data()
    {
        QTest::addColumn<std::vector<double>>("a");
        QTest::addColumn<std::vector<double>>("b");
        QTest::addColumn<double>("expected");
        // The repeated 2 is absorbed by warping.
        QTest::newRow("repeat") << std::vector<double>{1, 2, 3} << std::vector<double>{1, 2, 2, 3} << 0.0;
        QTest::newRow("identical") << std::vector<double>{4, 1, 7} << std::vector<double>{4, 1, 7} << 0.0;
        // One point against three: every pair is on the path, 3 × |0 − 1|.
        QTest::newRow("one vs three") << std::vector<double>{0, 0, 0} << std::vector<double>{1} << 3.0;
        // a = [1,3,4], b = [1,2,4]. Local costs |a_i − b_j| by row: [0 1 3] [2 1 1] [3 2 0].
        // Accumulated: row 1: 0 1 4; row 2: 2 1 2; row 3: 5 3 1 → 1 (the 3↔2 step costs 1).
        QTest::newRow("one mismatch") << std::vector<double>{1, 3, 4} << std::vector<double>{1, 2, 4} << 1.0;
        // a = [0,5], b = [0,1,5]. Costs: [0 1 5] [5 4 0]. Accumulated: 0 1 6 / 5 4 1 → 1 (0→1 must be paid once).
        QTest::newRow("asymmetric") << std::vector<double>{0, 5} << std::vector<double>{0, 1, 5} << 1.0;
        QTest::newRow("asymmetric swapped") << std::vector<double>{0, 1, 5} << std::vector<double>{0, 5} << 1.0;
        // a = [2,8], b = [3]: both points pair with 3: |2−3| + |8−3| = 6.
        QTest::newRow("two vs one") << std::vector<double>{2, 8} << std::vector<double>{3} << 6.0;
        // a = [0,0,1], b = [0,1,1]: path (0,0)(1,0)(2,1)(2,2) costs 0; the diagonal would cost 1.
        QTest::newRow("shift") << std::vector<double>{0, 0, 1} << std::vector<double>{0, 1, 1} << 0.0;
    }

    void dtw()
    {
        QFETCH(std::vector<double>, a);
        QFETCH(std::vector<double>, b);
        QFETCH(double, expected);
        QCOMPARE(*dtwDistance(a, b), expected);
    }

    void dtwBand()
    {
        // With a band of 0 the equal-length series are matched on the diagonal: 0 + 1 + 0 = 1.
        QCOMPARE(*dtwDistance(std::vector<double>{0, 0, 1}, std::vector<double>{0, 1, 1}, 0), 1.0);
        QCOMPARE(*dtwDistance(std::vector<double>{0, 0, 1}, std::vector<double>{0, 1, 1}, 1), 0.0);
        // The band widens to the length difference so that a path exists: [1,2,3] vs [1,2,2,3] stays 0.
        QCOMPARE(*dtwDistance(std::vector<double>{1, 2, 3}, std::vector<double>{1, 2, 2, 3}, 0), 0.0);
        QVERIFY(!dtwDistance(std::vector<double>{}, std::vector<double>{1}));
    }

    void dtwMultivariate()
    {
        Eigen::MatrixXd a(2, 2), b(3, 2), c(1, 2), d(1, 2);
        a << 0, 0, 3, 4;
        b << 0, 0, 0, 0, 3, 4;
        QCOMPARE(*dtwDistance(a, b), 0.0);
        c << 0, 0;
        d << 3, 4; // Euclidean 5
        QCOMPARE(*dtwDistance(c, d), 5.0);
        QVERIFY(!dtwDistance(a, Eigen::MatrixXd::Zero(2, 3)));
    }

    void robustStatistics()
    {
        QCOMPARE(*median({5, 1, 3}), 3.0);
        QCOMPARE(*median({4, 1, 3, 2}), 2.5);
        // |x − 3| for {1,2,3,4,100} = {2,1,0,1,97} → median 1.
        QCOMPARE(*medianAbsoluteDeviation({1, 2, 3, 4, 100}, 3), 1.0);
        // numpy.quantile([1,2,3,4,5], 0.9) = 4.6
        QCOMPARE(*quantile({5, 4, 3, 2, 1}, 0.9), 4.6);
        QVERIFY(!median({}));
    }

    void robustScaler()
    {
        Eigen::MatrixXd rows(5, 2);
        rows << 1, 7, 2, 7, 3, 7, 4, 7, 100, 7;
        Eigen::VectorXd floor(2);
        floor << 0.01, 0.5;
        const RobustScaler s = RobustScaler::fit(rows, floor);
        QCOMPARE(s.center[0], 3.0);
        QCOMPARE(s.scale[0], madToSigma * 1.0);
        QCOMPARE(s.center[1], 7.0);
        QCOMPARE(s.scale[1], 0.5); // constant column: the floor
        Eigen::MatrixXd probe(1, 2);
        probe << 3 + madToSigma * 2, 8;
        const Eigen::MatrixXd z = s.transform(probe);
        QCOMPARE(z(0, 0), 2.0);
        QCOMPARE(z(0, 1), 2.0);
        probe << 1e9, 7;
        QCOMPARE(s.transform(probe, 20)(0, 0), 20.0); // clipped
    }

    void scoreThreshold()
    {
        std::vector<double> scores{1, 2, 3, 4, 100}; // median 3, MAD 1
        ScoreThreshold t = ScoreThreshold::fit(scores, 3, 0.5);
        QCOMPARE(t.median, 3.0);
        QCOMPARE(t.mad, 1.0);
        QCOMPARE(t.threshold, 3 + 3 * madToSigma);
        // Twice the sensitivity halves k.
        t = ScoreThreshold::fit(scores, 3, 0.5, 2.0);
        QCOMPARE(t.threshold, 3 + 1.5 * madToSigma);
        // A high quantile wins over a small k: quantile(0.9) = 4 + 0.6 × 96 = 61.6.
        t = ScoreThreshold::fit(scores, 1, 0.9);
        QCOMPARE(t.threshold, 61.6);
    }

    void seasonalBaseline()
    {
        // Hours 0 and 12 of each day: 10 at night, 50 at noon.
        std::vector<double> values;
        std::vector<int> seasons;
        for (int day = 0; day < 5; ++day) {
            values.push_back(10 + day % 2);
            seasons.push_back(0);
            values.push_back(50 + day % 2);
            seasons.push_back(12);
        }
        SeasonalRobustBaseline b;
        b.fit(values, seasons, 3);
        QCOMPARE(b.expected(0), 10.0);
        QCOMPARE(b.expected(12), 50.0);
        QCOMPARE(b.expected(6), 30.5); // unseen season: the overall median
        // Residuals {0,1,0,1,0 | 0,1,0,1,0}: median 0 → MAD 0 → the floor.
        QVERIFY(b.score(50, 12) < 1e-6);
        QVERIFY(b.score(50, 0) > 1e6);
    }
};

QTEST_GUILESS_MAIN(TestSequenceMetrics)
#include "test_sequence_metrics.moc"
