#pragma once

// The per-user detectors: each examines one user's sign-ins in time order against that user's baseline. They live
// by family (location, habit, credential attack, dormant account, network, authentication flow); this header
// gathers them and says in which order they run.

#include "detect/auth_flow_detectors.h"
#include "detect/credential_attack_detectors.h"
#include "detect/dormant_account_detector.h"
#include "detect/finding_merger.h"
#include "detect/habit_detectors.h"
#include "detect/location_detectors.h"
#include "detect/network_detectors.h"

#include <memory>

namespace backsight::detect {

// The per-user detectors in the order they run.
std::vector<std::unique_ptr<UserDetector>> makeUserDetectors();

} // namespace backsight::detect
