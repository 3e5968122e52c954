#pragma once

#include "detect/finding_merger.h"

namespace backsight::detect {

// 8. Dormant account: the first successful sign-in after at least N days without one (or, never seen, at least N days
// into the logs with no audit record creating the account). Kind: dormant_account.
class DormantAccountDetector : public UserDetector
{
public:
    QString name() const override { return QStringLiteral("dormant_account"); }
    void reset() override { open_.reset(); }
    void examine(const UserContext &context, std::vector<Finding> &out) override;

private:
    std::optional<size_t> open_;
    qint64 openedMs_ = 0;
};

} // namespace backsight::detect
