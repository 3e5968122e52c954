// libFuzzer harness: one file through SourceReader exactly as the importer feeds it (format detection,
// record splitting, parsing, flattening of Graph / diagnostic / Log Analytics / portal / Veeam records).
// The first byte picks the chunk size so the fuzzer also explores record and UTF-8 boundaries between chunks.
#include "ingest/source_reader.h"

#include <cstddef>
#include <cstdint>
#include <string>

using namespace backsight;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const size_t chunk = size_t(data[0]) * 37 + 1;
    std::string_view file(reinterpret_cast<const char *>(data) + 1, size - 1);
    ImportLimits limits;
    limits.maxRecordBytes = 1 << 20; // keeps each run fast; the limit's own path is exercised too
    std::string arena;
    qint64 rows = 0;
    size_t touched = 0;
    SourceReader reader(
        limits,
        [&](const ReadRecord &r) {
            // Read every text cell back from the arena: out-of-range offsets show up under ASan.
            for (int c = 0; c < r.row.columnCount(); ++c)
                touched += cellText(r.row, arena, c).size();
            touched += r.original.size();
            if (++rows % 64 == 0)
                arena.clear(); // the importer swaps arenas per batch
            return true;
        },
        [&](qint64, const QString &why) { touched += size_t(why.size()); });
    reader.setArena(&arena);
    bool ok = true;
    for (size_t at = 0; ok && at < file.size(); at += chunk)
        ok = reader.feed(file.substr(at, chunk)).ok();
    if (ok)
        static_cast<void>(reader.finish()); // only that it does not crash
    return touched == size_t(-1) ? 1 : 0;
}
