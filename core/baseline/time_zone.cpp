#include "baseline/time_zone.h"

#include <QDateTime>
#include <QHash>
#include <QTimeZone>
#include <vector>

namespace backsight::baseline {

QByteArray ianaZoneFor(const QString &country, std::optional<double> latitude, std::optional<double> longitude)
{
    // Countries with daylight saving in one zone (or one zone for most of their people).
    static const QHash<QString, QByteArray> single = {
        {QStringLiteral("NZ"), "Pacific/Auckland"}, {QStringLiteral("GB"), "Europe/London"},
        {QStringLiteral("IE"), "Europe/Dublin"},    {QStringLiteral("PT"), "Europe/Lisbon"},
        {QStringLiteral("DE"), "Europe/Berlin"},    {QStringLiteral("FR"), "Europe/Paris"},
        {QStringLiteral("NL"), "Europe/Amsterdam"}, {QStringLiteral("BE"), "Europe/Brussels"},
        {QStringLiteral("ES"), "Europe/Madrid"},    {QStringLiteral("IT"), "Europe/Rome"},
        {QStringLiteral("CH"), "Europe/Zurich"},    {QStringLiteral("AT"), "Europe/Vienna"},
        {QStringLiteral("DK"), "Europe/Copenhagen"}, {QStringLiteral("SE"), "Europe/Stockholm"},
        {QStringLiteral("NO"), "Europe/Oslo"},      {QStringLiteral("FI"), "Europe/Helsinki"},
        {QStringLiteral("PL"), "Europe/Warsaw"},    {QStringLiteral("CZ"), "Europe/Prague"},
        {QStringLiteral("HU"), "Europe/Budapest"},  {QStringLiteral("RO"), "Europe/Bucharest"},
        {QStringLiteral("GR"), "Europe/Athens"},    {QStringLiteral("UA"), "Europe/Kyiv"},
        {QStringLiteral("IL"), "Asia/Jerusalem"},   {QStringLiteral("EG"), "Africa/Cairo"},
        {QStringLiteral("CL"), "America/Santiago"}, {QStringLiteral("PY"), "America/Asuncion"},
    };
    const QString cc = country.toUpper();
    if (const auto it = single.constFind(cc); it != single.cend())
        return *it;
    if (!longitude)
        return cc == QLatin1String("US") ? QByteArray("America/New_York") : QByteArray();
    const double lon = *longitude, lat = latitude.value_or(0);
    if (cc == QLatin1String("US")) {
        if (lon > -87.5)
            return "America/New_York";
        if (lon > -101.5)
            return "America/Chicago";
        if (lon > -114.8 && lon < -109 && lat > 31 && lat < 37)
            return "America/Phoenix"; // Arizona keeps standard time
        if (lon > -114.5)
            return "America/Denver";
        return lon > -130 ? QByteArray("America/Los_Angeles") : QByteArray("America/Anchorage");
    }
    if (cc == QLatin1String("CA")) {
        if (lon > -61)
            return "America/Halifax";
        if (lon > -90)
            return "America/Toronto";
        if (lon > -102)
            return "America/Winnipeg";
        return lon > -120 ? QByteArray("America/Edmonton") : QByteArray("America/Vancouver");
    }
    if (cc == QLatin1String("AU")) {
        if (lon >= 141)
            return lat > -29 ? QByteArray("Australia/Brisbane") : QByteArray("Australia/Sydney"); // Queensland: no DST
        return lon >= 129 ? QByteArray("Australia/Adelaide") : QByteArray("Australia/Perth");
    }
    if (cc == QLatin1String("MX"))
        return "America/Mexico_City";
    return {};
}

int daylightSavingMinutes(const QByteArray &zone, qint64 utcMs)
{
    if (zone.isEmpty())
        return 0;
    // Detection runs on worker threads: each keeps its own zones and answers.
    thread_local QHash<QByteArray, int> index;
    thread_local std::vector<QTimeZone> zones;
    thread_local QHash<quint64, int> answers;
    auto it = index.find(zone);
    if (it == index.end()) {
        it = index.insert(zone, int(zones.size()));
        zones.emplace_back(zone);
    }
    const qint64 hour = utcMs >= 0 ? utcMs / 3'600'000 : (utcMs - 3'599'999) / 3'600'000;
    const quint64 key = (quint64(*it) << 40) ^ quint64(hour);
    if (const auto a = answers.constFind(key); a != answers.cend())
        return *a;
    const QTimeZone &tz = zones[size_t(*it)];
    const int minutes = tz.isValid() ? tz.daylightTimeOffset(QDateTime::fromMSecsSinceEpoch(hour * 3'600'000, Qt::UTC)) / 60 : 0;
    answers.insert(key, minutes);
    return minutes;
}

} // namespace backsight::baseline
