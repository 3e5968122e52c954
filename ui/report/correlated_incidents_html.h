#pragma once

#include "model/incident.h"

#include <QString>
#include <vector>

namespace backsight::report {

// The incident report's "Identity ↔ backup incidents" part: one section per correlated incident
// (core/detect/incidents.h) with its identity and backup parts, their times and the gap between them. Empty
// when there are none.
QString correlatedIncidentsHtml(const std::vector<Incident> &incidents);

} // namespace backsight::report
