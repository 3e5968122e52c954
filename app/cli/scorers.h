#pragma once

#include "detect/pipeline.h"

namespace backsight::cli {

// Adds the model and backup scorers that exist to a detection run (rules always run).
void registerScorers(detect::DetectOptions &options);

} // namespace backsight::cli
