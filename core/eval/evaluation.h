#pragma once

#include "eval/labels.h"

#include <QString>
#include <cmath>
#include <optional>
#include <vector>

namespace backsight::eval {

// One row of the detection issue's `anomalies` table, as docs/simulation.md defines it.
struct Anomaly
{
    QString id, eventId, upn;
    QStringList eventIds;           // every event it names (event_id first); just event_id when that is all
    qint64 timeMs = 0;
    QString kind;
    int severity = 0;               // 1 low, 2 medium, 3 high, 4 critical
    std::optional<double> score;    // in [0, 1], when the detector gives one
};

int severityRank(const QString &severity); // "low".."critical" or "1".."4"; 0 when unknown

struct KindResult
{
    QString kind;
    int attacks = 0, detected = 0;
    double recall = 0;
    std::optional<qint64> medianTimeToDetectMs; // over the detected attacks
};

struct EvaluationReport
{
    std::vector<KindResult> kinds;
    int attacks = 0, detected = 0;
    double recall = 0;
    qint64 anomalies = 0, anomaliesMediumUp = 0, truePositives = 0, falseHighCritical = 0;
    std::optional<double> precision;            // of anomalies with severity >= medium
    double userDays = 0;
    double falseHighCriticalPer1000UserDays = 0;
    std::optional<double> prAuc;                // when some anomaly has a score
    std::optional<qint64> medianTimeToDetectMs;
    QString note;
};

// Event ids of the store and their number, so PR-AUC counts the events no detector scored.
struct EventUniverse
{
    qint64 events = 0;
    double userDays = 0;
};

// An attack is detected when an anomaly of severity >= medium names one of its events, or names one
// of its users with a time inside [start, end]. Times to detection run from the attack's start to the
// earliest such anomaly's time.
EvaluationReport evaluate(const std::vector<AttackLabel> &labels, const std::vector<Anomaly> &anomalies,
                          const EventUniverse &universe);

} // namespace backsight::eval
