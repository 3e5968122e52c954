#pragma once

#include "detect/finding_merger.h"

#include <QSet>

namespace backsight::detect {

// 12. Device-code phishing: the victim enters an attacker's device code from their own browser, so the device-code
// sign-in itself looks ordinary; the tokens then work from the attacker's network. A successful sign-in with no
// device id, through an address range the user's baseline never held, within deviceCodeFollowMinutes after one of
// the user's device-code sign-ins (authenticationProtocol "deviceCode") is device_code_phishing (high), with both
// events. A user's first device-code sign-in in the window on its own is device_code_flow (low, context).
class DeviceCodePhishingDetector : public UserDetector
{
public:
    QString name() const override { return QStringLiteral("device_code_phishing"); }
    void reset() override
    {
        merger_.reset();
        knownUser_.reset();
    }
    void examine(const UserContext &context, std::vector<Finding> &out) override;

private:
    FindingMerger merger_;
    std::optional<bool> knownUser_; // the user had a device-code sign-in in the window before this run's first one
};

// 13. ROPC: a sign-in with the resource-owner password credentials grant (authenticationProtocol "ropc": a script
// sends the password, no MFA prompt) by a user with no ROPC sign-in in the window. Kind ropc_sign_in: high when it
// succeeds through an address range the user never used, from a device that is not theirs; low from the user's own
// networks (a new mail script at the office); failures low.
class RopcSignInDetector : public UserDetector
{
public:
    QString name() const override { return QStringLiteral("ropc_sign_in"); }
    void reset() override
    {
        merger_.reset();
        knownUser_.reset();
    }
    void examine(const UserContext &context, std::vector<Finding> &out) override;

private:
    FindingMerger merger_;
    std::optional<bool> knownUser_;
};

bool isDeviceCodeProtocol(const QString &protocol);
bool isRopcProtocol(const QString &protocol);

} // namespace backsight::detect
