#pragma once

#include <QString>

namespace backsight {

// The one home for writing a stored time (UTC epoch milliseconds) as text: exports, JSON, the CLI, detector
// reasons, the GUI and the reports all use these. Reading times from logs stays in ingest/timestamp.
// Local times always carry their offset, so a screenshot or a printed page never leaves the reader guessing.

QString formatUtcMs(qint64 ms);                         // 2024-11-01T10:15:30.123Z (ISO 8601: JSON, CSV, the CLI)
QString utcText(qint64 epochMs);                        // 2024-11-01 10:15:30
QString utcTextWithMillis(qint64 epochMs);              // 2024-11-01 10:15:30.669 UTC
QString localText(qint64 epochMs);                      // 2024-11-01 23:15:30 +13:00 (this machine's zone)
QString localZoneName();                                // Pacific/Auckland, or "local time" when unknown
QString utcOffsetText(int minutes);                     // UTC+13:00, UTC-03:30
QString textAtOffset(qint64 epochMs, int offsetMinutes); // 2024-11-01 23:15:30 UTC+13:00 (a fixed offset)

} // namespace backsight
