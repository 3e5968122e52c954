// Sigma rules offline: grammar, modifiers, field spellings, the four input shapes, correlations, storage.
#include "detect/anomaly_repository.h"
#include "ingest/importer.h"
#include "sigma/condition_parser.h"
#include "sigma/field_mapping.h"
#include "sigma/rule_evaluator.h"
#include "sigma/rule_loader.h"
#include "sigma/sigma_runner.h"
#include "sigma/value_matcher.h"
#include "store/database.h"
#include "store/event_queries.h"
#include "test_support.h"

#include <QJsonArray>
#include <QSqlField>
#include <QTemporaryDir>
#include <QtTest>

using namespace backsight;
using namespace backsight::sigma;

namespace {

std::shared_ptr<Rule> oneRule(const char *yaml)
{
    auto rules = loadRuleText(QByteArray(yaml), QStringLiteral("inline.yml"));
    return rules.empty() ? nullptr : rules.front();
}

EventFields fieldsOf(const QByteArray &original)
{
    return EventFields::build(QSqlRecord(), original);
}

bool matches(const char *yaml, const QByteArray &original)
{
    auto rule = oneRule(yaml);
    if (!rule || !rule->skipReason.isEmpty())
        qWarning() << "rule skipped:" << (rule ? rule->skipReason : QStringLiteral("none"));
    std::vector<MatchedField> matched;
    return rule && rule->skipReason.isEmpty() && matchesEvent(*rule, fieldsOf(original), matched);
}

QString detection(const QString &body)
{
    return QStringLiteral("title: t\nlogsource:\n  product: azure\n  service: signinlogs\ndetection:\n") + body;
}

// Counts sign-ins in the stored columns that satisfy `pred`, the independent answer a rule must give.
qint64 countSignIns(Database &db, const std::function<bool(const QSqlRecord &)> &pred)
{
    qint64 n = 0;
    for (EventTable t : {EventTable::SignIns, EventTable::WorkloadSignIns})
        if (!forEachEvent(db, t, {}, [&](const QSqlRecord &r) { n += pred(r) ? 1 : 0; return true; }))
            return -1; // a count no rule gives: the comparison fails
    return n;
}

const RuleStatus *statusById(const SigmaRunReport &report, const QString &id)
{
    for (const RuleStatus &s : report.rules)
        if (s.id == id)
            return &s;
    return nullptr;
}

} // namespace

class TestSigma : public QObject
{
    Q_OBJECT
private slots:
    void wildcardsAndEscapes();
    void cidrIpv4AndIpv6();
    void modifiers();
    void conditionPrecedence();
    void fieldSpellingsAcrossShapes();
    void unsupportedFeaturesAreSkipped();
    void everyShapeRaisesTheExpectedMatches_data();
    void everyShapeRaisesTheExpectedMatches();
    void storedAnomaliesAreIdempotent();
};

void TestSigma::wildcardsAndEscapes()
{
    const QRegularExpression star(wildcardToRegex(QStringLiteral("a*c?")), QRegularExpression::CaseInsensitiveOption);
    QVERIFY(star.match(QStringLiteral("abbbcd")).hasMatch());
    QVERIFY(!star.match(QStringLiteral("abbbc")).hasMatch());
    const QRegularExpression literal(wildcardToRegex(QStringLiteral("50\\*")));
    QVERIFY(literal.match(QStringLiteral("50*")).hasMatch());
    QVERIFY(!literal.match(QStringLiteral("500")).hasMatch());
}

void TestSigma::cidrIpv4AndIpv6()
{
    auto v4 = buildFieldCondition(QStringLiteral("IPAddress"), {QStringLiteral("cidr")}, {QStringLiteral("203.0.113.0/25")});
    QVERIFY(v4);
    QVERIFY(matchValue(v4->values[0], true, {QStringLiteral("203.0.113.127")}));
    QVERIFY(!matchValue(v4->values[0], true, {QStringLiteral("203.0.113.128")}));
    auto v6 = buildFieldCondition(QStringLiteral("IPAddress"), {QStringLiteral("cidr")}, {QStringLiteral("2001:db8::/32")});
    QVERIFY(v6);
    QVERIFY(matchValue(v6->values[0], true, {QStringLiteral("2001:db8:4a7c:1f00::2b")}));
    QVERIFY(!matchValue(v6->values[0], true, {QStringLiteral("2001:db9::1")}));
    QVERIFY(!buildFieldCondition(QStringLiteral("IPAddress"), {QStringLiteral("cidr")}, {QStringLiteral("10.0.0.0/33")}));
}

