#include "sigma/condition_parser.h"

#include "sigma/value_matcher.h"

namespace backsight::sigma {
namespace {

QStringList tokenize(const QString &text)
{
    QStringList tokens;
    QString current;
    const auto flush = [&] {
        if (!current.isEmpty())
            tokens << current;
        current.clear();
    };
    for (const QChar c : text) {
        if (c.isSpace()) {
            flush();
        } else if (c == QLatin1Char('(') || c == QLatin1Char(')')) {
            flush();
            tokens << QString(c);
        } else {
            current += c;
        }
    }
    flush();
    return tokens;
}

class Parser
{
public:
    Parser(QStringList tokens, const QStringList &selections) : tokens_(std::move(tokens)), selections_(selections) {}

    Result<std::shared_ptr<ConditionNode>> parse()
    {
        auto node = parseOr();
        if (!node)
            return node.error();
        if (pos_ < tokens_.size())
            return Error::badInput(QStringLiteral("unexpected '%1' in the condition").arg(tokens_[pos_]));
        return std::shared_ptr<ConditionNode>(std::move(*node));
    }

private:
    using Node = std::unique_ptr<ConditionNode>;

    bool accept(const char *word)
    {
        if (pos_ < tokens_.size() && tokens_[pos_].compare(QLatin1String(word), Qt::CaseInsensitive) == 0) {
            ++pos_;
            return true;
        }
        return false;
    }

    Result<Node> binary(ConditionNode::Type type, const char *word, Result<Node> (Parser::*next)())
    {
        auto first = (this->*next)();
        if (!first)
            return first;
        std::vector<Node> parts;
        parts.push_back(std::move(*first));
        while (accept(word)) {
            auto more = (this->*next)();
            if (!more)
                return more;
            parts.push_back(std::move(*more));
        }
        if (parts.size() == 1)
            return std::move(parts.front());
        auto node = std::make_unique<ConditionNode>();
        node->type = type;
        node->children = std::move(parts);
        return node;
    }

    Result<Node> parseOr() { return binary(ConditionNode::Type::Or, "or", &Parser::parseAnd); }
    Result<Node> parseAnd() { return binary(ConditionNode::Type::And, "and", &Parser::parseNot); }

    Result<Node> parseNot()
    {
        if (accept("not")) {
            auto inner = parseNot();
            if (!inner)
                return inner;
            auto node = std::make_unique<ConditionNode>();
            node->type = ConditionNode::Type::Not;
            node->children.push_back(std::move(*inner));
            return node;
        }
        return parsePrimary();
    }

    Result<Node> parseQuantified(ConditionNode::Type type)
    {
        if (!accept("of") || pos_ >= tokens_.size())
            return Error::badInput(QStringLiteral("'1 of' / 'all of' needs a selection name, a pattern or 'them'"));
        const QString target = tokens_[pos_++];
        if (target.compare(QLatin1String("them"), Qt::CaseInsensitive) != 0) {
            const QRegularExpression re(wildcardToRegex(target));
            if (std::none_of(selections_.begin(), selections_.end(), [&](const QString &s) { return re.match(s).hasMatch(); }))
                return Error::badInput(QStringLiteral("no selection matches '%1' in the condition").arg(target));
        }
        auto node = std::make_unique<ConditionNode>();
        node->type = type;
        node->name = target.compare(QLatin1String("them"), Qt::CaseInsensitive) == 0 ? QStringLiteral("them") : target;
        return node;
    }

    Result<Node> parsePrimary()
    {
        if (pos_ >= tokens_.size())
            return Error::badInput(QStringLiteral("the condition ends too early"));
        if (accept("(")) {
            auto inner = parseOr();
            if (!inner)
                return inner;
            if (!accept(")"))
                return Error::badInput(QStringLiteral("a '(' in the condition is not closed"));
            return inner;
        }
        if (accept("1"))
            return parseQuantified(ConditionNode::Type::OneOf);
        if (accept("all"))
            return parseQuantified(ConditionNode::Type::AllOf);
        const QString name = tokens_[pos_];
        if (name == QLatin1String(")") || name == QLatin1String("|"))
            return Error::badInput(QStringLiteral("unexpected '%1' in the condition").arg(name));
        if (!selections_.contains(name))
            return Error::badInput(QStringLiteral("the condition names '%1', which the detection does not define").arg(name));
        ++pos_;
        auto node = std::make_unique<ConditionNode>();
        node->name = name;
        return node;
    }

    QStringList tokens_;
    const QStringList &selections_;
    qsizetype pos_ = 0;
};

// `count() > 5`, `count(field) by other >= 3`.
Result<Aggregation> parseAggregation(const QString &text)
{
    static const QRegularExpression re(
        QStringLiteral(R"(^\s*count\(\s*([\w.\-]*)\s*\)\s*(?:by\s+([\w.\-]+)\s*)?(>=|<=|>|<|==|=|!=)\s*(\d+(?:\.\d+)?)\s*$)"),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch())
        return Error::badInput(QStringLiteral("the aggregation '| %1' is not supported (only count([field]) [by field] "
                                              "op N; write other aggregations as a correlation rule)")
                                   .arg(text.trimmed()));
    Aggregation a;
    a.type = m.captured(1).isEmpty() ? Aggregation::Type::EventCount : Aggregation::Type::ValueCount;
    a.field = m.captured(1);
    if (!m.captured(2).isEmpty())
        a.groupBy << m.captured(2);
    const QString op = m.captured(3);
    a.op = op == QLatin1String(">") ? QStringLiteral("gt") : op == QLatin1String(">=") ? QStringLiteral("gte")
         : op == QLatin1String("<") ? QStringLiteral("lt") : op == QLatin1String("<=") ? QStringLiteral("lte")
         : op == QLatin1String("!=") ? QStringLiteral("neq") : QStringLiteral("eq");
    a.threshold = m.captured(4).toDouble();
    return a;
}

} // namespace

Result<ParsedCondition> parseCondition(const QString &text, const QStringList &selections)
{
    ParsedCondition out;
    const qsizetype pipe = text.indexOf(QLatin1Char('|'));
    if (pipe >= 0) {
        Result<Aggregation> a = parseAggregation(text.mid(pipe + 1));
        if (!a)
            return a.error();
        out.aggregation = *a;
    }
    const QStringList tokens = tokenize(pipe >= 0 ? text.left(pipe) : text);
    if (tokens.isEmpty())
        return Error::badInput(QStringLiteral("the condition is empty"));
    Result<std::shared_ptr<ConditionNode>> root = Parser(tokens, selections).parse();
    if (!root)
        return root.error();
    out.root = *root;
    return out;
}

} // namespace backsight::sigma
