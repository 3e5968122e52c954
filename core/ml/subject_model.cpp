#include "ml/subject_model.h"

#include <QDataStream>
#include <QIODevice>
#include <cstring>
#include <zstd.h>

namespace backsight::ml {

namespace {

const char kUserModelMagic[8] = {'B', 'S', 'U', 'S', 'R', 'M', 'D', 'L'};
// 1: the model's serialization as it is; 2: one zstd frame of it. A forest's node tables (small integers, a child
// index counting up, a constant) shrink 3.4x at level 1: the models were the largest table of a case.
constexpr quint32 kUserModelVersion = 2;
constexpr unsigned long long kMaxModelBytes = 1ULL << 30;

QByteArray compressed(const QByteArray &raw)
{
    QByteArray out(qsizetype(ZSTD_compressBound(size_t(raw.size()))), Qt::Uninitialized);
    const size_t n = ZSTD_compress(out.data(), size_t(out.size()), raw.constData(), size_t(raw.size()), 1);
    out.resize(ZSTD_isError(n) ? 0 : qsizetype(n));
    return out;
}

Result<QByteArray> decompressed(const QByteArray &frame)
{
    const unsigned long long size = ZSTD_getFrameContentSize(frame.constData(), size_t(frame.size()));
    if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN || size > kMaxModelBytes)
        return Error::badInput(QStringLiteral("corrupt sign-in model (not a zstd frame of a model)"));
    QByteArray raw(qsizetype(size), Qt::Uninitialized);
    const size_t n = ZSTD_decompress(raw.data(), size_t(raw.size()), frame.constData(), size_t(frame.size()));
    if (ZSTD_isError(n) || n != size)
        return Error::badInput(QStringLiteral("corrupt sign-in model (%1)")
                                   .arg(ZSTD_isError(n) ? QString::fromLatin1(ZSTD_getErrorName(n)) : QStringLiteral("short frame")));
    return raw;
}

} // namespace

QByteArray packModel(const features::SignInEncoder &encoder, const QByteArray &model)
{
    QByteArray blob;
    QDataStream s(&blob, QIODevice::WriteOnly);
    s.setVersion(QDataStream::Qt_6_4);
    s.writeRawData(kUserModelMagic, 8);
    s << kUserModelVersion << encoder.toJson() << compressed(model);
    return blob;
}

Status unpackModel(const QByteArray &blob, SubjectModel &m)
{
    if (blob.size() < 12 || std::memcmp(blob.constData(), kUserModelMagic, 8) != 0)
        return Error::badInput(QStringLiteral("not a sign-in model (bad magic)"));
    QDataStream s(blob);
    s.setVersion(QDataStream::Qt_6_4);
    s.skipRawData(8);
    quint32 version = 0;
    QByteArray encoder, forest;
    s >> version;
    if (version > kUserModelVersion)
        return Error::badInput(QStringLiteral("format version %1 is newer than this build reads (%2)").arg(version).arg(kUserModelVersion));
    s >> encoder >> forest;
    if (s.status() != QDataStream::Ok)
        return Error::badInput(QStringLiteral("truncated sign-in model"));
    if (version >= 2) {
        Result<QByteArray> raw = decompressed(forest);
        if (!raw)
            return raw.error();
        forest = std::move(*raw);
    }
    if (const Status read = m.encoder.fromJson(encoder); !read)
        return read;
    if (const Status loaded = m.isAutoencoder ? m.autoencoder.deserialize(forest) : m.forest.deserialize(forest); !loaded)
        return loaded;
    const int d = m.isAutoencoder ? m.autoencoder.dimensions() : m.forest.dimensions();
    if (d != m.encoder.dimensions())
        return Error::badInput(QStringLiteral("model has %1 features, encoder %2").arg(d).arg(m.encoder.dimensions()));
    return {};
}

} // namespace backsight::ml
