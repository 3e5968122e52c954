// NAB comparison: LSTM autoencoder vs the seasonal robust baseline, per file, with timings.
// Usage: bench_nab [NAB_DIR] [--bucket MIN] [--window N] [--hidden N] [--epochs N] [--k K] [--q Q] [--train SHARE]
#include "nab_evaluation.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QStringList>
#include <cstdio>

using namespace backsight::nab;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    QString dir = qEnvironmentVariable("BACKSIGHT_SHARED") + QStringLiteral("/benchmarks/nab");
    Options o;
    for (int k = 0; k < args.size(); ++k) {
        const QString &a = args[k];
        const QString value = k + 1 < args.size() ? args[k + 1] : QString();
        if (a == QLatin1String("--bucket")) o.bucketMinutes = value.toInt(), ++k;
        else if (a == QLatin1String("--window")) o.window = value.toInt(), ++k;
        else if (a == QLatin1String("--hidden")) o.hidden = value.toInt(), ++k;
        else if (a == QLatin1String("--epochs")) o.epochs = value.toInt(), ++k;
        else if (a == QLatin1String("--k")) o.thresholdK = value.toDouble(), ++k;
        else if (a == QLatin1String("--q")) o.thresholdQuantile = value.toDouble(), ++k;
        else if (a == QLatin1String("--train")) o.trainShare = value.toDouble(), ++k;
        else if (a == QLatin1String("--gap")) o.mergeGapBuckets = value.toInt(), ++k;
        else if (!a.startsWith(QLatin1String("--"))) dir = a;
        else {
            std::fprintf(stderr, "unknown option %s\n", qPrintable(a));
            return 1;
        }
    }
    std::vector<Series> series;
    QString error;
    QElapsedTimer load;
    load.start();
    if (!loadSeries(dir, {QStringLiteral("artificialNoAnomaly/art_daily_small_noise.csv")}, series, error)) {
        std::fprintf(stderr, "%s\n(pass the NAB folder, or set BACKSIGHT_SHARED)\n", qPrintable(error));
        return 1;
    }
    std::printf("NAB in %s: %zu files read in %.2f s; buckets %d min, probationary %.0f %%, window %d, hidden %d, "
                "epochs %d, threshold max(median + %.1f MAD, q%.3f)\n\n",
                qPrintable(dir), series.size(), double(load.nsecsElapsed()) / 1e9, o.bucketMinutes,
                o.trainShare * 100, o.window, o.hidden, o.epochs, o.thresholdK, o.thresholdQuantile);
    std::printf("%-55s %-9s %8s %9s %6s %7s %7s %8s %8s\n", "file", "method", "detected", "false ep", "alarms",
                "outside", "rmse", "dtw", "seconds");
    int files[2] = {0, 0}, falseTotal[2] = {0, 0};
    double seconds[2] = {0, 0};
    for (const Series &s : series) {
        for (int m = 0; m < 2; ++m) {
            const Method method = m == 0 ? Method::LstmAutoencoder : Method::RobustBaseline;
            const FileResult r = evaluate(s, method, o);
            std::printf("%-55s %-9s %5d/%-2d %9d %6d %7d %7.3f %8.3f %8.3f\n", qPrintable(r.file),
                        m == 0 ? "lstm" : "baseline", r.detectedWindows, r.labelledWindows, r.falseEpisodes, r.alarms,
                        r.alarmsOutside, r.trainRmse, r.trainDtw, r.seconds);
            if (r.labelledWindows > 0 && r.detectedWindows > 0)
                ++files[m];
            falseTotal[m] += r.falseEpisodes;
            seconds[m] += r.seconds;
        }
    }
    const int windowed = int(std::count_if(series.begin(), series.end(), [](const Series &s) { return !s.windows.empty(); }));
    std::printf("\nfiles with a detected window: lstm %d/%d, baseline %d/%d; false episodes: lstm %d, baseline %d\n",
                files[0], windowed, files[1], windowed, falseTotal[0], falseTotal[1]);
    std::printf("time: lstm %.2f s, baseline %.3f s (lstm / baseline = %.0fx)\n", seconds[0], seconds[1],
                seconds[1] > 0 ? seconds[0] / seconds[1] : 0.0);
    return 0;
}
