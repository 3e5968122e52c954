#pragma once

#include <QByteArray>
#include <QString>
#include <optional>

namespace backsight::baseline {

// The IANA zone of a place ("Europe/Berlin") from its country and, where a country spans several zones, its
// coordinates; empty where the country keeps no daylight saving time or is not known (its standard offset is then
// all there is). Baselines use it to keep a user's 09:00 at 09:00 across the change of clocks.
QByteArray ianaZoneFor(const QString &countryCode, std::optional<double> latitude, std::optional<double> longitude);

// Minutes of daylight saving time in force in `zone` at `utcMs` (0 for an empty or unknown zone). Answers are
// cached per zone and UTC hour, per thread.
int daylightSavingMinutes(const QByteArray &zone, qint64 utcMs);

} // namespace backsight::baseline
