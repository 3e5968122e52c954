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
};

// The kind a judged session looks like: backup_ransomware, backup_exfiltration, backup_mass_deletion or
// backup_anomaly. A named kind needs each defining signal beyond |3| against the session's class AND against the
// reconstruction, and a change large in absolute terms (`delta` = observed − usual, in feature units).
QString classify(const Judgement &j, const Eigen::RowVectorXd &delta, const Eigen::RowVectorXd &usual, bool usedKnown);

// The threat score 1–10 of a finding of `kind` whose error is `ratio` times its threshold (docs/backup-models.md).
// `failureOnly`: a failed session that moved nothing, an operational event rather than an attack.
int threatScore(const QString &kind, double ratio, bool failureOnly);

QString kindWords(const QString &kind);

// The finding for session `k` of `sessions` (raw and scaled rows alongside), judged by `model` with `scaler`.
detect::Finding makeFinding(const QString &server, const std::vector<Session> &sessions, size_t k,
                            const Eigen::MatrixXd &raw, const ServerModel &model, const SessionScaler &scaler,
                            const Judgement &j);

} // namespace backsight::backup
