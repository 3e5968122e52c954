#pragma once

#include <QByteArray>
#include <QString>
#include <memory>
#include <optional>
#include <string_view>

namespace backsight {

// Original log records are kept in compressed blocks of consecutive records of one source file.
// Compressing a few hundred records together runs several times faster per byte than record by
// record and shrinks JSON far more (field names repeat), which cut the import's time and the
// database's size. Decompressed layout: u32 count, count × (u32 record index, u32 length), bytes.
class OriginalBlockBuilder
{
public:
    OriginalBlockBuilder();
    ~OriginalBlockBuilder();

    void add(qint64 recordIndex, std::string_view original);
    bool isEmpty() const { return count_ == 0; }
    qint64 firstIndex() const { return first_; }
    qint64 lastIndex() const { return last_; }
    // The compressed block; the builder is empty again afterwards.
    QByteArray finish();

    // The original of `recordIndex` from a compressed block, or nullopt when it is not there or
    // the block is damaged.
    static std::optional<QByteArray> extract(const QByteArray &block, qint64 recordIndex);
    static QString encodingName() { return QStringLiteral("zstd-block-v1"); }

private:
    struct State;
    std::unique_ptr<State> state_;
    QByteArray index_;
    QByteArray payload_;
    quint32 count_ = 0;
    qint64 first_ = -1, last_ = -1;
};

} // namespace backsight
