#include "store/record_compressor.h"

#include <zlib.h>

namespace backsight {

struct RecordCompressor::State
{
    z_stream stream{};
    State() { deflateInit(&stream, 1); }
    ~State() { deflateEnd(&stream); }
};

RecordCompressor::RecordCompressor() : state_(std::make_unique<State>()) {}

RecordCompressor::~RecordCompressor() = default;

const QByteArray &RecordCompressor::compress(std::string_view data)
{
    z_stream &z = state_->stream;
    deflateReset(&z);
    const uLong bound = deflateBound(&z, uLong(data.size()));
    out_.resize(qsizetype(bound + 4));
    const quint32 n = quint32(data.size());
    out_[0] = char(n >> 24);
    out_[1] = char(n >> 16);
    out_[2] = char(n >> 8);
    out_[3] = char(n);
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.data()));
    z.avail_in = uInt(data.size());
    z.next_out = reinterpret_cast<Bytef *>(out_.data() + 4);
    z.avail_out = uInt(bound);
    deflate(&z, Z_FINISH);
    out_.resize(qsizetype(4 + z.total_out));
    return out_;
}

} // namespace backsight
