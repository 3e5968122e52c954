#pragma once

#include "detect/finding.h"
#include "features/signin_features.h"
#include "model/model_record.h"
#include "model/result.h"

#include <QHash>
#include <QString>
#include <functional>
#include <map>
#include <memory>
#include <vector>

namespace backsight::ml {

// A user whose forest is trained elsewhere (ModelTrainOptions::userTrainer): a `backsight-cli worker` reads the
// user's window and calls trainUserModel.
struct UserTrainRequest
{
    QString upn;
    int utcOffsetMinutes = 0;
};
using UserTrainer = std::function<Status(const std::vector<UserTrainRequest> &users, qint64 windowStartMs,
                                         qint64 windowEndMs, std::vector<ModelRecord> &models)>;

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
    // Trains the per-user forests elsewhere (detect/distributed_training.h: worker processes), one record per
    // request in order, while the tenant models train here; null: every model trains here. The stored models are
    // the same either way.
    UserTrainer userTrainer;
};

struct ModelTrainReport
{
    int userModels = 0, tenantModels = 0, skipped = 0;
    int userModelsElsewhere = 0; // of userModels: trained by the userTrainer (worker processes)
    qint64 eventsUsed = 0;
    qint64 elapsedMs = 0;
};

// What training learns from, read by the caller (detect/sign_in_model_training.h reads it from the case).
struct ModelTrainingInput
{
    qint64 windowStartMs = 0, windowEndMs = 0;
    const std::vector<features::SignInRow> &rows; // the window's sign-ins naming a user, by user, then time and rowid
    QHash<QString, int> utcOffsets;               // user -> minutes east of UTC (their baseline's home)
    QHash<QString, qint64> trainedUntil;          // "scope/subject" -> its active model's window end (incremental)
};

// Trains per-user Isolation Forests (users with >= minUserEvents sign-ins in the window) and the tenant models
// (forest and autoencoder) for everyone else; returns them in the order to store them, and counts them in
// `report`. Stores nothing. progress(0.1 .. 0.9) returning false cancels (Error::cancelled).
Result<std::vector<ModelRecord>> trainModelsFrom(const ModelTrainingInput &input, const ModelTrainOptions &options,
                                                 const std::function<bool(double progress01)> &progress,
                                                 ModelTrainReport &report);

// One user's forest as trainModelsFrom trains it: `rows` are the user's sign-ins in [windowStartMs, windowEndMs), by time
// then rowid (SignInFeatureQueries::ofUser).
Result<ModelRecord> trainUserModel(const QString &upn, const std::vector<features::SignInRow> &rows, int utcOffsetMinutes,
                                   const ModelTrainOptions &options, qint64 windowStartMs, qint64 windowEndMs);

struct SubjectModel;

// The active sign-in models, loaded once, then asked to score one user's rows at a time. Loaded, it is read-only:
// score() may run on several threads at once.
class SignInModels
{
public:
    // Earlier sign-ins a user's rows must start with, before the first one scored: a row's context (failures and
    // distance travelled before it) looks back this far.
    static constexpr qint64 kContextMs = 24LL * 3600 * 1000;

    SignInModels();
    ~SignInModels();
    SignInModels(const SignInModels &) = delete;
    SignInModels &operator=(const SignInModels &) = delete;

    // Unpacks one of the registry's active models with its data (detect/sign_in_model_training.h streams them in):
    // user and tenant forests and the tenant autoencoder; other kinds are left out. Forests keep only what scoring
    // needs (IsolationForest::keepOnlyScoringTables). BadInput naming the model when its blob does not unpack.
    Status add(ModelRecord record);
    void clear();
    bool empty() const;
    // Whether some model judges this user: their own, else the tenant's autoencoder, else the tenant forest.
    bool judges(const QString &upn) const;
    // rows: the user's sign-ins by time then rowid, from kContextMs before the first to score; those with rowid in
    // (fromRowId, toRowId] and a time at or after their model's window end (ModelRecord::windowEndMs: point in
    // time) are scored. Findings above threshold only (kind "model_iforest" / "model_autoencoder", subjectType
    // "user", score in [0,1], reason text with the top features, modelId = models.id), by time.
    void score(const QString &upn, const std::vector<features::SignInRow> &rows, qint64 fromRowId, qint64 toRowId,
               std::vector<detect::Finding> &out) const;

private:
    const SubjectModel *modelFor(const QString &upn) const;

    std::map<QString, std::unique_ptr<SubjectModel>> users_;
    std::unique_ptr<SubjectModel> tenant_, tenantAutoencoder_;
};

} // namespace backsight::ml
