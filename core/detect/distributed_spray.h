#pragma once

#include "detect/detector.h"

namespace backsight::detect {

// A credential failure from an address foreign to the user: the user never signed in successfully from it in the
// month before, nor within a day after (a typo, a stale phone and a lockout all come back from the same address).
struct ForeignFailure
{
    QString id, upn, ip, place;
    qint64 timeMs = 0;
    bool isNew = true; // among the rows this run examines
};

// A sprayed user's successful sign-in from an address new to them, with no device id.
struct SprayedSuccess
{
    QString id, upn, ip, place, app;
    qint64 timeMs = 0;
};

// 11. Distributed (botnet) password spray: across the tenant, within a sliding window of days, credential failures
// from addresses foreign to their users reach many users through many addresses, each address trying only a few
// users an hour (so no single source stands out to the one-source spray detector, 5). Kinds:
// password_spray_distributed (subject: the tenant; medium, high once one sprayed user signs in) and
// password_spray_distributed_success (subject: the user whose password worked).
class DistributedSprayDetector
{
public:
    struct Cluster
    {
        std::vector<size_t> members; // indices into the failures
        qint64 startMs = 0, endMs = 0;
        int users = 0, addresses = 0;
    };

    static int userThreshold(int activeUsers, const DetectionParameters &params);
    // Leaves out the failures of addresses that tried more than `distributedSprayMaxUsersPerHour` users within an hour.
    static std::vector<ForeignFailure> withoutBusyAddresses(const std::vector<ForeignFailure> &failures,
                                                            const DetectionParameters &params);
    // The windows where the foreign failures (time order) reach the thresholds; each run of such windows is one
    // cluster. Only clusters with a new failure are returned.
    std::vector<Cluster> clusters(const std::vector<ForeignFailure> &failures, int activeUsers,
                                  const DetectionParameters &params) const;
    Finding finding(const Cluster &cluster, const std::vector<ForeignFailure> &failures,
                    const std::vector<SprayedSuccess> &successes) const;
    Finding successFinding(const Cluster &cluster, const SprayedSuccess &success) const;
};

} // namespace backsight::detect
