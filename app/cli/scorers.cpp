#include "scorers.h"

namespace backsight::cli {

void registerScorers(detect::DetectOptions &options)
{
    Q_UNUSED(options);
}

} // namespace backsight::cli
