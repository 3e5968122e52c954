#pragma once

#include "baseline/profile.h"
#include "detect/finding.h"

#include <QJsonObject>
#include <functional>
#include <vector>

namespace backsight::detect {

// Every tunable of the rule detectors, with its default. Stored with each detection run (detection_runs.parameters)
// and documented in docs/detections.md.
struct DetectionParameters
{
    int windowDays = 60;                      // baseline window, days before the event's day
    baseline::LearningPolicy learning;        // fewer sign-ins or active days: "learning", severity capped at low
    // 1. new or rare location
    double rareShare = 0.01;                  // a value in < 1 % of the baseline's sign-ins is rare
    // 3. unusual time
    double unusualHourOfWeek = 0.001;         // smoothed probability below this: unusual
    double rareHourOfDay = 0.001;             // ... and this hour is rare on every day of the week: medium
    int minInteractiveForTime = 30;           // fewer interactive sign-ins in the baseline: no time findings
    // 2. unusual app / client
    int newAppBurstApps = 3;                  // distinct never-seen apps ...
    int newAppBurstMinutes = 120;             // ... within this many minutes: new_app_burst
    // 4. failed sign-in burst
    int burstMinutes = 10;
    int burstSeedFailures = 50;               // the classic rule: 50 failures in 10 minutes is high
    int burstMinFailures = 8;                 // the floor of the rate-relative threshold
    double burstRateFactor = 20;              // threshold = max(floor, factor * the user's failures per 10 min)
    // 5. password spray
    int sprayMinutes = 30;                    // fast spray window
    int slowSprayHours = 24;                  // slow spray window
    int sprayMinUsers = 15;                   // distinct users failing from one IP or prefix ...
    int sprayMinUsersFloor = 5;               // ... or 10 % of the tenant's active users when fewer, but not below this
    double sprayMinFailureShare = 0.5;        // failures among that source's sign-ins in the window
    // 6. MFA fatigue
    int mfaMinutes = 60;
    int mfaMinDenials = 4;
    int mfaSuccessMinutes = 120;              // a success this soon after the denials escalates to critical
    // 7. impossible travel
    double travelMaxKmh = 900;
    double travelMinKm = 300;                 // shorter legs are geolocation noise
    int sharedIpMinUsers = 3;                 // an address with successes from this many users is shared (VPN, NAT)
    int knownPlaceMinCount = 3;               // a place seen this often in the baseline is one of the user's own
    int knownNetworkMinCount = 3;             // a network (ASN) seen this often in the baseline is one of the user's own
    // 8. dormant account
    int dormantDays = 30;
    // 9. privileged audit activity after an anomalous sign-in
    int privilegedWithinHours = 4;
    // 11. distributed password spray (many addresses, few users each)
    int distributedSprayHours = 72;           // sliding window over the tenant's credential failures
    int distributedSprayMinUsers = 10;        // distinct users failing from addresses foreign to them ...
    double distributedSprayUserShare = 0.03;  // ... or this share of the active users when more
    int distributedSprayMinAddresses = 6;     // ... from at least this many addresses
    int distributedSprayMaxUsersPerHour = 3;  // an address above this is the one-source spray's (5), not counted
    // 12. device-code phishing: a token use from a new network this soon after a device-code sign-in
    int deviceCodeFollowMinutes = 120;

    QJsonObject toJson() const;
    // The parameters toJson wrote; a missing or malformed value keeps its default.
    static DetectionParameters fromJson(const QJsonObject &json);
};

// Answers about the tenant that one user's events cannot: how many users share an address.
class TenantFacts
{
public:
    virtual ~TenantFacts() = default;
    // Distinct users with a successful sign-in from `ip` in [fromMs, toMs); may stop counting at
    // DetectionParameters::sharedIpMinUsers.
    virtual int usersWithSuccessFrom(const QString &ip, qint64 fromMs, qint64 toMs) = 0;
    // When the logs begin: the earliest sign-in stored.
    virtual std::optional<qint64> coverageStartMs() = 0;
    // Whether an audit record ("Add user") created this account before `beforeMs`.
    virtual bool accountCreatedBefore(const QString &upn, qint64 beforeMs) = 0;
    // Sign-ins of `upn` with this authentication protocol ("deviceCode", "ropc") in [fromMs, toMs).
    virtual int protocolSignIns(const QString &upn, const QString &protocol, qint64 fromMs, qint64 toMs) = 0;
};

// What a per-user detector sees for one event: the user's baseline for the window ending before the event's
// day, and the user's loaded events in time order (earlier context included) with the index of this one.
struct UserContext
{
    const DetectionParameters &params;
    const baseline::Profile &baseline;
    const baseline::Home &home;
    bool learning = false;
    bool privileged = false;
    qint64 baselineId = 0;
    const std::vector<SignInEvent> &events;
    size_t index = 0;
    std::optional<qint64> previousSuccessMs; // the user's last successful sign-in before events[0], from the database
    TenantFacts &tenant;

    const SignInEvent &event() const { return events[index]; }
};

// A detector that judges one user's events one at a time. State (what it already reported) lives in the
// detector; reset() is called before each user.
class UserDetector
{
public:
    virtual ~UserDetector() = default;
    virtual QString name() const = 0;
    virtual void reset() {}
    virtual void examine(const UserContext &context, std::vector<Finding> &out) = 0;
};

// Whether the event's device id (registered or joined to Entra ID) is one the user already showed: in the baseline
// window or earlier among the loaded events. An attacker with a stolen password or token rarely has it.
bool isKnownDevice(const UserContext &context);

// A finding about `event`, filled with the event's identity and the context's baseline facts.
Finding findingFor(const UserContext &context, const QString &kind, double score, const QString &text,
                   const QJsonObject &evidence);

// "3 h 12 min", "45 min", "2 days"
QString formatDuration(qint64 ms);

} // namespace backsight::detect
