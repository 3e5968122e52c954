#pragma once

#include "detect/finding_merger.h"

namespace backsight::detect {

// 10. Hosting network: a successful sign-in (often a token refresh) from a cloud or hosting provider's network
// (core/enrich: the address's autonomous system is on the curated hosting list), with no device id,
// through an address range the user's baseline never held. Stolen session tokens are replayed from servers, often in
// the victim's own country to pass location checks. Kind: hosting_network.
class HostingNetworkDetector : public UserDetector
{
public:
    QString name() const override { return QStringLiteral("hosting_network"); }
    void reset() override { merger_.reset(); }
    void examine(const UserContext &context, std::vector<Finding> &out) override;

private:
    FindingMerger merger_;
};

} // namespace backsight::detect