void TestSigma::modifiers()
{
    const QByteArray ev = R"J({"userAgent": "Mozilla/5.0 (Windows NT 10.0)", "ipAddress": "198.51.100.7",
        "status": {"errorCode": 500121, "additionalDetails": "MFA denied; user declined"}, "appId": "",
        "deviceDetail": {"trustType": null}, "cmd": "/enable"})J";
    QVERIFY(matches(qPrintable(detection(QStringLiteral("  s:\n    UserAgent|contains|all: ['mozilla', 'windows nt']\n  condition: s\n"))), ev));
    QVERIFY(!matches(qPrintable(detection(QStringLiteral("  s:\n    UserAgent|contains|all: ['mozilla', 'linux']\n  condition: s\n"))), ev));
    QVERIFY(matches(qPrintable(detection(QStringLiteral("  s:\n    UserAgent|re: '^Mozilla/\\d'\n  condition: s\n"))), ev));
    QVERIFY(!matches(qPrintable(detection(QStringLiteral("  s:\n    UserAgent|re: '^mozilla'\n  condition: s\n"))), ev)); // re is case-sensitive
    QVERIFY(matches(qPrintable(detection(QStringLiteral("  s:\n    UserAgent|re|i: '^mozilla'\n  condition: s\n"))), ev));
    QVERIFY(matches(qPrintable(detection(QStringLiteral("  s:\n    Status|contains: 'MFA denied'\n  condition: s\n"))), ev));
    QVERIFY(matches(qPrintable(detection(QStringLiteral("  s:\n    ResultType|gte: 500000\n  condition: s\n"))), ev));
    QVERIFY(matches(qPrintable(detection(QStringLiteral("  s:\n    AppId: ''\n  condition: s\n"))), ev));
    QVERIFY(matches(qPrintable(detection(QStringLiteral("  s:\n    DeviceDetail.trusttype: null\n  condition: s\n"))), ev));
    QVERIFY(matches(qPrintable(detection(QStringLiteral("  s:\n    Missing.field: null\n  condition: s\n"))), ev));
    QVERIFY(matches(qPrintable(detection(QStringLiteral("  s:\n    Missing.field|exists: false\n  condition: s\n"))), ev));
    QVERIFY(!matches(qPrintable(detection(QStringLiteral("  s:\n    IPAddress|exists: false\n  condition: s\n"))), ev));
    QVERIFY(matches(qPrintable(detection(QStringLiteral("  s:\n    cmd|windash: '-enable'\n  condition: s\n"))), ev));
    QVERIFY(!matches(qPrintable(detection(QStringLiteral("  s:\n    UserAgent|cased: 'mozilla*'\n  condition: s\n"))), ev));
    QVERIFY(matches(qPrintable(detection(QStringLiteral("  s:\n    UserAgent|startswith: 'MOZILLA'\n    IPAddress|endswith: '.7'\n  condition: s\n"))), ev));
}

