#include "baseline/profile.h"

#include "baseline/time_zone.h"

#include <QDataStream>
#include <QIODevice>
#include <QJsonArray>
#include <algorithm>
#include <cmath>

namespace backsight::baseline {
namespace {

constexpr double kAlpha = 0.05; // add-alpha prior per hour-of-week bin

int wrap168(int h)
{
    return ((h % kHoursOfWeek) + kHoursOfWeek) % kHoursOfWeek;
}

} // namespace

void Profile::add(const DayAggregate &day)
{
    apply(day, 1);
}

void Profile::remove(const DayAggregate &day)
{
    apply(day, -1);
}

void Profile::apply(const DayAggregate &day, int sign)
{
    if (day.signIns <= 0)
        return;
    activeDays_ += sign;
    signIns_ += sign * day.signIns;
    interactive_ += sign * day.interactive;
    successes_ += sign * day.successes;
    dailySum_ += sign * double(day.signIns);
    dailySumSq_ += sign * double(day.signIns) * double(day.signIns);
    for (int i = 0; i < kResultClasses; ++i)
        results_[size_t(i)] += sign * day.results[size_t(i)];
    for (int i = 0; i < kHoursOfWeek; ++i)
        hourOfWeekStd_[size_t(i)] += sign * day.hourOfWeekStd[size_t(i)];
    for (int d = 0; d < DimensionCount; ++d) {
        ValueCounts &mine = values_[size_t(d)];
        const ValueCounts &theirs = day.values[size_t(d)];
        for (auto it = theirs.cbegin(); it != theirs.cend(); ++it) {
            if (sign > 0) {
                ValueStat &s = mine[it.key()];
                if (s.count == 0 || it->firstMs < s.firstMs)
                    s.firstMs = it->firstMs;
                if (s.count == 0 || it->lastMs > s.lastMs)
                    s.lastMs = it->lastMs;
                s.count += it->count;
                s.failures += it->failures;
            } else {
                auto found = mine.find(it.key());
                if (found == mine.end())
                    continue;
                found->count -= it->count;
                found->failures -= it->failures;
                if (found->count <= 0)
                    mine.erase(found);
            }
        }
    }
    if (sign > 0) {
        for (auto it = day.places.cbegin(); it != day.places.cend(); ++it)
            places_.insert(it.key(), it.value());
    }
}

bool Profile::isLearning(const LearningPolicy &policy) const
{
    return signIns_ < policy.minSignIns || activeDays_ < policy.minActiveDays;
}

int Profile::count(Dimension d, const QString &value) const
{
    const auto it = values_[size_t(d)].constFind(value);
    return it == values_[size_t(d)].cend() ? 0 : it->count;
}

QString Profile::topValues(Dimension d, int n) const
{
    std::vector<std::pair<int, QString>> sorted;
    for (auto it = values_[size_t(d)].cbegin(); it != values_[size_t(d)].cend(); ++it)
        sorted.emplace_back(it->count, it.key());
    std::sort(sorted.begin(), sorted.end(), [](const auto &a, const auto &b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    QStringList parts;
    for (size_t i = 0; i < sorted.size() && int(i) < n; ++i)
        parts << sorted[i].second + QLatin1Char(' ') + QString::number(sorted[i].first);
    if (sorted.size() > size_t(n))
        parts << QStringLiteral("%1 more").arg(sorted.size() - size_t(n));
    return parts.isEmpty() ? QStringLiteral("none") : parts.join(QStringLiteral(", "));
}

std::optional<Coordinates> Profile::placeCoordinates(const QString &place) const
{
    const auto it = places_.constFind(place);
    if (it == places_.cend())
        return std::nullopt;
    return *it;
}

Home Profile::home() const
{
    Home h;
    int best = 0;
    const ValueCounts &cities = values_[City];
    for (auto it = cities.cbegin(); it != cities.cend(); ++it) {
        if (it->count > best || (it->count == best && it.key() < h.place)) {
            best = it->count;
            h.place = it.key();
        }
    }
    if (h.place.isEmpty()) {
        const ValueCounts &countries = values_[Country];
        for (auto it = countries.cbegin(); it != countries.cend(); ++it) {
            if (it->count > best) {
                best = it->count;
                h.country = it.key();
            }
        }
        h.utcOffsetMinutes = h.country.isEmpty() ? 0 : standardOffsetMinutes(h.country, std::nullopt);
        h.zoneSource = h.country.isEmpty() ? QStringLiteral("no location seen: UTC")
                                           : QStringLiteral("from the usual country %1").arg(h.country);
        h.zone = ianaZoneFor(h.country, std::nullopt, std::nullopt);
        return h;
    }
    h.country = h.place.section(QStringLiteral(", "), -1);
    h.coordinates = placeCoordinates(h.place);
    h.utcOffsetMinutes = standardOffsetMinutes(h.country, h.coordinates ? std::optional<double>(h.coordinates->longitude)
                                                                          : std::nullopt);
    h.zoneSource = QStringLiteral("from the usual location %1").arg(h.place);
    h.zone = ianaZoneFor(h.country, h.coordinates ? std::optional<double>(h.coordinates->latitude) : std::nullopt,
                         h.coordinates ? std::optional<double>(h.coordinates->longitude) : std::nullopt);
    return h;
}

int Home::offsetAt(qint64 utcMs) const
{
    return utcOffsetMinutes + daylightSavingMinutes(zone, utcMs);
}

std::array<qint32, kHoursOfWeek> Profile::hourOfWeekLocal(int utcOffsetMinutes) const
{
    const int shift = int(std::lround(utcOffsetMinutes / 60.0));
    std::array<qint32, kHoursOfWeek> local{};
    for (int h = 0; h < kHoursOfWeek; ++h)
        local[size_t(wrap168(h + shift))] = hourOfWeekStd_[size_t(h)];
    return local;
}

double Profile::hourOfWeekProbability(int localHourOfWeek, int utcOffsetMinutes) const
{
    if (interactive_ <= 0)
        return 1.0 / kHoursOfWeek;
    const auto local = hourOfWeekLocal(utcOffsetMinutes);
    const auto smoothed = [&](int h) {
        return 0.25 * local[size_t(wrap168(h - 1))] + 0.5 * local[size_t(wrap168(h))] + 0.25 * local[size_t(wrap168(h + 1))];
    };
    const int day = localHourOfWeek / 24, hour = localHourOfWeek % 24;
    const bool weekend = day >= 5;
    double pooled = 0;
    int days = 0;
    for (int d = weekend ? 5 : 0; d < (weekend ? 7 : 5); ++d, ++days)
        pooled += smoothed(d * 24 + hour);
    const double value = 0.5 * smoothed(localHourOfWeek) + 0.5 * pooled / days;
    return (value + kAlpha) / (double(interactive_) + kAlpha * kHoursOfWeek);
}

double Profile::hourOfDayProbability(int localHour, int utcOffsetMinutes) const
{
    if (interactive_ <= 0)
        return 1.0 / 24;
    const auto local = hourOfWeekLocal(utcOffsetMinutes);
    double n = 0;
    for (int d = 0; d < 7; ++d) {
        const int h = d * 24 + localHour;
        n += 0.25 * local[size_t(wrap168(h - 1))] + 0.5 * local[size_t(h)] + 0.25 * local[size_t(wrap168(h + 1))];
    }
    return n / double(interactive_);
}

double Profile::signInsPerActiveDayMean() const
{
    return activeDays_ > 0 ? dailySum_ / activeDays_ : 0.0;
}

double Profile::signInsPerActiveDaySd() const
{
    if (activeDays_ < 2)
        return 0.0;
    const double mean = signInsPerActiveDayMean();
    return std::sqrt(std::max(0.0, (dailySumSq_ - activeDays_ * mean * mean) / (activeDays_ - 1)));
}

double Profile::credentialFailuresPerActiveDay() const
{
    if (activeDays_ <= 0)
        return 0.0;
    return double(results_[size_t(ResultClass::CredentialFailure)] + results_[size_t(ResultClass::AccountLocked)])
           / activeDays_;
}

QJsonObject Profile::toJson(int limit) const
{
    QJsonObject o;
    const Home h = home();
    o.insert(QStringLiteral("home"), QJsonObject{{QStringLiteral("place"), h.place},
                                                 {QStringLiteral("country"), h.country},
                                                 {QStringLiteral("utc_offset_minutes"), h.utcOffsetMinutes},
                                                 {QStringLiteral("zone"), formatUtcOffset(h.utcOffsetMinutes)},
                                                 {QStringLiteral("iana_zone"), QString::fromLatin1(h.zone)},
                                                 {QStringLiteral("zone_source"), h.zoneSource}});
    o.insert(QStringLiteral("sign_ins"), signIns_);
    o.insert(QStringLiteral("interactive"), interactive_);
    o.insert(QStringLiteral("successes"), successes_);
    o.insert(QStringLiteral("active_days"), activeDays_);
    o.insert(QStringLiteral("sign_ins_per_active_day"),
             QJsonObject{{QStringLiteral("mean"), signInsPerActiveDayMean()}, {QStringLiteral("sd"), signInsPerActiveDaySd()}});
    QJsonObject results;
    for (int c = 0; c < kResultClasses; ++c) {
        const qint64 n = results_[size_t(c)];
        results.insert(resultClassName(ResultClass(c)),
                       QJsonObject{{QStringLiteral("count"), n},
                                   {QStringLiteral("rate"), signIns_ > 0 ? double(n) / double(signIns_) : 0.0}});
    }
    o.insert(QStringLiteral("results"), results);
    for (int d = 0; d < DimensionCount; ++d) {
        std::vector<std::pair<QString, ValueStat>> rows;
        for (auto it = values_[size_t(d)].cbegin(); it != values_[size_t(d)].cend(); ++it)
            rows.emplace_back(it.key(), it.value());
        std::sort(rows.begin(), rows.end(), [](const auto &a, const auto &b) {
            return a.second.count != b.second.count ? a.second.count > b.second.count : a.first < b.first;
        });
        QJsonArray array;
        for (size_t i = 0; i < rows.size() && int(i) < limit; ++i) {
            QJsonObject row{{QStringLiteral("value"), rows[i].first},
                            {QStringLiteral("count"), rows[i].second.count},
                            {QStringLiteral("failures"), rows[i].second.failures},
                            {QStringLiteral("first_seen_ms"), rows[i].second.firstMs},
                            {QStringLiteral("last_seen_ms"), rows[i].second.lastMs}};
            if (d == City) {
                if (const auto c = placeCoordinates(rows[i].first)) {
                    row.insert(QStringLiteral("latitude"), c->latitude);
                    row.insert(QStringLiteral("longitude"), c->longitude);
                }
            }
            array.append(row);
        }
        o.insert(dimensionName(Dimension(d)), array);
        o.insert(dimensionName(Dimension(d)) + QStringLiteral("_distinct"), qint64(rows.size()));
    }
    QJsonArray matrix;
    const auto local = hourOfWeekLocal(h.utcOffsetMinutes);
    for (int day = 0; day < 7; ++day) {
        QJsonArray hours;
        for (int hour = 0; hour < 24; ++hour)
            hours.append(local[size_t(day * 24 + hour)]);
        matrix.append(hours);
    }
    o.insert(QStringLiteral("hour_of_week_local"), matrix); // [weekday Monday=0][hour]
    return o;
}

QByteArray Profile::serialize() const
{
    QByteArray out;
    QDataStream s(&out, QIODevice::WriteOnly);
    s.setVersion(QDataStream::Qt_6_4);
    s << quint32(0x42535046) << quint16(2); // "BSPF", format 2 (with the Asn dimension)
    s << qint32(activeDays_) << signIns_ << interactive_ << successes_ << dailySum_ << dailySumSq_;
    for (qint64 v : results_)
        s << v;
    for (qint32 v : hourOfWeekStd_)
        s << v;
    writeCounts(s, values_, places_);
    return out;
}

std::optional<Profile> Profile::deserialize(const QByteArray &data)
{
    QDataStream s(data);
    s.setVersion(QDataStream::Qt_6_4);
    quint32 magic = 0;
    quint16 format = 0;
    s >> magic >> format;
    if (magic != 0x42535046 || format != 2) // an older snapshot is rebuilt from the days
        return std::nullopt;
    Profile p;
    qint32 activeDays = 0;
    s >> activeDays >> p.signIns_ >> p.interactive_ >> p.successes_ >> p.dailySum_ >> p.dailySumSq_;
    p.activeDays_ = activeDays;
    for (qint64 &v : p.results_)
        s >> v;
    for (qint32 &v : p.hourOfWeekStd_)
        s >> v;
    if (!readCounts(s, p.values_, p.places_))
        return std::nullopt;
    if (s.status() != QDataStream::Ok)
        return std::nullopt;
    return p;
}

int standardOffsetMinutes(const QString &country, std::optional<double> longitude)
{
    // Countries whose standard time is far from solar time, or that span one zone only.
    static const QHash<QString, int> fixed = {
        {QStringLiteral("NZ"), 720},  {QStringLiteral("JP"), 540},  {QStringLiteral("KR"), 540},
        {QStringLiteral("CN"), 480},  {QStringLiteral("SG"), 480},  {QStringLiteral("HK"), 480},
        {QStringLiteral("TW"), 480},  {QStringLiteral("PH"), 480},  {QStringLiteral("MY"), 480},
        {QStringLiteral("TH"), 420},  {QStringLiteral("VN"), 420},  {QStringLiteral("IN"), 330},
        {QStringLiteral("LK"), 330},  {QStringLiteral("NP"), 345},  {QStringLiteral("PK"), 300},
        {QStringLiteral("AE"), 240},  {QStringLiteral("IR"), 210},  {QStringLiteral("SA"), 180},
        {QStringLiteral("TR"), 180},  {QStringLiteral("KE"), 180},  {QStringLiteral("EG"), 120},
        {QStringLiteral("ZA"), 120},  {QStringLiteral("IL"), 120},  {QStringLiteral("UA"), 120},
        {QStringLiteral("FI"), 120},  {QStringLiteral("GR"), 120},  {QStringLiteral("RO"), 120},
        {QStringLiteral("DE"), 60},   {QStringLiteral("FR"), 60},   {QStringLiteral("NL"), 60},
        {QStringLiteral("BE"), 60},   {QStringLiteral("ES"), 60},   {QStringLiteral("IT"), 60},
        {QStringLiteral("PL"), 60},   {QStringLiteral("SE"), 60},   {QStringLiteral("NO"), 60},
        {QStringLiteral("DK"), 60},   {QStringLiteral("CH"), 60},   {QStringLiteral("AT"), 60},
        {QStringLiteral("CZ"), 60},   {QStringLiteral("NG"), 60},   {QStringLiteral("GB"), 0},
        {QStringLiteral("IE"), 0},    {QStringLiteral("PT"), 0},    {QStringLiteral("IS"), 0},
        {QStringLiteral("GH"), 0},    {QStringLiteral("AR"), -180}, {QStringLiteral("CL"), -240},
        {QStringLiteral("CO"), -300}, {QStringLiteral("PE"), -300}, {QStringLiteral("VE"), -240},
    };
    if (const auto it = fixed.constFind(country.toUpper()); it != fixed.cend())
        return *it;
    const QString cc = country.toUpper();
    if (longitude) {
        const double lon = *longitude;
        // Countries with several zones: the zone boundaries by longitude, roughly.
        if (cc == QLatin1String("US") || cc == QLatin1String("CA")) {
            if (cc == QLatin1String("CA") && lon > -61)
                return -240; // Atlantic
            if (lon > -87.5)
                return -300; // Eastern
            if (lon > -101.5)
                return -360; // Central
            if (lon > -114.5)
                return -420; // Mountain
            return lon > -130 ? -480 : (lon > -170 ? -540 : -600); // Pacific, Alaska, Hawaii
        }
        if (cc == QLatin1String("AU"))
            return lon >= 141 ? 600 : (lon >= 129 ? 570 : 480);
        if (cc == QLatin1String("BR"))
            return lon > -52 ? -180 : -240;
        if (cc == QLatin1String("MX"))
            return lon > -105 ? -360 : -420;
        // Elsewhere: solar time in whole hours.
        return int(std::lround(lon / 15.0)) * 60;
    }
    if (cc == QLatin1String("US"))
        return -300;
    return 0;
}

QString formatUtcOffset(int minutes)
{
    const QChar sign = minutes < 0 ? QLatin1Char('-') : QLatin1Char('+');
    const int m = std::abs(minutes);
    return QStringLiteral("UTC%1%2:%3").arg(sign).arg(m / 60, 2, 10, QLatin1Char('0')).arg(m % 60, 2, 10, QLatin1Char('0'));
}

} // namespace backsight::baseline
