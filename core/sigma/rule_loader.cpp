#include "sigma/rule_loader.h"

#include "sigma/condition_parser.h"
#include "sigma/value_matcher.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <yaml-cpp/yaml.h>

namespace backsight::sigma {
namespace {

QString text(const YAML::Node &node)
{
    return node && node.IsScalar() ? QString::fromStdString(node.Scalar()) : QString();
}

QStringList textList(const YAML::Node &node)
{
    QStringList out;
    if (node && node.IsSequence())
        for (const YAML::Node &item : node)
            out << text(item);
    else if (node && node.IsScalar())
        out << text(node);
    return out;
}

Result<std::vector<FieldCondition>> parseMap(const YAML::Node &map, const QString &selection)
{
    std::vector<FieldCondition> out;
    for (const auto &entry : map) {
        QStringList parts = QString::fromStdString(entry.first.as<std::string>()).split(QLatin1Char('|'));
        const QString field = parts.takeFirst();
        if (field.isEmpty())
            return Error::badInput(QStringLiteral("keyword modifiers in selection '%1' are not supported").arg(selection));
        QList<std::optional<QString>> values;
        const YAML::Node &v = entry.second;
        const auto addValue = [&](const YAML::Node &n) -> bool {
            if (!n || n.IsNull())
                values << std::nullopt;
            else if (n.IsScalar())
                values << text(n);
            else
                return false;
            return true;
        };
        bool ok = true;
        if (v.IsSequence()) {
            for (const YAML::Node &n : v)
                ok = ok && addValue(n);
            if (v.size() == 0)
                return Error::badInput(QStringLiteral("%1 in selection '%2' has an empty list").arg(field, selection));
        } else {
            ok = addValue(v);
        }
        if (!ok)
            return Error::badInput(QStringLiteral("%1 in selection '%2' has a nested map, which Sigma does not define")
                                       .arg(field, selection));
        Result<FieldCondition> fc = buildFieldCondition(field, parts, values);
        if (!fc)
            return Error::badInput(fc.error().message + QStringLiteral(" (selection '%1')").arg(selection));
        out.push_back(std::move(*fc));
    }
    return out;
}

Result<Selection> parseSelection(const QString &name, const YAML::Node &node)
{
    Selection s;
    s.name = name;
    if (node.IsMap()) {
        auto conditions = parseMap(node, name);
        if (!conditions)
            return conditions.error();
        s.alternatives.push_back(std::move(*conditions));
        return s;
    }
    if (!node.IsSequence() || node.size() == 0)
        return Error::badInput(QStringLiteral("selection '%1' is neither a map nor a list").arg(name));
    for (const YAML::Node &item : node) {
        if (item.IsMap()) {
            auto conditions = parseMap(item, name);
            if (!conditions)
                return conditions.error();
            s.alternatives.push_back(std::move(*conditions));
        } else if (item.IsScalar()) {
            Result<ValuePattern> k = buildKeyword(text(item));
            if (!k)
                return k.error();
            s.keywords.push_back(*k);
        } else {
            return Error::badInput(QStringLiteral("selection '%1' mixes lists inside lists").arg(name));
        }
    }
    if (!s.keywords.empty() && !s.alternatives.empty())
        return Error::badInput(QStringLiteral("selection '%1' mixes keywords and field maps").arg(name));
    return s;
}

Status parseDetection(Rule &rule, const YAML::Node &detection)
{
    if (!detection || !detection.IsMap())
        return Error::badInput(QStringLiteral("the rule has no detection section"));
    QStringList names;
    for (const auto &entry : detection) {
        const QString key = QString::fromStdString(entry.first.as<std::string>());
        if (key == QLatin1String("condition") || key == QLatin1String("timeframe"))
            continue;
        Result<Selection> s = parseSelection(key, entry.second);
        if (!s)
            return s.error();
        names << key;
        rule.selections.push_back(std::move(*s));
    }
    const QStringList conditions = textList(detection["condition"]);
    if (conditions.isEmpty())
        return Error::badInput(QStringLiteral("the detection has no condition"));
    for (const QString &c : conditions) {
        Result<ParsedCondition> parsed = parseCondition(c, names);
        if (!parsed)
            return parsed.error();
        rule.conditions.push_back(parsed->root);
        if (parsed->aggregation) {
            const std::optional<qint64> span = parseTimespan(text(detection["timeframe"]));
            if (!span)
                return Error::badInput(QStringLiteral("the count() aggregation needs a timeframe such as 5m"));
            rule.aggregation = *parsed->aggregation;
            rule.aggregation->timespanMs = *span;
        }
    }
    return {};
}

Status parseCorrelation(Rule &rule, const YAML::Node &c)
{
    rule.isCorrelation = true;
    const QString type = text(c["type"]);
    Aggregation a;
    if (type == QLatin1String("event_count"))
        a.type = Aggregation::Type::EventCount;
    else if (type == QLatin1String("value_count"))
        a.type = Aggregation::Type::ValueCount;
    else
        return Error::badInput(QStringLiteral("correlation type '%1' is not supported (event_count, value_count are)").arg(type));
    rule.correlatedRules = textList(c["rules"]);
    if (rule.correlatedRules.isEmpty())
        return Error::badInput(QStringLiteral("the correlation names no rules"));
    a.groupBy = textList(c["group-by"]);
    const std::optional<qint64> span = parseTimespan(text(c["timespan"]).isEmpty() ? text(c["timeframe"]) : text(c["timespan"]));
    if (!span)
        return Error::badInput(QStringLiteral("the correlation needs a timespan such as 5m"));
    a.timespanMs = *span;
    const YAML::Node condition = c["condition"];
    if (!condition || !condition.IsMap())
        return Error::badInput(QStringLiteral("the correlation has no condition map (gte: N)"));
    bool haveOp = false;
    for (const auto &entry : condition) {
        const QString key = QString::fromStdString(entry.first.as<std::string>());
        if (key == QLatin1String("field")) {
            a.field = text(entry.second);
            continue;
        }
        static const QStringList ops = {QStringLiteral("gt"), QStringLiteral("gte"), QStringLiteral("lt"),
                                        QStringLiteral("lte"), QStringLiteral("eq"), QStringLiteral("neq")};
        bool ok = false;
        a.threshold = text(entry.second).toDouble(&ok);
        if (!ops.contains(key) || !ok)
            return Error::badInput(QStringLiteral("correlation condition '%1' is not supported").arg(key));
        a.op = key;
        haveOp = true;
    }
    if (!haveOp)
        return Error::badInput(QStringLiteral("the correlation condition has no comparison (gte: N)"));
    if (a.type == Aggregation::Type::ValueCount && a.field.isEmpty())
        return Error::badInput(QStringLiteral("value_count needs condition.field"));
    rule.generate = c["generate"] && text(c["generate"]) == QLatin1String("true");
    rule.aggregation = a;
    return {};
}

std::shared_ptr<Rule> parseDocument(const YAML::Node &doc, const QString &file)
{
    auto rule = std::make_shared<Rule>();
    rule->file = file;
    if (!doc.IsMap()) {
        rule->skipReason = QStringLiteral("not a Sigma rule (the document is not a map)");
        return rule;
    }
    rule->id = text(doc["id"]);
    rule->name = text(doc["name"]);
    rule->title = text(doc["title"]);
    rule->description = text(doc["description"]).trimmed();
    rule->level = text(doc["level"]).toLower();
    rule->status = text(doc["status"]);
    rule->author = text(doc["author"]);
    rule->tags = textList(doc["tags"]);
    rule->references = textList(doc["references"]);
    Status st;
    if (doc["action"])
        st = Error::badInput(QStringLiteral("action '%1' documents (Sigma collections) are not supported").arg(text(doc["action"])));
    else if (doc["filter"])
        st = Error::badInput(QStringLiteral("filter rules are not supported"));
    else if (doc["correlation"])
        st = parseCorrelation(*rule, doc["correlation"]);
    else {
        const YAML::Node ls = doc["logsource"];
        const QString product = text(ls["product"]).toLower(), service = text(ls["service"]).toLower();
        rule->service = parseService(service);
        if (product != QLatin1String("azure") || !rule->service)
            st = Error::badInput(QStringLiteral("logsource product '%1' service '%2' is not an Entra ID log Backsight reads "
                                                "(azure: signinlogs, auditlogs, riskdetection)")
                                     .arg(product, service));
        else
            st = parseDetection(*rule, doc["detection"]);
    }
    if (!st)
        rule->skipReason = st.error().message;
    else if (rule->title.isEmpty())
        rule->skipReason = QStringLiteral("the rule has no title");
    return rule;
}

} // namespace

QString serviceName(Service service)
{
    switch (service) {
    case Service::SignInLogs: return QStringLiteral("signinlogs");
    case Service::AuditLogs: return QStringLiteral("auditlogs");
    case Service::RiskDetection: return QStringLiteral("riskdetection");
    }
    return {};
}

std::optional<Service> parseService(const QString &text)
{
    if (text == QLatin1String("signinlogs"))
        return Service::SignInLogs;
    if (text == QLatin1String("auditlogs"))
        return Service::AuditLogs;
    if (text == QLatin1String("riskdetection"))
        return Service::RiskDetection;
    return std::nullopt;
}

std::optional<qint64> parseTimespan(const QString &text)
{
    static const QRegularExpression re(QStringLiteral(R"(^\s*(\d+)\s*([smhdM])\s*$)"));
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    const qint64 n = m.captured(1).toLongLong();
    const QChar unit = m.captured(2).at(0);
    const qint64 factor = unit == QLatin1Char('s') ? 1000 : unit == QLatin1Char('m') ? 60'000 : unit == QLatin1Char('h') ? 3'600'000
                        : unit == QLatin1Char('d') ? 86'400'000 : 30LL * 86'400'000;
    return n > 0 ? std::optional<qint64>(n * factor) : std::nullopt;
}

std::vector<std::shared_ptr<Rule>> loadRuleText(const QByteArray &yaml, const QString &file)
{
    std::vector<std::shared_ptr<Rule>> out;
    try {
        const std::vector<YAML::Node> docs = YAML::LoadAll(yaml.toStdString());
        for (const YAML::Node &doc : docs) {
            if (!doc.IsNull())
                out.push_back(parseDocument(doc, file));
        }
    } catch (const YAML::Exception &e) {
        auto rule = std::make_shared<Rule>();
        rule->file = file;
        rule->skipReason = QStringLiteral("not valid YAML: %1").arg(QString::fromStdString(e.what()));
        out.push_back(rule);
    }
    return out;
}

void resolveCorrelations(std::vector<std::shared_ptr<Rule>> &rules)
{
    for (auto &c : rules) {
        if (!c->isCorrelation || !c->skipReason.isEmpty())
            continue;
        for (const QString &ref : c->correlatedRules) {
            const auto it = std::find_if(rules.begin(), rules.end(), [&](const auto &r) {
                return !r->isCorrelation && (r->id == ref || (!r->name.isEmpty() && r->name == ref));
            });
            if (it == rules.end())
                c->skipReason = QStringLiteral("the correlation names rule '%1', which is not in the folder").arg(ref);
            else if (!(*it)->skipReason.isEmpty())
                c->skipReason = QStringLiteral("the correlated rule '%1' is skipped: %2").arg(ref, (*it)->skipReason);
            else if ((*it)->aggregation)
                c->skipReason = QStringLiteral("the correlated rule '%1' has its own count() aggregation").arg(ref);
            if (!c->skipReason.isEmpty())
                break;
        }
    }
}

Result<RuleSet> loadRuleFolder(const QString &folder)
{
    const QDir dir(folder);
    if (folder.isEmpty() || !dir.exists())
        return Error::notFound(QStringLiteral("the rules folder %1 does not exist").arg(folder));
    QStringList files;
    QDirIterator it(folder, {QStringLiteral("*.yml"), QStringLiteral("*.yaml")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    files.sort();
    RuleSet set;
    for (const QString &path : files) {
        QFile f(path);
        ++set.files;
        const QString shown = QDir(dir.absolutePath()).relativeFilePath(QFileInfo(path).absoluteFilePath());
        if (!f.open(QIODevice::ReadOnly)) {
            auto rule = std::make_shared<Rule>();
            rule->file = shown;
            rule->skipReason = QStringLiteral("cannot read the file: %1").arg(f.errorString());
            set.rules.push_back(rule);
            continue;
        }
        for (auto &rule : loadRuleText(f.readAll(), shown))
            set.rules.push_back(std::move(rule));
    }
    resolveCorrelations(set.rules);
    return set;
}

RuleStatus statusOf(const Rule &rule)
{
    RuleStatus s;
    s.file = rule.file;
    s.id = rule.id;
    s.title = rule.title;
    s.level = rule.level;
    s.kind = rule.isCorrelation ? QStringLiteral("correlation") : QStringLiteral("detection");
    s.service = rule.service ? serviceName(*rule.service) : QString();
    s.loaded = rule.skipReason.isEmpty();
    s.skipReason = rule.skipReason;
    return s;
}

} // namespace backsight::sigma