void TestSigma::conditionPrecedence()
{
    const QStringList names = {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")};
    auto parsed = parseCondition(QStringLiteral("a or b and not c"), names);
    QVERIFY(parsed);
    QCOMPARE(parsed->root->type, ConditionNode::Type::Or);
    QCOMPARE(parsed->root->children[1]->type, ConditionNode::Type::And);
    QCOMPARE(parsed->root->children[1]->children[1]->type, ConditionNode::Type::Not);
    auto grouped = parseCondition(QStringLiteral("(a or b) and c"), names);
    QVERIFY(grouped);
    QCOMPARE(grouped->root->type, ConditionNode::Type::And);
    QVERIFY(!parseCondition(QStringLiteral("(a or b"), names));
    QVERIFY(!parseCondition(QStringLiteral("1 of x_*"), names));
    auto agg = parseCondition(QStringLiteral("a | count(IPAddress) by UserPrincipalName >= 3"), names);
    QVERIFY(agg && agg->aggregation);
    QCOMPARE(agg->aggregation->type, Aggregation::Type::ValueCount);
    QCOMPARE(agg->aggregation->groupBy, QStringList{QStringLiteral("UserPrincipalName")});
    QCOMPARE(agg->aggregation->op, QStringLiteral("gte"));
    const QByteArray ev = R"({"a": "1", "b": "2"})";
    QVERIFY(matches(qPrintable(detection(QStringLiteral("  a:\n    a: 1\n  b:\n    b: 9\n  c:\n    c: 1\n  condition: a and not (b or c)\n"))), ev));
    QVERIFY(!matches(qPrintable(detection(QStringLiteral("  a:\n    a: 1\n  b:\n    b: 2\n  condition: a and not b\n"))), ev));
    QVERIFY(matches(qPrintable(detection(QStringLiteral("  s_1:\n    a: 1\n  s_2:\n    b: 2\n  condition: all of s_*\n"))), ev));
    QVERIFY(!matches(qPrintable(detection(QStringLiteral("  s_1:\n    a: 1\n  s_2:\n    b: 3\n  condition: all of them\n"))), ev));
    QVERIFY(matches(qPrintable(detection(QStringLiteral("  s_1:\n    a: 7\n  s_2:\n    b: 2\n  condition: 1 of them\n"))), ev));
    QVERIFY(matches(qPrintable(detection(QStringLiteral("  s:\n    - a: 7\n    - b: 2\n  condition: s\n"))), ev));
    QVERIFY(matches(qPrintable(detection(QStringLiteral("  s:\n    a: [7, 8, 1]\n  condition: s\n"))), ev));
}

void TestSigma::fieldSpellingsAcrossShapes()
{
    const QByteArray graph = R"({"status": {"errorCode": 50126}, "deviceDetail": {"trustType": "Azure AD joined"},
        "activityDisplayName": "Add user"})";
    const QByteArray diagnostic = R"({"operationName": "Add user", "resultType": "50126", "properties":
        {"status": {"errorCode": 50126}, "deviceDetail": {"trustType": "Azure AD joined"}}})";
    const QByteArray logAnalytics = R"({"ResultType": "50126", "OperationName": "Add user",
        "DeviceDetail": "{\"trustType\":\"Azure AD joined\"}"})";
    const QByteArray portal = R"({"Sign-in error code": "50126", "Join Type": "Azure AD joined"})";
    for (const QByteArray &shape : {graph, diagnostic, logAnalytics, portal}) {
        const EventFields f = fieldsOf(shape);
        for (const char *spelling : {"ResultType", "resultType", "RESULTTYPE"})
            QCOMPARE(f.lookup(QString::fromLatin1(spelling)).value(0), QStringLiteral("50126"));
        for (const char *spelling : {"DeviceDetail.trusttype", "DeviceDetail.trustType", "devicedetail.TrustType"})
            QCOMPARE(f.lookup(QString::fromLatin1(spelling)).value(0), QStringLiteral("Azure AD joined"));
        if (shape != portal) {
            for (const char *spelling : {"OperationName", "operationName", "properties.message"})
                QCOMPARE(f.lookup(QString::fromLatin1(spelling)).value(0), QStringLiteral("Add user"));
        }
    }
}

