#include "detect/low_digest.h"

#include "baseline/day_aggregate.h"
#include "ingest/timestamp.h"
#include "store/anomaly_repository.h"

#include <QHash>
#include <QJsonArray>
#include <algorithm>
#include <map>

namespace backsight::detect {
namespace {

Anomaly digestOf(std::vector<Anomaly> &lows)
{
    std::sort(lows.begin(), lows.end(), [](const Anomaly &a, const Anomaly &b) {
        return a.timeMs != b.timeMs ? a.timeMs < b.timeMs : a.id < b.id;
    });
    const Anomaly &first = lows.front();
    Anomaly d;
    d.subjectType = first.subjectType;
    d.subject = first.subject;
    d.upn = first.upn;
    d.eventTable = first.eventTable;
    d.severity = Severity::Low;
    d.timeMs = first.timeMs;
    d.detectedAtMs = first.detectedAtMs;
    d.runId = first.runId;
    d.baselineId = first.baselineId;
    d.kinds << kLowDigestKind;
    std::map<QString, int> perKind;
    double score = 0;
    qint64 endMs = first.timeMs;
    for (const Anomaly &a : lows) {
        for (const QString &k : a.kinds)
            if (!d.kinds.contains(k))
                d.kinds << k;
        ++perKind[a.kinds.value(0)];
        for (const QString &id : a.eventIds)
            if (!d.eventIds.contains(id))
                d.eventIds << id;
        score = std::max(score, a.score.value_or(0));
        endMs = std::max(endMs, a.endMs.value_or(a.timeMs));
        if (!d.modelId)
            d.modelId = a.modelId;
        // Each grouped anomaly stays readable as one reason: its sentence, and its own reasons' evidence.
        QJsonArray evidence;
        for (const Reason &r : a.reasons)
            evidence.append(QJsonObject{{QStringLiteral("detector"), r.detector}, {QStringLiteral("evidence"), r.evidence}});
        d.reasons.push_back(Reason{a.kinds.value(0), QStringLiteral("%1: %2").arg(formatUtcMs(a.timeMs), a.summary),
                                   QJsonObject{{QStringLiteral("time"), formatUtcMs(a.timeMs)},
                                               {QStringLiteral("kinds"), QJsonArray::fromStringList(a.kinds)},
                                               {QStringLiteral("event"), a.eventIds.value(0)},
                                               {QStringLiteral("reasons"), evidence}}});
    }
    d.score = score;
    d.endMs = endMs;
    QStringList counts;
    for (const auto &[kind, n] : perKind)
        counts << QStringLiteral("%1 %2").arg(kind).arg(n);
    d.summary = QStringLiteral("%1 low findings for %2 on %3: %4")
                    .arg(lows.size())
                    .arg(d.subject, formatUtcMs(first.timeMs).left(10), counts.join(QStringLiteral(", ")));
    d.id = anomalyId(kLowDigestKind, d.subject, {first.eventIds.value(0)}, first.eventIds.isEmpty() ? first.timeMs : 0);
    return d;
}

} // namespace

std::vector<Anomaly> groupLowsIntoDigests(std::vector<Anomaly> anomalies)
{
    std::vector<Anomaly> out;
    out.reserve(anomalies.size());
    QHash<QString, size_t> groupOf;
    std::vector<std::vector<Anomaly>> groups;
    for (Anomaly &a : anomalies) {
        if (a.severity != Severity::Low || a.subjectType != QLatin1String("user") || a.kinds.value(0) == kLowDigestKind) {
            out.push_back(std::move(a));
            continue;
        }
        const QString key = a.subject + QLatin1Char('|') + QString::number(baseline::dayOf(a.timeMs));
        auto it = groupOf.find(key);
        if (it == groupOf.end()) {
            it = groupOf.insert(key, groups.size());
            groups.emplace_back();
        }
        groups[*it].push_back(std::move(a));
    }
    for (std::vector<Anomaly> &group : groups) {
        if (group.size() == 1)
            out.push_back(std::move(group.front()));
        else
            out.push_back(digestOf(group));
    }
    return out;
}

} // namespace backsight::detect
