#pragma once

#include "model/sign_in_event.h"

#include <QByteArray>
#include <QDataStream>
#include <QHash>
#include <QString>
#include <array>
#include <optional>

namespace backsight::baseline {

// The things a baseline counts per value.
// Asn: the autonomous system (network) the address belongs to; aggregates stored before it was counted lack it.
enum Dimension { Ip, Prefix, City, Country, App, Resource, Os, Browser, ClientApp, Device, Asn, DimensionCount };
constexpr int kDimensionsBeforeAsn = 10; // what format 1 of DayAggregate stored
QString dimensionName(Dimension dimension); // "ips", "prefixes", "cities", ...

struct ValueStat
{
    qint32 count = 0;
    qint32 failures = 0;   // isFailure() results
    qint64 firstMs = 0, lastMs = 0;
};
using ValueCounts = QHash<QString, ValueStat>;

constexpr int kResultClasses = 8;
constexpr int kHoursOfWeek = 168; // weekday (Monday = 0) * 24 + hour

struct Coordinates
{
    double latitude = 0, longitude = 0;
};

// One user's sign-ins of one UTC day, counted. Days are summed into a window's Profile, so any window's
// baseline costs one row per day (the user_days table) instead of a scan of the raw events.
struct DayAggregate
{
    qint64 day = 0; // UTC day number: epoch ms / 86,400,000
    qint32 signIns = 0, interactive = 0, successes = 0;
    std::array<qint32, kResultClasses> results{};   // by ResultClass
    // Interactive sign-ins by weekday and hour in UTC plus the daylight saving in force where each sign-in was (so
    // adding a standard offset gives the wall clock; rows stored before daylight saving was applied hold plain UTC).
    std::array<qint32, kHoursOfWeek> hourOfWeekStd{};
    std::array<ValueCounts, DimensionCount> values;
    QHash<QString, Coordinates> places;               // "City, CC" -> where it geolocates

    void add(const SignInEvent &event);
    QByteArray serialize() const;
    static std::optional<DayAggregate> deserialize(const QByteArray &data);
};

constexpr qint64 kDayMs = 86'400'000;
inline qint64 dayOf(qint64 ms)
{
    return ms >= 0 ? ms / kDayMs : (ms - kDayMs + 1) / kDayMs;
}
int hourOfWeek(qint64 utcMs, int offsetMinutes); // weekday (Monday = 0) * 24 + hour at that offset

// The per-value counts and places as DayAggregate and Profile store them (QDataStream, Qt 6.4 format).
void writeCounts(QDataStream &s, const std::array<ValueCounts, DimensionCount> &values,
                 const QHash<QString, Coordinates> &places);
// `dimensions`: how many the stream holds (older formats hold fewer; the rest stay empty).
bool readCounts(QDataStream &s, std::array<ValueCounts, DimensionCount> &values, QHash<QString, Coordinates> &places,
                int dimensions = DimensionCount);

// The value a dimension takes for an event (empty when the event has none).
QString dimensionValue(const SignInEvent &event, Dimension dimension);

} // namespace backsight::baseline
