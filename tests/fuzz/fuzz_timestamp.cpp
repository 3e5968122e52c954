// libFuzzer harness: the timestamp parser (ISO 8601 with zones, the Log Analytics `M/D/YYYY, h:mm:ss PM`
// style) in both zone modes; an accepted time must format and parse back to the same millisecond.
#include "ingest/timestamp.h"

#include <cstdint>
#include <cstdlib>

using namespace backsight;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    std::string_view text(reinterpret_cast<const char *>(data), size);
    for (ZonelessTime mode : {ZonelessTime::Reject, ZonelessTime::IsUtc}) {
        const ParsedTime t = parseTimestamp(text, mode);
        if (t.ok == !t.error.isEmpty())
            abort(); // exactly one of a time or a reason
        if (!t.ok)
            continue;
        const QByteArray back = formatUtcMs(t.ms).toUtf8();
        const ParsedTime again = parseTimestamp(std::string_view(back.constData(), size_t(back.size())),
                                                ZonelessTime::Reject);
        // Years outside 0000-9999 cannot be written back in ISO 8601; every other time must round-trip.
        if (again.ok && again.ms != t.ms)
            abort();
    }
    return 0;
}
