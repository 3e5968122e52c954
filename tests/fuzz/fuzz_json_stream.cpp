// libFuzzer harness: JsonRecordStream (the record splitter in front of every JSON reader) on arbitrary
// bytes in arbitrary chunks; every emitted record must lie inside the input's length.
#include "ingest/json_record_stream.h"

#include <cstdint>
#include <cstdlib>

using namespace backsight;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const size_t chunk = size_t(data[0]) % 64 + 1;
    std::string_view text(reinterpret_cast<const char *>(data) + 1, size - 1);
    size_t emittedBytes = 0;
    JsonRecordStream stream(
        [&](std::string_view record) {
            emittedBytes += record.size();
            return true;
        },
        4096);
    bool ok = true;
    for (size_t at = 0; ok && at < text.size(); at += chunk)
        ok = stream.feed(text.substr(at, chunk)).ok();
    if (ok)
        static_cast<void>(stream.finish()); // only that it does not crash
    if (emittedBytes > text.size())
        abort(); // a record cannot hold more bytes than the stream had
    return 0;
}
