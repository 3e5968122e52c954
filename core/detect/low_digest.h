#pragma once

#include "detect/finding.h"

#include <vector>

namespace backsight::detect {

// The kind of a digest anomaly: a user's low findings of one UTC day, grouped.
inline const QString kLowDigestKind = QStringLiteral("low_digest");

// Groups each user's low anomalies of one UTC day into one digest anomaly (kind low_digest, severity low) whose
// reasons are the grouped anomalies' sentences and whose events are all of theirs, so triage sees one row per user and
// day instead of hundreds. A lone low anomaly stays as it is; medium and higher are never grouped. The digest's id
// rests on its first event, so re-running the same data gives the same digest.
std::vector<Anomaly> groupLowsIntoDigests(std::vector<Anomaly> anomalies);

} // namespace backsight::detect
