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
    double lowerBelowScore = -1.0;        // a score below this lowers one level (-1 = never)
    bool baselineRelative = true;         // capped while the user's baseline is learning (at learningCap)
    bool privilegedRaises = false;        // one level more for privileged users (at most high)
    bool nonInteractiveLowers = true;     // token refreshes weigh one level less
    QString meaning;                      // for the docs and the settings
    bool context = false;                 // a weak, contextual finding: two of these alone do not raise each other
    Severity learningCap = Severity::Low; // the most a baseline-relative finding gets while the user is learning
};

// The analyst's one sensitivity setting, 1 (fewest alerts) .. 5 (most); 3 is the table as documented. It moves only
// what the table leaves to judgement, and never the other way: a higher setting never gives a finding a lower severity.
//   1: baseline-relative findings one level lower, contextual ones capped at low;
//   2: contextual findings (new place, hour, app, model score) capped at low;
//   3: the table;
//   4: a contextual finding of a user past learning, from a device not the user's own, with a score of 0.6 or more, is
//      at least medium;
//   5: as 4, and every low finding of a user past learning is medium (the user's own device included).
constexpr int kMinSensitivity = 1, kDefaultSensitivity = 3, kMaxSensitivity = 5;
std::optional<int> parseSensitivity(const QString &text); // "1".."5", "low" (2), "default" (3), "high" (4)
QString sensitivityName(int sensitivity);                 // "1 (fewest alerts)" .. "5 (most alerts)"

class SeverityPolicy
{
public:
    static SeverityPolicy defaults();
    SeverityPolicy withSensitivity(int sensitivity) const; // clamped to 1..5
    int sensitivity() const { return sensitivity_; }

    const SeverityRule &rule(const QString &kind) const;
    // The severity of one finding on its own.
    Severity severityOf(const Finding &finding) const;
    // Turns findings into anomalies: findings on the same subject and primary event become one anomaly with all
    // their kinds and reasons; two or more findings of at least medium on one event (not all of them contextual:
    // new place, unusual time), or another such anomaly of the same user within the hour, raise it one level; two
    // low findings of different kinds on one event (user not learning, device not the user's own) make a medium.
    // Contextual findings on the user's own known device are capped at low.
    std::vector<Anomaly> apply(const std::vector<Finding> &findings, qint64 detectedAtMs, qint64 runId) const;
    QJsonArray toJson() const;
    const std::vector<SeverityRule> &rules() const { return rules_; }

private:
    void foldIntoSprays(std::vector<Anomaly> &anomalies) const;

    Severity sensitivityAdjusted(Severity s, const SeverityRule &rule, const Finding &finding) const;

    std::vector<SeverityRule> rules_;
    int sensitivity_ = kDefaultSensitivity;
    QHash<QString, size_t> index_;
    SeverityRule fallback_;
};

Severity raised(Severity s, int levels = 1);

} // namespace backsight::detect
