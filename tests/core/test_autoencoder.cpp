// Dense autoencoder: gradient check (tanh and ReLU), training lowers the loss and separates off-manifold rows,
// same seed same bytes, early stopping, cancel, blob round trip and bad blobs.
#include "ml/autoencoder.h"

#include <QTest>
#include <cmath>
#include <random>

using namespace backsight;

namespace {

// Rows on a 2-D plane inside 6-D (x2 = x0 + x1, x3 = x0 - x1, x4 = 2 x0, x5 = -x1) plus noise.
std::vector<float> planeRows(int n, unsigned seed)
{
    std::mt19937 rng(seed);
    std::normal_distribution<float> g(0, 1), noise(0, 0.02f);
    std::vector<float> x;
    for (int i = 0; i < n; ++i) {
        const float a = g(rng), b = g(rng);
        for (float v : {a, b, a + b, a - b, 2 * a, -b})
            x.push_back(v + noise(rng));
    }
    return x;
}

double maxRelativeError(ml::DenseAutoencoder &ae, const Eigen::MatrixXd &x)
{
    const std::vector<double> analytic = ae.gradient(x);
    std::vector<double> p = ae.parameters();
    double worst = 0;
    for (std::size_t i = 0; i < p.size(); ++i) {
        const double keep = p[i], h = 1e-6;
        p[i] = keep + h;
        ae.setParameters(p);
        const double up = ae.loss(x);
        p[i] = keep - h;
        ae.setParameters(p);
        const double down = ae.loss(x);
        p[i] = keep;
        ae.setParameters(p);
        const double numeric = (up - down) / (2 * h);
        const double denom = std::max({std::abs(numeric), std::abs(analytic[i]), 1e-5}); // floor: central differences are ~1e-10 accurate
        worst = std::max(worst, std::abs(numeric - analytic[i]) / denom);
    }
    return worst;
}

// The sentence of a failed call into `error` (empty when it succeeded), so the checks below can read it.
bool check(const Status &status, QString &error)
{
    error = status ? QString() : status.error().message;
    return status.ok();
}

} // namespace

class TestAutoencoder : public QObject
{
    Q_OBJECT

private slots:
    void gradientCheck_data()
    {
        QTest::addColumn<int>("activation");
        QTest::newRow("tanh") << int(ml::Activation::Tanh);
        QTest::newRow("relu") << int(ml::Activation::Relu);
    }

    void gradientCheck()
    {
        QFETCH(int, activation);
        ml::AutoencoderOptions o;
        o.hidden = {5, 3, 4};
        o.activation = ml::Activation(activation);
        o.seed = 3;
        ml::DenseAutoencoder ae;
        ae.initialise(6, o);
        std::mt19937 rng(9);
        std::normal_distribution<double> g(0, 1);
        // Biases start at 0, which puts ReLU units whose inputs are all zero exactly on the kink: move every
        // parameter off it so central differences see a smooth function.
        std::vector<double> p = ae.parameters();
        for (double &v : p)
            v += 0.1 * g(rng);
        ae.setParameters(p);
        Eigen::MatrixXd x(6, 7);
        for (int i = 0; i < x.size(); ++i)
            x.data()[i] = g(rng);
        const double err = maxRelativeError(ae, x);
        qInfo("max relative gradient error %.2e", err);
        QVERIFY(err < 1e-4);
    }

    void trainsAndSeparates()
    {
        const std::vector<float> x = planeRows(1500, 1);
        ml::AutoencoderOptions o;
        o.hidden = {8, 2, 8};
        o.learningRate = 5e-3;
        o.maxEpochs = 80;
        ml::DenseAutoencoder ae;
        QString error;
        QVERIFY2(check(ae.fit(x.data(), 1500, 6, o), error), qPrintable(error));
        qInfo("epochs %d, best validation loss %.4f", ae.epochsRun(), ae.bestValidationLoss());
        QVERIFY(ae.bestValidationLoss() < 0.1);
        // An off-plane row (x2 should be x0 + x1) reconstructs badly, mostly in feature 2.
        const float odd[6] = {0.5f, 0.5f, -3.0f, 0.0f, 1.0f, -0.5f};
        double maxNormal = 0;
        for (int i = 0; i < 200; ++i)
            maxNormal = std::max(maxNormal, ae.score(x.data() + i * 6));
        QVERIFY(ae.score(odd) > maxNormal);
        const std::vector<double> e = ae.featureErrors(odd);
        QCOMPARE(int(std::max_element(e.begin(), e.end()) - e.begin()), 2);

        // The batch score (blocks of 256 columns: 600 rows make two full blocks and a partial one) gives each row's
        // own score; only the matrix product's rounding may differ.
        std::vector<double> batch(600, -1.0);
        ae.score(x.data(), 600, batch.data());
        for (int i = 0; i < 600; ++i) {
            const double one = ae.score(x.data() + i * 6);
            QVERIFY2(std::abs(batch[i] - one) <= 1e-12 * std::max(1.0, one), qPrintable(QString::number(i)));
        }

        // Same seed, same bytes; blob round trip.
        ml::DenseAutoencoder again, loaded;
        QVERIFY(check(again.fit(x.data(), 1500, 6, o), error));
        QCOMPARE(again.serialize(), ae.serialize());
        QVERIFY2(check(loaded.deserialize(ae.serialize()), error), qPrintable(error));
        QCOMPARE(loaded.score(odd), ae.score(odd));

        const QByteArray good = ae.serialize();
        QVERIFY(!check(loaded.deserialize(good.left(40)), error));
        QByteArray flipped = good;
        flipped[60] = char(flipped[60] ^ 1);
        QVERIFY(!check(loaded.deserialize(flipped), error));
        QCOMPARE(loaded.deserialize(flipped).error().category, Error::Category::BadInput); // a corrupt blob
        QVERIFY(error.contains(QStringLiteral("checksum")));
        QByteArray newer = good;
        newer[8] = char(ml::DenseAutoencoder::kFormatVersion + 1);
        QVERIFY(!check(loaded.deserialize(newer), error));
        QVERIFY(error.contains(QStringLiteral("version")));
    }

    void earlyStoppingAndCancel()
    {
        const std::vector<float> x = planeRows(300, 2);
        ml::AutoencoderOptions o;
        o.maxEpochs = 500;
        o.patience = 3;
        o.learningRate = 0.05; // noisy enough that validation stops improving
        ml::DenseAutoencoder ae;
        QString error;
        QVERIFY(check(ae.fit(x.data(), 300, 6, o), error));
        QVERIFY(ae.epochsRun() < 500);
        const Status cancelled = ae.fit(x.data(), 300, 6, o, [](double) { return false; });
        QVERIFY(!check(cancelled, error));
        QVERIFY(error.contains(QStringLiteral("cancelled")));
        QCOMPARE(cancelled.error().category, Error::Category::Cancelled);
    }
};

QTEST_GUILESS_MAIN(TestAutoencoder)
#include "test_autoencoder.moc"
