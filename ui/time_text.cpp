#include "time_text.h"

#include <QDateTime>
#include <QTimeZone>

namespace backsight::ui {
namespace {

QString offsetText(int seconds)
{
    const QChar sign = seconds < 0 ? QLatin1Char('-') : QLatin1Char('+');
    const int minutes = std::abs(seconds) / 60;
    return QStringLiteral("%1%2:%3")
        .arg(sign)
        .arg(minutes / 60, 2, 10, QLatin1Char('0'))
        .arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

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
    return local.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss ")) + offsetText(local.offsetFromUtc());
}

QString localZoneName()
{
    const QByteArray id = QTimeZone::systemTimeZoneId();
    return id.isEmpty() ? QStringLiteral("local time") : QString::fromUtf8(id);
}

QString offsetTimeText(qint64 epochMs, int utcOffsetMinutes)
{
    return QDateTime::fromMSecsSinceEpoch(epochMs + qint64(utcOffsetMinutes) * 60'000, Qt::UTC)
               .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss UTC"))
           + offsetText(utcOffsetMinutes * 60);
}

} // namespace backsight::ui
