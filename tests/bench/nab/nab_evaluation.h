#pragma once

#include <QString>
#include <QStringList>
#include <vector>

namespace backsight::nab {

// One NAB series (`timestamp,value`, UTC) and its labelled anomaly windows (inclusive, epoch ms).
struct Series
{
    QString file;                      // relative to data/, as in windows_selected.csv
    std::vector<qint64> timesMs;
    std::vector<double> values;
    std::vector<std::pair<qint64, qint64>> windows;
};

// Reads every file named in <nabDir>/windows_selected.csv plus the files listed in `extra` (no windows).
// False with `error` naming the file and line when something cannot be read.
bool loadSeries(const QString &nabDir, const QStringList &extra, std::vector<Series> &out, QString &error);

enum class Method { LstmAutoencoder, RobustBaseline };

struct Options
{
    int bucketMinutes = 60;   // long 5-minute series are averaged into buckets (mean, min, max per bucket)
    double trainShare = 0.15; // the probationary period: the first 15 % of the buckets, never scored
    int window = 12;          // buckets per LSTM window
    int hidden = 8;
    int epochs = 60;
    unsigned seed = 42;
    double thresholdK = 6.0;  // median + k·1.4826·MAD of the training scores ...
    double thresholdQuantile = 1.0;  // ... or this quantile of them (1 = the largest), whichever is higher
    int mergeGapBuckets = 6;  // alarms closer than this form one alarm episode
};

struct FileResult
{
    QString file;
    int buckets = 0, trainBuckets = 0;
    int labelledWindows = 0, detectedWindows = 0;
    int falseEpisodes = 0;    // alarm episodes that touch no labelled window
    int alarms = 0;           // buckets above threshold after the probationary period
    int alarmsOutside = 0;    // of those, buckets outside every labelled window
    double threshold = 0;
    double trainRmse = 0, trainDtw = 0; // LSTM only: reconstruction RMSE and mean DTW on the training windows
    double seconds = 0;
};

FileResult evaluate(const Series &series, Method method, const Options &options);

} // namespace backsight::nab
