#include "detect/stories.h"

#include "model/time_format.h"

#include <QHash>
#include <QJsonArray>
#include <algorithm>
#include <numeric>

namespace backsight::detect {
namespace {

const QString kThen = QStringLiteral(" → then ");
constexpr int kStepsInSummary = 4;

bool takesPart(const Anomaly &a)
{
    return a.subjectType == QLatin1String("user") && !a.subject.isEmpty() && int(a.severity) >= int(Severity::Medium);
}

// The side rule (stories.h): audit-side anomalies may follow anything, sign-in anomalies only sign-in ones.
bool mayFollow(const Anomaly &head, const Anomaly &next)
{
    return isAuditSide(next) || !isAuditSide(head);
}

bool before(const Anomaly &a, const Anomaly &b)
{
    return a.timeMs != b.timeMs ? a.timeMs < b.timeMs : a.id < b.id;
}

} // namespace

bool isAuditSide(const Anomaly &a)
{
    return a.eventTable == QLatin1String("audits");
}

bool continuesStory(const Anomaly &head, const Anomaly &next, const StoryWindow &window)
{
    return takesPart(head) && takesPart(next) && head.subject == next.subject && head.id != next.id
           && mayFollow(head, next) && next.timeMs >= head.timeMs
           && next.timeMs - head.timeMs <= window.spanMs;
}

bool absorbIntoStory(Anomaly &head, const Anomaly &next)
{
    const QString step = next.eventIds.value(0, next.id);
    for (const Reason &r : head.reasons)
        if (r.detector == kStoryStepDetector && r.evidence.value(QStringLiteral("event")).toString() == step)
            return false; // already part of this story
    const Severity before = head.severity;
    for (const QString &k : next.kinds)
        if (!head.kinds.contains(k))
            head.kinds << k;
    for (const QString &id : next.eventIds)
        if (!head.eventIds.contains(id))
            head.eventIds << id;
    QJsonArray evidence;
    for (const Reason &r : next.reasons)
        evidence.append(QJsonObject{{QStringLiteral("detector"), r.detector}, {QStringLiteral("text"), r.text},
                                    {QStringLiteral("evidence"), r.evidence}});
    Reason stepReason{kStoryStepDetector,
                      QStringLiteral("then, %1: %2 (%3)").arg(formatUtcMs(next.timeMs), next.summary, severityName(next.severity)),
                      QJsonObject{{QStringLiteral("time"), formatUtcMs(next.timeMs)},
                                  {QStringLiteral("event"), step},
                                  {QStringLiteral("event_table"), next.eventTable},
                                  {QStringLiteral("kinds"), QJsonArray::fromStringList(next.kinds)},
                                  {QStringLiteral("severity"), severityName(next.severity)},
                                  {QStringLiteral("reasons"), evidence}}};
    // Steps stay in time order whichever was folded first (a sweep and day-by-day runs fold in different orders).
    const auto key = [](const Reason &r) {
        return std::pair(r.evidence.value(QStringLiteral("time")).toString(), r.evidence.value(QStringLiteral("event")).toString());
    };
    auto at = head.reasons.end();
    for (auto r = head.reasons.begin(); r != head.reasons.end(); ++r)
        if (r->detector == kStoryStepDetector && key(stepReason) < key(*r)) {
            at = r;
            break;
        }
    head.reasons.insert(at, std::move(stepReason));
    if (int(next.severity) > int(head.severity))
        head.severity = next.severity;
    if (next.score)
        head.score = std::max(head.score.value_or(0), *next.score);
    if (next.threatScore)
        head.threatScore = std::max(head.threatScore.value_or(0), *next.threatScore);
    const qint64 nextEnd = std::max(next.timeMs, next.endMs.value_or(next.timeMs));
    if (nextEnd > std::max(head.timeMs, head.endMs.value_or(head.timeMs)))
        head.endMs = nextEnd;
    // The summary names the first steps; the reasons have them all.
    QString summary = head.summary.section(kThen, 0, 0);
    int steps = 0;
    for (const Reason &r : head.reasons) {
        if (r.detector != kStoryStepDetector)
            continue;
        if (++steps <= kStepsInSummary)
            summary += kThen + QStringLiteral("%1 (%2)").arg(r.evidence.value(QStringLiteral("kinds")).toArray().first().toString(),
                                                             r.evidence.value(QStringLiteral("time")).toString());
    }
    if (steps > kStepsInSummary)
        summary += QStringLiteral(" and %1 more").arg(steps - kStepsInSummary);
    head.summary = summary;
    return int(head.severity) > int(before);
}

Result<FoldedStories> foldStories(std::vector<Anomaly> anomalies, const StoryWindow &window, const StoredStoryHead &storedHead)
{
    std::vector<size_t> order(anomalies.size());
    std::iota(order.begin(), order.end(), size_t(0));
    std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) {
        const Anomaly &a = anomalies[x], &b = anomalies[y];
        return a.subject != b.subject ? a.subject < b.subject : before(a, b);
    });
    FoldedStories out;
    std::vector<bool> folded(anomalies.size(), false);
    std::vector<bool> grew;       // per out.extended: took in a follow-on
    QHash<QString, size_t> loaded; // stored head id → its index in out.extended
    // A head is an index into `anomalies`, or (at and past its size) into out.extended.
    const auto head = [&](size_t h) -> Anomaly & {
        return h < anomalies.size() ? anomalies[h] : out.extended[h - anomalies.size()];
    };
    // user → their latest head of this batch, and their latest one that is not audit-side
    QHash<QString, size_t> latest, latestSignIn;
    for (size_t i : order) {
        Anomaly &a = anomalies[i];
        if (!takesPart(a))
            continue;
        std::optional<size_t> candidate;
        const QHash<QString, size_t> &heads = isAuditSide(a) ? latest : latestSignIn;
        if (const auto it = heads.constFind(a.subject); it != heads.cend())
            candidate = *it;
        if (storedHead) {
            Result<std::optional<Anomaly>> stored = storedHead(a, [&](const Anomaly &h) { return mayFollow(h, a); });
            if (!stored)
                return stored.error();
            if (*stored && (!candidate || before(head(*candidate), **stored))) {
                auto at = loaded.constFind((*stored)->id);
                if (at == loaded.cend()) {
                    out.extended.push_back(std::move(**stored));
                    grew.push_back(false);
                    out.severityRose.push_back(false);
                    at = loaded.insert(out.extended.back().id, out.extended.size() - 1);
                }
                candidate = anomalies.size() + *at;
            }
        }
        if (candidate && head(*candidate).status == QLatin1String("new") && continuesStory(head(*candidate), a, window)) {
            const bool rose = absorbIntoStory(head(*candidate), a);
            if (*candidate >= anomalies.size()) {
                grew[*candidate - anomalies.size()] = true;
                if (rose)
                    out.severityRose[*candidate - anomalies.size()] = true;
            }
            folded[i] = true;
            ++out.folded;
            continue;
        }
        latest.insert(a.subject, i);
        if (!isAuditSide(a))
            latestSignIn.insert(a.subject, i);
    }
    // Stored heads that took nothing in stay as they are.
    std::vector<Anomaly> extended;
    std::vector<bool> rose;
    for (size_t e = 0; e < out.extended.size(); ++e) {
        if (!grew[e])
            continue;
        extended.push_back(std::move(out.extended[e]));
        rose.push_back(out.severityRose[e]);
    }
    out.extended = std::move(extended);
    out.severityRose = std::move(rose);
    out.anomalies.reserve(anomalies.size());
    for (size_t i = 0; i < anomalies.size(); ++i)
        if (!folded[i])
            out.anomalies.push_back(std::move(anomalies[i]));
    return out;
}

} // namespace backsight::detect
