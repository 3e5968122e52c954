#pragma once

#include "detect/finding.h"
#include "model/result.h"

#include <QString>
#include <functional>
#include <vector>

namespace backsight {

class Database;

namespace backup {

// How per-server LSTM autoencoders are trained on the backup_sessions table.
struct ServerTrainOptions
{
    int minSessions = 30;      // a server with fewer sessions is judged by the fleet-wide model
    int window = 8;            // sessions per sequence window
    unsigned seed = 42;        // same seed, same data -> same models (byte for byte)
    double sensitivity = 1.0;  // > 1 lowers thresholds (more findings), < 1 raises them
    // Point in time: a model learns from the oldest part of each server's history (this share, at least
    // minSessions sessions) and judges only sessions after it, never the ones it learnt from. 1 = everything.
    double trainShare = 1.0 / 3.0;
};

// Trains one model per server with at least `minSessions` sessions, plus one fleet-wide fallback, and
// stores them in the models table (scope "server"/"fleet", kind "lstm_autoencoder"). Everything is
// stored in one transaction: `progress` gets 0..1 and returns false to cancel, and then nothing is stored and the
// result is an Error of category Cancelled. It answers how many models were stored, the fleet model included.
Result<int> trainServerModels(Database &db, const ServerTrainOptions &options, const std::function<bool(double)> &progress);

// Scores sessions with rowid in (fromRowId, toRowId] of backup_sessions against the latest active model
// of their server (or the fleet model); sessions inside that model's training window are not judged. Emits one Finding per session whose reconstruction error passes
// its model's threshold: subjectType "server", subject = server, kind "backup_ransomware",
// "backup_exfiltration", "backup_mass_deletion" or "backup_anomaly", threatScore 1–10, score in [0,1],
// eventTable "backup_sessions", eventIds = the session ids (the scored one first), modelId = models.id and
// a reason naming the signals ("dedup ratio 1.1 vs usual 3.8; transferred 412 GB vs usual 35 GB").
Status scoreBackupSessions(Database &db, qint64 fromRowId, qint64 toRowId, std::vector<detect::Finding> &out);

} // namespace backup
} // namespace backsight
