#pragma once

#include <QString>
#include <QStringList>
#include <optional>

namespace backsight {

// Which anomalies an analyst is looking at. Every click-through (a dashboard number, a timeline brush, a user's
// anomalies) is one of these; empty fields do not narrow.
struct AnomalySelection
{
    int minSeverity = 0;             // 1..4; 0 = all
    std::optional<int> severity;     // exactly this rank
    QString kind;                    // any of the anomaly's kinds
    QStringList statuses;            // empty = all
    QString user;                    // exact UPN (lower case), or the subject (server, IP)
    QString country, app;            // of the anomaly's primary sign-in
    std::optional<qint64> fromMs, toMs; // time_ms in [from, to)
    QString text;                    // substring of summary, user, kinds or id
    QString network;                 // of the primary sign-in: "AS3320", or a substring of the organisation

    bool operator==(const AnomalySelection &) const = default;
};

// The order of an anomaly list (ties by time in the same direction, then id).
enum class AnomalyOrder { Time, Severity, User, Network, Kinds, Summary, Score, Status };

// One line of the triage queue.
struct AnomalyListRow
{
    QString id;
    int severity = 0;
    qint64 timeMs = 0;
    QString user;       // UPN, or the subject (server, IP) when there is no user
    QString subjectType;
    QStringList kinds;
    QString summary;
    std::optional<double> score;
    QString status;
    QString eventId;
    quint32 asn = 0;    // the primary sign-in's autonomous system (0: none known) ...
    QString asOrg;      // ... and its organisation
};

// One anomaly as the detail pane heads it; `reasonsJson` is the stored JSON array of {detector, text, evidence}.
struct AnomalyHeader
{
    QString id, summary, upn, status, eventId, eventTable;
    int severity = 0;
    qint64 timeMs = 0;
    QString reasonsJson;
};

} // namespace backsight
