#pragma once

#include "model/result.h"

#include <QString>
#include <functional>
#include <string>
#include <string_view>

namespace backsight {

// How the records of a JSON file are laid out.
enum class JsonContainer {
    Unknown,
    Array,        // [ {...}, {...} ]
    GraphPage,    // {"value": [ ... ], "@odata.nextLink": ...}
    RecordsBlob,  // {"records": [ ... ]} (Azure Monitor diagnostic settings)
    Lines,        // one object per line (JSON Lines), or a single object
};

// Splits a JSON byte stream into its records without parsing them, so files of any size stream in
// bounded memory. Feed it chunks in order; it calls `onRecord` with each complete record's bytes.
// Only structure is tracked here (strings, escapes, nesting); each record is validated by the parser
// that receives it.
class JsonRecordStream
{
public:
    // Return false from the callback to stop.
    using RecordFn = std::function<bool(std::string_view record)>;

    explicit JsonRecordStream(RecordFn onRecord, qsizetype maxRecordBytes = 64 * 1024 * 1024);

    // BadInput (the sentence says where) when the stream is not valid; Cancelled when the callback asked to stop.
    Status feed(std::string_view chunk);
    // Call at end of input; BadInput when the input ended inside a record or container.
    Status finish();

    JsonContainer container() const { return container_; }
    qint64 recordsEmitted() const { return emitted_; }
    // Byte offset (from the start of the stream) of the current position, for error messages.
    qint64 offset() const { return consumed_; }

private:
    enum class State { Value, InString, AfterBackslash, Done };
    bool feedBytes(std::string_view chunk);
    bool finishInput();
    bool fail(const QString &why, qint64 at);
    bool handleStructural(char c, const char *p, const char *&segment);

    RecordFn onRecord_;
    qsizetype maxRecordBytes_;
    JsonContainer container_ = JsonContainer::Unknown;
    State state_ = State::Value;
    std::string stack_;       // open brackets, outermost first
    bool inRecord_ = false;
    size_t recordDepth_ = 0;  // stack size where the current record started
    bool firstObject_ = false; // inside the first top-level object: it may be a wrapper or a record
    bool expectKey_ = false;   // at depth 1 of the first object, the next string is a key
    bool collectingKey_ = false;
    bool pendingWrapper_ = false; // saw "value": or "records": at depth 1
    bool inWrapperArray_ = false;
    bool stopped_ = false;
    bool sawContent_ = false;
    std::string record_;      // bytes of the record being collected
    std::string key_;         // last depth-1 key of the first top-level object
    qint64 consumed_ = 0;
    const char *chunkStart_ = nullptr;
    qint64 emitted_ = 0;
    QString error_;
};

} // namespace backsight
