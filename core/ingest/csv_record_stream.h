#pragma once

#include "model/result.h"

#include <QString>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace backsight {

// Streaming RFC 4180 reader: quoted fields, doubled quotes, separators and line breaks inside quotes,
// CRLF or LF (a byte order mark is the caller's to strip). Feed chunks in order; each complete row goes to the callback with its 1-based line number.
class CsvRecordStream
{
public:
    using RowFn = std::function<bool(const std::vector<std::string> &cells, qint64 line)>;

    explicit CsvRecordStream(RowFn onRow, qsizetype maxRowBytes = 64 * 1024 * 1024);

    // BadInput with the sentence when the CSV is malformed; Cancelled when the callback returned false.
    Status feed(std::string_view chunk);
    Status finish();

private:
    bool feedBytes(std::string_view chunk);
    bool finishInput();
    bool endRow();
    bool fail(const QString &why);

    RowFn onRow_;
    qsizetype maxRowBytes_;
    std::vector<std::string> cells_;
    std::string cell_;
    qsizetype rowBytes_ = 0;
    bool inQuotes_ = false;
    bool quoteInQuoted_ = false; // saw a quote inside a quoted field: either "" or the closing quote
    bool cellStarted_ = false;
    bool afterCr_ = false;
    bool stopped_ = false;
    qint64 line_ = 1;     // current physical line
    qint64 rowLine_ = 1;  // line where the current row started
    QString error_;
};

// Header matching that tolerates the portal's trailing and doubled spaces, case, and Log Analytics'
// `_dynamic` / `_string` suffixes. Returns the normalised name; `utc` is set when it ended in `[UTC]`.
std::string normaliseHeader(std::string_view header, bool *utc = nullptr);
// The same, appended to `out` (no allocation once `out` has grown).
void normaliseHeaderInto(std::string_view header, std::string &out, bool *utc = nullptr);

} // namespace backsight
