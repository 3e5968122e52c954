#pragma once

#include "backup/server_model.h"
#include "detect/finding.h"

#include <QString>
#include <vector>

namespace backsight::backup {

// How one session compares with its server: per-feature squared errors of the network's reconstruction, their
// mean, the ratio to the calibrated threshold, the robust z against sessions of its own class, and the residual
// (observed − reconstructed, scaled units): what the network expected given the weekday and the nights before.
struct Judgement
{
    Eigen::VectorXd perFeature;
    double error = 0, ratio = 0;
    Eigen::RowVectorXd z, residual;
    // Persistence: consecutive judged sessions over the threshold ending at this one (1: this one alone), and
    // whether none of the `window` judged sessions before it was over the threshold (a departure out of quiet).
    int run = 1;
    bool afterQuiet = false;
};

// The kind a judged session looks like: backup_ransomware, backup_exfiltration, backup_mass_deletion or
// backup_anomaly. A named kind needs each defining signal beyond |3| against the session's class AND against the
// reconstruction, and a change large in absolute terms (`delta` = observed − usual, in feature units).
QString classify(const Judgement &j, const Eigen::RowVectorXd &delta, const Eigen::RowVectorXd &usual, bool usedKnown);

// What besides the kind and the error moves the threat (docs/backup-models.md, "Threat score"): how long the departure
// has lasted (`run`: consecutive judged sessions over the threshold, this one included), whether it comes out of
// quiet (the `window` judged sessions before it all under the threshold) and whether the backup's shape changed —
// its data reduction (read per written, dedup or compression ratio) beyond |3| against its class and against the
// reconstruction — rather than its size alone, as on a busy night that reads and writes more together.
struct ThreatContext
{
    int run = 1;
    bool afterQuiet = false;
    bool shapeChanged = false;
};

// The threat score 1–10 of a finding of `kind` whose error is `ratio` times its threshold (docs/backup-models.md).
// `failureOnly`: a failed session that moved nothing, an operational event rather than an attack. A named pattern
// scores higher the longer it lasts; an unexplained departure stays low unless it is extreme (8× the threshold or
// more), comes out of quiet and changed the backup's shape.
int threatScore(const QString &kind, double ratio, bool failureOnly, const ThreatContext &context = {});

// Whether the session's data reduction changed (ThreatContext::shapeChanged).
bool shapeChanged(const Judgement &j);

QString kindWords(const QString &kind);

// The finding for session `k` of `sessions` (raw and scaled rows alongside), judged by `model` with `scaler`.
detect::Finding makeFinding(const QString &server, const std::vector<Session> &sessions, size_t k,
                            const Eigen::MatrixXd &raw, const ServerModel &model, const SessionScaler &scaler,
                            const Judgement &j);

} // namespace backsight::backup
