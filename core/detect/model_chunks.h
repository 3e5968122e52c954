#pragma once

#include "detect/finding.h"
#include "features/signin_features.h"
#include "ml/user_models.h"

#include <future>
#include <vector>

namespace backsight::detect::detail {

// The sign-in models' share of examineUsers: users' rows gathered into chunks, each chunk scored on worker threads
// while the next users are examined; findings kept in user order.
class ModelChunks
{
public:
    ModelChunks(const ml::SignInModels &models, qint64 fromRowId, qint64 toRowId, std::vector<Finding> &out)
        : models_(models), fromRowId_(fromRowId), toRowId_(toRowId), out_(out)
    {
    }
    ~ModelChunks() { collect(); } // an early return (error, cancel) still waits for the chunk in flight

    void add(const QString &upn, std::vector<features::SignInRow> rows)
    {
        rows_ += qint64(rows.size());
        building_.push_back({upn, std::move(rows), {}});
        if (rows_ >= kChunkRows)
            launch();
    }
    // Scores what is left and waits for it.
    void finish()
    {
        launch();
        collect();
    }

private:
    struct UserWork
    {
        QString upn;
        std::vector<features::SignInRow> rows;
        std::vector<Finding> found;
    };
    static constexpr qint64 kChunkRows = 200'000; // rows held per chunk: two chunks at most are in memory

    void collect();
    void launch();

    const ml::SignInModels &models_;
    const qint64 fromRowId_, toRowId_;
    std::vector<Finding> &out_;
    std::vector<UserWork> building_, inFlight_;
    qint64 rows_ = 0;
    std::future<void> scoring_;
};

} // namespace backsight::detect::detail
