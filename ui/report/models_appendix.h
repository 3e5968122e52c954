#pragma once

#include "report/incident_report.h"

#include <QString>

namespace backsight::report {

// Appendix C: the models the report's anomalies cite (version, training window, threshold, parameters), the active
// models of the case, and every detection run with its parameters.
QString modelsAppendixHtml(const IncidentReport &report);

} // namespace backsight::report
