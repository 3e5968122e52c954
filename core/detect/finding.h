#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

namespace backsight::detect {

// Severity after the policy; the numbers are stored in anomalies.severity_rank.
enum class Severity { Low = 1, Medium = 2, High = 3, Critical = 4 };

QString severityName(Severity severity);                         // "low" .. "critical"
std::optional<Severity> parseSeverity(const QString &text);      // names or "1".."4"
// Backup threat score 1–10 → severity: 1–3 low, 4–6 medium, 7–8 high, 9–10 critical.
Severity severityForThreatScore(int threatScore);

// Why a finding was raised: which detector, one sentence, and the structured evidence
// (keys such as "observed", "baseline", "threshold"; free-form JSON).
struct Reason
{
    QString detector;
    QString text;
    QJsonObject evidence;
};

// What a detector (rule, model or backup scorer) emits. The severity policy turns findings into anomalies.
struct Finding
{
    QString kind;                        // e.g. "new_country", "impossible_travel", "iforest_user", "backup_ransomware"
    QString subjectType = QStringLiteral("user"); // "user", "ip", "server", "tenant"
    QString subject;                     // the UPN (lower case), IP/prefix, or server name
    QString upn;                         // the user involved, lower case; empty when none
    qint64 timeMs = 0;                   // the event's time, or the window's start (UTC epoch ms)
    std::optional<qint64> endMs;         // the window's end for windowed findings
    QString eventTable;                  // "signins", "service_signins", "audits", "backup_sessions"
    QStringList eventIds;                // the first one is the primary event
    double score = 0;                    // in [0, 1]
    std::optional<int> threatScore;      // 1–10 for backup findings
    bool success = false;                // the flagged sign-in succeeded (raises severity)
    bool interactive = true;             // non-interactive (token refresh) findings weigh less
    bool learning = false;               // judged against a baseline still in its learning state
    bool privileged = false;             // the user holds an admin role
    bool knownDevice = false;            // the sign-in came from a device id the user already showed (their own device)
    Reason reason;
    qint64 baselineId = 0, modelId = 0;  // what it was judged against (0 when none)
};

// One stored row of the anomalies table (see core/store/migrations.cpp, version 2).
struct Anomaly
{
    QString id;
    QString subjectType, subject, upn;
    QString eventId, eventTable;
    qint64 timeMs = 0;
    std::optional<qint64> endMs;
    QStringList kinds;                   // the first one is the primary kind
    Severity severity = Severity::Low;
    std::optional<double> score;
    std::optional<int> threatScore;
    QString summary;                     // one human sentence
    std::vector<Reason> reasons;
    QStringList eventIds;
    qint64 detectedAtMs = 0;
    qint64 runId = 0, baselineId = 0, modelId = 0;
    QString status = QStringLiteral("new"); // new, investigating, confirmed, dismissed
    QString statusBy;
    std::optional<qint64> statusAtMs;
};

} // namespace backsight::detect
