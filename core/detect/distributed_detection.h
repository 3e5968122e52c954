#pragma once

#include "detect/user_examiner.h"
#include "model/result.h"
#include "detect/remote_batch.h"

#include <QByteArray>
#include <functional>
#include <memory>
#include <vector>

namespace backsight {
class Database;
}

namespace backsight::ml {
class SignInModels;
}

namespace backsight::detect {

// Detection spread over `backsight-cli worker` processes through the case's work queue (store/work_queue.h): one
// item per user with new sign-ins. A worker examines the user exactly as the command would (UserExaminer, and the
// sign-in models on the same rows) and hands back what the command stores; the command stores the results in user
// order, so the anomalies are those of a run in one process.

// One user's examination as a worker hands it back.
struct ExaminedUser
{
    UserResult result;                  // modelRows left empty: the worker scored them
    qint64 signInsExamined = 0;
    QHash<qint64, qint64> unknownErrorCodes;
    std::vector<Finding> modelFindings; // the sign-in models' findings on the user's new sign-ins
};

QByteArray encodeExaminedUser(const ExaminedUser &user);
Result<ExaminedUser> decodeExaminedUser(const QByteArray &data);
QByteArray encodeFindings(const std::vector<Finding> &findings);
Result<std::vector<Finding>> decodeFindings(const QByteArray &data);

// The command's side: the batch of users, their results taken in order.
class RemoteExaminers
{
public:
    using Waiting = RemoteBatch::Waiting;

    // Queues one item per user. Call outside a transaction: the workers must see the items.
    static Result<std::unique_ptr<RemoteExaminers>> start(Database &db, const DetectionParameters &params,
                                                          qint64 fromRowId, qint64 toRowId, bool signInModels,
                                                          const std::vector<UserSignInRange> &users);
    // The next user's result, in order; waits for a worker to hand it in.
    Result<ExaminedUser> take(const Waiting &waiting);

private:
    explicit RemoteExaminers(std::unique_ptr<RemoteBatch> batch) : batch_(std::move(batch)) {}

    std::unique_ptr<RemoteBatch> batch_;
};

// The worker's side: the batch's examiner, kept while the worker takes items of the same batch.
class DetectionWork
{
public:
    explicit DetectionWork(Database &db);
    ~DetectionWork();
    // One item of a "detect" batch; the result to hand in.
    Result<QByteArray> process(qint64 batchId, const QByteArray &parameters, const QByteArray &payload);

    static const QString kKind; // "detect"

private:
    struct Batch;
    Status prepare(qint64 batchId, const QByteArray &parameters);

    Database &db_;
    std::unique_ptr<Batch> batch_;
};

} // namespace backsight::detect
