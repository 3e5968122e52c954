#pragma once

#include "detect/detector.h"
#include "model/result.h"

namespace backsight {
class Database;
}

namespace backsight::detect {

// Distributed password sprays (DistributedSprayDetector) around the credential failures among sign-in rows
// (from, to]: the tenant's failures in the window before, each judged foreign or not against its user's own
// sign-ins, and the sprayed users' successes from new addresses after.
Status detectDistributedSprays(Database &db, const DetectionParameters &params, qint64 fromRowId, qint64 toRowId,
                               int activeUsers, std::vector<Finding> &out);

// Consent grants (ConsentDetector) and privileged persistence (PrivilegedPersistenceDetector) among audit rows
// (from, to]. Run after the sign-in anomalies are stored: persistence looks at the anomalies of the actor's session.
Status detectIdentityAudits(Database &db, const DetectionParameters &params, qint64 fromRowId, qint64 toRowId,
                            std::vector<Finding> &out);

} // namespace backsight::detect
