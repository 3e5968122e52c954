#pragma once

#include "model/incident.h"
#include "model/result.h"

#include <QStringList>
#include <optional>
#include <vector>

namespace backsight {
class Database;
}

namespace backsight::store {

// The candidates the incident correlation reads (core/detect/incidents.h), each as an IncidentPart in time order.

// Anomalies about users, IPs or the tenant (anything but a server) of at least `minSeverityRank`.
Result<std::vector<IncidentPart>> identityAnomalyParts(Database &db, int minSeverityRank);
// Successful audit events whose activity starts with one of `activities` (role assignments, credentials), except
// those among the events of an anomaly of at least `anomalyRank` (identityAnomalyParts has them; a story's follow-on
// audit event is among its head's events, detect/stories.h).
Result<std::vector<IncidentPart>> privilegedAuditParts(Database &db, const QStringList &activities, int anomalyRank);
// Successful sign-ins to an application whose name contains one of `appNames` (the Veeam console, VBR REST API),
// except those among the events of an anomaly of at least `anomalyRank`.
Result<std::vector<IncidentPart>> backupConsoleSignInParts(Database &db, const QStringList &appNames, int anomalyRank);
// Anomalies about backup servers (subject_type 'server') of at least `minSeverityRank`.
Result<std::vector<IncidentPart>> backupAnomalyParts(Database &db, int minSeverityRank);

struct IncidentChanges
{
    qint64 added = 0, updated = 0, removed = 0;
};

// Makes the incidents table hold exactly `incidents`, in one transaction: new ids are added, changed ones
// rewritten, ids no longer found removed. The same set again changes nothing (all counts 0).
Result<IncidentChanges> replaceIncidents(Database &db, const std::vector<Incident> &incidents);

struct IncidentFilter
{
    std::optional<qint64> fromMs, toMs; // incidents overlapping [from, to)
    QStringList ids;
};

// Stored incidents with their parts, newest first.
Result<std::vector<Incident>> readIncidents(Database &db, const IncidentFilter &filter = {});

} // namespace backsight::store
