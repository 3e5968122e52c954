#pragma once

#include <QString>

namespace backsight::backupbench {

// The identity ↔ backup incident scenario (docs/incidents.md) end to end: a generated tenant whose offhours_admin
// attacks (an admin's sign-in from abroad, a role assignment, a service-principal credential) are each followed by
// a ransomware-like night on `incidentServers` of `servers` backup servers, imported, trained and detected with
// the real pipeline; the stored incidents are compared with the identity_backup_incident labels. A labelled
// incident is found when one stored incident holds an identity part about the admin and a backup part during its
// ransomware night. `clean`: the same tenant with every identity attack but backups left alone, so every
// incident is a false one.
struct IncidentRecall
{
    QString source;
    int labelled = 0, found = 0;
    int incidents = 0, falseIncidents = 0; // stored; those matching no label
    int identityAnomalies = 0, backupAnomalies = 0; // medium or worse, what the correlation could link
    double seconds = 0;
    QString error;
};

IncidentRecall evaluateIncidents(quint64 seed, int users, int days, int servers, int incidentServers, bool clean,
                                 const QString &workDir);

} // namespace backsight::backupbench
