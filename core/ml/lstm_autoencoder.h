#pragma once

#include "model/result.h"

#include <Eigen/Core>
#include <QByteArray>
#include <QString>
#include <functional>
#include <optional>
#include <vector>

namespace backsight::ml {

// How LstmAutoencoder::train runs: mini-batch Adam over shuffled windows, gradients clipped by global norm.
struct LstmTrainOptions
{
    int epochs = 40;
    int batchSize = 16;
    double learningRate = 0.01;
    double beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8;
    double clipNorm = 5.0;           // largest global gradient norm per step; 0 = no clipping
    unsigned seed = 42;              // shuffling order (the weights are seeded in the constructor)
    std::function<bool(double)> progress; // 0..1 after each epoch; false cancels
};

struct LstmTrainReport
{
    std::vector<double> lossPerEpoch; // mean loss over the windows, before each epoch's updates are finished
    bool cancelled = false;
};

// A sequence autoencoder: an encoder LSTM reads a window (rows = time steps, columns = features) and its
// last hidden state is the code; a decoder LSTM gets the code at every step and a linear layer maps its
// hidden state back to the features. Trained by backpropagation through time on the mean squared
// reconstruction error. Double precision, single-threaded and seeded, so the same data and seed give the
// same weights bit for bit.
class LstmAutoencoder
{
public:
    LstmAutoencoder() = default;
    LstmAutoencoder(int features, int hidden, unsigned seed);

    int features() const { return features_; }
    int hidden() const { return hidden_; }
    bool isValid() const { return features_ > 0 && hidden_ > 0; }

    // The reconstruction of `window` (same shape).
    Eigen::MatrixXd reconstruct(const Eigen::MatrixXd &window) const;
    // Mean squared reconstruction error over every cell of `window`.
    double loss(const Eigen::MatrixXd &window) const;
    // loss(window) and its gradient with respect to parameters() (same layout), by BPTT.
    double lossAndGradient(const Eigen::MatrixXd &window, Eigen::VectorXd &gradient) const;

    // All weights in one vector: encoder W (4H×(F+H)) and b, decoder W (4H×2H) and b, output W (F×H) and b;
    // gate order input, forget, cell, output; matrices column-major.
    const Eigen::VectorXd &parameters() const { return parameters_; }
    void setParameters(const Eigen::VectorXd &parameters);
    static Eigen::Index parameterCount(int features, int hidden);

    LstmTrainReport train(const std::vector<Eigen::MatrixXd> &windows, const LstmTrainOptions &options);

    // Versioned binary form: magic "BSLSTMAE", format version, shape, weights, checksum.
    QByteArray serialize() const;
    // BadInput for a truncated, corrupt or newer blob.
    static Result<LstmAutoencoder> deserialize(const QByteArray &blob);
    static constexpr quint32 formatVersion = 1;

private:
    struct Trace;
    void forward(const Eigen::MatrixXd &window, Trace &trace) const;

    int features_ = 0, hidden_ = 0;
    Eigen::VectorXd parameters_;
};

// Splits a series of rows (time steps × features) into every window of `length` consecutive rows.
std::vector<Eigen::MatrixXd> slidingWindows(const Eigen::MatrixXd &series, int length, int stride = 1);

} // namespace backsight::ml
