#pragma once

// What the per-user detectors (location, habit, credential attack, dormant account) share: the key that merges a
// day's findings, and the phrases their sentences end with.

#include "detect/detector.h"
#include "baseline/day_aggregate.h"

#include <QLocale>

namespace backsight::detect::detail {

inline QString dayKey(const QString &kind, const QString &value, qint64 ms)
{
    return kind + QLatin1Char('|') + value + QLatin1Char('|') + QString::number(baseline::dayOf(ms));
}

inline QString windowText(const UserContext &c)
{
    return QStringLiteral("%1 days").arg(c.params.windowDays);
}

inline QString learningNote(const UserContext &c)
{
    return c.learning ? QStringLiteral(" [baseline still learning: %1 sign-ins on %2 days]")
                            .arg(c.baseline.signIns())
                            .arg(c.baseline.activeDays())
                      : QString();
}

inline QString number(double v, int decimals = 0)
{
    return QLocale::c().toString(v, 'f', decimals);
}

// Indexes of the events up to the examined one, newest first, within `windowMs` of it, that match `keep`.
template<typename Keep>
std::vector<size_t> recentMatching(const UserContext &c, qint64 windowMs, Keep keep)
{
    std::vector<size_t> found;
    for (size_t i = c.index + 1; i-- > 0;) {
        if (c.event().timeMs - c.events[i].timeMs > windowMs)
            break;
        if (keep(c.events[i]))
            found.push_back(i);
    }
    return found;
}

} // namespace backsight::detect::detail
