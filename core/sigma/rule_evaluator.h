#pragma once

#include "sigma/field_mapping.h"
#include "sigma/sigma_rule.h"

namespace backsight::sigma {

struct MatchedField
{
    QString field;   // as the rule names it ("keywords" for a keyword)
    QString value;   // the event's value that matched
};

// True when the rule's detection matches the event (any of its conditions). `matched` gets the fields of the
// selections that matched outside a `not`.
bool matchesEvent(const Rule &rule, const EventFields &event, std::vector<MatchedField> &matched);

} // namespace backsight::sigma
