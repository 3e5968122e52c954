#include "eval/pr_auc.h"

#include <algorithm>

namespace backsight::eval {

std::optional<double> precisionRecallAuc(std::vector<ScoredEvent> events, qint64 unscoredPositives,
                                         qint64 unscoredNegatives)
{
    qint64 positives = unscoredPositives;
    for (const ScoredEvent &e : events)
        positives += e.positive ? 1 : 0;
    if (positives == 0)
        return std::nullopt;
    std::sort(events.begin(), events.end(), [](const ScoredEvent &a, const ScoredEvent &b) { return a.score > b.score; });
    double ap = 0;
    qint64 tp = 0, fp = 0, previousTp = 0;
    auto threshold = [&] {
        if (tp > previousTp)
            ap += double(tp - previousTp) / double(positives) * double(tp) / double(tp + fp);
        previousTp = tp;
    };
    for (size_t i = 0; i < events.size(); ++i) {
        (events[i].positive ? tp : fp) += 1;
        if (i + 1 == events.size() || events[i + 1].score != events[i].score)
            threshold();
    }
    tp += unscoredPositives;
    fp += unscoredNegatives;
    threshold();
    return ap;
}

} // namespace backsight::eval
