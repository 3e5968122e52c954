#include "sigma/correlation.h"

#include <QSet>
#include <map>

namespace backsight::sigma {
namespace {

double windowMetric(const Aggregation &a, const std::vector<const RuleMatch *> &group, size_t from, size_t to)
{
    if (a.type == Aggregation::Type::EventCount)
        return double(to - from + 1);
    QSet<QString> distinct;
    const QString field = a.field.toLower();
    for (size_t k = from; k <= to; ++k) {
        const QString v = group[k]->values.value(field);
        if (!v.isEmpty())
            distinct.insert(v.toLower());
    }
    return double(distinct.size());
}

} // namespace

bool compareMetric(const QString &op, double metric, double threshold)
{
    if (op == QLatin1String("gt"))
        return metric > threshold;
    if (op == QLatin1String("gte"))
        return metric >= threshold;
    if (op == QLatin1String("lt"))
        return metric < threshold;
    if (op == QLatin1String("lte"))
        return metric <= threshold;
    if (op == QLatin1String("eq"))
        return metric == threshold;
    return metric != threshold;
}

std::vector<CorrelatedWindow> correlate(const Aggregation &a, const std::vector<RuleMatch> &matches)
{
    std::map<QStringList, std::vector<const RuleMatch *>> groups;
    for (const RuleMatch &m : matches) {
        QStringList key;
        for (const QString &g : a.groupBy)
            key << m.values.value(g.toLower()).toLower();
        groups[key].push_back(&m);
    }
    std::vector<CorrelatedWindow> out;
    for (auto &[key, group] : groups) {
        std::stable_sort(group.begin(), group.end(), [](const RuleMatch *x, const RuleMatch *y) {
            return x->timeMs != y->timeMs ? x->timeMs < y->timeMs : x->eventId < y->eventId;
        });
        size_t i = 0;
        while (i < group.size()) {
            size_t j = i;
            while (j + 1 < group.size() && group[j + 1]->timeMs - group[i]->timeMs <= a.timespanMs)
                ++j;
            const double metric = windowMetric(a, group, i, j);
            if (!compareMetric(a.op, metric, a.threshold)) {
                ++i;
                continue;
            }
            CorrelatedWindow w;
            for (const QString &g : a.groupBy)
                w.groupValues << group[i]->values.value(g.toLower());
            w.events.assign(group.begin() + qsizetype(i), group.begin() + qsizetype(j) + 1);
            w.metric = metric;
            out.push_back(std::move(w));
            i = j + 1;
        }
    }
    return out;
}

} // namespace backsight::sigma
