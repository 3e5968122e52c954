#include "detect/identity_detection.h"

#include "detect/consent_detector.h"
#include "detect/distributed_spray.h"
#include "detect/evidence_text.h"
#include "detect/persistence_detector.h"
#include "store/identity_queries.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <algorithm>

namespace backsight::detect {
namespace {

constexpr qint64 kHourMs = 3'600'000, kDayMs = 24 * kHourMs;

} // namespace

Status detectDistributedSprays(Database &db, const DetectionParameters &p, qint64 fromRowId, qint64 toRowId,
                               int activeUsers, std::vector<Finding> &out)
{
    IdentityQueries q(db);
    const auto span = q.newFailureSpan(fromRowId, toRowId);
    if (!span)
        return span.error();
    if (!*span)
        return {};
    const qint64 window = qint64(p.distributedSprayHours) * kHourMs;
    const auto failures = q.credentialFailures((*span)->first - window, (*span)->second);
    if (!failures)
        return failures.error();
    // Foreign: the user did not sign in from the address in the month before, nor in the day after.
    QHash<QString, bool> foreignPair;
    std::vector<ForeignFailure> foreign;
    for (const IdentityQueries::Failure &f : *failures) {
        const QString key = f.upn + QLatin1Char('|') + f.ip;
        auto it = foreignPair.find(key);
        if (it == foreignPair.end()) {
            const auto own = q.succeededFrom(f.upn, f.ip, f.timeMs - 30 * kDayMs, f.timeMs + kDayMs);
            if (!own)
                return own.error();
            it = foreignPair.insert(key, !*own);
        }
        if (*it)
            foreign.push_back({f.id, f.upn, f.ip, f.place, f.timeMs, f.rowId > fromRowId});
    }
    DistributedSprayDetector detector;
    const std::vector<ForeignFailure> spread = DistributedSprayDetector::withoutBusyAddresses(foreign, p);
    for (const DistributedSprayDetector::Cluster &c : detector.clusters(spread, activeUsers, p)) {
        const auto earlier = q.anomalyOverlaps(QStringLiteral("password_spray_distributed"), QStringLiteral("tenant"),
                                               c.startMs, c.endMs);
        if (!earlier)
            return earlier.error();
        if (*earlier) // an earlier run reported this spray (a slow one spans imports)
            continue;
        QSet<QString> users, addresses;
        for (size_t k : c.members) {
            users.insert(spread[k].upn);
            addresses.insert(spread[k].ip);
        }
        // The password that worked: a sprayed user's success with no device id, from an address new to them that no
        // one else in the tenant uses, after their first failure and within a day of the spray's end.
        std::vector<SprayedSuccess> won;
        QHash<QString, qint64> firstFailure;
        for (size_t k : c.members)
            if (!firstFailure.contains(spread[k].upn))
                firstFailure.insert(spread[k].upn, spread[k].timeMs);
        QStringList sortedUsers(users.begin(), users.end());
        sortedUsers.sort();
        for (const QString &upn : sortedUsers) {
            const auto successes = q.successes(upn, firstFailure.value(upn), c.endMs + kDayMs, true);
            if (!successes)
                return successes.error();
            for (const IdentityQueries::SignIn &s : *successes) {
                if (!s.interactive || s.ip.isEmpty())
                    continue;
                const auto own = q.succeededFrom(upn, s.ip, s.timeMs - 30 * kDayMs, s.timeMs - 1);
                if (!own)
                    return own.error();
                const auto shared = q.othersSucceededFrom(upn, s.ip, s.timeMs - 30 * kDayMs, s.timeMs);
                if (!shared)
                    return shared.error();
                if (!*own && !*shared) {
                    won.push_back({s.id, upn, s.ip, s.place, s.app, s.timeMs});
                    break;
                }
            }
        }
        out.push_back(detector.finding(c, spread, won));
        for (const SprayedSuccess &s : won)
            out.push_back(detector.successFinding(c, s));
    }
    return {};
}

Status detectIdentityAudits(Database &db, const DetectionParameters &p, qint64 fromRowId, qint64 toRowId,
                            std::vector<Finding> &out)
{
    IdentityQueries q(db);
    QStringList activities = PrivilegedPersistenceDetector::activities();
    activities << QStringLiteral("Consent to application");
    const auto audits = q.audits(fromRowId, toRowId, activities);
    if (!audits)
        return audits.error();
    ConsentDetector consent;
    PrivilegedPersistenceDetector persistence;
    QHash<QString, size_t> bySession; // actor sign-in id -> its persistence finding in `out`
    for (const IdentityQueries::Audit &a : *audits) {
        if (a.initiatorUpn.isEmpty())
            continue;
        const AuditRecord record{a.id, a.activity, a.initiatorUpn, a.initiatorIp, auditTargetNames(a.targets), a.result, a.timeMs};
        if (a.activity.startsWith(QLatin1String("Consent to application"), Qt::CaseInsensitive)) {
            const ConsentGrant grant = parseConsent(a.targets);
            if (grant.servicePrincipalId.isEmpty() || broadScopes(grant.scopes).isEmpty())
                continue;
            const auto known = q.targetSeenBefore(a.activity, grant.servicePrincipalId, a.timeMs);
            if (!known)
                return known.error();
            if (auto f = consent.examine(record, grant, *known))
                out.push_back(std::move(*f));
            continue;
        }
        // The session behind the action: the actor's latest success before it, from the action's address if any.
        const auto sessions = q.successes(a.initiatorUpn, a.timeMs - qint64(p.privilegedWithinHours) * kHourMs, a.timeMs, false);
        if (!sessions)
            return sessions.error();
        const IdentityQueries::SignIn *pick = nullptr;
        for (const IdentityQueries::SignIn &s : *sessions)
            if (s.interactive && (a.initiatorIp.isEmpty() || s.ip == a.initiatorIp))
                pick = &s;
        if (!pick && !sessions->empty())
            pick = &sessions->back();
        std::optional<ActorSession> session;
        if (pick) {
            ActorSession s{pick->id, pick->ip, pick->place, pick->app, pick->timeMs, !pick->deviceId.isEmpty(), false, {}};
            if (!s.hasDevice) {
                const auto own = q.succeededFrom(a.initiatorUpn, pick->ip, pick->timeMs - 30 * kDayMs, pick->timeMs - 1);
                if (!own)
                    return own.error();
                s.newAddress = !*own;
                const auto kinds = q.anomalyKindsOn(pick->id);
                if (!kinds)
                    return kinds.error();
                s.anomalyKinds = *kinds;
            }
            session = s;
        }
        if (auto f = persistence.examine(record, session, p)) {
            // Several ways back in from one session are one finding (one anomaly for the analyst), naming each action.
            if (const auto it = bySession.constFind(session->signInId); it != bySession.cend()) {
                out[*it].eventIds << a.id;
                out[*it].score = std::max(out[*it].score, f->score);
                out[*it].reason.text += QStringLiteral("; then \"%1\"").arg(a.activity);
                continue;
            }
            bySession.insert(session->signInId, out.size());
            out.push_back(std::move(*f));
        }
    }
    return {};
}

} // namespace backsight::detect
