#include "detect/severity_policy.h"

#include "detect/anomaly_repository.h"
#include "ingest/timestamp.h"

#include <QJsonObject>
#include <QSet>
#include <algorithm>

namespace backsight::detect {

Severity raised(Severity s, int levels)
{
    return Severity(std::clamp(int(s) + levels, int(Severity::Low), int(Severity::Critical)));
}

SeverityPolicy SeverityPolicy::defaults()
{
    using S = Severity;
    SeverityPolicy p;
    // kind, on success, on failure, raise at score, lower below score, baseline-relative, privileged raises,
    // non-interactive lowers, meaning, contextual
    const auto rule = [](const char *kind, S success, S failure, double raiseAt, double lowerBelow, bool baselineRelative,
                         bool privilegedRaises, bool nonInteractiveLowers, const char *meaning, bool context) {
        return SeverityRule{QString::fromLatin1(kind), success, failure, raiseAt, lowerBelow, baselineRelative,
                            privilegedRaises, nonInteractiveLowers, QString::fromUtf8(meaning), context};
    };
    p.rules_ = {
        rule("new_country", S::Medium, S::Low, 0.85, 0.3, true, true, true,
             "country never seen in the window; low (score 0.25) through a network the user often signs in from, high "
             "(score 0.9) through a hosting / VPN network never seen for the user",
             true),
        // Privileged: an admin's new place from a device they never used is worth a look (their own device is capped).
        rule("rare_country", S::Low, S::Low, 2, -1, true, true, true, "country in < 1 % of the window's sign-ins", true),
        rule("new_city", S::Low, S::Low, 2, -1, true, true, true, "city never seen, country known", true),
        rule("new_app", S::Low, S::Low, 2, -1, true, false, true, "an app never used in the window", true),
        rule("new_app_burst", S::High, S::Medium, 2, -1, true, false, false, "several never-used apps within two hours", false),
        rule("legacy_auth", S::Medium, S::Low, 2, -1, false, true, false, "legacy protocol client, not the user's habit", false),
        rule("unusual_client", S::Low, S::Low, 2, -1, true, false, true, "OS and browser both never seen", true),
        rule("unusual_time", S::Low, S::Low, 0.6, -1, true, false, true,
             "improbable hour of the week; medium (score 0.6) when the hour is rare on every day", true),
        rule("failed_burst", S::Critical, S::Medium, 0.9, -1, false, false, false,
             "credential failures in 10 minutes above the user's threshold; high (score 0.9) at 50; critical if a success follows", false),
        rule("password_spray", S::Critical, S::High, 2, -1, false, false, false,
             "one source failing against many users; critical if one of them then succeeds", false),
        rule("password_spray_success", S::Critical, S::Critical, 2, -1, false, false, false,
             "a sprayed user signed in from the spray's source", false),
        rule("mfa_fatigue", S::Critical, S::High, 2, -1, false, false, false, "repeated MFA denials; critical when approved after them", false),
        rule("impossible_travel", S::Medium, S::Medium, 0.75, 0.4, true, true, false,
             "faster than a plane between two successful sign-ins; high (score >= 0.75) across a border from an unknown "
             "device, low (score < 0.4) on the user's own registered device", false),
        rule("dormant_account", S::High, S::Medium, 2, -1, false, true, false, "first sign-in after a long silence", false),
        rule("privileged_after_anomaly", S::High, S::Medium, 1.0, -1, false, false, false,
             "privileged audit action within hours of a medium or higher sign-in anomaly; critical after a high one", false),
        rule("hosting_network", S::Medium, S::Low, 2, -1, false, true, false,
             "success from a cloud / hosting network, no known device, a new address range (token replay)", false),
        // The identity detectors (docs/detections.md, 11-15).
        rule("password_spray_distributed", S::High, S::Medium, 2, -1, false, false, false,
             "failures from many addresses foreign to their users, a few users per address; high once a sprayed user signs in", false),
        rule("password_spray_distributed_success", S::High, S::High, 2, -1, false, false, false,
             "a sprayed user signed in from a new address, no device, during a distributed spray", false),
        rule("device_code_phishing", S::High, S::High, 2, -1, false, false, false,
             "tokens used from a new network, no device, soon after the user's device-code sign-in", false),
        rule("device_code_flow", S::Low, S::Low, 2, -1, true, false, true, "the user's first device-code sign-in in the window", true),
        rule("ropc_sign_in", S::Medium, S::Low, 0.8, 0.4, true, false, false,
             "password (ROPC) grant new for the user; high (score 0.9) when it works from a network and device not theirs, "
             "low from their own networks", false),
        rule("illicit_consent_grant", S::Medium, S::Medium, 0.8, 0.4, false, false, false,
             "consent to broad delegated permissions; high (score 0.9) for a user's own consent to an app new to the tenant, "
             "medium for an admin's, low when others already use the app", false),
        rule("privileged_persistence", S::High, S::Medium, 1.0, -1, false, false, false,
             "app credentials, role or owner added from a session on no registered device via a new address or a flagged "
             "sign-in; critical (score 1) when both", false),
        rule("model_iforest", S::Low, S::Low, 0.9, -1, true, false, true, "Isolation Forest score above its threshold", true),
        rule("model_autoencoder", S::Low, S::Low, 0.9, -1, true, false, true, "autoencoder reconstruction error above its threshold", true),
    };
    // Travel also rests on facts outside the baseline (speed, border, device), so a learning user still gets medium.
    for (SeverityRule &r : p.rules_)
        if (r.kind == QLatin1String("impossible_travel"))
            r.learningCap = S::Medium;
    for (SeverityRule &r : p.rules_) // a password grant from a stranger's network is not a matter of habit
        if (r.kind == QLatin1String("ropc_sign_in"))
            r.learningCap = S::Medium;
    for (size_t i = 0; i < p.rules_.size(); ++i)
        p.index_.insert(p.rules_[i].kind, i);
    p.fallback_ = rule("other", S::Low, S::Low, 2, -1, true, false, true, "any other finding", true);
    return p;
}

std::optional<int> parseSensitivity(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("low"))
        return 2;
    if (t == QLatin1String("default") || t == QLatin1String("medium"))
        return kDefaultSensitivity;
    if (t == QLatin1String("high"))
        return 4;
    bool ok = false;
    const int n = t.toInt(&ok);
    if (ok && n >= kMinSensitivity && n <= kMaxSensitivity)
        return n;
    return std::nullopt;
}

