#pragma once

#include "model/result.h"

#include <QByteArray>
#include <QString>
#include <cstdint>
#include <vector>

namespace backsight::ml {

// Average path length of an unsuccessful BST search among n points (Liu et al. 2008): c(0)=c(1)=0, c(2)=1,
// c(n) = 2(ln(n-1)+gamma) - 2(n-1)/n.
double averagePathLength(double n);

struct IsolationForestOptions
{
    int trees = 100;
    int sampleSize = 256;          // psi; the forest uses min(psi, n)
    std::uint64_t seed = 42;
    bool extended = false;         // Extended Isolation Forest (Hariri et al. 2019): random hyperplanes
    int threads = 1;               // fit and score on this many threads (0 = hardware concurrency)
};

// Isolation Forest with scikit-learn's conventions (sklearn/ensemble/_iforest.py): features as float32, subsample
// of psi rows without replacement per tree, height limit ceil(log2(max(psi, 2))), a feature is drawn uniformly among
// those not constant in the node (max <= min + 1e-7 counts as constant), threshold ~ U[min, max) (a draw equal to max
// becomes min), x <= threshold goes left, path length = depth + c(leaf size), score s = 2^(-E[h]/c(psi)) in (0, 1]
// (sklearn's -score_samples). Deterministic for a seed whatever the thread count: tree t draws from its own stream.
// Trees live in flat arrays (one node table for the forest).
class IsolationForest
{
public:
    // `x` is row-major, n rows x d columns. BadInput on empty input or bad options.
    Status fit(const float *x, std::int64_t n, int d, const IsolationForestOptions &options);
    // Scores rows of the same width; `out` gets n scores in row order.
    void score(const float *x, std::int64_t n, double *out, int threads = 1) const;
    double score(const float *row) const;
    // Mean over trees of how early each feature isolates `row`: sum over split nodes on the path of
    // 1 / (depth + 1) for the node's feature (extended trees share it by |normal| weight). Size d.
    std::vector<double> featureContributions(const float *row) const;

    bool isFitted() const { return !roots_.empty(); }
    int dimensions() const { return d_; }
    int trees() const { return int(roots_.size()); }
    int sampleSize() const { return psi_; }
    bool extended() const { return extended_; }
    std::size_t nodeCount() const { return packed_.size(); }

    // Keeps only the 16-byte scoring nodes (an axis-aligned forest; an extended one keeps everything) and frees the
    // tables serialize() writes: a forest that is only asked for scores and contributions takes 16 bytes a node
    // instead of 44. Scores and contributions stay the same; serialize() then returns an empty blob.
    void keepOnlyScoringTables();

    // Versioned binary blob: "BSIFORST", format version, shape, node arrays, FNV-1a checksum. Empty after
    // keepOnlyScoringTables().
    QByteArray serialize() const;
    // BadInput with a sentence on a truncated, corrupt or newer blob.
    Status deserialize(const QByteArray &blob);

    static constexpr std::uint32_t kFormatVersion = 1;

private:
    double pathLength(const float *row) const;
    double packedPathLength(const float *row) const;
    std::vector<double> packedContributions(const float *row) const;
    void pack();
    QString structuralProblem() const;

    // Axis-aligned nodes packed in 16 bytes for scoring: x <= thresholdDown (the largest float <= the double
    // threshold) is exactly x <= threshold for float x.
    // Leaves point to themselves (left = self, rightStep = 0) so that every row walks exactly maxDepth_ steps
    // without branches, many rows in lockstep.
    struct PackedNode
    {
        std::int32_t left;
        std::int16_t feature;
        std::int16_t rightStep;
        float thresholdDown;
        float leafValue;
    };
    int maxDepth_ = 0;
    std::vector<PackedNode> packed_;
    bool scoringOnly_ = false; // keepOnlyScoringTables(): the per-node tables below are empty

    int d_ = 0;
    int psi_ = 0;
    bool extended_ = false;
    double normaliser_ = 1;               // c(psi)
    std::vector<std::int32_t> roots_;     // first node of each tree
    // Per node: split feature (-1 = leaf; -2 = hyperplane in extended mode), left child (right = left + 1),
    // threshold (or the hyperplane's offset n.p), and for leaves the path-length contribution depth + c(size).
    std::vector<std::int32_t> feature_;
    std::vector<std::int32_t> left_;
    std::vector<double> threshold_;
    std::vector<float> leafValue_;
    std::vector<std::int32_t> depth_;
    std::vector<std::int32_t> normalOffset_; // extended: offset into normals_ (d floats), -1 otherwise
    std::vector<float> normals_;
};

// ROC AUC of scores against 0/1 labels (ties averaged, Mann-Whitney). NaN when one class is missing.
double rocAuc(const std::vector<double> &scores, const std::vector<int> &labels);

} // namespace backsight::ml
