#pragma once

#include "detect/detector.h"
#include "detect/incidents.h"
#include "detect/severity_policy.h"
#include "model/result.h"

#include <QHash>
#include <functional>

namespace backsight {
class Database;
}

namespace backsight::detect {

// Scores events with rowid in (from, to] of its table and appends findings (models, backup scorers).
using RowScorer = std::function<Status(Database &db, qint64 fromRowId, qint64 toRowId, std::vector<Finding> &out)>;

struct DetectOptions
{
    DetectionParameters params;
    SeverityPolicy policy = SeverityPolicy::defaults();
    std::vector<std::pair<QString, RowScorer>> signInScorers;  // name, scorer over signins rowids
    std::vector<std::pair<QString, RowScorer>> backupScorers;  // name, scorer over backup_sessions rowids
    // The active sign-in models (ml::SignInModels) score each examined user's new sign-ins too, fed by the same read
    // of the user's history as the rules, and on another thread while the next users are examined.
    bool signInModels = false;
    // Sign-in rows per chunk of users scored by the models at once; only the chunk's users' own models are held.
    qint64 modelChunkRows = 200'000;
    std::function<bool(double)> progress;                      // 0..1; false cancels
    // Users examined by `backsight-cli worker` processes through the case's work queue (detect/distributed_detection.h;
    // a PostgreSQL case: a case file examines them in this process). waitingForWorkers is asked while the run waits
    // for them: an error ends the run (every worker the command started has stopped).
    bool distribute = false;
    std::function<Status()> waitingForWorkers;
    qint64 nowMs = 0;                                          // detection time; 0 = the clock
    QString sigmaRulesFolder;                                  // Sigma rules re-run after detection (core/sigma); empty = none
    IncidentOptions incidents;                                 // identity ↔ backup incidents, correlated last
    // A dry run (the sensitivity backtest): every event of the case is examined, each batch of findings is handed
    // here, and the database is left exactly as it was (no run row, no anomalies, no watermarks).
    std::function<void(const std::vector<Finding> &batch)> dryRunFindings;
};

struct DetectReport
{
    qint64 runId = 0;
    bool nothingNew = false;
    bool cancelled = false;
    qint64 signInsExamined = 0, auditsExamined = 0, backupSessionsExamined = 0, users = 0;
    qint64 usersByWorkers = 0;                   // of users: examined by worker processes (DetectOptions::distribute)
    qint64 findings = 0, anomaliesAdded = 0;
    qint64 followOnsFolded = 0;                 // anomalies folded into the story they continue (detect/stories.h)
    QHash<QString, int> anomaliesByKind;         // primary kind -> new anomalies
    QHash<QString, int> anomaliesBySeverity;
    QHash<qint64, qint64> unknownErrorCodes;     // code -> sign-ins examined with it
    qint64 elapsedMs = 0;
    QHash<QString, qint64> phaseMs;              // where the time went: users, sprays, scorers, store, audits, commit
    qint64 sigmaMatches = 0, sigmaAnomaliesAdded = 0; // with DetectOptions::sigmaRulesFolder; re-runs add nothing
    IncidentReport incidents;                    // after detection, Sigma and backup scoring; re-runs add nothing
};

// Examines what no earlier run examined (sign-ins, audits and backup sessions past the stored watermarks),
// judging each sign-in against the user's baseline of the window that ends before its day, and stores the
// anomalies, then correlates identity ↔ backup incidents over the whole case (detect/incidents.h). Running it
// again without new data adds nothing. Cancel (progress returns false) leaves the database
// as it was and succeeds with `cancelled` set in the report.
Result<DetectReport> runDetection(Database &db, const DetectOptions &options);

struct BaselineOptions
{
    int windowDays = 60;
    baseline::LearningPolicy learning;
    qint64 endMs = 0;                            // the window ends here; 0 = the day after the latest sign-in
    std::function<bool(double)> progress;
    // Handed every sign-in the scan reads (all of the case's, by user, then time and rowid): model training
    // takes its window from here instead of reading it again.
    std::function<void(const SignInEvent &)> alsoRead;
};

struct BaselineReport
{
    qint64 users = 0, learningUsers = 0, eventsUsed = 0, daysAggregated = 0;
    qint64 windowStartMs = 0, windowEndMs = 0;
    qint64 elapsedMs = 0;
};

// Rebuilds the per-user day aggregates from the sign-ins and stores one baseline per user for the window ending
// at `endMs` (baselines table: profile JSON, home zone, learning state).
Result<BaselineReport> computeBaselines(Database &db, const BaselineOptions &options);

} // namespace backsight::detect
