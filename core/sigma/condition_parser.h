#pragma once

#include "model/result.h"
#include "sigma/sigma_rule.h"

namespace backsight::sigma {

struct ParsedCondition
{
    std::shared_ptr<ConditionNode> root;
    std::optional<Aggregation> aggregation; // `| count(...) by ... > N` (needs the rule's timeframe)
};

// Parses a Sigma condition: selection names, `and`, `or`, `not` (not > and > or), parentheses, `1 of X` /
// `all of X` where X is a name, a name with * wildcards or `them`, and the legacy `| count([field]) [by field]
// op N` aggregation. `selections` are the rule's names: a reference to a missing one is an error.
Result<ParsedCondition> parseCondition(const QString &text, const QStringList &selections);

} // namespace backsight::sigma
