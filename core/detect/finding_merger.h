#pragma once

#include "detect/detector.h"

#include <QHash>

namespace backsight::detect {

// Findings that describe the same thing on the same UTC day (the same new country, the same burst) are one
// finding with several events: later events are appended to the first. Detectors share this bookkeeping.
class FindingMerger
{
public:
    void reset() { open_.clear(); }
    // True when `key` already has a finding in `out`; then the event was appended to it.
    bool appendTo(const QString &key, const UserContext &context, std::vector<Finding> &out);
    void remember(const QString &key, std::vector<Finding> &out) { open_.insert(key, out.size() - 1); }

private:
    QHash<QString, size_t> open_;
};

} // namespace backsight::detect
