#include "detect/pipeline_steps.h"

#include "detect/evidence_text.h"
#include "detect/tenant_detectors.h"
#include "store/detection_queries.h"
#include "store/detection_run_repository.h"

#include <QHash>
#include <algorithm>

namespace backsight::detect::detail {

using baseline::DayAggregate;

Status storeDays(DetectionRunRepository &runs, const QString &upn, const std::map<qint64, DayAggregate> &days)
{
    std::map<qint64, QByteArray> serialized;
    for (const auto &[day, aggregate] : days)
        serialized.emplace(day, aggregate.serialize());
    return runs.saveUserDays(upn, serialized);
}

// Password sprays: every source address (and /24) with a new credential failure, judged over its sign-ins around them.
Status detectSprays(DetectionQueries &queries, const DetectOptions &o, qint64 fromRowId, qint64 toRowId, int activeUsers,
                    std::vector<Finding> &out)
{
    const Result<std::vector<DetectionQueries::FailureSource>> sources = queries.credentialFailureSources(fromRowId, toRowId);
    if (!sources)
        return sources.error();
    struct Span { qint64 from, to; };
    QHash<QString, Span> ips, prefixes;
    for (const DetectionQueries::FailureSource &source : *sources) {
        const Span s{source.fromMs, source.toMs};
        ips.insert(source.ip, s);
        auto &p = prefixes[ipPrefix(source.ip)];
        p = p.to == 0 ? s : Span{std::min(p.from, s.from), std::max(p.to, s.to)};
    }
    const qint64 margin = qint64(o.params.slowSprayHours) * 3'600'000;
    PasswordSprayDetector detector;
    for (auto it = prefixes.cbegin(); it != prefixes.cend(); ++it) {
        const QString &prefix = it.key();
        // Most sources with a failure are offices and home routers where users mistype now and then: their failures
        // alone (a small index) show that no window can reach the user threshold, and their months of successful
        // sign-ins are never read. Exact: the detector needs that many users' failures in one window to find anything.
        const Result<std::vector<SourceSignIn>> failures =
            queries.credentialFailuresFromPrefix(prefix, it->from - margin, it->to + margin);
        if (!failures)
            return failures.error();
        if (!PasswordSprayDetector::couldFindSpray(*failures, activeUsers, o.params))
            continue;
        Result<std::vector<SourceSignIn>> all = queries.signInsFromPrefix(prefix, it->from - margin, it->to + margin);
        if (!all)
            return all.error();
        QHash<QString, std::vector<SourceSignIn>> byIp;
        for (const SourceSignIn &s : *all)
            byIp[s.ip].push_back(s);
        std::vector<Finding> found;
        for (auto ip = byIp.cbegin(); ip != byIp.cend(); ++ip) {
            if (!ips.contains(ip.key()))
                continue;
            for (Finding &f : detector.examine(ip.key(), false, *ip, activeUsers, o.params))
                found.push_back(std::move(f));
        }
        if (found.empty() && byIp.size() > 1) {
            for (Finding &f : detector.examine(prefix, true, *all, activeUsers, o.params))
                found.push_back(std::move(f));
        }
        for (Finding &f : found) {
            if (f.kind == QLatin1String("password_spray") && !o.dryRunFindings) {
                // A spray an earlier run already reported (a slow spray spans imports) is not reported twice. A dry
                // run (the backtest) examines the whole case as if for the first time, so it reports every spray.
                const Result<bool> known = queries.sprayReported(f.subject, f.timeMs - margin, f.endMs.value_or(f.timeMs));
                if (!known)
                    return known.error();
                if (*known)
                    continue;
            }
            out.push_back(std::move(f));
        }
    }
    return {};
}

Status detectPrivilegedAudits(DetectionQueries &queries, const DetectOptions &o, qint64 fromRowId, qint64 toRowId,
                              std::vector<Finding> &out, qint64 &examined)
{
    Result<std::vector<AuditRecord>> audits = queries.audits(fromRowId, toRowId);
    if (!audits)
        return audits.error();
    PrivilegedAuditDetector detector;
    for (AuditRecord &a : *audits) {
        ++examined;
        a.initiatorUpn = a.initiatorUpn.toLower();
        a.targets = auditTargetNames(a.targets);
        if (a.initiatorUpn.isEmpty() || !PrivilegedAuditDetector::isPrivileged(a.activity))
            continue;
        const Result<std::vector<PriorAnomaly>> anomalies =
            queries.signInAnomaliesOf(a.initiatorUpn, a.timeMs - qint64(o.params.privilegedWithinHours) * 3'600'000, a.timeMs);
        if (!anomalies)
            return anomalies.error();
        if (auto f = detector.examine(a, *anomalies, o.params))
            out.push_back(std::move(*f));
    }
    return {};
}

} // namespace backsight::detect::detail
