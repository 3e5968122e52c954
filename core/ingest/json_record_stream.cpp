#include "ingest/json_record_stream.h"
#include "ingest/stream_outcome.h"

#include <cstring>

namespace backsight {

JsonRecordStream::JsonRecordStream(RecordFn onRecord, qsizetype maxRecordBytes)
    : onRecord_(std::move(onRecord)), maxRecordBytes_(maxRecordBytes)
{
}

bool JsonRecordStream::fail(const QString &why, qint64 at)
{
    if (error_.isEmpty())
        error_ = QStringLiteral("%1 (byte %2, after %3 complete records)").arg(why).arg(at).arg(emitted_);
    return false;
}

bool JsonRecordStream::feedBytes(std::string_view chunk)
{
    if (stopped_ || !error_.isEmpty())
        return false;
    const char *p = chunk.data();
    chunkStart_ = p;
    const char *const end = p + chunk.size();
    const char *segment = inRecord_ ? p : nullptr; // start of this chunk's part of the current record

    while (p < end) {
        if (state_ == State::InString) {
            // Strings are most of the bytes: jump to the next quote, then look for escapes before it.
            const char *quote = static_cast<const char *>(std::memchr(p, '"', size_t(end - p)));
            const char *stopAt = quote ? quote : end;
            const char *backslash = static_cast<const char *>(std::memchr(p, '\\', size_t(stopAt - p)));
            if (backslash)
                stopAt = backslash;
            if (collectingKey_ && key_.size() < 64)
                key_.append(p, std::min<size_t>(size_t(stopAt - p), 64 - key_.size()));
            p = stopAt;
            if (p == end)
                break;
            if (*p == '\\') {
                state_ = State::AfterBackslash;
            } else {
                state_ = State::Value;
                if (collectingKey_)
                    collectingKey_ = false;
            }
            ++p;
            continue;
        }
        if (state_ == State::AfterBackslash) {
            state_ = State::InString;
            ++p;
            continue;
        }
        const char c = *p;
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
            ++p;
            continue;
        }
        if (state_ == State::Done)
            return fail(QStringLiteral("unexpected content after the end of the JSON document"),
                        consumed_ + (p - chunk.data()));
        if (!handleStructural(c, p, segment))
            return false;
        ++p;
    }
    if (inRecord_ && segment) {
        record_.append(segment, size_t(end - segment));
        if (qsizetype(record_.size()) > maxRecordBytes_)
            return fail(QStringLiteral("record %1 is larger than %2 MB").arg(emitted_ + 1).arg(maxRecordBytes_ >> 20),
                        consumed_ + qint64(chunk.size()));
    }
    consumed_ += qint64(chunk.size());
    return true;
}

bool JsonRecordStream::handleStructural(char c, const char *p, const char *&segment)
{
    const qint64 at = consumed_ + (p - chunkStart_);
    const size_t depth = stack_.size();

    if (pendingWrapper_ && c != '[')
        pendingWrapper_ = false;

    switch (c) {
    case '"':
        state_ = State::InString;
        sawContent_ = true;
        if (firstObject_ && depth == 1 && expectKey_) {
            collectingKey_ = true;
            key_.clear();
            expectKey_ = false;
        }
        return true;
    case '{':
    case '[': {
        sawContent_ = true;
        if (depth == 0) {
            if (c == '[') {
                if (container_ != JsonContainer::Unknown)
                    return fail(QStringLiteral("a JSON array follows JSON Lines records"), at);
                container_ = JsonContainer::Array;
            } else {
                if (container_ == JsonContainer::Unknown) {
                    container_ = JsonContainer::Lines; // until a "value"/"records" array says otherwise
                    firstObject_ = true;
                    expectKey_ = true;
                } else if (container_ != JsonContainer::Lines) {
                    return fail(QStringLiteral("unexpected second top-level value"), at);
                }
                inRecord_ = true;
                recordDepth_ = 0;
                record_.clear();
                segment = p;
            }
        } else if (!inRecord_) {
            const bool recordStart = c == '{'
                && ((container_ == JsonContainer::Array && depth == 1) || (inWrapperArray_ && depth == 2));
            if (recordStart) {
                inRecord_ = true;
                recordDepth_ = depth;
                record_.clear();
                segment = p;
            } else if (container_ == JsonContainer::Array && depth == 1) {
                return fail(QStringLiteral("element %1 of the top-level array is not an object").arg(emitted_ + 1),
                            at);
            }
        } else if (firstObject_ && depth == 1 && c == '[' && pendingWrapper_) {
            // {"value": [ ... ]} or {"records": [ ... ]}: the records are the array's elements.
            container_ = key_ == "records" ? JsonContainer::RecordsBlob : JsonContainer::GraphPage;
            firstObject_ = false;
            inRecord_ = false;
            record_.clear();
            segment = nullptr;
            inWrapperArray_ = true;
        }
        pendingWrapper_ = false;
        stack_.push_back(c);
        return true;
    }
    case '}':
    case ']': {
        if (stack_.empty() || (c == '}') != (stack_.back() == '{'))
            return fail(QStringLiteral("mismatched '%1'").arg(QLatin1Char(c)), at);
        stack_.pop_back();
        if (inWrapperArray_ && stack_.size() == 1 && c == ']')
            inWrapperArray_ = false;
        if (inRecord_ && stack_.size() == recordDepth_) {
            record_.append(segment, size_t(p + 1 - segment));
            segment = nullptr;
            inRecord_ = false;
            firstObject_ = false;
            if (qsizetype(record_.size()) > maxRecordBytes_)
                return fail(QStringLiteral("record %1 is larger than %2 MB").arg(emitted_ + 1).arg(maxRecordBytes_ >> 20),
                            at);
            ++emitted_;
            if (!onRecord_(std::string_view(record_))) {
                stopped_ = true;
                return false;
            }
        }
        if (stack_.empty() && container_ != JsonContainer::Lines)
            state_ = State::Done;
        return true;
    }
    case ':':
        if (firstObject_ && depth == 1)
            pendingWrapper_ = key_ == "value" || key_ == "records";
        return true;
    case ',':
        if (firstObject_ && depth == 1)
            expectKey_ = true;
        return true;
    default:
        if (depth == 0)
            return fail(QStringLiteral("unexpected character '%1' outside any JSON value")
                            .arg(c >= 0x20 && c < 0x7f ? QString(QLatin1Char(c)) : QStringLiteral("\\x%1").arg(uchar(c), 2, 16, QLatin1Char('0'))),
                        at);
        if (container_ == JsonContainer::Array && depth == 1 && !inRecord_)
            return fail(QStringLiteral("element %1 of the top-level array is not an object").arg(emitted_ + 1),
                        at);
        return true;
    }
}

bool JsonRecordStream::finishInput()
{
    if (stopped_ || !error_.isEmpty())
        return false;
    if (!sawContent_)
        return fail(QStringLiteral("the file holds no JSON"), consumed_);
    if (state_ == State::InString || state_ == State::AfterBackslash || !stack_.empty())
        return fail(QStringLiteral("the file ends inside %1 — it looks truncated")
                        .arg(inRecord_ ? QStringLiteral("record %1").arg(emitted_ + 1) : QStringLiteral("the JSON document")),
                    consumed_);
    return true;
}

Status JsonRecordStream::feed(std::string_view chunk)
{
    return streamOutcome(feedBytes(chunk), error_);
}

Status JsonRecordStream::finish()
{
    return streamOutcome(finishInput(), error_);
}

} // namespace backsight
