// Training an Isolation Forest: the trees grown on random subsamples, in parallel.

#include "ml/isolation_forest.h"

#include "ml/parallel_for.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>
#include <thread>
#include <unordered_set>

namespace backsight::ml {
namespace {

std::uint64_t splitmix(std::uint64_t x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

// Portable uniform draws (std::uniform_*_distribution differ between standard libraries).
struct Rng
{
    std::mt19937_64 engine;
    explicit Rng(std::uint64_t seed) : engine(seed) {}
    double uniform01() { return double(engine() >> 11) * (1.0 / 9007199254740992.0); } // [0, 1)
    std::uint64_t below(std::uint64_t n) // [0, n), Lemire-free simple rejection
    {
        const std::uint64_t limit = std::numeric_limits<std::uint64_t>::max() - std::numeric_limits<std::uint64_t>::max() % n;
        std::uint64_t v;
        do {
            v = engine();
        } while (v >= limit);
        return v % n;
    }
    double normal() // Box-Muller
    {
        double u1 = uniform01();
        while (u1 <= 0)
            u1 = uniform01();
        const double u2 = uniform01();
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
    }
};

struct TreeBuild
{
    std::vector<std::int32_t> feature, left, depth, normalOffset;
    std::vector<double> threshold;
    std::vector<float> leafValue, normals;
};

struct Builder
{
    const float *x;
    int d;
    int heightLimit;
    bool extended;
    Rng rng;
    TreeBuild &t;
    std::vector<std::int64_t> &idx;
    std::vector<int> features;
    std::vector<double> proj;

    int newNode(int depth)
    {
        t.feature.push_back(-1);
        t.left.push_back(-1);
        t.threshold.push_back(0);
        t.leafValue.push_back(0);
        t.depth.push_back(depth);
        t.normalOffset.push_back(-1);
        return int(t.feature.size()) - 1;
    }

    void makeLeaf(int node, int depth, std::size_t size)
    {
        t.feature[node] = -1;
        t.leafValue[node] = float(depth + averagePathLength(double(size)));
    }

    // Builds the node for idx[begin, end) at `depth`.
    void build(int node, std::size_t begin, std::size_t end, int depth)
    {
        const std::size_t size = end - begin;
        if (depth >= heightLimit || size <= 1) {
            makeLeaf(node, depth, size);
            return;
        }
        if (extended) {
            buildHyperplane(node, begin, end, depth);
            return;
        }
        // Draw features uniformly among the non-constant ones: a random order, first non-constant wins.
        std::iota(features.begin(), features.end(), 0);
        for (int k = 0; k < d; ++k) {
            const int j = k + int(rng.below(std::uint64_t(d - k)));
            std::swap(features[k], features[j]);
            const int f = features[k];
            float lo = std::numeric_limits<float>::max(), hi = std::numeric_limits<float>::lowest();
            for (std::size_t i = begin; i < end; ++i) {
                const float v = x[idx[i] * d + f];
                lo = std::min(lo, v);
                hi = std::max(hi, v);
            }
            if (double(hi) <= double(lo) + 1e-7)
                continue;
            double thr = double(lo) + rng.uniform01() * (double(hi) - double(lo));
            if (thr >= double(hi))
                thr = double(lo);
            // Partition: x <= thr left.
            std::size_t mid = begin;
            for (std::size_t i = begin; i < end; ++i) {
                if (double(x[idx[i] * d + f]) <= thr)
                    std::swap(idx[i], idx[mid++]);
            }
            t.feature[node] = f;
            t.threshold[node] = thr;
            const int l = newNode(depth + 1);
            const int r = newNode(depth + 1);
            (void)r;
            t.left[node] = l;
            build(l, begin, mid, depth + 1);
            build(l + 1, mid, end, depth + 1);
            return;
        }
        makeLeaf(node, depth, size); // every feature constant here
    }

    void buildHyperplane(int node, std::size_t begin, std::size_t end, int depth)
    {
        const std::size_t size = end - begin;
        std::vector<float> lo(d, std::numeric_limits<float>::max()), hi(d, std::numeric_limits<float>::lowest());
        for (std::size_t i = begin; i < end; ++i) {
            const float *row = x + idx[i] * d;
            for (int f = 0; f < d; ++f) {
                lo[f] = std::min(lo[f], row[f]);
                hi[f] = std::max(hi[f], row[f]);
            }
        }
        // Normal ~ N(0, I) over the non-constant dimensions (full extension level), intercept p ~ U[lo, hi].
        const int offset = int(t.normals.size());
        t.normals.resize(t.normals.size() + d, 0.0f);
        bool any = false;
        double offsetValue = 0;
        for (int f = 0; f < d; ++f) {
            if (double(hi[f]) <= double(lo[f]) + 1e-7)
                continue;
            any = true;
            const float n = float(rng.normal());
            const double p = double(lo[f]) + rng.uniform01() * (double(hi[f]) - double(lo[f]));
            t.normals[offset + f] = n;
            offsetValue += double(n) * p;
        }
        if (!any) {
            t.normals.resize(offset);
            makeLeaf(node, depth, size);
            return;
        }
        std::size_t mid = begin;
        for (std::size_t i = begin; i < end; ++i) {
            const float *row = x + idx[i] * d;
            double dot = 0;
            for (int f = 0; f < d; ++f)
                dot += double(t.normals[offset + f]) * double(row[f]);
            if (dot <= offsetValue)
                std::swap(idx[i], idx[mid++]);
        }
        t.feature[node] = -2;
        t.threshold[node] = offsetValue;
        t.normalOffset[node] = offset;
        const int l = newNode(depth + 1);
        newNode(depth + 1);
        t.left[node] = l;
        build(l, begin, mid, depth + 1);
        build(l + 1, mid, end, depth + 1);
    }
};

} // namespace

Status IsolationForest::fit(const float *x, std::int64_t n, int d, const IsolationForestOptions &options)
{
    if (n <= 0 || d <= 0)
        return Error::badInput(QStringLiteral("Isolation Forest: nothing to fit (%1 rows, %2 columns)").arg(n).arg(d));
    if (options.trees <= 0 || options.sampleSize <= 0)
        return Error::badInput(QStringLiteral("Isolation Forest: trees and sample size must be positive (got %1 and %2)")
                                   .arg(options.trees)
                                   .arg(options.sampleSize));
    d_ = d;
    extended_ = options.extended;
    psi_ = int(std::min<std::int64_t>(options.sampleSize, n));
    normaliser_ = averagePathLength(psi_);
    const int heightLimit = int(std::ceil(std::log2(std::max(psi_, 2))));

    std::vector<TreeBuild> built(options.trees);
    parallelFor(options.threads, options.trees, [&](std::int64_t tree) {
        Rng rng(splitmix(options.seed * 0x100000001b3ULL + std::uint64_t(tree) + 1));
        std::vector<std::int64_t> idx;
        idx.reserve(psi_);
        if (psi_ == n) {
            idx.resize(n);
            std::iota(idx.begin(), idx.end(), 0);
        } else if (std::int64_t(psi_) * 4 > n) {
            std::vector<std::int64_t> all(n);
            std::iota(all.begin(), all.end(), 0);
            for (int k = 0; k < psi_; ++k)
                std::swap(all[k], all[k + std::int64_t(rng.below(std::uint64_t(n - k)))]);
            idx.assign(all.begin(), all.begin() + psi_);
        } else { // Floyd's algorithm: psi distinct rows without an n-sized buffer
            std::unordered_set<std::int64_t> chosen;
            for (std::int64_t j = n - psi_; j < n; ++j) {
                const std::int64_t r = std::int64_t(rng.below(std::uint64_t(j + 1)));
                if (chosen.insert(r).second)
                    idx.push_back(r);
                else {
                    chosen.insert(j);
                    idx.push_back(j);
                }
            }
        }
        TreeBuild &t = built[tree];
        Builder b{x, d, heightLimit, options.extended, std::move(rng), t, idx, std::vector<int>(d), {}};
        const int root = b.newNode(0);
        b.build(root, 0, idx.size(), 0);
    });

    feature_.clear();
    left_.clear();
    threshold_.clear();
    leafValue_.clear();
    depth_.clear();
    normalOffset_.clear();
    normals_.clear();
    roots_.clear();
    for (const TreeBuild &t : built) {
        const auto base = std::int32_t(feature_.size());
        const auto normalBase = std::int32_t(normals_.size());
        roots_.push_back(base);
        feature_.insert(feature_.end(), t.feature.begin(), t.feature.end());
        for (std::int32_t l : t.left)
            left_.push_back(l < 0 ? -1 : l + base);
        threshold_.insert(threshold_.end(), t.threshold.begin(), t.threshold.end());
        leafValue_.insert(leafValue_.end(), t.leafValue.begin(), t.leafValue.end());
        depth_.insert(depth_.end(), t.depth.begin(), t.depth.end());
        for (std::int32_t o : t.normalOffset)
            normalOffset_.push_back(o < 0 ? -1 : o + normalBase);
        normals_.insert(normals_.end(), t.normals.begin(), t.normals.end());
    }
    pack();
    return {};
}

} // namespace backsight::ml