void TestSigma::unsupportedFeaturesAreSkipped()
{
    auto set = loadRuleFolder(test::dataPath(QStringLiteral("sigma")));
    QVERIFY(set);
    QHash<QString, QString> reasons;
    for (const auto &r : set->rules)
        if (!r->skipReason.isEmpty())
            reasons.insert(r->file.section(QLatin1Char('/'), -1), r->skipReason);
    QCOMPARE(reasons.size(), 6);
    QVERIFY(reasons.value(QStringLiteral("base64_modifier.yml")).contains(QStringLiteral("base64offset")));
    QVERIFY(reasons.value(QStringLiteral("windows_logsource.yml")).contains(QStringLiteral("windows")));
    QVERIFY(reasons.value(QStringLiteral("broken.yml")).startsWith(QStringLiteral("not valid YAML")));
    QVERIFY(reasons.value(QStringLiteral("temporal.yml")).contains(QStringLiteral("temporal")));
    QVERIFY(reasons.value(QStringLiteral("unknown_selection.yml")).contains(QStringLiteral("'filter'")));
    QVERIFY(reasons.value(QStringLiteral("aggregation_sum.yml")).contains(QStringLiteral("sum(")));
    QVERIFY(!loadRuleFolder(QStringLiteral("/nonexistent/rules")));
    // A correlation naming a rule that is not there is skipped, not run.
    std::vector<std::shared_ptr<Rule>> lone = loadRuleText(
        "title: c\ncorrelation:\n  type: event_count\n  rules: [nothing]\n  timespan: 5m\n  condition: {gte: 2}\n", QStringLiteral("c.yml"));
    resolveCorrelations(lone);
    QVERIFY(lone.front()->skipReason.contains(QStringLiteral("nothing")));
}

void TestSigma::everyShapeRaisesTheExpectedMatches_data()
{
    QTest::addColumn<QString>("shape");
    for (const char *s : {"graph", "diagnostic", "loganalytics", "portal"})
        QTest::newRow(s) << QString::fromLatin1(s);
}

void TestSigma::everyShapeRaisesTheExpectedMatches()
{
    QFETCH(QString, shape);
    QTemporaryDir dir;
    Database db;
    QVERIFY(db.open(dir.filePath(QStringLiteral("case.sqlite"))));
    Importer(db).run({test::dataPath(shape)});
    auto set = loadRuleFolder(test::dataPath(QStringLiteral("sigma")));
    QVERIFY(set);
    auto report = runSigmaRules(db, *set, false, 1'700'000'000'000);
    QVERIFY2(report, report ? "" : qPrintable(report.error().message));
    const auto code = [](const QSqlRecord &r) { return r.value(QStringLiteral("error_code")).toLongLong(); };
    const auto column = [](const QSqlRecord &r, const char *c) { return r.value(QString::fromLatin1(c)).toString(); };
    const qint64 failedPassword = countSignIns(db, [&](const QSqlRecord &r) { return code(r) == 50126; });
    QVERIFY(failedPassword > 0);
    QCOMPARE(statusById(*report, QStringLiteral("0b5e6f1a-0001-4c2e-9a61-backsight0001"))->matches, failedPassword);
    QCOMPARE(statusById(*report, QStringLiteral("0b5e6f1a-0002-4c2e-9a61-backsight0002"))->matches,
             countSignIns(db, [&](const QSqlRecord &r) { return code(r) == 53003; }));
    QCOMPARE(statusById(*report, QStringLiteral("0b5e6f1a-0004-4c2e-9a61-backsight0004"))->matches,
             countSignIns(db, [&](const QSqlRecord &r) { return column(r, "failure_reason").contains(QStringLiteral("failed during strong authentication")); }));
    QCOMPARE(statusById(*report, QStringLiteral("0b5e6f1a-0005-4c2e-9a61-backsight0005"))->matches,
             countSignIns(db, [&](const QSqlRecord &r) { return column(r, "trust_type").endsWith(QStringLiteral("joined"), Qt::CaseInsensitive); }));
    QCOMPARE(statusById(*report, QStringLiteral("0b5e6f1a-0007-4c2e-9a61-backsight0007"))->matches,
             countSignIns(db, [&](const QSqlRecord &r) {
                 const QString app = column(r, "app_name");
                 return (app == QLatin1String("Microsoft Teams") || app.endsWith(QLatin1String("Portal")))
                     && !column(r, "ip").startsWith(QLatin1String("203.0.113."));
             }));
    QCOMPARE(statusById(*report, QStringLiteral("0b5e6f1a-0008-4c2e-9a61-backsight0008"))->matches, failedPassword);
    const qint64 failures = countSignIns(db, [&](const QSqlRecord &r) { return code(r) > 0; });
    QCOMPARE(statusById(*report, QStringLiteral("0b5e6f1a-0012-4c2e-9a61-backsight0012"))->matches, failures > 2 ? 1 : 0);
    // event_count per user with generate: one window per user who failed a password.
    QSet<QString> users;
    countSignIns(db, [&](const QSqlRecord &r) { if (code(r) == 50126) users.insert(column(r, "upn")); return false; });
    QCOMPARE(statusById(*report, QStringLiteral("0b5e6f1a-0013-4c2e-9a61-backsight0013"))->matches, qint64(users.size()));
    // The rule the value_count consumes raises nothing of its own (no `generate`).
    QCOMPARE(statusById(*report, QStringLiteral("0b5e6f1a-0003-4c2e-9a61-backsight0003"))->matches, 0);
    if (shape != QLatin1String("portal")) {
        QCOMPARE(statusById(*report, QStringLiteral("0b5e6f1a-0009-4c2e-9a61-backsight0009"))->matches, 1);
        QCOMPARE(statusById(*report, QStringLiteral("0b5e6f1a-0010-4c2e-9a61-backsight0010"))->matches, 1);
    }
    if (shape == QLatin1String("graph") || shape == QLatin1String("diagnostic"))
        QCOMPARE(statusById(*report, QStringLiteral("0b5e6f1a-0011-4c2e-9a61-backsight0011"))->matches, 1);
    QVERIFY(statusById(*report, QStringLiteral("0b5e6f1a-0006-4c2e-9a61-backsight0006"))->matches >= 1);
}

