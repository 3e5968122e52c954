#pragma once

#include "detect/finding.h"
#include "features/signin_features.h"
#include "ml/user_models.h"
#include "model/result.h"

#include <algorithm>
#include <future>
#include <vector>

namespace backsight {
class Database;
}

namespace backsight::detect::detail {

// The sign-in models' share of examineUsers: users' rows gathered into chunks, each chunk scored on worker threads
// while the next users are examined; findings kept in user order. Only the chunk's users' own models are held: they
// are read when the chunk is launched, unpacked and scored on the workers, and dropped with the chunk; the tenant
// models judge everyone without one of their own.
class ModelChunks
{
public:
    ModelChunks(Database &db, const ml::SignInModels &tenant, qint64 chunkRows, qint64 fromRowId, qint64 toRowId,
                std::vector<Finding> &out)
        : db_(db), tenant_(tenant), chunkRows_(std::max<qint64>(chunkRows, 1)), fromRowId_(fromRowId), toRowId_(toRowId), out_(out)
    {
    }
    ~ModelChunks() { (void)collect(); } // an early return (error, cancel) still waits for the chunk in flight

    // Adds a user's rows; may launch the chunk (reading its users' models) and collect the one before it.
    Status add(const QString &upn, std::vector<features::SignInRow> rows)
    {
        rows_ += qint64(rows.size());
        building_.push_back({upn, std::move(rows), {}});
        return rows_ >= chunkRows_ ? launch() : Status();
    }
    // Scores what is left and waits for it.
    Status finish()
    {
        if (Status launched = launch(); !launched)
            return launched;
        return collect();
    }

private:
    struct UserWork
    {
        QString upn;
        std::vector<features::SignInRow> rows;
        std::vector<Finding> found;
    };

    Status collect();
    Status launch();

    Database &db_;
    const ml::SignInModels &tenant_;
    const qint64 chunkRows_; // rows held per chunk (DetectOptions::modelChunkRows): two chunks at most are in memory
    const qint64 fromRowId_, toRowId_;
    std::vector<Finding> &out_;
    std::vector<UserWork> building_, inFlight_;
    qint64 rows_ = 0;
    std::future<Status> scoring_;
};

} // namespace backsight::detect::detail
