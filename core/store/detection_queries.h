#pragma once

#include "detect/tenant_detectors.h"
#include "model/result.h"
#include "store/prepared_query.h"

#include <QString>
#include <optional>
#include <vector>

namespace backsight {

class Database;

// The tenant-wide reads of a detection run (core/detect/pipeline.cpp): what the user detectors ask about the tenant,
// the sources of password sprays, and the anomalies before privileged audits. The statements that run once per
// address, source or audit record are prepared once, when the run starts.
class DetectionQueries
{
public:
    struct FailureSource
    {
        QString ip;
        qint64 fromMs = 0, toMs = 0;
    };

    explicit DetectionQueries(Database &db);

    // Distinct users with a successful sign-in from `ip` in [fromMs, toMs), counted up to `limit` (an office
    // address has thousands of rows; only "at least limit" matters).
    Result<int> usersWithSuccessFrom(const QString &ip, qint64 fromMs, qint64 toMs, int limit);
    // Whether an "Add user" audit at or before `beforeMs` names `upn` among its targets.
    Result<bool> accountCreatedBefore(const QString &upn, qint64 beforeMs);

    // Each source address of the credential failures among sign-in rows (from, to], with their first and last time.
    Result<std::vector<FailureSource>> credentialFailureSources(qint64 fromRowId, qint64 toRowId);
    // The sign-ins from the addresses of `prefix` (an IPv4 /24 such as "203.0.113.0/24", else as ipPrefix writes it)
    // with created_ms in [fromMs, toMs], in time order.
    Result<std::vector<detect::SourceSignIn>> signInsFromPrefix(const QString &prefix, qint64 fromMs, qint64 toMs);
    // Only the credential failures among them (ip, upn, time and result set; id and place empty), in time order,
    // read from the partial index signins_ip_failures without touching the table.
    Result<std::vector<detect::SourceSignIn>> credentialFailuresFromPrefix(const QString &prefix, qint64 fromMs, qint64 toMs);
    // Whether a password spray from `subject` overlapping [fromMs, toMs] is stored already.
    Result<bool> sprayReported(const QString &subject, qint64 fromMs, qint64 toMs);

    // Every audit row (from, to], in time order; targets as stored (JSON), the initiator as stored.
    Result<std::vector<detect::AuditRecord>> audits(qint64 fromRowId, qint64 toRowId);
    // The anomalies on sign-ins of `upn` with time_ms in [fromMs, toMs], oldest first.
    Result<std::vector<detect::PriorAnomaly>> signInAnomaliesOf(const QString &upn, qint64 fromMs, qint64 toMs);

private:
    Database &db_;
    PreparedQuery sharedAddress_, accountCreated_, fromAddresses_, failuresFromAddresses_, sprayReported_, priorAnomalies_;
};

// The audit records of rows (from, to], in time order: the one read behind DetectionQueries::audits and
// IdentityQueries::audits.
Result<std::vector<detect::AuditRecord>> readAuditRecords(Database &db, qint64 fromRowId, qint64 toRowId);

} // namespace backsight
