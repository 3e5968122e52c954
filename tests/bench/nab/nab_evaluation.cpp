#include "nab_evaluation.h"

#include "ingest/timestamp.h"
#include "ml/lstm_autoencoder.h"
#include "ml/robust_baseline.h"
#include "ml/sequence_metrics.h"

#include <QElapsedTimer>
#include <QFile>
#include <QMap>
#include <algorithm>
#include <array>
#include <cmath>
#include <functional>

namespace backsight::nab {

namespace {

bool readTime(const QByteArray &text, qint64 &ms)
{
    const ParsedTime t = parseTimestamp(std::string_view(text.constData(), size_t(text.size())), ZonelessTime::IsUtc);
    ms = t.ms;
    return t.ok;
}

bool readCsv(const QString &path, const std::function<bool(const QList<QByteArray> &, int)> &row, QString &error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return false;
    }
    int line = 0;
    while (!file.atEnd()) {
        const QByteArray text = file.readLine().trimmed();
        if (++line == 1 || text.isEmpty())
            continue;
        if (!row(text.split(','), line)) {
            error = QStringLiteral("%1, line %2: cannot read \"%3\"").arg(path).arg(line).arg(QString::fromUtf8(text));
            return false;
        }
    }
    return true;
}

struct Buckets
{
    std::vector<qint64> startMs;
    Eigen::MatrixXd features; // mean, min, max per bucket
};

Buckets bucketise(const Series &s, int minutes)
{
    const qint64 width = qint64(minutes) * 60000;
    std::vector<qint64> starts;
    std::vector<std::array<double, 4>> acc; // sum, min, max, count
    for (size_t k = 0; k < s.values.size(); ++k) {
        const qint64 start = s.timesMs[k] - (s.timesMs[k] % width);
        if (starts.empty() || starts.back() != start) {
            starts.push_back(start);
            acc.push_back({0, s.values[k], s.values[k], 0});
        }
        auto &a = acc.back();
        a[0] += s.values[k];
        a[1] = std::min(a[1], s.values[k]);
        a[2] = std::max(a[2], s.values[k]);
        a[3] += 1;
    }
    Buckets b;
    b.startMs = starts;
    b.features.resize(Eigen::Index(acc.size()), 3);
    for (size_t k = 0; k < acc.size(); ++k)
        b.features.row(Eigen::Index(k)) << acc[k][0] / acc[k][3], acc[k][1], acc[k][2];
    return b;
}

// Per-bucket scores (0 for buckets that cannot be scored) and the training scores.
void lstmScores(const Buckets &b, int trainBuckets, const Options &o, std::vector<double> &scores,
                std::vector<double> &training, FileResult &result)
{
    Eigen::VectorXd floor = Eigen::VectorXd::Constant(3, 1e-6);
    const ml::RobustScaler scaler = ml::RobustScaler::fit(b.features.topRows(trainBuckets), floor);
    const Eigen::MatrixXd scaled = scaler.transform(b.features, 12.0);
    const auto windows = ml::slidingWindows(scaled.topRows(trainBuckets), o.window);
    ml::LstmAutoencoder model(3, o.hidden, o.seed);
    ml::LstmTrainOptions train;
    train.epochs = o.epochs;
    train.seed = o.seed;
    model.train(windows, train);
    double squared = 0, dtw = 0;
    for (const auto &w : windows) {
        const Eigen::MatrixXd r = model.reconstruct(w);
        squared += (r - w).squaredNorm();
        dtw += ml::dtwDistance(r, w).value_or(0);
    }
    result.trainRmse = std::sqrt(squared / (double(windows.size()) * o.window * 3.0));
    result.trainDtw = dtw / double(windows.size());
    scores.assign(size_t(scaled.rows()), 0.0);
    for (Eigen::Index end = o.window - 1; end < scaled.rows(); ++end) {
        const Eigen::MatrixXd w = scaled.middleRows(end + 1 - o.window, o.window);
        const Eigen::MatrixXd r = model.reconstruct(w);
        scores[size_t(end)] = (r.row(o.window - 1) - w.row(o.window - 1)).squaredNorm() / 3.0;
        if (end < trainBuckets)
            training.push_back(scores[size_t(end)]);
    }
}


// Robust z-score of the bucket mean against the median of its hour of day in the training part.
void baselineScores(const Buckets &b, int trainBuckets, std::vector<double> &scores, std::vector<double> &training)
{
    auto hour = [&](size_t k) { return int((b.startMs[k] / 3600000) % 24); };
    std::vector<double> values;
    std::vector<int> seasons;
    for (int k = 0; k < trainBuckets; ++k) {
        values.push_back(b.features(k, 0));
        seasons.push_back(hour(size_t(k)));
    }
    ml::SeasonalRobustBaseline baseline;
    baseline.fit(values, seasons, 3, 1e-6);
    scores.assign(size_t(b.features.rows()), 0.0);
    for (Eigen::Index k = 0; k < b.features.rows(); ++k) {
        scores[size_t(k)] = baseline.score(b.features(k, 0), hour(size_t(k)));
        if (k < trainBuckets)
            training.push_back(scores[size_t(k)]);
    }
}

} // namespace

