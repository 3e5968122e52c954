#pragma once

#include "detect/finding.h"
#include "features/signin_features.h"

#include <QString>
#include <functional>
#include <vector>

namespace backsight {
class Database;
}

namespace backsight::ml {

struct ModelTrainOptions
{
    int windowDays = 60;
    qint64 nowMs = 0;          // window end; 0 = latest sign-in
    bool incremental = false;  // only subjects with sign-ins newer than their active model's window end
    int minUserEvents = 50;    // fewer in the window: the user is judged by the tenant model
    int trees = 100;
    double sensitivity = 1.0;  // > 1 lowers every threshold, < 1 raises it
    int keepVersions = 5;
    unsigned seed = 42;
    int threads = 0;           // 0 = hardware concurrency
    // The window's sign-ins (nowMs - windowDays .. nowMs) already read, by user, then time and rowid, or null to read
    // them here. trainAll hands over what the baseline scan read, so training does not read the window again.
    const std::vector<features::SignInRow> *windowRows = nullptr;
};

struct ModelTrainReport
{
    int userModels = 0, tenantModels = 0, skipped = 0;
    qint64 eventsUsed = 0;
    qint64 elapsedMs = 0;
};

// Trains per-user Isolation Forests (users with >= minUserEvents sign-ins in the window) and the tenant model
// for everyone else, and stores them in the registry (models table). progress(0..1) returning false cancels:
// nothing is stored and the previous versions stay in force.
bool trainModels(Database &db, const ModelTrainOptions &options, const std::function<bool(double progress01)> &progress,
                 ModelTrainReport &report, QString &error);

// Scores the sign-ins whose rowid is in (fromRowId, toRowId] with the active models; findings above threshold only
// (kind "model_iforest" / "model_autoencoder", subjectType "user", score in [0,1], reason text with the top
// features, modelId = models.id).
bool scoreSignIns(Database &db, qint64 fromRowId, qint64 toRowId, std::vector<detect::Finding> &out, QString &error);

} // namespace backsight::ml
