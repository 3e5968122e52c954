// LSTM autoencoder: BPTT gradients against finite differences, training, determinism, serialisation.
#include "ml/lstm_autoencoder.h"

#include <QTest>
#include <cmath>
#include <random>

using namespace backsight::ml;

namespace {

Eigen::MatrixXd randomWindow(int steps, int features, unsigned seed)
{
    std::mt19937_64 rng(seed);
    Eigen::MatrixXd w(steps, features);
    for (int t = 0; t < steps; ++t)
        for (int f = 0; f < features; ++f)
            w(t, f) = double(rng() % 2001) / 1000.0 - 1.0;
    return w;
}

// Windows of a noisy two-feature sine: what a regular schedule looks like after scaling.
std::vector<Eigen::MatrixXd> sineWindows(int count, int steps, unsigned seed)
{
    std::mt19937_64 rng(seed);
    std::vector<Eigen::MatrixXd> windows;
    for (int k = 0; k < count; ++k) {
        Eigen::MatrixXd w(steps, 2);
        const double phase = double(rng() % 1000) / 1000.0 * 6.283;
        for (int t = 0; t < steps; ++t) {
            const double noise = (double(rng() % 1000) / 1000.0 - 0.5) * 0.1;
            w(t, 0) = std::sin(phase + t * 0.8) + noise;
            w(t, 1) = 0.5 * std::cos(phase + t * 0.8) - noise;
        }
        windows.push_back(w);
    }
    return windows;
}

} // namespace

class TestLstmAutoencoder : public QObject
{
    Q_OBJECT

private slots:
    void gradientMatchesFiniteDifferences_data()
    {
        QTest::addColumn<int>("features");
        QTest::addColumn<int>("hidden");
        QTest::addColumn<int>("steps");
        QTest::addColumn<unsigned>("seed");
        QTest::newRow("3x4, 5 steps") << 3 << 4 << 5 << 7u;
        QTest::newRow("6x3, 8 steps") << 6 << 3 << 8 << 11u;
        QTest::newRow("1x2, 1 step") << 1 << 2 << 1 << 3u;
    }

    void gradientMatchesFiniteDifferences()
    {
        QFETCH(int, features);
        QFETCH(int, hidden);
        QFETCH(int, steps);
        QFETCH(unsigned, seed);
        LstmAutoencoder model(features, hidden, seed);
        const Eigen::MatrixXd window = randomWindow(steps, features, seed + 1);
        Eigen::VectorXd analytic;
        const double loss = model.lossAndGradient(window, analytic);
        QCOMPARE(loss, model.loss(window));
        QCOMPARE(analytic.size(), LstmAutoencoder::parameterCount(features, hidden));

        const Eigen::VectorXd base = model.parameters();
        const double h = 1e-6;
        double worst = 0;
        for (Eigen::Index k = 0; k < base.size(); ++k) {
            Eigen::VectorXd p = base;
            p[k] += h;
            model.setParameters(p);
            const double up = model.loss(window);
            p[k] -= 2 * h;
            model.setParameters(p);
            const double down = model.loss(window);
            const double numeric = (up - down) / (2 * h);
            const double denominator = std::max(std::abs(numeric) + std::abs(analytic[k]), 1e-7);
            worst = std::max(worst, std::abs(numeric - analytic[k]) / denominator);
        }
        model.setParameters(base);
        qInfo("largest relative error over %lld weights: %.3g", qlonglong(base.size()), worst);
        QVERIFY2(worst < 1e-4, qPrintable(QString::number(worst)));
    }

    void trainingLowersTheLossAndSeparatesAnomalies()
    {
        const auto windows = sineWindows(96, 8, 5);
        LstmAutoencoder model(2, 8, 42);
        double before = 0;
        for (const auto &w : windows)
            before += model.loss(w);
        before /= double(windows.size());
        LstmTrainOptions options;
        options.epochs = 60;
        const LstmTrainReport report = model.train(windows, options);
        QCOMPARE(int(report.lossPerEpoch.size()), 60);
        QVERIFY(!report.cancelled);
        double after = 0, worstNormal = 0;
        for (const auto &w : windows) {
            after += model.loss(w);
            worstNormal = std::max(worstNormal, model.loss(w));
        }
        after /= double(windows.size());
        qInfo("loss before %.4f, after %.4f", before, after);
        QVERIFY(after < 0.25 * before);

        Eigen::MatrixXd spiked = sineWindows(1, 8, 99).front();
        spiked(7, 0) = 6.0; // one session far outside anything seen
        QVERIFY(model.loss(spiked) > 2 * worstNormal);
    }

