#pragma once

#include "model/result.h"

#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

namespace backsight {

class Database;

// The reads of the identity detectors (core/detect/identity_detection.cpp): distributed sprays across addresses,
// consent grants, privileged persistence, and the device-code / ROPC history of a user.
class IdentityQueries
{
public:
    struct Failure
    {
        qint64 rowId = 0, timeMs = 0;
        QString id, upn, ip, place;
    };
    struct SignIn
    {
        QString id, ip, place, app, deviceId;
        qint64 timeMs = 0;
        bool interactive = true;
    };
    struct Audit
    {
        QString id, activity, initiatorUpn, initiatorIp, targets, result;
        qint64 timeMs = 0;
    };

    explicit IdentityQueries(Database &db) : db_(db) {}

    // The time span of the credential failures (wrong password, locked, expired) among user sign-in rows (from, to].
    Result<std::optional<std::pair<qint64, qint64>>> newFailureSpan(qint64 fromRowId, qint64 toRowId);
    // Every user credential failure in [fromMs, toMs], in time order.
    Result<std::vector<Failure>> credentialFailures(qint64 fromMs, qint64 toMs);
    // Whether `upn` signed in successfully from `ip` in [fromMs, toMs].
    Result<bool> succeededFrom(const QString &upn, const QString &ip, qint64 fromMs, qint64 toMs);
    // Whether a user other than `upn` signed in successfully from `ip` in [fromMs, toMs].
    Result<bool> othersSucceededFrom(const QString &upn, const QString &ip, qint64 fromMs, qint64 toMs);
    // The successful sign-ins of `upn` in [fromMs, toMs], in time order; with `withoutDevice`, only those with no
    // device id.
    Result<std::vector<SignIn>> successes(const QString &upn, qint64 fromMs, qint64 toMs, bool withoutDevice);
    // Sign-ins of `upn` with this authentication protocol (case-insensitive) in [fromMs, toMs).
    Result<int> protocolSignIns(const QString &upn, const QString &protocol, qint64 fromMs, qint64 toMs);
    // Whether an anomaly of `kind` about `subject` overlaps [fromMs, toMs].
    Result<bool> anomalyOverlaps(const QString &kind, const QString &subject, qint64 fromMs, qint64 toMs);
    // The primary kinds of the anomalies that name sign-in `eventId`.
    Result<QStringList> anomalyKindsOn(const QString &eventId);

    // Audit rows (from, to] whose activity starts with one of `activities`, in time order.
    Result<std::vector<Audit>> audits(qint64 fromRowId, qint64 toRowId, const QStringList &activities);
    // Whether any audit before `beforeMs` (an earlier consent, an earlier grant) names `targetId` among its targets.
    Result<bool> targetSeenBefore(const QString &activity, const QString &targetId, qint64 beforeMs);

private:
    Database &db_;
};

} // namespace backsight
