#pragma once

#include <QByteArray>
#include <memory>
#include <string_view>

namespace backsight {

// Compresses original records in qCompress' format (4-byte big-endian length + zlib stream), so
// qUncompress reads them back. One zlib stream is reset and reused: qCompress sets up a fresh one per
// call, and that allocation dominated import time on ~2 KB records.
class RecordCompressor
{
public:
    RecordCompressor();
    ~RecordCompressor();
    const QByteArray &compress(std::string_view data);

private:
    struct State;
    std::unique_ptr<State> state_;
    QByteArray out_;
};

} // namespace backsight
