// An Isolation Forest as bytes: the versioned, checksummed blob the model registry stores.

#include "ml/isolation_forest.h"

#include <QDataStream>
#include <QIODevice>
#include <QSysInfo>
#include <QtEndian>
#include <bit>
#include <cstring>

namespace backsight::ml {
namespace {

std::uint64_t fnv1a(const char *data, qsizetype size)
{
    std::uint64_t h = 1469598103934665603ULL;
    for (qsizetype i = 0; i < size; ++i) {
        h ^= std::uint8_t(data[i]);
        h *= 1099511628211ULL;
    }
    return h;
}

constexpr char kMagic[8] = {'B', 'S', 'I', 'F', 'O', 'R', 'S', 'T'};

} // namespace

QByteArray IsolationForest::serialize() const
{
    if (scoringOnly_)
        return {};
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

Status IsolationForest::deserialize(const QByteArray &blob)
{
    const auto bad = [&](const QString &why) -> Status {
        return Error::badInput(QStringLiteral("Isolation Forest blob (%1 bytes): %2").arg(blob.size()).arg(why));
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
    if (const QString problem = structuralProblem(); !problem.isEmpty())
        return bad(problem);
    return {};
}

// The first problem of the node tables that would send a walk out of bounds, empty when none.
QString IsolationForest::structuralProblem() const
{
    // Structural checks so that a crafted blob cannot send the walk out of bounds.
    for (auto r : roots_)
        if (r < 0 || quint64(r) >= feature_.size())
            return QStringLiteral("a tree root points outside the node table");
    for (std::size_t i = 0; i < feature_.size(); ++i) {
        if (feature_[i] == -1)
            continue;
        if (feature_[i] >= d_ || feature_[i] < -2 || left_[i] <= std::int32_t(i) || quint64(left_[i]) + 1 >= feature_.size())
            return QStringLiteral("node %1 is malformed").arg(i);
        if (feature_[i] == -2 && (normalOffset_[i] < 0 || quint64(normalOffset_[i]) + quint64(d_) > normals_.size()))
            return QStringLiteral("node %1 has no hyperplane").arg(i);
    }
    return QString();
}

} // namespace backsight::ml