QString sensitivityName(int sensitivity)
{
    switch (sensitivity) {
    case 1: return QStringLiteral("1 (fewest alerts)");
    case 2: return QStringLiteral("2 (low)");
    case 3: return QStringLiteral("3 (default)");
    case 4: return QStringLiteral("4 (high)");
    case 5: return QStringLiteral("5 (most alerts)");
    default: return QString::number(sensitivity);
    }
}

SeverityPolicy SeverityPolicy::withSensitivity(int sensitivity) const
{
    SeverityPolicy p = *this;
    p.sensitivity_ = std::clamp(sensitivity, kMinSensitivity, kMaxSensitivity);
    return p;
}

Severity SeverityPolicy::sensitivityAdjusted(Severity s, const SeverityRule &r, const Finding &f) const
{
    if (sensitivity_ <= 1 && r.baselineRelative)
        s = raised(s, -1);
    if (sensitivity_ <= 2 && r.context)
        s = Severity::Low;
    // Raises only where the table's own caps would not object: a user past learning, a device not theirs.
    const bool judged = !f.learning && !f.knownDevice;
    if (sensitivity_ >= 4 && judged && r.context && f.score >= 0.6 && s == Severity::Low)
        s = Severity::Medium;
    if (sensitivity_ >= 5 && !f.learning && s == Severity::Low)
        s = Severity::Medium;
    return s;
}

const SeverityRule &SeverityPolicy::rule(const QString &kind) const
{
    const auto it = index_.constFind(kind);
    return it == index_.cend() ? fallback_ : rules_[*it];
}