    void sameSeedSameWeights()
    {
        const auto windows = sineWindows(40, 6, 1);
        LstmTrainOptions options;
        options.epochs = 5;
        LstmAutoencoder a(2, 5, 9), b(2, 5, 9), c(2, 5, 10);
        a.train(windows, options);
        b.train(windows, options);
        c.train(windows, options);
        QCOMPARE(a.serialize(), b.serialize());
        QVERIFY(a.serialize() != c.serialize());
        options.seed = 43; // another shuffling order
        LstmAutoencoder d(2, 5, 9);
        d.train(windows, options);
        QVERIFY(a.serialize() != d.serialize());
    }

    void cancel()
    {
        LstmTrainOptions options;
        options.epochs = 50;
        int calls = 0;
        options.progress = [&](double) { return ++calls < 3; };
        LstmAutoencoder model(2, 4, 1);
        const LstmTrainReport report = model.train(sineWindows(10, 4, 2), options);
        QVERIFY(report.cancelled);
        QCOMPARE(int(report.lossPerEpoch.size()), 3);
    }

    void serialisationRoundTrip()
    {
        LstmAutoencoder model(6, 5, 3);
        const QByteArray blob = model.serialize();
        QVERIFY(blob.startsWith("BSLSTMAE"));
        const auto back = LstmAutoencoder::deserialize(blob);
        QVERIFY2(back, qPrintable(back ? QString() : back.error().message));
        QCOMPARE(back->features(), 6);
        QCOMPARE(back->hidden(), 5);
        QVERIFY(back->parameters() == model.parameters());
        const Eigen::MatrixXd w = randomWindow(4, 6, 8);
        QCOMPARE(back->loss(w), model.loss(w));
    }

    void badBlobsFailClearly_data()
    {
        QTest::addColumn<QByteArray>("blob");
        QTest::addColumn<QString>("expected");
        const QByteArray good = LstmAutoencoder(3, 2, 1).serialize();
        QTest::newRow("empty") << QByteArray() << QStringLiteral("does not start with BSLSTMAE");
        QTest::newRow("other magic") << QByteArray("IFOREST1").append(good.mid(8))
                                     << QStringLiteral("does not start with BSLSTMAE");
        QTest::newRow("header cut") << good.left(12) << QStringLiteral("truncated");
        QTest::newRow("weights cut") << good.left(good.size() - 20) << QStringLiteral("truncated");
        QByteArray flipped = good;
        flipped[40] = char(flipped[40] ^ 0x10);
        QTest::newRow("flipped bit") << flipped << QStringLiteral("checksum");
        QByteArray newer = good;
        newer[8] = char(2); // format version, little endian
        QTest::newRow("newer version") << newer << QStringLiteral("newer Backsight");
        QByteArray shape = good;
        shape[12] = char(4); // features 3 → 4: the weight count no longer fits
        QTest::newRow("shape") << shape << QStringLiteral("corrupt (shape");
        QTest::newRow("trailing bytes") << QByteArray(good).append('x') << QStringLiteral("checksum");
    }

    void badBlobsFailClearly()
    {
        QFETCH(QByteArray, blob);
        QFETCH(QString, expected);
        const auto back = LstmAutoencoder::deserialize(blob);
        QVERIFY(!back);
        QVERIFY2(back.error().message.contains(expected), qPrintable(back.error().message));
        QCOMPARE(back.error().category, backsight::Error::Category::BadInput);
    }

    void windows()
    {
        Eigen::MatrixXd series(10, 2);
        for (int r = 0; r < 10; ++r)
            series.row(r) << r, -r;
        const auto w = slidingWindows(series, 4);
        QCOMPARE(int(w.size()), 7);
        QCOMPARE(w[6](0, 0), 6.0);
        QCOMPARE(int(slidingWindows(series, 4, 3).size()), 3);
        QVERIFY(slidingWindows(series, 11).empty());
        QVERIFY(LstmAutoencoder(2, 3, 1).reconstruct(Eigen::MatrixXd::Zero(3, 5)).size() == 0); // wrong width
    }
};

QTEST_GUILESS_MAIN(TestLstmAutoencoder)
#include "test_lstm_autoencoder.moc"
