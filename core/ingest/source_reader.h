#pragma once

#include "ingest/entra_record_flattener.h"
#include "ingest/import_inputs.h"

#include <QString>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace backsight {

// Everything one record turned into: the flattened row, its index in the file and the original bytes.
struct ReadRecord
{
    const FlattenedRecord *row = nullptr;
    qint64 index = 0;
    std::string_view original;
};

// Streams one file: detects its format from the first bytes, splits records, parses and flattens them.
// It knows nothing of the database: rows go to `onRow`, unusable records to `onReject`.
class SourceReader
{
public:
    using RowFn = std::function<bool(const ReadRecord &)>;         // false: stop (storage failed)
    using RejectFn = std::function<void(qint64 index, const QString &why)>;

    SourceReader(const ImportLimits &limits, RowFn onRow, RejectFn onReject);
    ~SourceReader();

    // Feed the file in chunks; false when the file must be rejected as a whole (see error()) or a
    // callback stopped it.
    bool feed(std::string_view chunk);
    bool finish();

    const QString &reader() const { return reader_; }
    const QString &error() const { return error_; }
    qint64 recordsSeen() const { return seen_; }

private:
    bool start(std::string_view firstChunk);
    bool handleJsonRecord(std::string_view record);
    bool handleCsvRow(const std::vector<std::string> &cells, qint64 line);
    bool handleParsed(std::string_view record, qint64 index, const QString &where);
    bool fail(const QString &why);

    struct Impl;
    std::unique_ptr<Impl> d;
    ImportLimits limits_;
    RowFn onRow_;
    RejectFn onReject_;
    QString reader_;
    QString error_;
    qint64 seen_ = 0;
    int bomChecked_ = 0;
    bool started_ = false;
    bool stopped_ = false;
};

} // namespace backsight
