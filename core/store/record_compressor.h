#pragma once

#include <QByteArray>
#include <QString>
#include <memory>
#include <optional>
#include <string_view>

namespace backsight {

// Compresses original log records with zstd (level 1), reusing one context: at ~2 KB a record,
// per-call setup (as qCompress does for zlib) cost more than the compression itself, and zstd is
// several times faster than zlib at a similar ratio on JSON.
class RecordCompressor
{
public:
    RecordCompressor();
    ~RecordCompressor();
    const QByteArray &compress(std::string_view data);
    // Nullopt when `data` is not a zstd frame this build can read.
    static std::optional<QByteArray> decompress(const QByteArray &data);
    static QString encodingName() { return QStringLiteral("zstd"); }

private:
    struct State;
    std::unique_ptr<State> state_;
    QByteArray out_;
};

} // namespace backsight
