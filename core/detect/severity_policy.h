#pragma once

#include "detect/finding.h"

#include <QHash>
#include <QJsonArray>

namespace backsight::detect {

// How a finding kind becomes a severity. One table (SeverityPolicy::defaults, docs/detections.md).
struct SeverityRule
{
    QString kind;
    Severity onSuccess = Severity::Low;   // the flagged sign-in (or the pattern's outcome) succeeded
    Severity onFailure = Severity::Low;   // it failed
    double raiseAtScore = 2.0;            // a score at or above this raises one level (2 = never)
    bool baselineRelative = true;         // capped at low while the user's baseline is learning
    bool privilegedRaises = false;        // one level more for privileged users (at most high)
    bool nonInteractiveLowers = true;     // token refreshes weigh one level less
    QString meaning;                      // for the docs and the settings
};

class SeverityPolicy
{
public:
    static SeverityPolicy defaults();

    const SeverityRule &rule(const QString &kind) const;
    // The severity of one finding on its own.
    Severity severityOf(const Finding &finding) const;
    // Turns findings into anomalies: findings on the same subject and primary event become one anomaly with all
    // their kinds and reasons; two or more findings of at least medium on one event, or another anomaly of at least
    // medium with a different kind for the same user within the hour, raise it one level.
    std::vector<Anomaly> apply(const std::vector<Finding> &findings, qint64 detectedAtMs, qint64 runId) const;
    QJsonArray toJson() const;
    const std::vector<SeverityRule> &rules() const { return rules_; }

private:
    std::vector<SeverityRule> rules_;
    QHash<QString, size_t> index_;
    SeverityRule fallback_;
};

Severity raised(Severity s, int levels = 1);

} // namespace backsight::detect