void TestSigma::storedAnomaliesAreIdempotent()
{
    QTemporaryDir dir;
    Database db;
    QVERIFY(db.open(dir.filePath(QStringLiteral("case.sqlite"))));
    Importer(db).run({test::dataPath(QStringLiteral("graph"))});
    auto set = loadRuleFolder(test::dataPath(QStringLiteral("sigma")));
    QVERIFY(set);
    auto first = runSigmaRules(db, *set, true, 1'700'000'000'000);
    QVERIFY(first);
    QVERIFY(first->anomaliesAdded > 0);
    QCOMPARE(first->anomaliesAdded, first->anomaliesFound);
    auto second = runSigmaRules(db, *set, true, 1'700'000'100'000);
    QVERIFY(second);
    QCOMPARE(second->anomaliesFound, first->anomaliesFound);
    QCOMPARE(second->anomaliesAdded, 0);
    detect::AnomalyFilter filter;
    filter.kinds = {QStringLiteral("sigma")};
    bool sawRole = false;
    qint64 stored = 0;
    QVERIFY(detect::forEachAnomaly(db, filter, [&](const detect::Anomaly &a) {
        ++stored;
        const QJsonObject rule = a.reasons.front().evidence;
        if (rule.value(QStringLiteral("rule_id")).toString() == QLatin1String("0b5e6f1a-0009-4c2e-9a61-backsight0009")) {
            sawRole = true;
            [&] {
                QCOMPARE(a.severity, detect::Severity::High);
                QCOMPARE(a.eventTable, QStringLiteral("audits"));
                QVERIFY(rule.value(QStringLiteral("attack")).toArray().contains(QStringLiteral("t1098.003")));
                QCOMPARE(rule.value(QStringLiteral("rule_title")).toString(), QStringLiteral("Member added to a role (OperationName)"));
                QVERIFY(a.reasons.size() >= 2);
                QCOMPARE(a.reasons[1].evidence.value(QStringLiteral("field")).toString(), QStringLiteral("OperationName"));
                QCOMPARE(a.reasons[1].evidence.value(QStringLiteral("value")).toString(), QStringLiteral("Add member to role"));
            }();
        }
        return true;
    }));
    QVERIFY(sawRole);
    QCOMPARE(stored, first->anomaliesFound);
    QCOMPARE(severityForLevel(QStringLiteral("informational")), detect::Severity::Low);
    QCOMPARE(severityForLevel(QStringLiteral("critical")), detect::Severity::Critical);
}

QTEST_GUILESS_MAIN(TestSigma)
#include "test_sigma.moc"