bool loadSeries(const QString &nabDir, const QStringList &extra, std::vector<Series> &out, QString &error)
{
    QMap<QString, std::vector<std::pair<qint64, qint64>>> windows;
    QStringList order;
    const bool ok = readCsv(nabDir + QStringLiteral("/windows_selected.csv"),
                            [&](const QList<QByteArray> &cells, int) {
                                qint64 from = 0, to = 0;
                                if (cells.size() != 3 || !readTime(cells[1], from) || !readTime(cells[2], to))
                                    return false;
                                const QString file = QString::fromUtf8(cells[0]);
                                if (!windows.contains(file))
                                    order.append(file);
                                windows[file].emplace_back(from, to);
                                return true;
                            },
                            error);
    if (!ok)
        return false;
    for (const QString &file : extra)
        if (!windows.contains(file)) {
            order.append(file);
            windows[file] = {};
        }
    for (const QString &file : order) {
        Series s;
        s.file = file;
        s.windows = windows.value(file);
        const bool read = readCsv(nabDir + QStringLiteral("/data/") + file,
                                  [&](const QList<QByteArray> &cells, int) {
                                      qint64 ms = 0;
                                      bool number = false;
                                      if (cells.size() != 2 || !readTime(cells[0], ms))
                                          return false;
                                      const double v = cells[1].toDouble(&number);
                                      s.timesMs.push_back(ms);
                                      s.values.push_back(v);
                                      return number;
                                  },
                                  error);
        if (!read)
            return false;
        out.push_back(std::move(s));
    }
    return true;
}

FileResult evaluate(const Series &series, Method method, const Options &o)
{
    QElapsedTimer timer;
    timer.start();
    FileResult r;
    r.file = series.file;
    r.labelledWindows = int(series.windows.size());
    const Buckets b = bucketise(series, o.bucketMinutes);
    r.buckets = int(b.features.rows());
    r.trainBuckets = std::max(o.window + 2, int(std::floor(o.trainShare * r.buckets)));
    std::vector<double> scores, training;
    if (method == Method::LstmAutoencoder)
        lstmScores(b, r.trainBuckets, o, scores, training, r);
    else
        baselineScores(b, r.trainBuckets, scores, training);
    r.threshold = ml::ScoreThreshold::fit(training, o.thresholdK, o.thresholdQuantile).threshold;

    // Alarm episodes after the probationary period; an episode that touches a labelled window detects it.
    std::vector<char> detected(series.windows.size(), 0);
    const qint64 bucketMs = qint64(o.bucketMinutes) * 60000;
    for (size_t j = size_t(r.trainBuckets); j < scores.size(); ++j) {
        const qint64 from = b.startMs[j], to = from + bucketMs - 1;
        const bool inside = std::any_of(series.windows.begin(), series.windows.end(),
                                        [&](const auto &w) { return from <= w.second && to >= w.first; });
        r.alarmsOutside += scores[j] > r.threshold && !inside ? 1 : 0;
    }
    size_t k = size_t(r.trainBuckets);
    while (k < scores.size()) {
        if (!(scores[k] > r.threshold)) {
            ++k;
            continue;
        }
        const size_t first = k;
        size_t last = k, gap = 0;
        for (++k; k < scores.size() && gap < size_t(o.mergeGapBuckets); ++k) {
            if (scores[k] > r.threshold) {
                last = k;
                gap = 0;
                ++r.alarms;
            } else {
                ++gap;
            }
        }
        ++r.alarms;
        k = last + 1;
        const qint64 from = b.startMs[first], to = b.startMs[last] + bucketMs - 1;
        bool touches = false;
        for (size_t w = 0; w < series.windows.size(); ++w)
            if (from <= series.windows[w].second && to >= series.windows[w].first) {
                detected[w] = 1;
                touches = true;
            }
        r.falseEpisodes += touches ? 0 : 1;
    }
    r.detectedWindows = int(std::count(detected.begin(), detected.end(), 1));
    r.seconds = double(timer.nsecsElapsed()) / 1e9;
    return r;
}

} // namespace backsight::nab
