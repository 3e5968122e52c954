#pragma once

// Where the user signed in from: a country or city the baseline never (or rarely) saw, and journeys no plane could
// make.

#include "detect/finding_merger.h"

namespace backsight::detect {

// 1. New or rare location: a country or city the baseline never (or rarely) saw; new addresses and prefixes are
// given as evidence. Kinds: new_country, rare_country, new_city.
class NewLocationDetector : public UserDetector
{
public:
    QString name() const override { return QStringLiteral("new_location"); }
    void reset() override { merger_.reset(); }
    void examine(const UserContext &context, std::vector<Finding> &out) override;

private:
    FindingMerger merger_;
};

// 7. Impossible travel: two successful sign-ins further apart than a plane could fly in the time between them,
// ignoring short legs, addresses the tenant shares (VPN egress, carrier NAT, offices) and legs between two of the
// user's usual places. Kind: impossible_travel.
class ImpossibleTravelDetector : public UserDetector
{
public:
    QString name() const override { return QStringLiteral("impossible_travel"); }
    void reset() override { merger_.reset(); }
    void examine(const UserContext &context, std::vector<Finding> &out) override;

private:
    FindingMerger merger_;
};

} // namespace backsight::detect
