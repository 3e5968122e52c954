#pragma once

#include "model/result.h"

#include <Eigen/Dense>
#include <QByteArray>
#include <QString>
#include <cstdint>
#include <functional>
#include <vector>

namespace backsight::ml {

enum class Activation { Tanh, Relu };

struct AutoencoderOptions
{
    std::vector<int> hidden = {16, 6, 16};   // hidden layer widths; the output layer (width d) is linear
    Activation activation = Activation::Tanh;
    double learningRate = 1e-3;              // Adam
    double beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8;
    int batchSize = 64;
    int maxEpochs = 60;
    double validationFraction = 0.1;         // the last rows after a seeded shuffle
    int patience = 5;                        // epochs without a better validation loss before stopping
    std::uint64_t seed = 42;
};

// Dense autoencoder in Eigen (double). Inputs are standardised with the training mean and sd (sd floor 1e-3);
// the score of a row is its mean squared reconstruction error over the standardised features, and
// featureErrors() gives each feature's share (the "why"). Training: mini-batch Adam on the mean squared error,
// seeded shuffles (same data + seed = same bytes), early stopping on the validation split keeping the best weights.
class DenseAutoencoder
{
public:
    // x row-major n x d. BadInput for too few rows or bad options; progress(epoch fraction) returning false
    // cancels (Cancelled).
    Status fit(const float *x, std::int64_t n, int d, const AutoencoderOptions &options,
               const std::function<bool(double)> &progress = {});
    double score(const float *row) const;
    // Scores n rows (row-major n x d) into out[0..n): the same as score(row) for each, through blocks of columns
    // (matrix products instead of one matrix-vector product per row).
    void score(const float *x, std::int64_t n, double *out) const;
    std::vector<double> featureErrors(const float *row) const; // squared error per standardised feature
    int dimensions() const { return d_; }
    int epochsRun() const { return epochs_; }
    double bestValidationLoss() const { return bestValidation_; }

    // For tests: loss (mean over rows of the mean squared error) of already-standardised columns `x` (d x B),
    // and its analytic gradients in the order W1, b1, W2, b2, ... flattened.
    double loss(const Eigen::MatrixXd &x) const;
    std::vector<double> gradient(const Eigen::MatrixXd &x) const;
    std::vector<double> parameters() const;
    void setParameters(const std::vector<double> &p);
    void initialise(int d, const AutoencoderOptions &options); // random weights, identity scaling

    QByteArray serialize() const;
    // BadInput on a truncated, corrupt or newer blob.
    Status deserialize(const QByteArray &blob);
    static constexpr std::uint32_t kFormatVersion = 1;

private:
    struct Layer
    {
        Eigen::MatrixXd w;
        Eigen::VectorXd b;
    };
    void forward(const Eigen::MatrixXd &x, std::vector<Eigen::MatrixXd> &z, std::vector<Eigen::MatrixXd> &a) const;
    void backward(const Eigen::MatrixXd &x, std::vector<Layer> &grads) const;
    Eigen::VectorXd standardise(const float *row) const;

    int d_ = 0;
    Activation activation_ = Activation::Tanh;
    std::vector<Layer> layers_;
    Eigen::VectorXd mean_, scale_;
    int epochs_ = 0;
    double bestValidation_ = 0;
};

} // namespace backsight::ml
