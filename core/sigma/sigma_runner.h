#pragma once

#include "detect/finding.h"
#include "model/result.h"
#include "sigma/rule_loader.h"

#include <functional>

namespace backsight {
class Database;
}

namespace backsight::sigma {

struct SigmaRunReport
{
    std::vector<RuleStatus> rules;          // one per rule document, in folder order
    qint64 eventsExamined = 0;
    qint64 anomaliesFound = 0;              // matches (single events and correlated windows)
    qint64 anomaliesAdded = 0;              // new rows; re-running the same rules adds none
    std::vector<detect::Anomaly> anomalies; // what was found (stored or not)
};

// `done` events of `total` examined; return false to cancel (the run then stores nothing).
using SigmaProgress = std::function<bool(qint64 done, qint64 total)>;

// Runs the loaded rules over every sign-in and audit event of the case. Each match becomes an anomaly of kind
// "sigma" (rule id, title, description, level → severity, ATT&CK tags, the matched fields as reasons), stored
// through detect::insertAnomalies in one transaction when `store` is set; the ids are stable, so running the
// same rules again adds nothing.
Result<SigmaRunReport> runSigmaRules(Database &db, const RuleSet &rules, bool store, qint64 nowMs,
                                     const SigmaProgress &progress = {});

// Loads `folder` and runs it, storing the anomalies (the `detect` hook). A missing folder is an error.
Status runRulesFolder(Database &db, const QString &folder, qint64 nowMs, qint64 &matches, qint64 &added);

// Level → severity: informational and low → low, medium, high, critical.
detect::Severity severityForLevel(const QString &level);

} // namespace backsight::sigma
