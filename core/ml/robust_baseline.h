#pragma once

#include <Eigen/Core>
#include <QByteArray>
#include <optional>
#include <vector>

namespace backsight::ml {

// Order statistics used by every threshold: nullopt for an empty input.
std::optional<double> median(std::vector<double> values);
// Median absolute deviation around `center` (not scaled; multiply by 1.4826 for a normal sigma).
std::optional<double> medianAbsoluteDeviation(const std::vector<double> &values, double center);
// Linear-interpolated quantile, q in [0, 1] (the same definition as numpy's default).
std::optional<double> quantile(std::vector<double> values, double q);

constexpr double madToSigma = 1.4826;

// Per-column robust scaling: (x - median) / max(1.4826·MAD, IQR/1.349, floor). The floor keeps a column that never
// varies (a server whose dedup ratio is always 2.0) from turning the first small change into infinity.
struct RobustScaler
{
    Eigen::VectorXd center, scale;

    static RobustScaler fit(const Eigen::MatrixXd &rows, const Eigen::VectorXd &scaleFloor);
    Eigen::MatrixXd transform(const Eigen::MatrixXd &rows, double clip = 20.0) const;
    bool isValid() const { return center.size() > 0 && center.size() == scale.size(); }
};

// A threshold learnt from a score distribution (reconstruction errors, |z|): the larger of
// median + k·1.4826·MAD and the q-quantile, with k and q divided/raised by the analyst's sensitivity.
struct ScoreThreshold
{
    double median = 0, mad = 0, quantileValue = 0, threshold = 0;
    static ScoreThreshold fit(const std::vector<double> &scores, double k, double q, double sensitivity = 1.0);
};

// The simple baseline beside the LSTM: a robust z-score of each value against the median of its season
// (weekday/hour of the schedule, or hour of day) learnt on the training part, falling back to the overall
// median where a season has too few values; the scale is the MAD of the de-seasoned training residuals.
class SeasonalRobustBaseline
{
public:
    // `seasons` holds one key per value (e.g. weekday·24 + hour; any int, -1 for "no season").
    void fit(const std::vector<double> &values, const std::vector<int> &seasons, int minPerSeason = 3,
             double scaleFloor = 1e-9);
    // |value − expected(season)| / scale.
    double score(double value, int season) const;
    double expected(int season) const;
    double center() const { return center_; }
    double scale() const { return scale_; }

private:
    std::vector<std::pair<int, double>> seasonal_; // sorted by season key
    double center_ = 0, scale_ = 1;
};

} // namespace backsight::ml
