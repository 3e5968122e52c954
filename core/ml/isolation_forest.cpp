#include "ml/isolation_forest.h"

#include "ml/parallel_for.h"

#include <QDataStream>
#include <QIODevice>
#include <QSysInfo>
#include <QtEndian>
#include <atomic>
#include <cstring>
#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>
#include <thread>
#include <unordered_set>

namespace backsight::ml {
namespace {

constexpr double kEulerGamma = 0.5772156649015329;

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

std::uint64_t fnv1a(const char *data, qsizetype size)
{
    std::uint64_t h = 1469598103934665603ULL;
    for (qsizetype i = 0; i < size; ++i) {
        h ^= std::uint8_t(data[i]);
        h *= 1099511628211ULL;
    }
    return h;
}

} // namespace

double averagePathLength(double n)
{
    if (n <= 1)
        return 0;
    if (n <= 2)
        return 1;
    return 2.0 * (std::log(n - 1.0) + kEulerGamma) - 2.0 * (n - 1.0) / n;
}

bool IsolationForest::fit(const float *x, std::int64_t n, int d, const IsolationForestOptions &options, QString &error)
{
    if (n <= 0 || d <= 0) {
        error = QStringLiteral("Isolation Forest: nothing to fit (%1 rows, %2 columns)").arg(n).arg(d);
        return false;
    }
    if (options.trees <= 0 || options.sampleSize <= 0) {
        error = QStringLiteral("Isolation Forest: trees and sample size must be positive (got %1 and %2)")
                    .arg(options.trees)
                    .arg(options.sampleSize);
        return false;
    }
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
    return true;
}

void IsolationForest::pack()
{
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

double IsolationForest::pathLength(const float *row) const
{
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
    std::vector<double> c(d_, 0.0);
    if (roots_.empty())
        return c;
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

namespace {
constexpr char kMagic[8] = {'B', 'S', 'I', 'F', 'O', 'R', 'S', 'T'};
}

QByteArray IsolationForest::serialize() const
{
    QByteArray blob;
    {
        QDataStream s(&blob, QIODevice::WriteOnly);
        s.setVersion(QDataStream::Qt_6_4);
        s.setByteOrder(QDataStream::LittleEndian);
        s.writeRawData(kMagic, 8);
        s << quint32(kFormatVersion) << qint32(d_) << qint32(psi_) << quint8(extended_ ? 1 : 0) << normaliser_;
        s << quint64(roots_.size()) << quint64(feature_.size()) << quint64(normals_.size());
    }
    // The tables are written straight into the blob, as deserialize reads them: a QDataStream insertion per field
    // was a twentieth of training's time.
    const qsizetype header = blob.size();
    blob.resize(header + qsizetype(roots_.size() * 4 + feature_.size() * (4 + 4 + 8 + 4 + 4 + 4) + normals_.size() * 4 + 8));
    uchar *p = reinterpret_cast<uchar *>(blob.data()) + header;
    const auto put = [&p](auto v) {
        qToLittleEndian(v, p);
        p += sizeof(v);
    };
    for (std::int32_t v : roots_)
        put(qint32(v));
    for (std::size_t i = 0; i < feature_.size(); ++i) {
        put(qint32(feature_[i]));
        put(qint32(left_[i]));
        put(std::bit_cast<quint64>(threshold_[i]));
        put(std::bit_cast<quint32>(leafValue_[i]));
        put(qint32(depth_[i]));
        put(qint32(normalOffset_[i]));
    }
    for (float v : normals_)
        put(std::bit_cast<quint32>(v));
    put(quint64(fnv1a(blob.constData(), blob.size() - 8)));
    return blob;
}

bool IsolationForest::deserialize(const QByteArray &blob, QString &error)
{
    const auto bad = [&](const QString &why) {
        error = QStringLiteral("Isolation Forest blob (%1 bytes): %2").arg(blob.size()).arg(why);
        return false;
    };
    if (blob.size() < 8 + 4 + 8 || std::memcmp(blob.constData(), kMagic, 8) != 0)
        return bad(QStringLiteral("not an Isolation Forest model (bad magic)"));
    QDataStream s(blob);
    s.setVersion(QDataStream::Qt_6_4);
    s.setByteOrder(QDataStream::LittleEndian);
    s.skipRawData(8);
    quint32 version = 0;
    s >> version;
    if (version > kFormatVersion)
        return bad(QStringLiteral("format version %1 is newer than this build reads (%2)").arg(version).arg(kFormatVersion));
    if (version == 0)
        return bad(QStringLiteral("format version 0 is invalid"));
    std::uint64_t stored = 0;
    std::memcpy(&stored, blob.constData() + blob.size() - 8, 8);
    if (QSysInfo::ByteOrder != QSysInfo::LittleEndian)
        stored = qFromLittleEndian(stored);
    if (fnv1a(blob.constData(), blob.size() - 8) != stored)
        return bad(QStringLiteral("checksum mismatch (truncated or corrupt)"));
    qint32 d = 0, psi = 0;
    quint8 ext = 0;
    double normaliser = 0;
    quint64 trees = 0, nodes = 0, normals = 0;
    s >> d >> psi >> ext >> normaliser >> trees >> nodes >> normals;
    const quint64 expected = 8 + 4 + 4 + 4 + 1 + 8 + 24 + trees * 4 + nodes * (4 + 4 + 8 + 4 + 4 + 4) + normals * 4 + 8;
    if (s.status() != QDataStream::Ok || d <= 0 || psi <= 0 || trees == 0 || nodes < trees || quint64(blob.size()) != expected)
        return bad(QStringLiteral("inconsistent shape (d=%1, trees=%2, nodes=%3)").arg(d).arg(trees).arg(nodes));
    d_ = d;
    psi_ = psi;
    extended_ = ext != 0;
    normaliser_ = normaliser;
    roots_.resize(trees);
    feature_.resize(nodes);
    left_.resize(nodes);
    threshold_.resize(nodes);
    leafValue_.resize(nodes);
    depth_.resize(nodes);
    normalOffset_.resize(nodes);
    normals_.resize(normals);
    // The tables are read straight from the blob (its size was checked above): a QDataStream extraction per field
    // made loading a case's few hundred forests a second of every detection run.
    const uchar *p = reinterpret_cast<const uchar *>(blob.constData()) + 53; // after the header read above
    const auto i32 = [&p] {
        const qint32 v = qFromLittleEndian<qint32>(p);
        p += 4;
        return v;
    };
    const auto f32 = [&p] {
        const quint32 bits = qFromLittleEndian<quint32>(p);
        p += 4;
        return std::bit_cast<float>(bits);
    };
    for (auto &v : roots_)
        v = i32();
    for (std::size_t i = 0; i < nodes; ++i) {
        feature_[i] = i32();
        left_[i] = i32();
        threshold_[i] = std::bit_cast<double>(qFromLittleEndian<quint64>(p));
        p += 8;
        leafValue_[i] = f32();
        depth_[i] = i32();
        normalOffset_[i] = i32();
    }
    for (float &v : normals_)
        v = f32();
    pack();
    // Structural checks so that a crafted blob cannot send the walk out of bounds.
    for (auto r : roots_)
        if (r < 0 || quint64(r) >= nodes)
            return bad(QStringLiteral("a tree root points outside the node table"));
    for (std::size_t i = 0; i < nodes; ++i) {
        if (feature_[i] == -1)
            continue;
        if (feature_[i] >= d_ || feature_[i] < -2 || left_[i] <= std::int32_t(i) || quint64(left_[i]) + 1 >= nodes)
            return bad(QStringLiteral("node %1 is malformed").arg(i));
        if (feature_[i] == -2 && (normalOffset_[i] < 0 || quint64(normalOffset_[i]) + quint64(d_) > normals))
            return bad(QStringLiteral("node %1 has no hyperplane").arg(i));
    }
    return true;
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
