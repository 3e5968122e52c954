#pragma once

#include "detect/finding.h"
#include "model/result.h"

#include <QJsonObject>
#include <functional>

namespace backsight {
class Database;
}

namespace backsight::detect {

// Which anomalies to read. Empty fields do not filter.
struct AnomalyFilter
{
    std::optional<Severity> minSeverity;
    std::optional<qint64> fromMs, toMs;   // time_ms in [from, to)
    QString upn;                          // lower case
    QStringList ids;
    QStringList kinds;                    // any of these as primary kind
    QStringList statuses;
    QString subjectType;
};

// Stores anomalies: ON CONFLICT DO NOTHING on the id (both engines), so detecting the same thing twice adds nothing.
// Runs inside the caller's transaction when there is one. Returns how many rows were new.
Result<qint64> insertAnomalies(Database &db, const std::vector<Anomaly> &anomalies);

// Stories (detect/stories.h): the latest stored anomaly a follow-on anomaly `next` could continue: a user anomaly of
// `next`'s user other than `next` itself, medium or higher, before it (by time, then id), at most `spanMs` earlier
// and accepted by `mayLead` (the story rules' side check), whatever its status. nullopt when there is none.
Result<std::optional<Anomaly>> storedStoryHead(Database &db, const Anomaly &next, qint64 spanMs,
                                               const std::function<bool(const Anomaly &)> &mayLead);
// Writes a story head that took in follow-on anomalies: its kinds, severity, score, threat, end, summary, reasons and
// events, and links the new events. When its severity rose, a watcher raises it again as an alert.
Status updateStoryHead(Database &db, const Anomaly &head, bool severityRose);

// Calls `row` for each anomaly matching `filter`, ordered by time then id; `row` returns false to stop (still a
// success: a caller that stops for a reason of its own keeps that reason).
Status forEachAnomaly(Database &db, const AnomalyFilter &filter, const std::function<bool(const Anomaly &)> &row);

// The JSONL/report shape: id, user_principal_name, subject_type, subject, kinds, severity, score,
// threat_score, event_time (ISO 8601 UTC), end_time, event_ids, event_table, reasons [{detector,text,evidence}],
// summary, detected_at, status, status_by, status_at, run_id, baseline_id, model_id.
QJsonObject anomalyToJson(const Anomaly &anomaly);

// A stable id for a finding: the same detector, subject and events always give the same id.
QString anomalyId(const QString &kind, const QString &subject, const QStringList &eventIds, qint64 timeMs);

} // namespace backsight::detect
