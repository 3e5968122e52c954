#pragma once

#include <QString>

namespace backsight::ui {

// How the GUI and the reports write an event time stored as UTC epoch milliseconds. Local times always
// carry their offset, so a screenshot or a printed page never leaves the reader guessing the zone.
QString utcText(qint64 epochMs);                 // 2024-11-01 10:15:30
QString utcTextWithMillis(qint64 epochMs);       // 2024-11-01 10:15:30.669 UTC
QString localText(qint64 epochMs);               // 2024-11-01 23:15:30 +13:00
QString localZoneName();                         // Pacific/Auckland, or "local time" when unknown
QString offsetTimeText(qint64 epochMs, int utcOffsetMinutes); // 2024-11-01 23:15:30 UTC+13:00 (a user's own zone)

} // namespace backsight::ui
