#pragma once

// Attacks on the user's credentials as they happen: bursts of failed guesses and of denied MFA prompts, escalated
// when a success follows.

#include "detect/finding_merger.h"

namespace backsight::detect {

// 4. Failed sign-in burst: credential failures in a short window above a threshold relative to the user's own
// failure rate; a success afterwards escalates. Kind: failed_burst.
class FailedBurstDetector : public UserDetector
{
public:
    QString name() const override { return QStringLiteral("failed_burst"); }
    void reset() override { open_.reset(); }
    void examine(const UserContext &context, std::vector<Finding> &out) override;

private:
    std::optional<size_t> open_;
    qint64 lastFailureMs_ = 0;
    int failures_ = 0;
};

// 6. MFA fatigue: repeated MFA denials in a short window; a success after them is critical. Kind: mfa_fatigue.
class MfaFatigueDetector : public UserDetector
{
public:
    QString name() const override { return QStringLiteral("mfa_fatigue"); }
    void reset() override { open_.reset(); }
    void examine(const UserContext &context, std::vector<Finding> &out) override;

private:
    std::optional<size_t> open_;
    qint64 lastDenialMs_ = 0;
    int denials_ = 0;
};

} // namespace backsight::detect
