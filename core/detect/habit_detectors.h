#pragma once

// Departures from the user's habits: apps, clients and devices never seen, and hours of the week the user is not
// usually active.

#include "detect/finding_merger.h"

namespace backsight::detect {

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
    void examineLegacyClient(const UserContext &c, std::vector<Finding> &out);
    void examineNewApp(const UserContext &c, std::vector<Finding> &out);
    void examineUnusualClient(const UserContext &c, std::vector<Finding> &out);

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

} // namespace backsight::detect
