#pragma once

#include "detect/remote_batch.h"
#include "ml/user_models.h"

#include <memory>

namespace backsight {
class Database;
}

namespace backsight::detect {

// Per-user training spread over `backsight-cli worker` processes through the case's work queue: one item per user
// with a forest to train; a worker reads the user's window (SignInFeatureQueries::ofUser) and trains it with
// ml::trainUserModel, exactly as `train` in one process would; the command stores the models in user order.

QByteArray encodeModelRecord(const ModelRecord &record);
Result<ModelRecord> decodeModelRecord(const QByteArray &data);

// The command's side, as ml::ModelTrainOptions::userTrainer: queues the users and waits for their models.
ml::UserTrainer trainUsersOnWorkers(Database &db, const ml::ModelTrainOptions &options, RemoteBatch::Waiting waiting);

// The worker's side.
class TrainingWork
{
public:
    explicit TrainingWork(Database &db) : db_(db) {}
    Result<QByteArray> process(const QByteArray &parameters, const QByteArray &payload);

    static const QString kKind; // "train"

private:
    Database &db_;
};

} // namespace backsight::detect
