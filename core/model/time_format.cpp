#include "model/time_format.h"

#include <QDateTime>
#include <QTimeZone>

#include <cstdlib>

namespace backsight {
namespace {

QString hoursMinutes(int minutes)
{
    const QChar sign = minutes < 0 ? QLatin1Char('-') : QLatin1Char('+');
    const int m = std::abs(minutes);
    return QStringLiteral("%1%2:%3").arg(sign).arg(m / 60, 2, 10, QLatin1Char('0')).arg(m % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

QString formatUtcMs(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QString utcText(qint64 epochMs)
{
    return QDateTime::fromMSecsSinceEpoch(epochMs, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString utcTextWithMillis(qint64 epochMs)
{
    return QDateTime::fromMSecsSinceEpoch(epochMs, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"))
           + QStringLiteral(" UTC");
}

QString localText(qint64 epochMs)
{
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(epochMs, Qt::LocalTime);
    return local.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss ")) + hoursMinutes(local.offsetFromUtc() / 60);
}

QString localZoneName()
{
    const QByteArray id = QTimeZone::systemTimeZoneId();
    return id.isEmpty() ? QStringLiteral("local time") : QString::fromUtf8(id);
}

QString utcOffsetText(int minutes)
{
    return QStringLiteral("UTC") + hoursMinutes(minutes);
}

QString textAtOffset(qint64 epochMs, int offsetMinutes)
{
    return utcText(epochMs + qint64(offsetMinutes) * 60000) + QLatin1Char(' ') + utcOffsetText(offsetMinutes);
}

} // namespace backsight
