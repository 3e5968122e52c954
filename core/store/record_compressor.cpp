#include "store/record_compressor.h"

#include <QString>
#include <zstd.h>

namespace backsight {

struct RecordCompressor::State
{
    ZSTD_CCtx *ctx = ZSTD_createCCtx();
    State()
    {
        // Records are a few KB: small tables make each frame's reset cheap without hurting the ratio.
        ZSTD_CCtx_setParameter(ctx, ZSTD_c_compressionLevel, 1);
        ZSTD_CCtx_setParameter(ctx, ZSTD_c_windowLog, 16);
        ZSTD_CCtx_setParameter(ctx, ZSTD_c_hashLog, 12);
        ZSTD_CCtx_setParameter(ctx, ZSTD_c_chainLog, 12);
        ZSTD_CCtx_setParameter(ctx, ZSTD_c_checksumFlag, 0);
    }
    ~State() { ZSTD_freeCCtx(ctx); }
};

RecordCompressor::RecordCompressor() : state_(std::make_unique<State>()) {}

RecordCompressor::~RecordCompressor() = default;

const QByteArray &RecordCompressor::compress(std::string_view data)
{
    out_.resize(qsizetype(ZSTD_compressBound(data.size())));
    const size_t n = ZSTD_compress2(state_->ctx, out_.data(), size_t(out_.size()), data.data(), data.size());
    out_.resize(ZSTD_isError(n) ? 0 : qsizetype(n));
    return out_;
}

std::optional<QByteArray> RecordCompressor::decompress(const QByteArray &data)
{
    const unsigned long long size = ZSTD_getFrameContentSize(data.constData(), size_t(data.size()));
    if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN || size > (1ULL << 31))
        return std::nullopt;
    QByteArray out(qsizetype(size), Qt::Uninitialized);
    const size_t n = ZSTD_decompress(out.data(), size_t(out.size()), data.constData(), size_t(data.size()));
    if (ZSTD_isError(n) || n != size)
        return std::nullopt;
    return out;
}

} // namespace backsight
