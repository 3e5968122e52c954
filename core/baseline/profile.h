#pragma once

#include "baseline/day_aggregate.h"

#include <QJsonObject>

namespace backsight::baseline {

// When a user has too little history for their baseline to mean much.
struct LearningPolicy
{
    int minSignIns = 10;
    int minActiveDays = 5;
};

// Where a user usually is, the UTC offset of that place (standard time) and its IANA zone (daylight saving).
struct Home
{
    QString place, country;
    std::optional<Coordinates> coordinates;
    int utcOffsetMinutes = 0;
    QString zoneSource; // how the offset was derived, for the analyst
    QByteArray zone;    // IANA zone with daylight saving ("Europe/Berlin"); empty where none applies

    // The offset in force at `utcMs`: the standard offset plus daylight saving in the home zone.
    int offsetAt(qint64 utcMs) const;
};

// A user's baseline over a window of days: the sum of that window's DayAggregates. Days can be added and
// removed, so a detection sweep slides the window one day at a time (first/last seen are exact only for
// profiles built by adding alone).
class Profile
{
public:
    void add(const DayAggregate &day);
    void remove(const DayAggregate &day);

    int activeDays() const { return activeDays_; }
    qint64 signIns() const { return signIns_; }
    qint64 interactive() const { return interactive_; }
    qint64 successes() const { return successes_; }
    qint64 resultCount(ResultClass c) const { return results_[size_t(c)]; }
    bool isLearning(const LearningPolicy &policy) const;

    const ValueCounts &values(Dimension d) const { return values_[size_t(d)]; }
    int count(Dimension d, const QString &value) const;
    // "NZ 412, AU 9" — the n most frequent values with their counts.
    QString topValues(Dimension d, int n) const;
    std::optional<Coordinates> placeCoordinates(const QString &place) const;

    Home home() const;
    // Probability of an interactive sign-in in this hour of the week (local: Monday = 0, * 24 + hour) under the
    // smoothed hour-of-week distribution: neighbouring hours and days of the same kind (weekday / weekend) share
    // weight, plus an add-alpha prior. Returns the uniform 1/168 when there is no history.
    double hourOfWeekProbability(int localHourOfWeek, int utcOffsetMinutes) const;
    // Share of interactive sign-ins in this local hour of the day over the whole week, smoothed over neighbouring
    // hours but without the prior: 0 for an hour the user never signs in near.
    double hourOfDayProbability(int localHour, int utcOffsetMinutes) const;
    std::array<qint32, kHoursOfWeek> hourOfWeekLocal(int utcOffsetMinutes) const;
    // Mean and standard deviation of sign-ins per active day.
    double signInsPerActiveDayMean() const;
    double signInsPerActiveDaySd() const;
    // Credential failures (incl. lockouts) per active day.
    double credentialFailuresPerActiveDay() const;

    // The stored form (baselines.profile): counts with first/last seen for every dimension (top `limit`
    // values each), places with coordinates, the local hour-of-week matrix, rates and the home zone.
    QJsonObject toJson(int limit = 50) const;

    // A snapshot of the running sums (user_windows table), so the next detection starts from one row instead of
    // summing the window's days again.
    QByteArray serialize() const;
    static std::optional<Profile> deserialize(const QByteArray &data);

private:
    void apply(const DayAggregate &day, int sign);

    int activeDays_ = 0;
    qint64 signIns_ = 0, interactive_ = 0, successes_ = 0;
    double dailySum_ = 0, dailySumSq_ = 0;
    std::array<qint64, kResultClasses> results_{};
    std::array<qint32, kHoursOfWeek> hourOfWeekStd_{};
    std::array<ValueCounts, DimensionCount> values_;
    QHash<QString, Coordinates> places_;
};

// Standard-time UTC offset for a country, using the longitude where a country spans several zones.
// Daylight saving time is not applied: baselines compare hours, and an hour's shift twice a year is within
// the smoothing.
int standardOffsetMinutes(const QString &countryCode, std::optional<double> longitude);
QString formatUtcOffset(int minutes); // "UTC+12:00"

} // namespace backsight::baseline
