#pragma once

#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>
#include <vector>

// Sigma rules as Backsight runs them (https://github.com/SigmaHQ/sigma-specification): detection rules with
// named selections, keywords, a condition and optional `timeframe` aggregation, and correlation rules
// (event_count, value_count) over other rules. See docs/sigma.md.
namespace backsight::sigma {

// One value of a field condition after its modifiers: what to compare and how.
struct ValuePattern
{
    enum class Kind { Null, Wildcard, Regex, Cidr, Exists, Compare };
    Kind kind = Kind::Wildcard;
    QString text;                // the value as written (for reasons)
    QRegularExpression regex;    // Wildcard and Regex
    QByteArray network;          // Cidr: 16 bytes (IPv4 mapped into IPv6)
    int prefixBits = 0;          // Cidr
    bool exists = true;          // Exists
    QString compareOp;           // Compare: lt, lte, gt, gte
    double number = 0;           // Compare
};

// `field|mod|mod: value(s)`. All values must match with |all, otherwise any.
struct FieldCondition
{
    QString field;               // as written in the rule (mapped at match time)
    std::vector<ValuePattern> values;
    bool all = false;
};

// A named selection: a list of alternatives, each an AND of field conditions; or keywords (any value of the
// event contains one of them).
struct Selection
{
    QString name;
    std::vector<std::vector<FieldCondition>> alternatives;
    std::vector<ValuePattern> keywords;
    bool keywordsAll = false;
};

// The condition as a tree.
struct ConditionNode
{
    enum class Type { And, Or, Not, Selection, OneOf, AllOf };
    Type type = Type::Selection;
    QString name;                // Selection; the pattern ("them", "selection_*") for OneOf / AllOf
    std::vector<std::unique_ptr<ConditionNode>> children;
};

// The legacy `condition: ... | count([field]) [by field] op N` with `timeframe`, or a correlation rule.
struct Aggregation
{
    enum class Type { EventCount, ValueCount };
    Type type = Type::EventCount;
    QString field;               // ValueCount: the distinct values counted
    QStringList groupBy;
    qint64 timespanMs = 0;
    QString op = QStringLiteral("gte"); // gt, gte, lt, lte, eq, neq
    double threshold = 1;
};

enum class Service { SignInLogs, AuditLogs, RiskDetection };

struct Rule
{
    QString file;                // where it was read
    QString id, name, title, description, level, status, author;
    QStringList tags;            // attack.* and others, as written
    QStringList references;
    bool isCorrelation = false;
    // Detection rules.
    std::optional<Service> service;
    std::vector<Selection> selections;
    std::vector<std::shared_ptr<ConditionNode>> conditions; // a list of conditions means any of them
    std::optional<Aggregation> aggregation;                 // legacy count() with timeframe, or the correlation
    // Correlation rules: the detection rules (id or name) whose matches are counted.
    QStringList correlatedRules;
    bool generate = false;       // the correlated rules also raise their own matches
    QString skipReason;          // non-empty: the rule is not run, and why
};

// How a rule fared: loaded (and how many matches), or skipped and why.
struct RuleStatus
{
    QString file, id, title, level;
    QString kind;                // "detection" or "correlation"
    QString service;             // signinlogs, auditlogs, riskdetection; empty when skipped early
    bool loaded = false;
    QString skipReason;
    qint64 matches = 0;          // anomalies raised by this rule in the last run
};

QString serviceName(Service service);
std::optional<Service> parseService(const QString &text);
// "30s", "5m", "1h", "2d" → ms; nullopt when malformed.
std::optional<qint64> parseTimespan(const QString &text);

} // namespace backsight::sigma
