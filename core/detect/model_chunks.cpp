#include "detect/model_chunks.h"

#include "detect/sign_in_model_training.h"
#include "ml/parallel_for.h"

#include <iterator>

namespace backsight::detect::detail {

Status ModelChunks::collect()
{
    Status scored;
    if (scoring_.valid())
        scored = scoring_.get();
    if (scored)
        for (UserWork &w : inFlight_)
            std::move(w.found.begin(), w.found.end(), std::back_inserter(out_));
    inFlight_.clear();
    return scored;
}

Status ModelChunks::launch()
{
    if (Status collected = collect(); !collected)
        return collected;
    inFlight_ = std::move(building_);
    building_.clear();
    rows_ = 0;
    if (inFlight_.empty())
        return {};
    QStringList upns;
    for (const UserWork &w : inFlight_)
        upns << w.upn;
    Result<std::vector<ModelRecord>> own = readUserSignInModels(db_, upns); // this thread: the connection is not shared
    if (!own)
        return own.error();
    scoring_ = std::async(std::launch::async, [this, records = std::move(*own)]() mutable -> Status {
        ml::SignInModels chunk; // these users' own models, unpacked here, off the thread that examines users
        for (ModelRecord &r : records)
            if (Status added = chunk.add(std::move(r)); !added)
                return added;
        records = {};
        ml::parallelFor(0, qint64(inFlight_.size()), [&](std::int64_t u) {
            UserWork &w = inFlight_[std::size_t(u)];
            (chunk.judges(w.upn) ? chunk : tenant_).score(w.upn, w.rows, fromRowId_, toRowId_, w.found);
        });
        return {};
    });
    return {};
}

} // namespace backsight::detect::detail
