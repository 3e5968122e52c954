#pragma once

#include "detect/finding.h"
#include "ml/user_models.h"
#include "model/result.h"

#include <QSet>
#include <QString>
#include <QStringList>
#include <functional>
#include <optional>
#include <vector>

namespace backsight {
class Database;
}

// The sign-in models and the case: what core/ml's training and scoring read from it, and where their models go
// (the model registry). core/ml itself does the math only.
namespace backsight::detect {

// The time span the sign-in models learn from. A model judges only sign-ins from endMs on (point in time, like the
// rules' baselines): never the ones it learnt from.
struct SignInModelWindow
{
    qint64 startMs = 0, endMs = 0;
};

// Where the models' window lies when the caller names no end (nowMs 0), always windowDays long:
// - after a detection run, it ends just after the newest sign-in a run has examined, so what is imported next is
//   judged by models that never saw it;
// - before the first run (a forensic sweep over restored months: import, train, detect) it ends after the oldest
//   third of the sign-in history (at most windowDays, at a UTC midnight where one fits), and detection judges the
//   rest. A model trained on the whole history would judge the attacks it had learnt as normal.
// nowMs > 0 ends it there. Empty when there are no sign-ins.
Result<std::optional<SignInModelWindow>> signInModelWindow(Database &db, int windowDays, qint64 nowMs = 0);

// Trains per-user Isolation Forests (users with >= minUserEvents sign-ins in the window) and the tenant models for
// everyone else (ml::trainModelsFrom) and stores them in the registry, in one transaction. progress(0..1) returning
// false cancels (Error::Category::Cancelled): nothing is stored and the previous versions stay in force.
Result<ml::ModelTrainReport> trainSignInModels(Database &db, const ml::ModelTrainOptions &options,
                                               const std::function<bool(double progress01)> &progress);

// The registry's active sign-in models, unpacked into `models` (left empty when it fails).
Status loadSignInModels(Database &db, ml::SignInModels &models);

// Detection holds the tenant models and only a chunk of users' own models at a time (a 10,000-user case has
// gigabytes of them): the active tenant models into `tenant`, and the users who have an active model of their own.
Status loadTenantSignInModels(Database &db, ml::SignInModels &tenant, QSet<QString> &usersWithOwnModel);
// The active user models of these users, with their data, to unpack (SignInModels::add) where they are scored.
Result<std::vector<ModelRecord>> readUserSignInModels(Database &db, const QStringList &upns);

// Scores the sign-ins whose rowid is in (fromRowId, toRowId] with the active models (SignInModels::score), reading
// each user's rows itself, by user then time. Detection reads them once for its rules and the models together
// (pipeline.cpp); this is the reference it is tested against.
Status scoreSignInsWithModels(Database &db, qint64 fromRowId, qint64 toRowId, std::vector<Finding> &out);

} // namespace backsight::detect
