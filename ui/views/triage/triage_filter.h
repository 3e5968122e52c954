#pragma once

#include "model/anomaly_selection.h"

#include <QString>

namespace backsight::ui {

// What the triage queue is narrowed to (core's anomaly selection), and how the filter bar says it.
struct TriageFilter : AnomalySelection
{
    bool operator==(const TriageFilter &) const = default;
    bool isEmpty() const { return *this == TriageFilter(); }
    // "High, user x, 1 Nov – 3 Nov" for the filter bar.
    QString describe() const;
};

} // namespace backsight::ui
