#pragma once

#include "baseline/day_aggregate.h"
#include "detect/pipeline.h"
#include "model/result.h"

#include <QString>
#include <map>
#include <vector>

namespace backsight {
class DetectionQueries;
class DetectionRunRepository;
}

// Internal to the detection pipeline (pipeline.cpp, baseline_computation.cpp): the tenant-wide scans of a run and
// storing a user's day aggregates. The reads are asked of core/store (DetectionQueries).
namespace backsight::detect::detail {

Status storeDays(DetectionRunRepository &runs, const QString &upn, const std::map<qint64, baseline::DayAggregate> &days);

// Password sprays: every source address (and /24) with a new credential failure, judged over its sign-ins around them.
Status detectSprays(DetectionQueries &queries, const DetectOptions &o, qint64 fromRowId, qint64 toRowId, int activeUsers,
                    std::vector<Finding> &out);
// Privileged audit actions by users with an anomaly shortly before.
Status detectPrivilegedAudits(DetectionQueries &queries, const DetectOptions &o, qint64 fromRowId, qint64 toRowId,
                              std::vector<Finding> &out, qint64 &examined);

} // namespace backsight::detect::detail
