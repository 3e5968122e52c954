#include "sigma/sigma_runner.h"

#include "detect/anomaly_repository.h"
#include "sigma/correlation.h"
#include "sigma/field_mapping.h"
#include "sigma/rule_evaluator.h"
#include "store/database.h"
#include "store/event_originals.h"

#include <QJsonArray>
#include <QSet>

namespace backsight::sigma {
namespace {

// What a rule needs while the events stream past.
struct RunningRule
{
    std::shared_ptr<Rule> rule;
    size_t statusIndex = 0;
    bool raisesSingles = true;       // no aggregation and not consumed by a correlation without `generate`
    bool correlated = false;         // a correlation rule counts its matches
    QStringList captured;            // fields kept for correlations (lower case)
    std::vector<RuleMatch> matches;  // kept only when a correlation or its own aggregation needs them
};

bool appliesTo(const Rule &rule, EventTable table)
{
    return table == EventTable::Audits ? rule.service == Service::AuditLogs : rule.service != Service::AuditLogs;
}

QString ruleKey(const Rule &rule)
{
    return rule.id.isEmpty() ? rule.title : rule.id;
}

detect::Reason ruleReason(const Rule &rule)
{
    QJsonArray tags, attack;
    for (const QString &t : rule.tags) {
        tags.append(t);
        if (t.startsWith(QLatin1String("attack."), Qt::CaseInsensitive))
            attack.append(t.mid(7));
    }
    QJsonObject evidence{{QStringLiteral("rule_id"), rule.id},          {QStringLiteral("rule_title"), rule.title},
                         {QStringLiteral("description"), rule.description}, {QStringLiteral("level"), rule.level},
                         {QStringLiteral("tags"), tags},                {QStringLiteral("attack"), attack},
                         {QStringLiteral("rule_file"), rule.file},      {QStringLiteral("status"), rule.status}};
    QString text = QStringLiteral("Sigma rule \"%1\" (%2)").arg(rule.title, rule.level.isEmpty() ? QStringLiteral("no level") : rule.level);
    if (!rule.description.isEmpty())
        text += QStringLiteral(": ") + rule.description;
    return {QStringLiteral("sigma"), text, evidence};
}

double scoreForLevel(const QString &level)
{
    static const QHash<QString, double> scores = {{QStringLiteral("informational"), 0.1}, {QStringLiteral("low"), 0.3},
                                                  {QStringLiteral("medium"), 0.5}, {QStringLiteral("high"), 0.75},
                                                  {QStringLiteral("critical"), 1.0}};
    return scores.value(level, 0.5);
}

detect::Anomaly baseAnomaly(const Rule &rule, qint64 nowMs)
{
    detect::Anomaly a;
    a.kinds = {QStringLiteral("sigma")};
    a.severity = severityForLevel(rule.level);
    a.score = scoreForLevel(rule.level);
    a.summary = QStringLiteral("Sigma: ") + rule.title;
    a.reasons.push_back(ruleReason(rule));
    a.detectedAtMs = nowMs;
    return a;
}

detect::Anomaly singleAnomaly(const Rule &rule, const RuleMatch &m, const std::vector<MatchedField> &fields, qint64 nowMs)
{
    detect::Anomaly a = baseAnomaly(rule, nowMs);
    a.upn = m.upn;
    a.subjectType = m.upn.isEmpty() ? QStringLiteral("tenant") : QStringLiteral("user");
    a.subject = m.upn.isEmpty() ? QStringLiteral("tenant") : m.upn;
    a.eventTable = m.table;
    a.eventId = m.eventId;
    a.eventIds = {m.eventId};
    a.timeMs = m.timeMs;
    for (const MatchedField &f : fields)
        a.reasons.push_back({QStringLiteral("sigma"), QStringLiteral("%1 = %2").arg(f.field, f.value),
                             QJsonObject{{QStringLiteral("field"), f.field}, {QStringLiteral("value"), f.value},
                                         {QStringLiteral("rule_id"), rule.id}}});
    a.id = detect::anomalyId(QStringLiteral("sigma:") + ruleKey(rule), a.subject, a.eventIds, a.timeMs);
    return a;
}

detect::Anomaly windowAnomaly(const Rule &rule, const CorrelatedWindow &w, qint64 nowMs)
{
    const Aggregation &agg = *rule.aggregation;
    detect::Anomaly a = baseAnomaly(rule, nowMs);
    QSet<QString> users;
    for (const RuleMatch *m : w.events) {
        a.eventIds << m->eventId;
        if (!m->upn.isEmpty())
            users.insert(m->upn);
    }
    a.upn = users.size() == 1 ? *users.begin() : QString();
    a.subjectType = a.upn.isEmpty() ? QStringLiteral("tenant") : QStringLiteral("user");
    a.subject = a.upn.isEmpty() ? (w.groupValues.join(QLatin1Char('|')).isEmpty() ? QStringLiteral("tenant") : w.groupValues.join(QLatin1Char('|')))
                                : a.upn;
    a.eventTable = w.events.front()->table;
    a.eventId = a.eventIds.first();
    a.timeMs = w.events.front()->timeMs;
    a.endMs = w.events.back()->timeMs;
    QJsonObject groups;
    for (int i = 0; i < agg.groupBy.size(); ++i)
        groups.insert(agg.groupBy[i], w.groupValues.value(i));
    const QString what = agg.type == Aggregation::Type::EventCount ? QStringLiteral("events")
                                                                   : QStringLiteral("distinct %1 values").arg(agg.field);
    a.reasons.push_back({QStringLiteral("sigma"),
                         QStringLiteral("%1 %2 within %3 s (condition %4 %5)")
                             .arg(QString::number(w.metric), what, QString::number(agg.timespanMs / 1000), agg.op,
                                  QString::number(agg.threshold)),
                         QJsonObject{{QStringLiteral("count"), w.metric}, {QStringLiteral("timespan_ms"), agg.timespanMs},
                                     {QStringLiteral("group_by"), groups}, {QStringLiteral("condition"), agg.op},
                                     {QStringLiteral("threshold"), agg.threshold}, {QStringLiteral("rule_id"), rule.id}}});
    a.id = detect::anomalyId(QStringLiteral("sigma:") + ruleKey(rule), a.subject, a.eventIds, a.timeMs);
    return a;
}

// Prepares the loaded rules: which raise their own matches, which fields correlations need.
std::vector<RunningRule> prepare(const RuleSet &set, SigmaRunReport &report)
{
    std::vector<RunningRule> running;
    for (const auto &rule : set.rules) {
        report.rules.push_back(statusOf(*rule));
        if (!rule->skipReason.isEmpty() || rule->isCorrelation)
            continue;
        RunningRule r{rule, report.rules.size() - 1};
        if (rule->aggregation) {
            r.raisesSingles = false;
            r.captured << rule->aggregation->groupBy << rule->aggregation->field;
        }
        running.push_back(std::move(r));
    }
    for (const auto &c : set.rules) {
        if (!c->isCorrelation || !c->skipReason.isEmpty())
            continue;
        for (RunningRule &r : running) {
            if (!c->correlatedRules.contains(r.rule->id) && (r.rule->name.isEmpty() || !c->correlatedRules.contains(r.rule->name)))
                continue;
            r.raisesSingles = r.raisesSingles && c->generate;
            r.correlated = true;
            r.captured << c->aggregation->groupBy << c->aggregation->field;
        }
    }
    for (RunningRule &r : running) {
        r.captured.removeAll(QString());
        for (QString &f : r.captured)
            f = f.toLower();
        r.captured.removeDuplicates();
    }
    return running;
}

RuleMatch matchOf(const QSqlRecord &row, EventTable table, const EventFields &fields, const QStringList &captured)
{
    RuleMatch m;
    m.eventId = row.value(QStringLiteral("id")).toString();
    m.table = tableName(table);
    const bool audit = table == EventTable::Audits;
    m.upn = row.value(audit ? QStringLiteral("initiator_upn") : QStringLiteral("upn")).toString().toLower();
    m.timeMs = row.value(audit ? QStringLiteral("time_ms") : QStringLiteral("created_ms")).toLongLong();
    for (const QString &f : captured)
        m.values.insert(f, fields.lookup(f).value(0));
    return m;
}

// Windows of the legacy aggregations and of the correlation rules.
void correlateAll(const RuleSet &set, std::vector<RunningRule> &running, SigmaRunReport &report, qint64 nowMs)
{
    const auto raise = [&](const Rule &rule, size_t statusIndex, const std::vector<RuleMatch> &matches) {
        for (const CorrelatedWindow &w : correlate(*rule.aggregation, matches)) {
            report.anomalies.push_back(windowAnomaly(rule, w, nowMs));
            ++report.rules[statusIndex].matches;
        }
    };
    for (const RunningRule &r : running)
        if (r.rule->aggregation)
            raise(*r.rule, r.statusIndex, r.matches);
    for (size_t i = 0; i < set.rules.size(); ++i) {
        const Rule &c = *set.rules[i];
        if (!c.isCorrelation || !c.skipReason.isEmpty())
            continue;
        std::vector<RuleMatch> matches;
        for (const RunningRule &r : running)
            if (c.correlatedRules.contains(r.rule->id) || (!r.rule->name.isEmpty() && c.correlatedRules.contains(r.rule->name)))
                matches.insert(matches.end(), r.matches.begin(), r.matches.end());
        raise(c, i, matches);
    }
}

Status storeAnomalies(Database &db, SigmaRunReport &report)
{
    if (!db.connection().transaction())
        return Error::storage(QStringLiteral("cannot start a transaction on %1").arg(db.path()));
    const Result<qint64> added = detect::insertAnomalies(db, report.anomalies);
    if (!added) {
        db.connection().rollback();
        return added.error();
    }
    if (!db.connection().commit())
        return Error::storage(QStringLiteral("cannot commit the Sigma anomalies to %1").arg(db.path()));
    report.anomaliesAdded = *added;
    return {};
}

} // namespace

detect::Severity severityForLevel(const QString &level)
{
    if (level == QLatin1String("critical"))
        return detect::Severity::Critical;
    if (level == QLatin1String("high"))
        return detect::Severity::High;
    if (level == QLatin1String("medium"))
        return detect::Severity::Medium;
    return detect::Severity::Low;
}

Result<SigmaRunReport> runSigmaRules(Database &db, const RuleSet &set, bool store, qint64 nowMs, const SigmaProgress &progress)
{
    SigmaRunReport report;
    std::vector<RunningRule> running = prepare(set, report);
    qint64 total = 0;
    const EventTable tables[] = {EventTable::SignIns, EventTable::WorkloadSignIns, EventTable::Audits};
    for (EventTable t : tables) {
        const Result<qint64> n = countEvents(db, t);
        if (!n)
            return n.error();
        total += *n;
    }
    bool cancelled = false;
    for (EventTable table : tables) {
        if (std::none_of(running.begin(), running.end(), [&](const RunningRule &r) { return appliesTo(*r.rule, table); }))
            continue;
        if (progress && !progress(report.eventsExamined, total))
            return Error::cancelled();
        const Status read = forEachEventWithOriginal(db, table, [&](const QSqlRecord &row, const QByteArray &original) {
            const EventFields fields = EventFields::build(row, original);
            for (RunningRule &r : running) {
                std::vector<MatchedField> matched;
                if (!appliesTo(*r.rule, table) || !matchesEvent(*r.rule, fields, matched))
                    continue;
                const RuleMatch m = matchOf(row, table, fields, r.captured);
                if (r.raisesSingles) {
                    report.anomalies.push_back(singleAnomaly(*r.rule, m, matched, nowMs));
                    ++report.rules[r.statusIndex].matches;
                }
                if (r.correlated || r.rule->aggregation)
                    r.matches.push_back(m);
            }
            ++report.eventsExamined;
            if (progress && report.eventsExamined % 512 == 0 && !progress(report.eventsExamined, total))
                cancelled = true;
            return !cancelled;
        });
        if (!read)
            return read.error();
        if (cancelled)
            return Error::cancelled();
    }
    correlateAll(set, running, report, nowMs);
    report.anomaliesFound = qint64(report.anomalies.size());
    if (store) {
        Status st = storeAnomalies(db, report);
        if (!st)
            return st.error();
    }
    if (progress)
        progress(total, total);
    return report;
}

Status runRulesFolder(Database &db, const QString &folder, qint64 nowMs, qint64 &matches, qint64 &added)
{
    Result<RuleSet> set = loadRuleFolder(folder);
    if (!set)
        return Error::badInput(QStringLiteral("Sigma rules: ") + set.error().message);
    Result<SigmaRunReport> report = runSigmaRules(db, *set, true, nowMs);
    if (!report)
        return report.error();
    matches = report->anomaliesFound;
    added = report->anomaliesAdded;
    return {};
}

} // namespace backsight::sigma
