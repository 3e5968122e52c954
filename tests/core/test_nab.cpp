// NAB check: the LSTM autoencoder trained on each series' probationary period (first 15 %, hourly buckets)
// must raise an alarm inside the labelled windows of at least four of the five windowed files, with few
// false alarm episodes. Needs ../shared (BACKSIGHT_SHARED); skips without it. Prints the table it asserts on.
#include "nab_evaluation.h"

#include <QDir>
#include <QTest>

using namespace backsight::nab;

class TestNab : public QObject
{
    Q_OBJECT

private:
    std::vector<Series> series_;

private slots:
    void initTestCase()
    {
        const QString shared = qEnvironmentVariable("BACKSIGHT_SHARED");
        const QString dir = shared + QStringLiteral("/benchmarks/nab");
        if (shared.isEmpty() || !QDir(dir).exists())
            QSKIP("NAB data not available (set BACKSIGHT_SHARED to the folder holding benchmarks/nab)");
        QString error;
        QVERIFY2(loadSeries(dir, {QStringLiteral("artificialNoAnomaly/art_daily_small_noise.csv")}, series_, error),
                 qPrintable(error));
        QCOMPARE(int(series_.size()), 6);
    }

    void lstmFindsLabelledWindows()
    {
        const Options options; // hourly buckets, 15 % probationary, window 12, threshold max(median + 6 MAD, max)
        int filesDetected = 0, windowed = 0, falseEpisodes = 0;
        qInfo("%-55s %8s %9s %6s %7s", "file", "detected", "false ep", "alarms", "outside");
        for (const Series &s : series_) {
            const FileResult r = evaluate(s, Method::LstmAutoencoder, options);
            qInfo("%-55s %5d/%-2d %9d %6d %7d", qPrintable(r.file), r.detectedWindows, r.labelledWindows,
                  r.falseEpisodes, r.alarms, r.alarmsOutside);
            QVERIFY(r.trainBuckets >= options.window + 2);
            windowed += r.labelledWindows > 0 ? 1 : 0;
            filesDetected += r.detectedWindows > 0 ? 1 : 0;
            falseEpisodes += r.falseEpisodes;
            if (r.labelledWindows == 0)
                QVERIFY2(r.falseEpisodes <= 2, "the clean companion series raised alarms");
        }
        qInfo("files with a detected window: %d of %d; false alarm episodes: %d", filesDetected, windowed,
              falseEpisodes);
        QCOMPARE(windowed, 5);
        QVERIFY(filesDetected >= 4);
        QVERIFY(falseEpisodes <= 30);
    }

    void sameSeedSameResult()
    {
        const Series &s = series_.at(1);
        const FileResult a = evaluate(s, Method::LstmAutoencoder, {}), b = evaluate(s, Method::LstmAutoencoder, {});
        QCOMPARE(a.threshold, b.threshold);
        QCOMPARE(a.alarms, b.alarms);
    }
};

QTEST_GUILESS_MAIN(TestNab)
#include "test_nab.moc"
