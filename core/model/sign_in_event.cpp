#include "model/sign_in_event.h"

#include <QStringList>
#include <cmath>
#include <numbers>

namespace backsight {

QString SignInEvent::place() const
{
    if (city.isEmpty())
        return country;
    return country.isEmpty() ? city : city + QStringLiteral(", ") + country;
}

QString ipPrefix(const QString &ip)
{
    // Written by hand rather than with QHostAddress so core does not need QtNetwork for one split.
    if (ip.contains(QLatin1Char('.')) && !ip.contains(QLatin1Char(':'))) {
        const QStringList octets = ip.split(QLatin1Char('.'));
        if (octets.size() != 4)
            return ip;
        return octets[0] + QLatin1Char('.') + octets[1] + QLatin1Char('.') + octets[2] + QStringLiteral(".0/24");
    }
    if (!ip.contains(QLatin1Char(':')))
        return ip;
    // IPv6: the first three groups; "::" before the third group stands for zeros.
    const qsizetype gap = ip.indexOf(QStringLiteral("::"));
    const QString head = gap < 0 ? ip : ip.left(gap);
    QStringList groups = head.isEmpty() ? QStringList() : head.split(QLatin1Char(':'));
    while (groups.size() < 3)
        groups << QStringLiteral("0");
    QStringList first3;
    for (int i = 0; i < 3; ++i) {
        bool ok = false;
        const uint value = groups[i].toUInt(&ok, 16);
        first3 << (ok ? QString::number(value, 16) : groups[i].toLower());
    }
    return first3.join(QLatin1Char(':')) + QStringLiteral("::/48");
}

double distanceKm(double lat1, double lon1, double lat2, double lon2)
{
    constexpr double rad = std::numbers::pi / 180.0;
    const double dLat = (lat2 - lat1) * rad;
    const double dLon = (lon2 - lon1) * rad;
    const double a = std::sin(dLat / 2) * std::sin(dLat / 2)
                     + std::cos(lat1 * rad) * std::cos(lat2 * rad) * std::sin(dLon / 2) * std::sin(dLon / 2);
    return 2 * 6371.0 * std::asin(std::min(1.0, std::sqrt(a)));
}

} // namespace backsight
