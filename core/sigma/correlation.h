#pragma once

#include "sigma/sigma_rule.h"

#include <QHash>

namespace backsight::sigma {

// One event a detection rule matched, with the values a correlation groups and counts by.
struct RuleMatch
{
    QString eventId, table, upn;
    qint64 timeMs = 0;
    QHash<QString, QString> values; // field (lower case) → the event's first value
};

// Events of one group that together meet an aggregation in one time window.
struct CorrelatedWindow
{
    QStringList groupValues;        // in the order of Aggregation::groupBy
    std::vector<const RuleMatch *> events;
    double metric = 0;              // the event count or the distinct value count
};

// Groups `matches` by the aggregation's group-by fields and slides a window of its timespan over each group
// in time order; a window that meets the condition is reported and the next one starts after it, so a burst
// is reported once.
std::vector<CorrelatedWindow> correlate(const Aggregation &aggregation, const std::vector<RuleMatch> &matches);
bool compareMetric(const QString &op, double metric, double threshold);

} // namespace backsight::sigma
