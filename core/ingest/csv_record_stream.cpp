#include "ingest/csv_record_stream.h"
#include "ingest/stream_outcome.h"

namespace backsight {

CsvRecordStream::CsvRecordStream(RowFn onRow, qsizetype maxRowBytes)
    : onRow_(std::move(onRow)), maxRowBytes_(maxRowBytes)
{
}

bool CsvRecordStream::fail(const QString &why)
{
    if (error_.isEmpty())
        error_ = why;
    return false;
}

bool CsvRecordStream::endRow()
{
    cells_.push_back(std::move(cell_));
    cell_.clear();
    cellStarted_ = false;
    rowBytes_ = 0;
    const bool blank = cells_.size() == 1 && cells_.front().empty();
    bool keepGoing = true;
    if (!blank)
        keepGoing = onRow_(cells_, rowLine_);
    cells_.clear();
    rowLine_ = line_;
    if (!keepGoing)
        stopped_ = true;
    return keepGoing;
}

bool CsvRecordStream::feedBytes(std::string_view chunk)
{
    if (stopped_ || !error_.isEmpty())
        return false;
    for (size_t i = 0; i < chunk.size(); ++i) {
        const char c = chunk[i];
        if (++rowBytes_ > maxRowBytes_)
            return fail(QStringLiteral("row starting at line %1 is larger than %2 MB").arg(rowLine_).arg(maxRowBytes_ >> 20));
        if (afterCr_) {
            afterCr_ = false;
            if (c == '\n')
                continue;
        }
        if (inQuotes_) {
            if (quoteInQuoted_) {
                quoteInQuoted_ = false;
                if (c == '"') {
                    cell_.push_back('"');
                    continue;
                }
                inQuotes_ = false; // that quote closed the field; handle c below as unquoted
            } else if (c == '"') {
                quoteInQuoted_ = true;
                continue;
            } else {
                if (c == '\n')
                    ++line_;
                cell_.push_back(c);
                continue;
            }
        }
        switch (c) {
        case ',':
            cells_.push_back(std::move(cell_));
            cell_.clear();
            cellStarted_ = false;
            break;
        case '\r':
        case '\n':
            afterCr_ = c == '\r';
            ++line_;
            if (!endRow())
                return false;
            break;
        case '"':
            if (!cellStarted_) {
                inQuotes_ = true;
                cellStarted_ = true;
                break;
            }
            [[fallthrough]];
        default:
            cell_.push_back(c);
            cellStarted_ = true;
        }
    }
    return true;
}

bool CsvRecordStream::finishInput()
{
    if (stopped_ || !error_.isEmpty())
        return false;
    if (inQuotes_ && !quoteInQuoted_)
        return fail(QStringLiteral("the file ends inside a quoted field that started on line %1 — it looks truncated")
                        .arg(rowLine_));
    if (!cell_.empty() || !cells_.empty() || inQuotes_)
        return endRow();
    return true;
}

void normaliseHeaderInto(std::string_view header, std::string &out, bool *utc)
{
    const size_t start = out.size();
    bool space = false;
    for (char c : header) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            space = out.size() > start;
            continue;
        }
        if (space)
            out.push_back(' ');
        space = false;
        out.push_back(c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c);
    }
    auto stripSuffix = [&out, start](std::string_view suffix) {
        const size_t length = out.size() - start;
        if (length > suffix.size() && out.compare(out.size() - suffix.size(), suffix.size(), suffix) == 0) {
            out.resize(out.size() - suffix.size());
            while (out.size() > start && out.back() == ' ')
                out.pop_back();
            return true;
        }
        return false;
    };
    const bool isUtc = stripSuffix("[utc]");
    if (utc)
        *utc = isUtc;
    if (!stripSuffix("_dynamic"))
        stripSuffix("_string");
}

std::string normaliseHeader(std::string_view header, bool *utc)
{
    std::string out;
    normaliseHeaderInto(header, out, utc);
    return out;
}

Status CsvRecordStream::feed(std::string_view chunk)
{
    return streamOutcome(feedBytes(chunk), error_);
}

Status CsvRecordStream::finish()
{
    return streamOutcome(finishInput(), error_);
}

} // namespace backsight
