#include "ml/autoencoder.h"

#include <QDataStream>
#include <QIODevice>
#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <numeric>
#include <random>

namespace backsight::ml {
namespace {

const char kMagic[8] = {'B', 'S', 'D', 'E', 'N', 'S', 'A', 'E'};

std::uint64_t fnv1a(const char *data, qsizetype size)
{
    std::uint64_t h = 1469598103934665603ULL;
    for (qsizetype i = 0; i < size; ++i) {
        h ^= std::uint8_t(data[i]);
        h *= 1099511628211ULL;
    }
    return h;
}

double uniform01(std::mt19937_64 &rng)
{
    return double(rng() >> 11) * (1.0 / 9007199254740992.0);
}

} // namespace

void DenseAutoencoder::initialise(int d, const AutoencoderOptions &o)
{
    d_ = d;
    activation_ = o.activation;
    std::mt19937_64 rng(o.seed);
    std::vector<int> sizes = {d};
    sizes.insert(sizes.end(), o.hidden.begin(), o.hidden.end());
    sizes.push_back(d);
    layers_.clear();
    for (std::size_t l = 1; l < sizes.size(); ++l) {
        Layer layer;
        const int in = sizes[l - 1], out = sizes[l];
        const double limit = std::sqrt(6.0 / double(in + out)); // Glorot uniform
        layer.w.resize(out, in);
        for (int i = 0; i < out; ++i)
            for (int j = 0; j < in; ++j)
                layer.w(i, j) = (2 * uniform01(rng) - 1) * limit;
        layer.b = Eigen::VectorXd::Zero(out);
        layers_.push_back(std::move(layer));
    }
    mean_ = Eigen::VectorXd::Zero(d);
    scale_ = Eigen::VectorXd::Ones(d);
}

void DenseAutoencoder::forward(const Eigen::MatrixXd &x, std::vector<Eigen::MatrixXd> &z, std::vector<Eigen::MatrixXd> &a) const
{
    z.resize(layers_.size());
    a.resize(layers_.size() + 1);
    a[0] = x;
    for (std::size_t l = 0; l < layers_.size(); ++l) {
        z[l] = (layers_[l].w * a[l]).colwise() + layers_[l].b;
        if (l + 1 == layers_.size())
            a[l + 1] = z[l];
        else if (activation_ == Activation::Tanh)
            // tanh(z) = 1 - 2 / (exp(2z) + 1): Eigen vectorises exp for doubles but calls the scalar std::tanh,
            // which was a third of training time. Saturates to ±1 exactly like tanh for large |z|.
            a[l + 1] = 1.0 - 2.0 / ((2.0 * z[l].array()).exp() + 1.0);
        else
            a[l + 1] = z[l].array().max(0.0);
    }
}

double DenseAutoencoder::loss(const Eigen::MatrixXd &x) const
{
    std::vector<Eigen::MatrixXd> z, a;
    forward(x, z, a);
    return (a.back() - x).squaredNorm() / double(x.cols() * x.rows());
}

void DenseAutoencoder::backward(const Eigen::MatrixXd &x, std::vector<Layer> &grads) const
{
    std::vector<Eigen::MatrixXd> z, a;
    forward(x, z, a);
    grads.resize(layers_.size());
    Eigen::MatrixXd delta = 2.0 * (a.back() - x) / double(x.cols() * x.rows());
    for (std::size_t l = layers_.size(); l-- > 0;) {
        if (l + 1 != layers_.size()) {
            if (activation_ == Activation::Tanh)
                delta = delta.array() * (1.0 - a[l + 1].array().square());
            else
                delta = delta.array() * (z[l].array() > 0.0).cast<double>();
        }
        grads[l].w = delta * a[l].transpose();
        grads[l].b = delta.rowwise().sum();
        if (l > 0)
            delta = layers_[l].w.transpose() * delta;
    }
}

std::vector<double> DenseAutoencoder::gradient(const Eigen::MatrixXd &x) const
{
    std::vector<Layer> g;
    backward(x, g);
    std::vector<double> out;
    for (const Layer &l : g) {
        out.insert(out.end(), l.w.data(), l.w.data() + l.w.size());
        out.insert(out.end(), l.b.data(), l.b.data() + l.b.size());
    }
    return out;
}

std::vector<double> DenseAutoencoder::parameters() const
{
    std::vector<double> out;
    for (const Layer &l : layers_) {
        out.insert(out.end(), l.w.data(), l.w.data() + l.w.size());
        out.insert(out.end(), l.b.data(), l.b.data() + l.b.size());
    }
    return out;
}

void DenseAutoencoder::setParameters(const std::vector<double> &p)
{
    std::size_t at = 0;
    for (Layer &l : layers_) {
        std::copy(p.begin() + qint64(at), p.begin() + qint64(at + std::size_t(l.w.size())), l.w.data());
        at += std::size_t(l.w.size());
        std::copy(p.begin() + qint64(at), p.begin() + qint64(at + std::size_t(l.b.size())), l.b.data());
        at += std::size_t(l.b.size());
    }
}

Status DenseAutoencoder::fit(const float *x, std::int64_t n, int d, const AutoencoderOptions &o,
                             const std::function<bool(double)> &progress)
{
    if (n < 2 || d <= 0 || o.batchSize <= 0 || o.maxEpochs <= 0)
        return Error::badInput(
            QStringLiteral("Autoencoder: need at least 2 rows, positive width, batch size and epochs (got %1 x %2)").arg(n).arg(d));
    initialise(d, o);
    // Standardise.
    Eigen::MatrixXd data(d, n);
    for (std::int64_t i = 0; i < n; ++i)
        for (int j = 0; j < d; ++j)
            data(j, i) = x[i * d + j];
    mean_ = data.rowwise().mean();
    scale_ = ((data.colwise() - mean_).array().square().rowwise().sum() / double(n)).sqrt().max(1e-3);
    data = (data.colwise() - mean_).array().colwise() / scale_.array();
    // Seeded shuffle, validation split at the end.
    std::mt19937_64 rng(o.seed ^ 0x5bd1e995ULL);
    std::vector<std::int64_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    for (std::int64_t i = n - 1; i > 0; --i)
        std::swap(order[i], order[std::int64_t(rng() % std::uint64_t(i + 1))]);
    const std::int64_t nValid = std::clamp<std::int64_t>(std::int64_t(double(n) * o.validationFraction), 1, n - 1);
    const std::int64_t nTrain = n - nValid;
    Eigen::MatrixXd valid(d, nValid);
    for (std::int64_t i = 0; i < nValid; ++i)
        valid.col(i) = data.col(order[nTrain + i]);
    std::vector<std::int64_t> trainIdx(order.begin(), order.begin() + nTrain);

    std::vector<Layer> m(layers_.size()), v(layers_.size()), g;
    for (std::size_t l = 0; l < layers_.size(); ++l) {
        m[l].w = Eigen::MatrixXd::Zero(layers_[l].w.rows(), layers_[l].w.cols());
        m[l].b = Eigen::VectorXd::Zero(layers_[l].b.size());
        v[l] = m[l];
    }
    std::vector<Layer> best = layers_;
    bestValidation_ = loss(valid);
    int sinceBest = 0;
    std::int64_t step = 0;
    Eigen::MatrixXd batch;
    for (epochs_ = 0; epochs_ < o.maxEpochs;) {
        for (std::int64_t i = nTrain - 1; i > 0; --i)
            std::swap(trainIdx[i], trainIdx[std::int64_t(rng() % std::uint64_t(i + 1))]);
        for (std::int64_t start = 0; start < nTrain; start += o.batchSize) {
            const std::int64_t size = std::min<std::int64_t>(o.batchSize, nTrain - start);
            batch.resize(d, size);
            for (std::int64_t k = 0; k < size; ++k)
                batch.col(k) = data.col(trainIdx[start + k]);
            backward(batch, g);
            ++step;
            const double c1 = 1 - std::pow(o.beta1, double(step)), c2 = 1 - std::pow(o.beta2, double(step));
            for (std::size_t l = 0; l < layers_.size(); ++l) {
                m[l].w = o.beta1 * m[l].w + (1 - o.beta1) * g[l].w;
                v[l].w = o.beta2 * v[l].w.array() + (1 - o.beta2) * g[l].w.array().square();
                layers_[l].w.array() -= o.learningRate * (m[l].w.array() / c1) / ((v[l].w.array() / c2).sqrt() + o.epsilon);
                m[l].b = o.beta1 * m[l].b + (1 - o.beta1) * g[l].b;
                v[l].b = o.beta2 * v[l].b.array() + (1 - o.beta2) * g[l].b.array().square();
                layers_[l].b.array() -= o.learningRate * (m[l].b.array() / c1) / ((v[l].b.array() / c2).sqrt() + o.epsilon);
            }
        }
        ++epochs_;
        const double vl = loss(valid);
        if (vl < bestValidation_) {
            bestValidation_ = vl;
            best = layers_;
            sinceBest = 0;
        } else if (++sinceBest >= o.patience) {
            break;
        }
        if (progress && !progress(double(epochs_) / double(o.maxEpochs)))
            return Error::cancelled(QStringLiteral("Autoencoder training cancelled"));
    }
    layers_ = best;
    return {};
}

Eigen::VectorXd DenseAutoencoder::standardise(const float *row) const
{
    Eigen::VectorXd x(d_);
    for (int j = 0; j < d_; ++j)
        x(j) = (double(row[j]) - mean_(j)) / scale_(j);
    return x;
}

std::vector<double> DenseAutoencoder::featureErrors(const float *row) const
{
    const Eigen::MatrixXd x = standardise(row);
    std::vector<Eigen::MatrixXd> z, a;
    forward(x, z, a);
    std::vector<double> e(d_);
    for (int j = 0; j < d_; ++j)
        e[j] = (a.back()(j, 0) - x(j, 0)) * (a.back()(j, 0) - x(j, 0));
    return e;
}

double DenseAutoencoder::score(const float *row) const
{
    const std::vector<double> e = featureErrors(row);
    return std::accumulate(e.begin(), e.end(), 0.0) / double(std::max(1, d_));
}

void DenseAutoencoder::score(const float *x, std::int64_t n, double *out) const
{
    constexpr std::int64_t kBlock = 256;
    std::vector<Eigen::MatrixXd> z, a;
    for (std::int64_t begin = 0; begin < n; begin += kBlock) {
        const std::int64_t width = std::min(kBlock, n - begin);
        Eigen::MatrixXd block(d_, width);
        for (std::int64_t c = 0; c < width; ++c)
            block.col(c) = standardise(x + (begin + c) * d_);
        forward(block, z, a);
        for (std::int64_t c = 0; c < width; ++c) {
            double sum = 0; // summed in feature order, as score(row) does
            for (int j = 0; j < d_; ++j) {
                const double e = a.back()(j, c) - block(j, c);
                sum += e * e;
            }
            out[begin + c] = sum / double(std::max(1, d_));
        }
    }
}

QByteArray DenseAutoencoder::serialize() const
{
    QByteArray blob;
    {
        QDataStream s(&blob, QIODevice::WriteOnly);
        s.setVersion(QDataStream::Qt_6_4);
        s.setByteOrder(QDataStream::LittleEndian);
        s.writeRawData(kMagic, 8);
        s << quint32(kFormatVersion) << qint32(d_) << qint32(activation_ == Activation::Tanh ? 0 : 1) << qint32(epochs_)
          << bestValidation_ << quint32(layers_.size());
        for (const Layer &l : layers_)
            s << qint32(l.w.rows()) << qint32(l.w.cols());
        for (int j = 0; j < d_; ++j)
            s << mean_(j) << scale_(j);
        for (double p : parameters())
            s << p;
    }
    const std::uint64_t h = fnv1a(blob.constData(), blob.size());
    QDataStream s(&blob, QIODevice::Append);
    s.setByteOrder(QDataStream::LittleEndian);
    s << quint64(h);
    return blob;
}

Status DenseAutoencoder::deserialize(const QByteArray &blob)
{
    const auto bad = [&](const QString &why) -> Status {
        return Error::badInput(QStringLiteral("Autoencoder blob (%1 bytes): %2").arg(blob.size()).arg(why));
    };
    if (blob.size() < 8 + 4 + 8 || std::memcmp(blob.constData(), kMagic, 8) != 0)
        return bad(QStringLiteral("not an autoencoder (bad magic)"));
    QDataStream s(blob);
    s.setVersion(QDataStream::Qt_6_4);
    s.setByteOrder(QDataStream::LittleEndian);
    s.skipRawData(8);
    quint32 version = 0;
    s >> version;
    if (version > kFormatVersion || version == 0)
        return bad(QStringLiteral("format version %1 is not one this build reads (%2)").arg(version).arg(kFormatVersion));
    std::uint64_t stored = 0;
    std::memcpy(&stored, blob.constData() + blob.size() - 8, 8);
    if (fnv1a(blob.constData(), blob.size() - 8) != stored)
        return bad(QStringLiteral("checksum mismatch (truncated or corrupt)"));
    qint32 d = 0, act = 0, epochs = 0;
    quint32 count = 0;
    s >> d >> act >> epochs >> bestValidation_ >> count;
    if (d <= 0 || d > 100000 || count == 0 || count > 64)
        return bad(QStringLiteral("inconsistent shape"));
    d_ = d;
    activation_ = act == 0 ? Activation::Tanh : Activation::Relu;
    epochs_ = epochs;
    layers_.assign(count, Layer());
    qint64 total = 0;
    int previous = d;
    for (Layer &l : layers_) {
        qint32 rows = 0, cols = 0;
        s >> rows >> cols;
        if (rows <= 0 || cols != previous || rows > 100000)
            return bad(QStringLiteral("inconsistent layer shapes"));
        l.w.resize(rows, cols);
        l.b.resize(rows);
        total += qint64(rows) * cols + rows;
        previous = rows;
    }
    if (previous != d)
        return bad(QStringLiteral("output width differs from input width"));
    mean_.resize(d);
    scale_.resize(d);
    for (int j = 0; j < d; ++j)
        s >> mean_(j) >> scale_(j);
    std::vector<double> p(static_cast<std::size_t>(total));
    for (double &v : p)
        s >> v;
    if (s.status() != QDataStream::Ok || s.device()->pos() != blob.size() - 8)
        return bad(QStringLiteral("truncated"));
    setParameters(p);
    return {};
}

} // namespace backsight::ml
