#include "ml/isolation_forest.h"

#include "ml/parallel_for.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <thread>

namespace backsight::ml {
namespace {

constexpr double kEulerGamma = 0.5772156649015329;

} // namespace

double averagePathLength(double n)
{
    if (n <= 1)
        return 0;
    if (n <= 2)
        return 1;
    return 2.0 * (std::log(n - 1.0) + kEulerGamma) - 2.0 * (n - 1.0) / n;
}

void IsolationForest::pack()
{
    scoringOnly_ = false;
    packed_.resize(feature_.size());
    for (std::size_t i = 0; i < feature_.size(); ++i) {
        float down = float(threshold_[i]);
        if (double(down) > threshold_[i])
            down = std::nextafter(down, -std::numeric_limits<float>::infinity());
        const bool leaf = feature_[i] < 0;
        packed_[i] = {leaf ? std::int32_t(i) : left_[i], std::int16_t(leaf ? 0 : feature_[i]), std::int16_t(leaf ? 0 : 1),
                      leaf ? 0.0f : down, leafValue_[i]};
    }
    maxDepth_ = 0;
    for (std::int32_t dep : depth_)
        maxDepth_ = std::max(maxDepth_, int(dep));
}

void IsolationForest::keepOnlyScoringTables()
{
    if (extended_ || d_ > 32767 || packed_.empty())
        return;
    scoringOnly_ = true;
    for (auto *table : {&feature_, &left_, &depth_, &normalOffset_})
        std::vector<std::int32_t>().swap(*table);
    std::vector<double>().swap(threshold_);
    std::vector<float>().swap(leafValue_);
    std::vector<float>().swap(normals_);
}

// The same walk on the packed nodes: right when x > thresholdDown, which is exactly not (x <= threshold).
double IsolationForest::packedPathLength(const float *row) const
{
    double total = 0;
    for (std::int32_t at : roots_) {
        while (packed_[at].rightStep != 0)
            at = packed_[at].left + (row[packed_[at].feature] > packed_[at].thresholdDown ? 1 : 0);
        total += packed_[at].leafValue;
    }
    return total / double(roots_.size());
}

std::vector<double> IsolationForest::packedContributions(const float *row) const
{
    std::vector<double> c(d_, 0.0);
    for (std::int32_t at : roots_) {
        for (int depth = 0; packed_[at].rightStep != 0; ++depth) {
            const PackedNode &node = packed_[at];
            c[node.feature] += 1.0 / double(depth + 1);
            at = node.left + (row[node.feature] > node.thresholdDown ? 1 : 0);
        }
    }
    for (double &v : c)
        v /= double(roots_.size());
    return c;
}

double IsolationForest::pathLength(const float *row) const
{
    if (scoringOnly_)
        return packedPathLength(row);
    double total = 0;
    for (std::int32_t node : roots_) {
        for (;;) {
            const std::int32_t f = feature_[node];
            if (f == -1)
                break;
            bool goLeft;
            if (f >= 0) {
                goLeft = double(row[f]) <= threshold_[node];
            } else {
                const float *nv = normals_.data() + normalOffset_[node];
                double dot = 0;
                for (int k = 0; k < d_; ++k)
                    dot += double(nv[k]) * double(row[k]);
                goLeft = dot <= threshold_[node];
            }
            node = goLeft ? left_[node] : left_[node] + 1;
        }
        total += leafValue_[node];
    }
    return total / double(roots_.size());
}

double IsolationForest::score(const float *row) const
{
    return std::exp2(-pathLength(row) / normaliser_);
}

void IsolationForest::score(const float *x, std::int64_t n, double *out, int threads) const
{
    constexpr std::int64_t kBlock = 2048;
    const std::int64_t blocks = (n + kBlock - 1) / kBlock;
    parallelFor(threads, blocks, [&](std::int64_t b) {
        const std::int64_t begin = b * kBlock, end = std::min(n, (b + 1) * kBlock);
        if (extended_ || d_ > 32767) {
            for (std::int64_t i = begin; i < end; ++i)
                out[i] = score(x + i * d_);
            return;
        }
        // Tree by tree over a block of rows: one tree's nodes stay in cache while the rows walk it, 16 rows in
        // lockstep so that their dependent loads overlap.
        double sums[kBlock] = {};
        const PackedNode *nodes = packed_.data();
        constexpr int kLanes = 32;
        const std::int64_t d = d_;
        const int depth = maxDepth_;
        for (std::int32_t root : roots_) {
            std::int64_t i = begin;
            for (; i + kLanes <= end; i += kLanes) {
                std::int32_t at[kLanes];
                const float *rowAt[kLanes];
                for (int k = 0; k < kLanes; ++k) {
                    at[k] = root;
                    rowAt[k] = x + (i + k) * d;
                }
                for (int step = 0; step < depth; ++step) {
                    for (int k = 0; k < kLanes; ++k) {
                        const PackedNode &node = nodes[at[k]];
                        at[k] = node.left + (node.rightStep & -std::int32_t(rowAt[k][node.feature] > node.thresholdDown));
                    }
                }
                for (int k = 0; k < kLanes; ++k)
                    sums[i + k - begin] += nodes[at[k]].leafValue;
            }
            for (; i < end; ++i) {
                std::int32_t at = root;
                for (int step = 0; step < maxDepth_; ++step) {
                    const PackedNode &node = nodes[at];
                    at = node.left + (node.rightStep & -std::int32_t(x[i * d_ + node.feature] > node.thresholdDown));
                }
                sums[i - begin] += nodes[at].leafValue;
            }
        }
        const double trees = double(roots_.size());
        for (std::int64_t i = begin; i < end; ++i)
            out[i] = std::exp2(-(sums[i - begin] / trees) / normaliser_);
    });
}

std::vector<double> IsolationForest::featureContributions(const float *row) const
{
    if (roots_.empty())
        return std::vector<double>(d_, 0.0);
    if (scoringOnly_)
        return packedContributions(row);
    std::vector<double> c(d_, 0.0);
    for (std::int32_t node : roots_) {
        for (;;) {
            const std::int32_t f = feature_[node];
            if (f == -1)
                break;
            const double w = 1.0 / double(depth_[node] + 1);
            bool goLeft;
            if (f >= 0) {
                c[f] += w;
                goLeft = double(row[f]) <= threshold_[node];
            } else {
                const float *nv = normals_.data() + normalOffset_[node];
                double dot = 0, norm = 0;
                for (int k = 0; k < d_; ++k) {
                    dot += double(nv[k]) * double(row[k]);
                    norm += std::abs(double(nv[k]));
                }
                for (int k = 0; k < d_; ++k)
                    c[k] += w * std::abs(double(nv[k])) / std::max(norm, 1e-12);
                goLeft = dot <= threshold_[node];
            }
            node = goLeft ? left_[node] : left_[node] + 1;
        }
    }
    for (double &v : c)
        v /= double(roots_.size());
    return c;
}

double rocAuc(const std::vector<double> &scores, const std::vector<int> &labels)
{
    const std::size_t n = scores.size();
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return scores[a] < scores[b]; });
    double rankSumPos = 0;
    double pos = 0;
    for (std::size_t i = 0; i < n;) {
        std::size_t j = i;
        while (j < n && scores[order[j]] == scores[order[i]])
            ++j;
        const double rank = (double(i) + double(j) + 1.0) / 2.0; // 1-based average rank
        for (std::size_t k = i; k < j; ++k) {
            if (labels[order[k]] != 0) {
                rankSumPos += rank;
                pos += 1;
            }
        }
        i = j;
    }
    const double neg = double(n) - pos;
    if (pos == 0 || neg == 0)
        return std::numeric_limits<double>::quiet_NaN();
    return (rankSumPos - pos * (pos + 1) / 2.0) / (pos * neg);
}

} // namespace backsight::ml
