#pragma once

#include <QImage>
#include <QSize>

namespace backsight::report {

struct IncidentSection;

// The user's sign-ins around the incident: time across, hour of day (UTC) down; failures as crosses,
// the anomaly's own events in red, the incident time as a red line. `size` in pixels (drawn at 2x).
QImage renderTimeline(const IncidentSection &section, QSize size = QSize(1800, 560));

// Where the user signed in around the incident, legs between places more than 50 km apart; the legs
// that touch the anomaly's events in red with their speed. Equirectangular world, 60 S to 80 N.
QImage renderTravelMap(const IncidentSection &section, QSize size = QSize(1800, 760));

} // namespace backsight::report