Severity SeverityPolicy::severityOf(const Finding &f) const
{
    if (f.threatScore) // backup findings carry their own scale
        return severityForThreatScore(*f.threatScore);
    const SeverityRule &r = rule(f.kind);
    Severity s = f.success ? r.onSuccess : r.onFailure;
    if (f.score >= r.raiseAtScore)
        s = raised(s);
    if (f.score < r.lowerBelowScore)
        s = raised(s, -1);
    if (r.nonInteractiveLowers && !f.interactive)
        s = raised(s, -1);
    if (r.privilegedRaises && f.privileged && !f.knownDevice && int(s) < int(Severity::High))
        s = raised(s);
    if (r.baselineRelative && f.learning && int(s) > int(r.learningCap))
        s = r.learningCap;
    // A new place, hour, app or model score on the user's own known device is a trip, a VPN, a late evening: context,
    // not an alarm on its own (a stolen session from the user's own device is a documented limit).
    if (r.context && f.knownDevice && int(s) > int(Severity::Low))
        s = Severity::Low;
    return sensitivityAdjusted(s, r, f);
}

void SeverityPolicy::foldIntoSprays(std::vector<Anomaly> &anomalies) const
{
    // A spray's failed tries are new countries and odd hours for every victim: the spray's anomaly already says so, so
    // the victims' contextual anomalies on those same sign-ins stay low instead of one medium per victim.
    QSet<QString> sprayed;
    for (const Anomaly &a : anomalies) {
        if (a.kinds.value(0) == QLatin1String("password_spray") || a.kinds.value(0) == QLatin1String("password_spray_distributed"))
            for (const QString &id : a.eventIds)
                sprayed.insert(id);
    }
    if (sprayed.isEmpty())
        return;
    for (Anomaly &a : anomalies) {
        if (a.subjectType != QLatin1String("user") || a.severity != Severity::Medium || a.eventIds.isEmpty()
            || !sprayed.contains(a.eventIds.first()))
            continue;
        if (std::all_of(a.kinds.cbegin(), a.kinds.cend(), [&](const QString &k) { return rule(k).context; })) {
            a.severity = Severity::Low;
            a.summary += QStringLiteral(" [part of a password spray: see the spray's anomaly]");
        }
    }
}

