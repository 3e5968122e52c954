#pragma once

#include "detect/detector.h"

namespace backsight::detect {

// One sign-in as seen from its source address.
struct SourceSignIn
{
    QString id, upn, ip, place;
    qint64 timeMs = 0;
    ResultClass result = ResultClass::Success;
};

// 5. Password spray: one source address (or /24 prefix) failing against many distinct users within a short
// window (fast) or a day (slow), where failures dominate that source's traffic. A success from the source to one
// of the sprayed users inside the spray escalates it and gets its own finding on that user.
// Kinds: password_spray (subject: the address or prefix), password_spray_success (subject: the user).
class PasswordSprayDetector
{
public:
    // `signIns`: every sign-in from `source` in the period, in time order. `activeUsers`: the tenant's users with a
    // sign-in in the baseline window (the user threshold scales down for small tenants).
    std::vector<Finding> examine(const QString &source, bool isPrefix, const std::vector<SourceSignIn> &signIns,
                                 int activeUsers, const DetectionParameters &params) const;
    static int userThreshold(int activeUsers, const DetectionParameters &params);
    // Whether examine() could find anything in a source whose credential failures are `failures` (in time order):
    // only if some window of the slow length (the fast one lies inside it) holds failures of userThreshold distinct
    // users. A false answer is exact, for the source and for any subset of its addresses, so the caller can skip
    // reading the source's whole traffic.
    static bool couldFindSpray(const std::vector<SourceSignIn> &failures, int activeUsers, const DetectionParameters &params);
};

// An audit record, as the privileged-activity detector needs it.
struct AuditRecord
{
    QString id, activity, initiatorUpn, initiatorIp, targets, result;
    qint64 timeMs = 0;
};

// A stored anomaly of the same user shortly before a privileged action.
struct PriorAnomaly
{
    QString id, kind, summary;
    Severity severity = Severity::Low;
    qint64 timeMs = 0;
};

// 9. Privileged audit activity (role assignment, credentials added to an app, consent, user created or deleted,
// policy changes) by a user within a few hours after one of their anomalous sign-ins: a linked finding.
// Kind: privileged_after_anomaly.
class PrivilegedAuditDetector
{
public:
    static bool isPrivileged(const QString &activity);
    // `prior`: the initiator's anomalies in [audit time - window, audit time]. Empty optional when none.
    std::optional<Finding> examine(const AuditRecord &audit, const std::vector<PriorAnomaly> &prior,
                                   const DetectionParameters &params) const;
};

} // namespace backsight::detect
