#pragma once

#include "detect/detector.h"

#include <QHash>

namespace backsight::detect {

// Findings that describe the same thing on the same UTC day (the same new country, the same burst) are one
// finding with several events: later events are appended to the first. Detectors share this bookkeeping.
class FindingMerger
{
public:
    void reset() { open_.clear(); }
    // True when `key` already has a finding in `out`; then the event was appended to it.
    bool appendTo(const QString &key, const UserContext &context, std::vector<Finding> &out);
    void remember(const QString &key, std::vector<Finding> &out) { open_.insert(key, out.size() - 1); }

private:
    QHash<QString, size_t> open_;
};

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

// 2. Unusual app or client: never-seen apps (new_app, and new_app_burst when several arrive together), legacy
// authentication clients (legacy_auth), never-seen OS / browser combinations (unusual_client).
class UnusualAppDetector : public UserDetector
{
public:
    QString name() const override { return QStringLiteral("unusual_app"); }
    void reset() override;
    void examine(const UserContext &context, std::vector<Finding> &out) override;
    static bool isLegacyClient(const QString &clientApp);

private:
    FindingMerger merger_;
    std::vector<std::pair<qint64, QString>> recentNewApps_; // (time, app)
    std::optional<size_t> burst_;
    qint64 burstLastMs_ = 0;
};

// 3. Unusual time: the hour of the week is improbable under the user's smoothed hour-of-week distribution, in the
// user's local time (or the local time of where they are, when far from home). Kind: unusual_time.
class UnusualTimeDetector : public UserDetector
{
public:
    QString name() const override { return QStringLiteral("unusual_time"); }
    void reset() override { merger_.reset(); }
    void examine(const UserContext &context, std::vector<Finding> &out) override;

private:
    FindingMerger merger_;
};

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

// The per-user detectors in the order they run.
std::vector<std::unique_ptr<UserDetector>> makeUserDetectors();

} // namespace backsight::detect