std::vector<Anomaly> SeverityPolicy::apply(const std::vector<Finding> &findings, qint64 detectedAtMs, qint64 runId) const
{
    // Group by subject and primary event (windowed findings without events group by their own kind and time).
    QHash<QString, size_t> groupOf;
    std::vector<std::vector<const Finding *>> groups;
    for (const Finding &f : findings) {
        const QString key = f.subjectType + QLatin1Char('|') + f.subject + QLatin1Char('|')
                            + (f.eventIds.isEmpty() ? f.kind + QString::number(f.timeMs) : f.eventIds.first());
        auto it = groupOf.find(key);
        if (it == groupOf.end()) {
            it = groupOf.insert(key, groups.size());
            groups.emplace_back();
        }
        groups[*it].push_back(&f);
    }
    std::vector<Anomaly> out;
    out.reserve(groups.size());
    for (const auto &group : groups) {
        std::vector<std::pair<Severity, const Finding *>> rated;
        for (const Finding *f : group)
            rated.emplace_back(severityOf(*f), f);
        std::stable_sort(rated.begin(), rated.end(), [](const auto &a, const auto &b) {
            return int(a.first) != int(b.first) ? int(a.first) > int(b.first) : a.second->score > b.second->score;
        });
        const Finding &lead = *rated.front().second;
        Anomaly a;
        a.subjectType = lead.subjectType;
        a.subject = lead.subject;
        a.upn = lead.upn;
        a.eventTable = lead.eventTable;
        a.timeMs = lead.timeMs;
        a.endMs = lead.endMs;
        a.severity = rated.front().first;
        int mediumUp = 0;
        bool strong = false;
        double score = 0;
        std::optional<int> threat;
        for (const auto &[severity, f] : rated) {
            if (!a.kinds.contains(f->kind))
                a.kinds << f->kind;
            for (const QString &id : f->eventIds)
                if (!a.eventIds.contains(id))
                    a.eventIds << id;
            a.reasons.push_back(f->reason);
            if (int(severity) >= int(Severity::Medium)) {
                ++mediumUp;
                strong = strong || !rule(f->kind).context;
            }
            score = std::max(score, f->score);
            if (f->threatScore)
                threat = std::max(threat.value_or(0), *f->threatScore);
            if (f->endMs)
                a.endMs = std::max(a.endMs.value_or(0), *f->endMs);
            a.timeMs = std::min(a.timeMs, f->timeMs);
            if (!a.baselineId)
                a.baselineId = f->baselineId;
            if (!a.modelId)
                a.modelId = f->modelId;
        }
        // The lead finding's events come first, so the primary event is the one its sentence is about.
        a.eventIds.removeAll(lead.eventIds.value(0));
        a.eventIds.prepend(lead.eventIds.value(0));
        if (a.eventIds.first().isEmpty())
            a.eventIds.removeFirst();
        if (mediumUp >= 2 && strong)
            a.severity = raised(a.severity);
        else if (sensitivity_ >= kDefaultSensitivity && a.severity == Severity::Low && a.kinds.size() >= 2
                 && !lead.learning && !lead.knownDevice)
            a.severity = Severity::Medium; // two independent weak signals on one sign-in
        a.score = score;
        a.threatScore = threat;
        a.summary = lead.reason.text;
        if (a.kinds.size() > 1)
            a.summary += QStringLiteral(" (also: %1)").arg(a.kinds.mid(1).join(QStringLiteral(", ")));
        a.detectedAtMs = detectedAtMs;
        a.runId = runId;
        a.id = anomalyId(a.subjectType, a.subject, {a.eventIds.value(0)}, a.eventIds.isEmpty() ? a.timeMs : 0);
        out.push_back(std::move(a));
    }
    foldIntoSprays(out);
    // Several anomalies of one user within the hour: raise the later ones.
    std::vector<size_t> order(out.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(), [&](size_t x, size_t y) {
        return out[x].subject != out[y].subject ? out[x].subject < out[y].subject : out[x].timeMs < out[y].timeMs;
    });
    std::vector<Severity> before(out.size());
    for (size_t i = 0; i < out.size(); ++i)
        before[i] = out[i].severity;
    for (size_t k = 0; k < order.size(); ++k) {
        Anomaly &a = out[order[k]];
        if (a.subjectType != QLatin1String("user"))
            continue;
        for (size_t m = k; m-- > 0;) {
            const Anomaly &b = out[order[m]];
            if (b.subject != a.subject || a.timeMs - b.timeMs > 3'600'000)
                break;
            if (int(before[order[m]]) >= int(Severity::Medium) && int(before[order[k]]) >= int(Severity::Medium)
                && b.kinds.value(0) != a.kinds.value(0)
                && (!rule(a.kinds.value(0)).context || !rule(b.kinds.value(0)).context)) {
                a.severity = raised(before[order[k]]);
                a.summary += QStringLiteral(" [raised: %1 %2 within the hour]").arg(b.kinds.value(0), formatUtcMs(b.timeMs));
                break;
            }
        }
    }
    return out;
}

QJsonArray SeverityPolicy::toJson() const
{
    QJsonArray out;
    for (const SeverityRule &r : rules_)
        out.append(QJsonObject{{QStringLiteral("kind"), r.kind},
                               {QStringLiteral("on_success"), severityName(r.onSuccess)},
                               {QStringLiteral("on_failure"), severityName(r.onFailure)},
                               {QStringLiteral("raise_at_score"), r.raiseAtScore <= 1.0 ? QJsonValue(r.raiseAtScore) : QJsonValue()},
                               {QStringLiteral("lower_below_score"), r.lowerBelowScore >= 0 ? QJsonValue(r.lowerBelowScore) : QJsonValue()},
                               {QStringLiteral("contextual"), r.context},
                               {QStringLiteral("learning_cap"), r.baselineRelative ? QJsonValue(severityName(r.learningCap)) : QJsonValue()},
                               {QStringLiteral("baseline_relative"), r.baselineRelative},
                               {QStringLiteral("privileged_raises"), r.privilegedRaises},
                               {QStringLiteral("non_interactive_lowers"), r.nonInteractiveLowers},
                               {QStringLiteral("meaning"), r.meaning}});
    return out;
}

} // namespace backsight::detect
