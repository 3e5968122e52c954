#pragma once

#include <QtGlobal>
#include <optional>
#include <vector>

namespace backsight::eval {

struct ScoredEvent
{
    double score = 0;
    bool positive = false;
};

// Area under the precision-recall curve as average precision: the sum over score thresholds of
// (recall gained) x (precision at that threshold). Equal scores form one threshold (as in
// scikit-learn's average_precision_score), so the order of ties never changes the result.
// `unscoredPositives` / `unscoredNegatives` are events no detector scored: one last threshold below
// every score. Empty when there is no positive at all.
std::optional<double> precisionRecallAuc(std::vector<ScoredEvent> events, qint64 unscoredPositives = 0,
                                         qint64 unscoredNegatives = 0);

} // namespace backsight::eval
