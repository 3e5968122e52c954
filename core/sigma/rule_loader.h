#pragma once

#include "model/result.h"
#include "sigma/sigma_rule.h"

#include <functional>

namespace backsight::sigma {

// What a rules folder gave: every rule document found, each loaded or with the reason it is skipped.
struct RuleSet
{
    std::vector<std::shared_ptr<Rule>> rules;  // including skipped ones (skipReason set)
    int files = 0;
};

// Reads every *.yml / *.yaml under `folder` (recursively, several documents per file allowed). A file or
// rule that cannot be used is kept with its reason, never an error; only a missing folder is.
Result<RuleSet> loadRuleFolder(const QString &folder);
// One YAML text (tests, and the files above). `file` names it in reasons.
std::vector<std::shared_ptr<Rule>> loadRuleText(const QByteArray &yaml, const QString &file);
// Checks correlation rules against the detection rules they name; skips those that refer to nothing loaded.
void resolveCorrelations(std::vector<std::shared_ptr<Rule>> &rules);

// The status row of a rule before it runs.
RuleStatus statusOf(const Rule &rule);

} // namespace backsight::sigma
