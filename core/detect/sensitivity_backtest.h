#pragma once

#include "detect/pipeline.h"
#include "model/result.h"

#include <array>

namespace backsight::detect {

// What one sensitivity setting would have raised over the whole case.
struct SensitivityCounts
{
    int sensitivity = kDefaultSensitivity;
    std::array<qint64, 4> bySeverity{}; // low, medium, high, critical (lows after the per-user/day digest)
    qint64 lowFindingsInDigests = 0;    // low anomalies folded into those digests
    qint64 mediumOrHigher() const { return bySeverity[1] + bySeverity[2] + bySeverity[3]; }
    qint64 total() const { return bySeverity[0] + mediumOrHigher(); }
};

struct SensitivityBacktest
{
    std::vector<SensitivityCounts> settings; // 1..5 in order
    qint64 signInsExamined = 0, auditsExamined = 0, findings = 0;
    qint64 elapsedMs = 0;
};

// Examines every event of the case once (a dry run: the case is left as it was), then applies the severity policy
// at each sensitivity 1..5 to the same findings. Audit findings are judged against the sign-in anomalies of the
// setting in `options.policy` (they depend on which sign-ins were medium or higher), so their counts are that
// setting's at every row. `options.progress` sees 0..1 and may cancel (then the error says so).
Result<SensitivityBacktest> backtestSensitivity(Database &db, DetectOptions options);

} // namespace backsight::detect
