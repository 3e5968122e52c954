#pragma once

#include <Eigen/Core>
#include <optional>
#include <vector>

namespace backsight::ml {

// Root mean squared error between two equally long series; nullopt when the lengths differ or both are empty.
std::optional<double> rootMeanSquaredError(const std::vector<double> &predicted, const std::vector<double> &actual);
// The same over every cell of two equally shaped matrices (rows = time steps, columns = features).
std::optional<double> rootMeanSquaredError(const Eigen::MatrixXd &predicted, const Eigen::MatrixXd &actual);

// Dynamic Time Warping distance: the smallest sum of |a_i - b_j| along a monotone path from (0,0) to
// (n-1,m-1) that steps right, down or diagonally. `band` (Sakoe-Chiba, in steps) limits |i - j|; it is
// widened to |n - m| so that a path always exists. nullopt when either series is empty.
std::optional<double> dtwDistance(const std::vector<double> &a, const std::vector<double> &b,
                                  std::optional<int> band = std::nullopt);
// Multivariate DTW: rows are time steps, the cost of a pair of rows is their Euclidean distance.
// nullopt when either is empty or the column counts differ.
std::optional<double> dtwDistance(const Eigen::MatrixXd &a, const Eigen::MatrixXd &b,
                                  std::optional<int> band = std::nullopt);

} // namespace backsight::ml
