#pragma once

#include "model/incident.h"
#include "model/result.h"

#include <QStringList>
#include <vector>

namespace backsight {
class Database;
}

namespace backsight::detect {

// Identity ↔ backup incidents (docs/incidents.md): an identity event followed within `windowHours` by backup
// anomalies becomes one incident holding both. Identity events are the anomalies about users (medium or worse),
// privileged audit events (role assignments, service-principal credentials, consents) and successful sign-ins to
// a backup console or API (Veeam Backup & Replication console, VBR REST API). Backup parts are the server
// anomalies of threat 4 or more (medium). An anomalous identity event links to any such backup part; a privileged
// event that raised no anomaly of its own links only to a backup part of threat 7 or more (high), so routine
// administration before an ordinary backup hiccup is no incident.
struct IncidentOptions
{
    int windowHours = 72;
    int identityMinSeverityRank = 2;  // medium
    int backupMinSeverityRank = 2;    // medium: threat 4–6
    int privilegedMinThreat = 7;      // a privileged event without an anomaly links to threat ≥ 7 only
    QStringList privilegedActivities = defaultPrivilegedActivities();
    QStringList backupConsoleApps = defaultBackupConsoleApps();
    qint64 nowMs = 0;                 // detected_at of new incidents; 0 = the clock

    static QStringList defaultPrivilegedActivities();
    static QStringList defaultBackupConsoleApps();
};

// Groups linked parts into incidents: parts joined by a link (identity before backup, at most the window apart)
// belong to the same incident. Deterministic: the same parts give the same incidents, ids included (the id comes
// from the incident's first identity part). Pure; correlateIncidents() reads the parts and stores the result.
std::vector<Incident> buildIncidents(std::vector<IncidentPart> identity, std::vector<IncidentPart> backup,
                                     const IncidentOptions &options, qint64 nowMs);

struct IncidentReport
{
    qint64 incidents = 0, added = 0, updated = 0, removed = 0;
};

// Reads the candidates from the case, builds the incidents and stores them (store::replaceIncidents). A re-run
// over the same data adds nothing. Run after detection and backup scoring (runDetection calls it).
Result<IncidentReport> correlateIncidents(Database &db, const IncidentOptions &options = {});

} // namespace backsight::detect
