#include "ml/sequence_metrics.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>

namespace backsight::ml {

std::optional<double> rootMeanSquaredError(const std::vector<double> &predicted, const std::vector<double> &actual)
{
    if (predicted.size() != actual.size() || predicted.empty())
        return std::nullopt;
    double sum = 0;
    for (size_t i = 0; i < predicted.size(); ++i)
        sum += (predicted[i] - actual[i]) * (predicted[i] - actual[i]);
    return std::sqrt(sum / double(predicted.size()));
}

std::optional<double> rootMeanSquaredError(const Eigen::MatrixXd &predicted, const Eigen::MatrixXd &actual)
{
    if (predicted.rows() != actual.rows() || predicted.cols() != actual.cols() || predicted.size() == 0)
        return std::nullopt;
    return std::sqrt((predicted - actual).squaredNorm() / double(predicted.size()));
}

namespace {

// Classic O(n·m) recurrence over two rolling rows; `cost(i, j)` is the local distance.
template<typename Cost>
double dtw(Eigen::Index n, Eigen::Index m, std::optional<int> band, Cost cost)
{
    const double inf = std::numeric_limits<double>::infinity();
    Eigen::Index width = band ? std::max<Eigen::Index>(*band, std::abs(n - m)) : std::max(n, m);
    std::vector<double> previous(size_t(m + 1), inf), current(size_t(m + 1), inf);
    previous[0] = 0;
    for (Eigen::Index i = 1; i <= n; ++i) {
        std::fill(current.begin(), current.end(), inf);
        const Eigen::Index from = std::max<Eigen::Index>(1, i - width), to = std::min(m, i + width);
        for (Eigen::Index j = from; j <= to; ++j) {
            const double best = std::min({previous[size_t(j - 1)], previous[size_t(j)], current[size_t(j - 1)]});
            current[size_t(j)] = cost(i - 1, j - 1) + best;
        }
        std::swap(previous, current);
    }
    return previous[size_t(m)];
}

} // namespace

std::optional<double> dtwDistance(const std::vector<double> &a, const std::vector<double> &b, std::optional<int> band)
{
    if (a.empty() || b.empty())
        return std::nullopt;
    return dtw(Eigen::Index(a.size()), Eigen::Index(b.size()), band,
               [&](Eigen::Index i, Eigen::Index j) { return std::abs(a[size_t(i)] - b[size_t(j)]); });
}

std::optional<double> dtwDistance(const Eigen::MatrixXd &a, const Eigen::MatrixXd &b, std::optional<int> band)
{
    if (a.rows() == 0 || b.rows() == 0 || a.cols() != b.cols())
        return std::nullopt;
    return dtw(a.rows(), b.rows(), band,
               [&](Eigen::Index i, Eigen::Index j) { return (a.row(i) - b.row(j)).norm(); });
}

} // namespace backsight::ml
