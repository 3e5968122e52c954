#include "detect/user_detectors.h"

namespace backsight::detect {

std::vector<std::unique_ptr<UserDetector>> makeUserDetectors()
{
    std::vector<std::unique_ptr<UserDetector>> detectors;
    detectors.push_back(std::make_unique<NewLocationDetector>());
    detectors.push_back(std::make_unique<UnusualAppDetector>());
    detectors.push_back(std::make_unique<UnusualTimeDetector>());
    detectors.push_back(std::make_unique<FailedBurstDetector>());
    detectors.push_back(std::make_unique<MfaFatigueDetector>());
    detectors.push_back(std::make_unique<ImpossibleTravelDetector>());
    detectors.push_back(std::make_unique<DormantAccountDetector>());
    detectors.push_back(std::make_unique<HostingNetworkDetector>());
    detectors.push_back(std::make_unique<DeviceCodePhishingDetector>());
    detectors.push_back(std::make_unique<RopcSignInDetector>());
    return detectors;
}

} // namespace backsight::detect
