#pragma once

#include "ingest/entra_record_flattener.h"
#include "ingest/import_inputs.h"
#include "model/result.h"

#include <QString>
#include <functional>
#include <simdjson.h>
#include <memory>
#include <string>
#include <string_view>

namespace backsight {

// Everything one record turned into: the flattened row (its text in the arena given to setArena(),
// its index in the file in row.recordIndex) and the original bytes.
struct ReadRecord
{
    const ImportRow &row;
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

    // Where rows put their text; the caller may swap it between records (e.g. per batch).
    void setArena(std::string *arena) { arena_ = arena; }

    // Feed the file in chunks. BadInput (with the sentence) when the file must be rejected as a whole;
    // Cancelled when a callback stopped it.
    Status feed(std::string_view chunk);
    Status finish();

    const QString &reader() const { return reader_; }
    qint64 recordsSeen() const { return seen_; }

private:
    bool feedBytes(std::string_view chunk);
    bool finishInput();
    bool start(std::string_view firstChunk);
    bool feedText(std::string_view chunk); // UTF-8 from here on
    bool decideEncoding(bool atEnd);
    bool handleJsonRecord(std::string_view record);
    bool startXmlAsJson();
    bool handleCsvRow(const std::vector<std::string> &cells, qint64 line);
    bool handleParsed(std::string_view record, qint64 index, const QString &where);
    bool detectVeeam(simdjson::dom::object probe);
    bool handleVeeam(simdjson::dom::object record, std::string_view original, qint64 index, const QString &where);
    bool handleVeeamSession(simdjson::dom::object record, std::string_view original, qint64 index, const QString &where);
    bool fail(const QString &why);

    struct Impl;
    std::unique_ptr<Impl> d;
    ImportLimits limits_;
    RowFn onRow_;
    RejectFn onReject_;
    std::string *arena_ = nullptr;
    std::string ownArena_;
    QString reader_;
    QString error_;
    qint64 seen_ = 0;
    int bomChecked_ = 0;
    enum class Encoding { Unknown, Utf8, Utf16LE, Utf16BE } encoding_ = Encoding::Unknown;
    bool started_ = false;
    bool stopped_ = false;
};

} // namespace backsight
