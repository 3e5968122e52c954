#pragma once

#include "detect/pipeline.h"

namespace backsight::detect {

struct TrainAllOptions
{
    int windowDays = 60;
    std::function<bool(double)> progress; // 0..1; false cancels
};

struct TrainAllReport
{
    BaselineReport baselines;
    int serverModels = 0;        // backup LSTM autoencoders stored (fleet model included)
    qint64 backupSessions = 0;
    QStringList notes;           // what was skipped and why, for the analyst
    qint64 elapsedMs = 0;
};

// `train`: every user's baseline, then the models that have data (per-server backup models when backup sessions
// exist). Each part commits on its own; cancel stops before the next part.
bool trainAll(Database &db, const TrainAllOptions &options, TrainAllReport &report, QString &error);

// The model scorers `detect` runs beside the rules: backup sessions against their server's model.
void addModelScorers(DetectOptions &options);

} // namespace backsight::detect
