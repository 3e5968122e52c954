#include "store/record_compressor.h"

#include <QtEndian>
#include <zstd.h>

namespace backsight {

struct OriginalBlockBuilder::State
{
    ZSTD_CCtx *ctx = ZSTD_createCCtx();
    State() { ZSTD_CCtx_setParameter(ctx, ZSTD_c_compressionLevel, 1); }
    ~State() { ZSTD_freeCCtx(ctx); }
};

OriginalBlockBuilder::OriginalBlockBuilder() : state_(std::make_unique<State>()) {}

OriginalBlockBuilder::~OriginalBlockBuilder() = default;

void OriginalBlockBuilder::add(qint64 recordIndex, std::string_view original)
{
    if (count_ == 0)
        first_ = recordIndex;
    last_ = recordIndex;
    ++count_;
    char entry[8];
    qToLittleEndian(quint32(recordIndex), entry);
    qToLittleEndian(quint32(original.size()), entry + 4);
    index_.append(entry, 8);
    payload_.append(original.data(), qsizetype(original.size()));
}

QByteArray OriginalBlockBuilder::finish()
{
    QByteArray raw;
    raw.reserve(4 + index_.size() + payload_.size());
    char count[4];
    qToLittleEndian(count_, count);
    raw.append(count, 4);
    raw.append(index_);
    raw.append(payload_);
    QByteArray out(qsizetype(ZSTD_compressBound(size_t(raw.size()))), Qt::Uninitialized);
    const size_t n = ZSTD_compress2(state_->ctx, out.data(), size_t(out.size()), raw.constData(), size_t(raw.size()));
    out.resize(ZSTD_isError(n) ? 0 : qsizetype(n));
    index_.clear();
    payload_.clear();
    count_ = 0;
    first_ = last_ = -1;
    return out;
}

std::optional<QByteArray> OriginalBlockBuilder::extract(const QByteArray &block, qint64 recordIndex)
{
    const unsigned long long size = ZSTD_getFrameContentSize(block.constData(), size_t(block.size()));
    if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN || size > (1ULL << 31) || size < 4)
        return std::nullopt;
    QByteArray raw(qsizetype(size), Qt::Uninitialized);
    const size_t n = ZSTD_decompress(raw.data(), size_t(raw.size()), block.constData(), size_t(block.size()));
    if (ZSTD_isError(n) || n != size)
        return std::nullopt;
    const quint32 count = qFromLittleEndian<quint32>(raw.constData());
    if (4 + qsizetype(count) * 8 > raw.size())
        return std::nullopt;
    qsizetype offset = 4 + qsizetype(count) * 8;
    for (quint32 i = 0; i < count; ++i) {
        const char *entry = raw.constData() + 4 + qsizetype(i) * 8;
        const quint32 index = qFromLittleEndian<quint32>(entry);
        const quint32 length = qFromLittleEndian<quint32>(entry + 4);
        if (offset + qsizetype(length) > raw.size())
            return std::nullopt;
        if (index == quint32(recordIndex))
            return raw.mid(offset, length);
        offset += length;
    }
    return std::nullopt;
}

} // namespace backsight
