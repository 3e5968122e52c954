#include "detect/model_chunks.h"

#include "ml/parallel_for.h"

#include <iterator>

namespace backsight::detect::detail {

void ModelChunks::collect()
{
    if (scoring_.valid())
        scoring_.get();
    for (UserWork &w : inFlight_)
        std::move(w.found.begin(), w.found.end(), std::back_inserter(out_));
    inFlight_.clear();
}

void ModelChunks::launch()
{
    collect();
    inFlight_ = std::move(building_);
    building_.clear();
    rows_ = 0;
    if (inFlight_.empty())
        return;
    scoring_ = std::async(std::launch::async, [this] {
        ml::parallelFor(0, qint64(inFlight_.size()), [this](std::int64_t u) {
            UserWork &w = inFlight_[std::size_t(u)];
            models_.score(w.upn, w.rows, fromRowId_, toRowId_, w.found);
        });
    });
}

} // namespace backsight::detect::detail
