#include "sigma/rule_evaluator.h"

#include "sigma/value_matcher.h"

namespace backsight::sigma {
namespace {

struct SelectionResult
{
    bool evaluated = false;
    bool value = false;
    std::vector<MatchedField> matched;
};

bool matchField(const FieldCondition &fc, const EventFields &event, std::vector<MatchedField> &matched)
{
    bool present = false;
    const QStringList values = event.lookup(fc.field, &present);
    QString hit;
    if (fc.all) {
        for (const ValuePattern &p : fc.values) {
            if (!matchValue(p, present, values, &hit))
                return false;
            matched.push_back({fc.field, hit});
        }
        return true;
    }
    for (const ValuePattern &p : fc.values) {
        if (matchValue(p, present, values, &hit)) {
            matched.push_back({fc.field, hit.isNull() ? p.text : hit});
            return true;
        }
    }
    return false;
}

bool matchSelection(const Selection &s, const EventFields &event, std::vector<MatchedField> &matched)
{
    if (!s.keywords.empty()) {
        QString hit;
        bool any = false;
        for (const ValuePattern &k : s.keywords) {
            const bool m = matchValue(k, true, event.allValues(), &hit);
            if (m)
                matched.push_back({QStringLiteral("keywords"), hit});
            if (s.keywordsAll && !m)
                return false;
            any = any || m;
        }
        return any;
    }
    for (const std::vector<FieldCondition> &alternative : s.alternatives) {
        std::vector<MatchedField> fields;
        if (std::all_of(alternative.begin(), alternative.end(),
                        [&](const FieldCondition &fc) { return matchField(fc, event, fields); })) {
            matched.insert(matched.end(), fields.begin(), fields.end());
            return true;
        }
    }
    return false;
}

class Evaluator
{
public:
    Evaluator(const Rule &rule, const EventFields &event) : rule_(rule), event_(event), results_(rule.selections.size()) {}

    bool eval(const ConditionNode &node, bool negated, std::vector<MatchedField> &matched)
    {
        switch (node.type) {
        case ConditionNode::Type::And:
            return std::all_of(node.children.begin(), node.children.end(),
                               [&](const auto &c) { return eval(*c, negated, matched); });
        case ConditionNode::Type::Or: {
            bool any = false;
            for (const auto &c : node.children)
                any = eval(*c, negated, matched) || any; // every true branch contributes its fields
            return any;
        }
        case ConditionNode::Type::Not:
            return !eval(*node.children.front(), !negated, matched);
        case ConditionNode::Type::Selection:
            return selection(index(node.name), negated, matched);
        case ConditionNode::Type::OneOf:
        case ConditionNode::Type::AllOf: {
            const bool all = node.type == ConditionNode::Type::AllOf;
            const QRegularExpression re(node.name == QLatin1String("them") ? QStringLiteral(".*") : wildcardToRegex(node.name));
            bool result = all;
            for (size_t i = 0; i < rule_.selections.size(); ++i) {
                if (!re.match(rule_.selections[i].name).hasMatch())
                    continue;
                const bool v = selection(i, negated, matched);
                result = all ? result && v : result || v;
            }
            return result;
        }
        }
        return false;
    }

private:
    size_t index(const QString &name) const
    {
        for (size_t i = 0; i < rule_.selections.size(); ++i)
            if (rule_.selections[i].name == name)
                return i;
        return 0; // the parser rejected unknown names
    }

    bool selection(size_t i, bool negated, std::vector<MatchedField> &matched)
    {
        SelectionResult &r = results_[i];
        if (!r.evaluated) {
            r.value = matchSelection(rule_.selections[i], event_, r.matched);
            r.evaluated = true;
        }
        if (r.value && !negated)
            for (const MatchedField &m : r.matched)
                if (std::none_of(matched.begin(), matched.end(),
                                 [&](const MatchedField &x) { return x.field == m.field && x.value == m.value; }))
                    matched.push_back(m);
        return r.value;
    }

    const Rule &rule_;
    const EventFields &event_;
    std::vector<SelectionResult> results_;
};

} // namespace

bool matchesEvent(const Rule &rule, const EventFields &event, std::vector<MatchedField> &matched)
{
    Evaluator evaluator(rule, event);
    for (const auto &condition : rule.conditions) {
        std::vector<MatchedField> fields;
        if (evaluator.eval(*condition, false, fields)) {
            matched = std::move(fields);
            return true;
        }
    }
    return false;
}

} // namespace backsight::sigma
