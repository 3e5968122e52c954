#include "baseline/day_aggregate.h"

#include "baseline/time_zone.h"

#include <QDataStream>
#include <QIODevice>

namespace backsight::baseline {
namespace {

constexpr quint32 kMagic = 0x42534441; // "BSDA"
constexpr quint16 kFormat = 2; // 2 added the Asn dimension

} // namespace

void writeCounts(QDataStream &s, const std::array<ValueCounts, DimensionCount> &values,
                 const QHash<QString, Coordinates> &places)
{
    for (const ValueCounts &counts : values) {
        s << quint32(counts.size());
        for (auto it = counts.cbegin(); it != counts.cend(); ++it)
            s << it.key() << it->count << it->failures << it->firstMs << it->lastMs;
    }
    s << quint32(places.size());
    for (auto it = places.cbegin(); it != places.cend(); ++it)
        s << it.key() << it->latitude << it->longitude;
}

bool readCounts(QDataStream &s, std::array<ValueCounts, DimensionCount> &values, QHash<QString, Coordinates> &places,
                int dimensions)
{
    for (int d = 0; d < dimensions && d < DimensionCount; ++d) {
        ValueCounts &counts = values[size_t(d)];
        quint32 n = 0;
        s >> n;
        if (s.status() != QDataStream::Ok || n > 10'000'000)
            return false;
        counts.reserve(qsizetype(n));
        for (quint32 i = 0; i < n; ++i) {
            QString key;
            ValueStat v;
            s >> key >> v.count >> v.failures >> v.firstMs >> v.lastMs;
            counts.insert(key, v);
        }
    }
    quint32 n = 0;
    s >> n;
    for (quint32 i = 0; i < n && s.status() == QDataStream::Ok; ++i) {
        QString key;
        Coordinates c;
        s >> key >> c.latitude >> c.longitude;
        places.insert(key, c);
    }
    return s.status() == QDataStream::Ok;
}

QString dimensionName(Dimension d)
{
    static const char *const names[DimensionCount] = {"ips",     "prefixes", "cities",   "countries", "apps",
                                                      "resources", "os",     "browsers", "client_apps", "devices", "networks"};
    return QString::fromLatin1(names[d]);
}

QString dimensionValue(const SignInEvent &e, Dimension d)
{
    switch (d) {
    case Ip: return e.ip;
    case Prefix: return e.prefix;
    case City: return e.city.isEmpty() ? QString() : e.place();
    case Country: return e.country;
    case App: return e.app;
    case Resource: return e.resource;
    case Os: return e.os;
    case Browser: return e.browser;
    case ClientApp: return e.clientApp;
    case Device: return e.deviceId;
    case Asn: return e.asn ? QString::number(e.asn) : QString();
    case DimensionCount: break;
    }
    return {};
}

int hourOfWeek(qint64 utcMs, int offsetMinutes)
{
    const qint64 local = utcMs + qint64(offsetMinutes) * 60'000;
    const qint64 day = dayOf(local);
    const int hour = int((local - day * kDayMs) / 3'600'000);
    const int weekday = int(((day % 7) + 7 + 3) % 7); // 1970-01-01 was a Thursday (Monday = 0)
    return weekday * 24 + hour;
}

void DayAggregate::add(const SignInEvent &e)
{
    ++signIns;
    const bool failed = isFailure(e.result);
    if (e.result == ResultClass::Success)
        ++successes;
    ++results[size_t(e.result)];
    if (e.interactive) {
        ++interactive;
        const int dst = daylightSavingMinutes(ianaZoneFor(e.country, e.latitude, e.longitude), e.timeMs);
        ++hourOfWeekStd[size_t(hourOfWeek(e.timeMs, dst))];
    }
    for (int d = 0; d < DimensionCount; ++d) {
        const QString value = dimensionValue(e, Dimension(d));
        if (value.isEmpty())
            continue;
        ValueStat &s = values[size_t(d)][value];
        if (s.count == 0 || e.timeMs < s.firstMs)
            s.firstMs = e.timeMs;
        if (s.count == 0 || e.timeMs > s.lastMs)
            s.lastMs = e.timeMs;
        ++s.count;
        if (failed)
            ++s.failures;
    }
    if (!e.city.isEmpty() && e.hasLocation() && !places.contains(e.place()))
        places.insert(e.place(), {*e.latitude, *e.longitude});
}

QByteArray DayAggregate::serialize() const
{
    QByteArray out;
    QDataStream s(&out, QIODevice::WriteOnly);
    s.setVersion(QDataStream::Qt_6_4);
    s << kMagic << kFormat << day << signIns << interactive << successes;
    for (qint32 v : results)
        s << v;
    for (qint32 v : hourOfWeekStd)
        s << v;
    writeCounts(s, values, places);
    return out;
}

std::optional<DayAggregate> DayAggregate::deserialize(const QByteArray &data)
{
    QDataStream s(data);
    s.setVersion(QDataStream::Qt_6_4);
    quint32 magic = 0;
    quint16 format = 0;
    s >> magic >> format;
    if (magic != kMagic || format < 1 || format > kFormat)
        return std::nullopt;
    DayAggregate a;
    s >> a.day >> a.signIns >> a.interactive >> a.successes;
    for (qint32 &v : a.results)
        s >> v;
    for (qint32 &v : a.hourOfWeekStd)
        s >> v;
    if (!readCounts(s, a.values, a.places, format == 1 ? kDimensionsBeforeAsn : DimensionCount))
        return std::nullopt;
    if (s.status() != QDataStream::Ok)
        return std::nullopt;
    return a;
}

} // namespace backsight::baseline
