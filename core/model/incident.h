#pragma once

#include <QString>
#include <optional>
#include <vector>

namespace backsight {

// One part of an identity ↔ backup incident (core/detect/incidents.h): the identity event that came first or a
// backup anomaly that followed. `source` names the table the row lives in ("anomalies", "audits", "signins") and
// `refId` its id.
struct IncidentPart
{
    QString role;   // "identity" or "backup"
    QString source; // "anomalies", "audits", "signins"
    QString refId;
    qint64 timeMs = 0;
    QString kind;    // the anomaly's kind, or "privileged_audit" / "backup_console_sign_in"
    QString subject; // the user (identity) or the server (backup)
    int severityRank = 0;               // 1 low .. 4 critical; privileged events without an anomaly count as 2
    std::optional<int> threatScore;     // backup parts
    QString summary;

    bool operator==(const IncidentPart &o) const
    {
        return role == o.role && source == o.source && refId == o.refId && timeMs == o.timeMs && kind == o.kind
               && subject == o.subject && severityRank == o.severityRank && threatScore == o.threatScore
               && summary == o.summary;
    }
};

// An identity event followed within `windowHours` by backup anomalies: one incident with both kinds of parts.
struct Incident
{
    QString id;
    qint64 identityMs = 0; // the first identity part
    qint64 backupMs = 0;   // the first backup part
    qint64 firstMs = 0, lastMs = 0;
    int severityRank = 0;  // 1 low .. 4 critical
    QString summary;
    int windowHours = 0;
    qint64 detectedAtMs = 0;
    std::vector<IncidentPart> parts; // identity parts first, each role in time order

    int count(const QString &role) const
    {
        int n = 0;
        for (const IncidentPart &p : parts)
            n += p.role == role;
        return n;
    }
};

} // namespace backsight
