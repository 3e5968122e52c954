#include "ml/robust_baseline.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace backsight::ml {

std::optional<double> median(std::vector<double> values) { return quantile(std::move(values), 0.5); }

std::optional<double> medianAbsoluteDeviation(const std::vector<double> &values, double center)
{
    std::vector<double> deviations;
    deviations.reserve(values.size());
    for (double v : values)
        deviations.push_back(std::abs(v - center));
    return median(std::move(deviations));
}

std::optional<double> quantile(std::vector<double> values, double q)
{
    if (values.empty())
        return std::nullopt;
    std::sort(values.begin(), values.end());
    const double position = std::clamp(q, 0.0, 1.0) * double(values.size() - 1);
    const size_t low = size_t(std::floor(position));
    const size_t high = std::min(values.size() - 1, low + 1);
    return values[low] + (position - double(low)) * (values[high] - values[low]);
}

RobustScaler RobustScaler::fit(const Eigen::MatrixXd &rows, const Eigen::VectorXd &scaleFloor)
{
    RobustScaler scaler;
    const Eigen::Index columns = rows.cols();
    scaler.center = Eigen::VectorXd::Zero(columns);
    scaler.scale = Eigen::VectorXd::Ones(columns);
    for (Eigen::Index c = 0; c < columns; ++c) {
        std::vector<double> column(rows.col(c).data(), rows.col(c).data() + rows.rows());
        const double floor = c < scaleFloor.size() ? scaleFloor[c] : 1e-9;
        const auto m = median(column);
        if (!m) {
            scaler.scale[c] = floor;
            continue;
        }
        scaler.center[c] = *m;
        // A two-level column (day and night values) can have a MAD near zero; the IQR still sees its spread.
        const double iqr = *quantile(column, 0.75) - *quantile(column, 0.25);
        scaler.scale[c] = std::max({madToSigma * *medianAbsoluteDeviation(column, *m), iqr / 1.349, floor});
    }
    return scaler;
}

Eigen::MatrixXd RobustScaler::transform(const Eigen::MatrixXd &rows, double clip) const
{
    Eigen::MatrixXd scaled = (rows.rowwise() - center.transpose()).array().rowwise() / scale.transpose().array();
    return scaled.cwiseMax(-clip).cwiseMin(clip);
}

ScoreThreshold ScoreThreshold::fit(const std::vector<double> &scores, double k, double q, double sensitivity)
{
    ScoreThreshold t;
    if (scores.empty())
        return t;
    const double s = sensitivity > 0 ? sensitivity : 1.0;
    t.median = *ml::median(scores);
    t.mad = *medianAbsoluteDeviation(scores, t.median);
    // Higher sensitivity: a smaller k and a fatter tail above the quantile ((1 - q) times s).
    const double qEffective = std::clamp(1.0 - (1.0 - std::clamp(q, 0.0, 1.0)) * s, 0.5, 1.0);
    t.quantileValue = *quantile(scores, qEffective);
    t.threshold = std::max(t.median + (k / s) * madToSigma * t.mad, t.quantileValue);
    if (!(t.threshold > 0))
        t.threshold = std::max(t.median, 1e-12);
    return t;
}

void SeasonalRobustBaseline::fit(const std::vector<double> &values, const std::vector<int> &seasons, int minPerSeason,
                                 double scaleFloor)
{
    seasonal_.clear();
    center_ = median(values).value_or(0.0);
    std::map<int, std::vector<double>> bySeason;
    for (size_t k = 0; k < values.size() && k < seasons.size(); ++k)
        if (seasons[k] >= 0)
            bySeason[seasons[k]].push_back(values[k]);
    for (auto &[season, list] : bySeason)
        if (int(list.size()) >= minPerSeason)
            seasonal_.emplace_back(season, *median(list));
    std::vector<double> residuals;
    residuals.reserve(values.size());
    for (size_t k = 0; k < values.size(); ++k)
        residuals.push_back(values[k] - expected(k < seasons.size() ? seasons[k] : -1));
    const double mad = residuals.empty() ? 0.0 : *medianAbsoluteDeviation(residuals, 0.0);
    scale_ = std::max(madToSigma * mad, scaleFloor);
}

double SeasonalRobustBaseline::expected(int season) const
{
    const auto it = std::lower_bound(seasonal_.begin(), seasonal_.end(), season,
                                     [](const std::pair<int, double> &e, int key) { return e.first < key; });
    return it != seasonal_.end() && it->first == season ? it->second : center_;
}

double SeasonalRobustBaseline::score(double value, int season) const
{
    return std::abs(value - expected(season)) / scale_;
}

} // namespace backsight::ml
