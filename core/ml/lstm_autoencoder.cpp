#include "ml/lstm_autoencoder.h"

#include <QDataStream>
#include <QIODevice>
#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

namespace backsight::ml {

namespace {

using Eigen::Index;
using Eigen::MatrixXd;
using Eigen::VectorXd;
using ConstMap = Eigen::Map<const MatrixXd>;
using Map = Eigen::Map<MatrixXd>;

constexpr char magic[8] = {'B', 'S', 'L', 'S', 'T', 'M', 'A', 'E'};
constexpr int largestDimension = 4096;

// Where each weight block starts in the flat parameter vector.
struct Layout
{
    Index encW, encB, decW, decB, outW, outB, total;
    Layout(int f, int h)
    {
        const Index g = 4 * Index(h);
        encW = 0;
        encB = encW + g * (f + h);
        decW = encB + g;
        decB = decW + g * 2 * h;
        outW = decB + g;
        outB = outW + Index(f) * h;
        total = outB + f;
    }
};

// Portable uniform draw in [0, 1): the standard distributions differ between library vendors.
double uniform01(std::mt19937_64 &rng) { return double(rng() >> 11) * 0x1.0p-53; }

VectorXd sigmoid(const VectorXd &a) { return (1.0 + (-a.array()).exp()).inverse().matrix(); }

// Activations of one LSTM layer over T steps; columns are time steps.
struct LayerTrace
{
    MatrixXd u, i, f, g, o, c, tc, h;
};

void forwardLayer(const ConstMap &w, const ConstMap &b, const MatrixXd &inputs, int hidden, LayerTrace &tr)
{
    const Index t = inputs.cols(), in = inputs.rows(), h = hidden;
    tr.u.resize(in + h, t);
    for (MatrixXd *m : {&tr.i, &tr.f, &tr.g, &tr.o, &tr.c, &tr.tc, &tr.h})
        m->resize(h, t);
    VectorXd hPrev = VectorXd::Zero(h), cPrev = VectorXd::Zero(h);
    for (Index s = 0; s < t; ++s) {
        tr.u.col(s) << inputs.col(s), hPrev;
        const VectorXd a = w * tr.u.col(s) + b;
        tr.i.col(s) = sigmoid(a.segment(0, h));
        tr.f.col(s) = sigmoid(a.segment(h, h));
        tr.g.col(s) = a.segment(2 * h, h).array().tanh().matrix();
        tr.o.col(s) = sigmoid(a.segment(3 * h, h));
        tr.c.col(s) = tr.f.col(s).cwiseProduct(cPrev) + tr.i.col(s).cwiseProduct(tr.g.col(s));
        tr.tc.col(s) = tr.c.col(s).array().tanh().matrix();
        tr.h.col(s) = tr.o.col(s).cwiseProduct(tr.tc.col(s));
        hPrev = tr.h.col(s);
        cPrev = tr.c.col(s);
    }
}

// BPTT through one layer: `dH` is the loss gradient arriving at each h_t from outside the recurrence.
void backwardLayer(const ConstMap &w, const LayerTrace &tr, const MatrixXd &dH, Map dW, Map dB, MatrixXd &dInputs)
{
    const Index t = tr.h.cols(), h = tr.h.rows(), in = tr.u.rows() - h;
    dInputs.setZero(in, t);
    VectorXd dhNext = VectorXd::Zero(h), dcNext = VectorXd::Zero(h), da(4 * h);
    for (Index s = t - 1; s >= 0; --s) {
        const VectorXd dh = dH.col(s) + dhNext;
        const auto o = tr.o.col(s).array(), i = tr.i.col(s).array(), f = tr.f.col(s).array(),
                   g = tr.g.col(s).array(), tc = tr.tc.col(s).array();
        const Eigen::ArrayXd dc = dh.array() * o * (1.0 - tc.square()) + dcNext.array();
        const Eigen::ArrayXd cPrev = s > 0 ? Eigen::ArrayXd(tr.c.col(s - 1).array()) : Eigen::ArrayXd::Zero(h);
        da.segment(0, h) = (dc * g * i * (1.0 - i)).matrix();
        da.segment(h, h) = (dc * cPrev * f * (1.0 - f)).matrix();
        da.segment(2 * h, h) = (dc * i * (1.0 - g.square())).matrix();
        da.segment(3 * h, h) = (dh.array() * tc * o * (1.0 - o)).matrix();
        dcNext = (dc * f).matrix();
        dW.noalias() += da * tr.u.col(s).transpose();
        dB += da;
        const VectorXd du = w.transpose() * da;
        dInputs.col(s) = du.head(in);
        dhNext = du.tail(h);
    }
}

quint64 fnv1a(const char *data, qsizetype size)
{
    quint64 hash = 1469598103934665603ULL;
    for (qsizetype k = 0; k < size; ++k) {
        hash ^= quint8(data[k]);
        hash *= 1099511628211ULL;
    }
    return hash;
}

} // namespace

struct LstmAutoencoder::Trace
{
    LayerTrace encoder, decoder;
    MatrixXd output; // features × T
};

Index LstmAutoencoder::parameterCount(int features, int hidden) { return Layout(features, hidden).total; }

LstmAutoencoder::LstmAutoencoder(int features, int hidden, unsigned seed)
    : features_(features), hidden_(hidden)
{
    const Layout l(features, hidden);
    parameters_.resize(l.total);
    std::mt19937_64 rng(seed);
    const double scale = 1.0 / std::sqrt(double(hidden)); // the usual LSTM initialisation range
    for (Index k = 0; k < l.total; ++k)
        parameters_[k] = (2.0 * uniform01(rng) - 1.0) * scale;
    // Forget-gate biases start at 1 so that early training keeps the cell state.
    parameters_.segment(l.encB + hidden, hidden).setOnes();
    parameters_.segment(l.decB + hidden, hidden).setOnes();
}

void LstmAutoencoder::setParameters(const Eigen::VectorXd &parameters)
{
    if (parameters.size() == parameters_.size())
        parameters_ = parameters;
}

void LstmAutoencoder::forward(const Eigen::MatrixXd &window, Trace &trace) const
{
    const Layout l(features_, hidden_);
    const Index g = 4 * Index(hidden_), t = window.rows();
    const double *p = parameters_.data();
    forwardLayer(ConstMap(p + l.encW, g, features_ + hidden_), ConstMap(p + l.encB, g, 1), window.transpose(),
                 hidden_, trace.encoder);
    const MatrixXd code = trace.encoder.h.col(t - 1).replicate(1, t);
    forwardLayer(ConstMap(p + l.decW, g, 2 * hidden_), ConstMap(p + l.decB, g, 1), code, hidden_, trace.decoder);
    trace.output = ConstMap(p + l.outW, features_, hidden_) * trace.decoder.h;
    trace.output.colwise() += ConstMap(p + l.outB, features_, 1).col(0);
}

Eigen::MatrixXd LstmAutoencoder::reconstruct(const Eigen::MatrixXd &window) const
{
    if (!isValid() || window.rows() == 0 || window.cols() != features_)
        return {};
    Trace trace;
    forward(window, trace);
    return trace.output.transpose();
}

double LstmAutoencoder::loss(const Eigen::MatrixXd &window) const
{
    const MatrixXd r = reconstruct(window);
    return r.size() == 0 ? 0.0 : (r - window).squaredNorm() / double(window.size());
}

double LstmAutoencoder::lossAndGradient(const Eigen::MatrixXd &window, Eigen::VectorXd &gradient) const
{
    gradient.setZero(parameters_.size());
    if (!isValid() || window.rows() == 0 || window.cols() != features_)
        return 0.0;
    const Layout l(features_, hidden_);
    const Index g = 4 * Index(hidden_), t = window.rows(), h = hidden_;
    const double *p = parameters_.data();
    double *d = gradient.data();
    Trace tr;
    forward(window, tr);
    const MatrixXd diff = tr.output - window.transpose();
    const double loss = diff.squaredNorm() / double(window.size());
    const MatrixXd dY = diff * (2.0 / double(window.size()));

    Map(d + l.outW, features_, h).noalias() = dY * tr.decoder.h.transpose();
    Map(d + l.outB, features_, 1) = dY.rowwise().sum();
    const MatrixXd dHd = ConstMap(p + l.outW, features_, h).transpose() * dY;

    MatrixXd dCode;
    backwardLayer(ConstMap(p + l.decW, g, 2 * h), tr.decoder, dHd, Map(d + l.decW, g, 2 * h), Map(d + l.decB, g, 1),
                  dCode);
    MatrixXd dHe = MatrixXd::Zero(h, t), dX;
    dHe.col(t - 1) = dCode.rowwise().sum();
    backwardLayer(ConstMap(p + l.encW, g, features_ + h), tr.encoder, dHe, Map(d + l.encW, g, features_ + h),
                  Map(d + l.encB, g, 1), dX);
    return loss;
}

LstmTrainReport LstmAutoencoder::train(const std::vector<Eigen::MatrixXd> &windows, const LstmTrainOptions &options)
{
    LstmTrainReport report;
    if (!isValid() || windows.empty())
        return report;
    const Index n = parameters_.size();
    VectorXd m = VectorXd::Zero(n), v = VectorXd::Zero(n), batchGradient(n), gradient(n);
    std::vector<size_t> order(windows.size());
    std::iota(order.begin(), order.end(), size_t(0));
    std::mt19937_64 rng(options.seed);
    const size_t batch = size_t(std::max(1, options.batchSize));
    long step = 0;
    for (int epoch = 0; epoch < options.epochs; ++epoch) {
        for (size_t k = order.size() - 1; k > 0; --k) // Fisher–Yates with the portable draw
            std::swap(order[k], order[size_t(uniform01(rng) * double(k + 1))]);
        double epochLoss = 0;
        for (size_t start = 0; start < order.size(); start += batch) {
            const size_t end = std::min(order.size(), start + batch);
            batchGradient.setZero();
            for (size_t k = start; k < end; ++k) {
                epochLoss += lossAndGradient(windows[order[k]], gradient);
                batchGradient += gradient;
            }
            batchGradient /= double(end - start);
            const double norm = batchGradient.norm();
            if (options.clipNorm > 0 && norm > options.clipNorm)
                batchGradient *= options.clipNorm / norm;
            ++step;
            m = options.beta1 * m + (1 - options.beta1) * batchGradient;
            v = options.beta2 * v + (1 - options.beta2) * batchGradient.cwiseAbs2();
            const double c1 = 1 - std::pow(options.beta1, double(step)), c2 = 1 - std::pow(options.beta2, double(step));
            parameters_.array() -= options.learningRate * (m.array() / c1) / ((v.array() / c2).sqrt() + options.epsilon);
        }
        report.lossPerEpoch.push_back(epochLoss / double(windows.size()));
        if (options.progress && !options.progress(double(epoch + 1) / double(options.epochs))) {
            report.cancelled = true;
            break;
        }
    }
    return report;
}

QByteArray LstmAutoencoder::serialize() const
{
    QByteArray blob;
    QDataStream out(&blob, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_4);
    out.setByteOrder(QDataStream::LittleEndian);
    out.setFloatingPointPrecision(QDataStream::DoublePrecision);
    out.writeRawData(magic, sizeof magic);
    out << quint32(formatVersion) << qint32(features_) << qint32(hidden_) << quint64(parameters_.size());
    for (Index k = 0; k < parameters_.size(); ++k)
        out << parameters_[k];
    out << fnv1a(blob.constData(), blob.size());
    return blob;
}

Result<LstmAutoencoder> LstmAutoencoder::deserialize(const QByteArray &blob)
{
    QDataStream in(blob);
    in.setVersion(QDataStream::Qt_6_4);
    in.setByteOrder(QDataStream::LittleEndian);
    in.setFloatingPointPrecision(QDataStream::DoublePrecision);
    char head[sizeof magic] = {};
    if (in.readRawData(head, sizeof head) != int(sizeof head) || !std::equal(head, head + sizeof head, magic))
        return Error::badInput(QStringLiteral("Not an LSTM autoencoder model (the blob does not start with BSLSTMAE)."));
    quint32 version = 0;
    qint32 features = 0, hidden = 0;
    quint64 count = 0;
    in >> version >> features >> hidden >> count;
    if (in.status() != QDataStream::Ok)
        return Error::badInput(QStringLiteral("The LSTM autoencoder model is truncated (header incomplete)."));
    if (version > formatVersion || version == 0)
        return Error::badInput(QStringLiteral("The LSTM autoencoder model has format version %1; this build reads version %2 "
                                              "(it was written by a newer Backsight, or is corrupt).")
                                   .arg(version)
                                   .arg(formatVersion));
    if (features < 1 || hidden < 1 || features > largestDimension || hidden > largestDimension
        || count != quint64(parameterCount(features, hidden)))
        return Error::badInput(QStringLiteral("The LSTM autoencoder model is corrupt (shape %1×%2 with %3 weights).")
                                   .arg(features)
                                   .arg(hidden)
                                   .arg(count));
    LstmAutoencoder model;
    model.features_ = features;
    model.hidden_ = hidden;
    model.parameters_.resize(Index(count));
    for (Index k = 0; k < Index(count); ++k)
        in >> model.parameters_[k];
    const qint64 payload = in.device()->pos();
    quint64 checksum = 0;
    in >> checksum;
    if (in.status() != QDataStream::Ok)
        return Error::badInput(QStringLiteral("The LSTM autoencoder model is truncated (%1 of %2 bytes).")
                                   .arg(blob.size())
                                   .arg(payload + 8));
    if (checksum != fnv1a(blob.constData(), payload) || !in.atEnd())
        return Error::badInput(QStringLiteral("The LSTM autoencoder model is corrupt (checksum mismatch)."));
    if (!model.parameters_.allFinite())
        return Error::badInput(QStringLiteral("The LSTM autoencoder model is corrupt (weights that are not finite numbers)."));
    return model;
}

std::vector<Eigen::MatrixXd> slidingWindows(const Eigen::MatrixXd &series, int length, int stride)
{
    std::vector<MatrixXd> windows;
    if (length < 1 || stride < 1)
        return windows;
    for (Index start = 0; start + length <= series.rows(); start += stride)
        windows.push_back(series.middleRows(start, length));
    return windows;
}

} // namespace backsight::ml
