#include "eval/evaluation.h"

#include "eval/pr_auc.h"

#include <QHash>
#include <QSet>
#include <algorithm>

namespace backsight::eval {
namespace {

std::optional<qint64> median(std::vector<qint64> values)
{
    if (values.empty())
        return std::nullopt;
    std::sort(values.begin(), values.end());
    const size_t mid = values.size() / 2;
    return values.size() % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

// Attacks an anomaly points at: through one of their events, or their user inside their window.
class AttackIndex
{
public:
    explicit AttackIndex(const std::vector<AttackLabel> &labels) : labels_(labels)
    {
        for (int i = 0; i < int(labels.size()); ++i) {
            for (const QString &id : labels[size_t(i)].eventIds)
                byEvent_[id].append(i);
            for (const QString &upn : labels[size_t(i)].upns)
                byUser_[upn].append(i);
        }
    }

    QList<int> matches(const Anomaly &a) const
    {
        QList<int> found;
        for (const QString &id : a.eventIds.isEmpty() ? QStringList{a.eventId} : a.eventIds)
            for (int i : byEvent_.value(id))
                if (!found.contains(i))
                    found.append(i);
        for (int i : byUser_.value(a.upn.toLower())) {
            const AttackLabel &l = labels_[size_t(i)];
            if (a.timeMs >= l.startMs && a.timeMs <= l.endMs && !found.contains(i))
                found.append(i);
        }
        return found;
    }

    bool isAttackEvent(const QString &id) const { return byEvent_.contains(id); }
    qint64 attackEvents() const { return byEvent_.size(); }

private:
    const std::vector<AttackLabel> &labels_;
    QHash<QString, QList<int>> byEvent_, byUser_;
};

std::optional<double> eventPrAuc(const std::vector<Anomaly> &anomalies, const AttackIndex &index, qint64 events)
{
    QHash<QString, double> best; // an event's score is the highest any anomaly gives it
    for (const Anomaly &a : anomalies) {
        if (!a.score)
            continue;
        for (const QString &id : a.eventIds.isEmpty() ? QStringList{a.eventId} : a.eventIds)
            if (!id.isEmpty())
                best[id] = std::max(best.value(id, -1.0), *a.score);
    }
    if (best.isEmpty())
        return std::nullopt;
    std::vector<ScoredEvent> scored;
    qint64 scoredPositives = 0;
    for (auto it = best.cbegin(); it != best.cend(); ++it) {
        const bool positive = index.isAttackEvent(it.key());
        scoredPositives += positive;
        scored.push_back({it.value(), positive});
    }
    const qint64 unscoredPositives = std::max<qint64>(0, index.attackEvents() - scoredPositives);
    const qint64 unscoredNegatives = std::max<qint64>(0, events - qint64(scored.size()) - unscoredPositives);
    return precisionRecallAuc(std::move(scored), unscoredPositives, unscoredNegatives);
}

} // namespace

int severityRank(const QString &severity)
{
    static const QStringList names = {QStringLiteral("low"), QStringLiteral("medium"), QStringLiteral("high"),
                                      QStringLiteral("critical")};
    const int named = int(names.indexOf(severity.trimmed().toLower()));
    if (named >= 0)
        return named + 1;
    bool ok = false;
    const int n = severity.toInt(&ok);
    return ok && n >= 1 && n <= 4 ? n : 0;
}

EvaluationReport evaluate(const std::vector<AttackLabel> &labels, const std::vector<Anomaly> &anomalies,
                          const EventUniverse &universe)
{
    EvaluationReport report;
    const AttackIndex index(labels);
    std::vector<std::optional<qint64>> firstHit(labels.size());
    for (const Anomaly &a : anomalies) {
        ++report.anomalies;
        const QList<int> hits = index.matches(a);
        if (a.severity >= 3 && hits.isEmpty())
            ++report.falseHighCritical;
        if (a.severity < 2)
            continue;
        ++report.anomaliesMediumUp;
        report.truePositives += hits.isEmpty() ? 0 : 1;
        for (int i : hits) {
            auto &first = firstHit[size_t(i)];
            first = std::min(first.value_or(a.timeMs), a.timeMs);
        }
    }
    std::vector<qint64> allDelays;
    QStringList kinds;
    for (const AttackLabel &l : labels) {
        if (!kinds.contains(l.kind))
            kinds.append(l.kind);
    }
    kinds.sort();
    for (const QString &kind : kinds) {
        KindResult k;
        k.kind = kind;
        std::vector<qint64> delays;
        for (size_t i = 0; i < labels.size(); ++i) {
            if (labels[i].kind != kind)
                continue;
            ++k.attacks;
            if (firstHit[i]) {
                ++k.detected;
                delays.push_back(std::max<qint64>(0, *firstHit[i] - labels[i].startMs));
            }
        }
        k.recall = k.attacks ? double(k.detected) / k.attacks : 0;
        k.medianTimeToDetectMs = median(delays);
        allDelays.insert(allDelays.end(), delays.begin(), delays.end());
        report.attacks += k.attacks;
        report.detected += k.detected;
        report.kinds.push_back(k);
    }
    report.recall = report.attacks ? double(report.detected) / report.attacks : 0;
    report.medianTimeToDetectMs = median(allDelays);
    if (report.anomaliesMediumUp > 0)
        report.precision = double(report.truePositives) / double(report.anomaliesMediumUp);
    report.userDays = universe.userDays;
    report.falseHighCriticalPer1000UserDays = universe.userDays > 0 ? report.falseHighCritical * 1000.0 / universe.userDays : 0;
    report.prAuc = eventPrAuc(anomalies, index, universe.events);
    if (anomalies.empty())
        report.note = QStringLiteral("no detections in this database yet (run detection first)");
    return report;
}

} // namespace backsight::eval
