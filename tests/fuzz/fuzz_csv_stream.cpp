// libFuzzer harness: the RFC 4180 CsvRecordStream and header normalisation on arbitrary bytes in
// arbitrary chunks; cells of a row can never hold more bytes than the input.
#include "ingest/csv_record_stream.h"

#include <cstdint>
#include <cstdlib>

using namespace backsight;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const size_t chunk = size_t(data[0]) % 64 + 1;
    std::string_view text(reinterpret_cast<const char *>(data) + 1, size - 1);
    size_t cellBytes = 0;
    qint64 lastLine = 0;
    CsvRecordStream stream(
        [&](const std::vector<std::string> &cells, qint64 line) {
            if (line < lastLine)
                abort(); // rows come in order
            lastLine = line;
            for (const std::string &c : cells) {
                cellBytes += c.size();
                bool utc = false;
                cellBytes += normaliseHeader(c, &utc).size() > c.size() ? 1u << 30 : 0;
            }
            return true;
        },
        4096);
    bool ok = true;
    for (size_t at = 0; ok && at < text.size(); at += chunk)
        ok = stream.feed(text.substr(at, chunk)).ok();
    if (ok)
        static_cast<void>(stream.finish()); // only that it does not crash
    if (cellBytes > text.size())
        abort(); // no cell grows beyond the input (and no normalised header grows)
    return 0;
}
