#pragma once

#include "detect/pipeline.h"
#include "model/result.h"

namespace backsight::detect {

struct TrainAllOptions
{
    int windowDays = 60;
    std::function<bool(double)> progress; // 0..1; false cancels
    // The per-user forests trained by `backsight-cli worker` processes (detect/distributed_training.h) on a
    // PostgreSQL case; waitingForWorkers is asked while waiting (an error ends the training).
    bool distribute = false;
    std::function<Status()> waitingForWorkers;
};

struct TrainAllReport
{
    BaselineReport baselines;
    int userModels = 0;          // per-user Isolation Forests stored
    int userModelsByWorkers = 0; // of userModels: trained by worker processes (TrainAllOptions::distribute)
    int tenantModels = 0;        // tenant Isolation Forest and autoencoder
    qint64 modelWindowEndMs = 0; // the sign-in models learnt from sign-ins before this time and judge those after it
    int serverModels = 0;        // backup LSTM autoencoders stored (fleet model included)
    qint64 backupSessions = 0;
    QStringList notes;           // what was skipped and why, for the analyst
    qint64 elapsedMs = 0;
};

// `train`: every user's baseline, then the models that have data: per-user Isolation Forests with the tenant
// models (core/ml/user_models), per-server backup models when backup sessions exist. Each part commits on its
// own; cancel stops before the next part and leaves the earlier versions in force.
Result<TrainAllReport> trainAll(Database &db, const TrainAllOptions &options);

// The model scorers `detect` runs beside the rules: sign-ins against their user's (or the tenant's) models, backup
// sessions against their server's model.
void addModelScorers(DetectOptions &options);

} // namespace backsight::detect
