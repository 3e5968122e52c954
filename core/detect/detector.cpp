#include "detect/detector.h"

namespace backsight::detect {

QJsonObject DetectionParameters::toJson() const
{
    return QJsonObject{
        {QStringLiteral("window_days"), windowDays},
        {QStringLiteral("learning_min_sign_ins"), learning.minSignIns},
        {QStringLiteral("learning_min_active_days"), learning.minActiveDays},
        {QStringLiteral("rare_share"), rareShare},
        {QStringLiteral("unusual_hour_of_week"), unusualHourOfWeek},
        {QStringLiteral("rare_hour_of_day"), rareHourOfDay},
        {QStringLiteral("min_interactive_for_time"), minInteractiveForTime},
        {QStringLiteral("new_app_burst_apps"), newAppBurstApps},
        {QStringLiteral("new_app_burst_minutes"), newAppBurstMinutes},
        {QStringLiteral("burst_minutes"), burstMinutes},
        {QStringLiteral("burst_seed_failures"), burstSeedFailures},
        {QStringLiteral("burst_min_failures"), burstMinFailures},
        {QStringLiteral("burst_rate_factor"), burstRateFactor},
        {QStringLiteral("spray_minutes"), sprayMinutes},
        {QStringLiteral("slow_spray_hours"), slowSprayHours},
        {QStringLiteral("spray_min_users"), sprayMinUsers},
        {QStringLiteral("spray_min_users_floor"), sprayMinUsersFloor},
        {QStringLiteral("spray_min_failure_share"), sprayMinFailureShare},
        {QStringLiteral("mfa_minutes"), mfaMinutes},
        {QStringLiteral("mfa_min_denials"), mfaMinDenials},
        {QStringLiteral("mfa_success_minutes"), mfaSuccessMinutes},
        {QStringLiteral("travel_max_kmh"), travelMaxKmh},
        {QStringLiteral("travel_min_km"), travelMinKm},
        {QStringLiteral("shared_ip_min_users"), sharedIpMinUsers},
        {QStringLiteral("known_place_min_count"), knownPlaceMinCount},
        {QStringLiteral("known_network_min_count"), knownNetworkMinCount},
        {QStringLiteral("dormant_days"), dormantDays},
        {QStringLiteral("privileged_within_hours"), privilegedWithinHours},
        {QStringLiteral("distributed_spray_hours"), distributedSprayHours},
        {QStringLiteral("distributed_spray_min_users"), distributedSprayMinUsers},
        {QStringLiteral("distributed_spray_user_share"), distributedSprayUserShare},
        {QStringLiteral("distributed_spray_min_addresses"), distributedSprayMinAddresses},
        {QStringLiteral("distributed_spray_max_users_per_hour"), distributedSprayMaxUsersPerHour},
        {QStringLiteral("device_code_follow_minutes"), deviceCodeFollowMinutes},
    };
}

bool isKnownDevice(const UserContext &c)
{
    const SignInEvent &e = c.event();
    if (e.deviceId.isEmpty())
        return false;
    if (c.baseline.count(baseline::Device, e.deviceId) > 0)
        return true;
    for (size_t i = c.index; i-- > 0;) {
        if (c.events[i].deviceId == e.deviceId)
            return true;
    }
    return false;
}

Finding findingFor(const UserContext &context, const QString &kind, double score, const QString &text,
                   const QJsonObject &evidence)
{
    const SignInEvent &e = context.event();
    Finding f;
    f.kind = kind;
    f.subjectType = QStringLiteral("user");
    f.subject = e.upn;
    f.upn = e.upn;
    f.timeMs = e.timeMs;
    f.eventTable = QStringLiteral("signins");
    f.eventIds = {e.id};
    f.score = std::clamp(score, 0.0, 1.0);
    f.success = e.result == ResultClass::Success;
    f.interactive = e.interactive;
    f.learning = context.learning;
    f.privileged = context.privileged;
    f.baselineId = context.baselineId;
    f.knownDevice = isKnownDevice(context);
    f.reason.detector = kind;
    f.reason.text = text;
    f.reason.evidence = evidence;
    return f;
}

QString formatDuration(qint64 ms)
{
    const qint64 minutes = ms / 60'000;
    if (minutes < 1)
        return QStringLiteral("%1 s").arg(ms / 1000);
    if (minutes < 60)
        return QStringLiteral("%1 min").arg(minutes);
    if (minutes < 48 * 60)
        return minutes % 60 ? QStringLiteral("%1 h %2 min").arg(minutes / 60).arg(minutes % 60)
                            : QStringLiteral("%1 h").arg(minutes / 60);
    return QStringLiteral("%1 days").arg(minutes / (24 * 60));
}

} // namespace backsight::detect
