#pragma once

#include "detect/finding.h"
#include "ml/user_models.h"

#include <QString>
#include <functional>
#include <vector>

namespace backsight {
class Database;
}

// The sign-in models and the case: what core/ml's training and scoring read from it, and where their models go
// (the model registry). core/ml itself does the math only.
namespace backsight::detect {

// Trains per-user Isolation Forests (users with >= minUserEvents sign-ins in the window) and the tenant models for
// everyone else (ml::trainModelsFrom) and stores them in the registry, in one transaction. progress(0..1) returning
// false cancels: nothing is stored and the previous versions stay in force.
bool trainSignInModels(Database &db, const ml::ModelTrainOptions &options,
                       const std::function<bool(double progress01)> &progress, ml::ModelTrainReport &report,
                       QString &error);

// The registry's active sign-in models, unpacked.
bool loadSignInModels(Database &db, ml::SignInModels &models, QString &error);

// Scores the sign-ins whose rowid is in (fromRowId, toRowId] with the active models (SignInModels::score), reading
// each user's rows itself, by user then time. Detection reads them once for its rules and the models together
// (pipeline.cpp); this is the reference it is tested against.
bool scoreSignInsWithModels(Database &db, qint64 fromRowId, qint64 toRowId, std::vector<Finding> &out, QString &error);

} // namespace backsight::detect
