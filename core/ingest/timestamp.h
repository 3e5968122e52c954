#pragma once

#include "model/time_format.h" // formatUtcMs: writing times lives in core/model

#include <QString>
#include <string_view>

namespace backsight {

// Whether a timestamp without a zone may be read as UTC. Only formats that say so allow it:
// a Log Analytics `... [UTC]` column or the portal's `Date (UTC)`.
enum class ZonelessTime { Reject, IsUtc };

struct ParsedTime
{
    bool ok = false;
    qint64 ms = 0;   // UTC epoch milliseconds
    QString error;   // why it failed, for the analyst
};

// Reads ISO 8601 (`2024-11-01T10:15:30.1234567Z`, `+02:00`, `2024-11-01 10:15:30`) and the
// Log Analytics export style (`4/28/2021, 2:08:45.221 PM`). Fractions beyond milliseconds are truncated.
ParsedTime parseTimestamp(std::string_view text, ZonelessTime zoneless);

} // namespace backsight
