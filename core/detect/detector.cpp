#include "detect/detector.h"

#include <type_traits>

namespace backsight::detect {

namespace {

// Every parameter with its name, for toJson and fromJson alike.
template <typename Params, typename F>
void forEachParameter(Params &p, F &&f)
{
    f(QStringLiteral("window_days"), p.windowDays);
    f(QStringLiteral("learning_min_sign_ins"), p.learning.minSignIns);
    f(QStringLiteral("learning_min_active_days"), p.learning.minActiveDays);
    f(QStringLiteral("rare_share"), p.rareShare);
    f(QStringLiteral("unusual_hour_of_week"), p.unusualHourOfWeek);
    f(QStringLiteral("rare_hour_of_day"), p.rareHourOfDay);
    f(QStringLiteral("min_interactive_for_time"), p.minInteractiveForTime);
    f(QStringLiteral("new_app_burst_apps"), p.newAppBurstApps);
    f(QStringLiteral("new_app_burst_minutes"), p.newAppBurstMinutes);
    f(QStringLiteral("burst_minutes"), p.burstMinutes);
    f(QStringLiteral("burst_seed_failures"), p.burstSeedFailures);
    f(QStringLiteral("burst_min_failures"), p.burstMinFailures);
    f(QStringLiteral("burst_rate_factor"), p.burstRateFactor);
    f(QStringLiteral("spray_minutes"), p.sprayMinutes);
    f(QStringLiteral("slow_spray_hours"), p.slowSprayHours);
    f(QStringLiteral("spray_min_users"), p.sprayMinUsers);
    f(QStringLiteral("spray_min_users_floor"), p.sprayMinUsersFloor);
    f(QStringLiteral("spray_min_failure_share"), p.sprayMinFailureShare);
    f(QStringLiteral("mfa_minutes"), p.mfaMinutes);
    f(QStringLiteral("mfa_min_denials"), p.mfaMinDenials);
    f(QStringLiteral("mfa_success_minutes"), p.mfaSuccessMinutes);
    f(QStringLiteral("travel_max_kmh"), p.travelMaxKmh);
    f(QStringLiteral("travel_min_km"), p.travelMinKm);
    f(QStringLiteral("shared_ip_min_users"), p.sharedIpMinUsers);
    f(QStringLiteral("known_place_min_count"), p.knownPlaceMinCount);
    f(QStringLiteral("known_network_min_count"), p.knownNetworkMinCount);
    f(QStringLiteral("dormant_days"), p.dormantDays);
    f(QStringLiteral("privileged_within_hours"), p.privilegedWithinHours);
    f(QStringLiteral("distributed_spray_hours"), p.distributedSprayHours);
    f(QStringLiteral("distributed_spray_min_users"), p.distributedSprayMinUsers);
    f(QStringLiteral("distributed_spray_user_share"), p.distributedSprayUserShare);
    f(QStringLiteral("distributed_spray_min_addresses"), p.distributedSprayMinAddresses);
    f(QStringLiteral("distributed_spray_max_users_per_hour"), p.distributedSprayMaxUsersPerHour);
    f(QStringLiteral("device_code_follow_minutes"), p.deviceCodeFollowMinutes);
}

} // namespace

QJsonObject DetectionParameters::toJson() const
{
    QJsonObject out;
    forEachParameter(*this, [&](const QString &name, const auto &value) { out.insert(name, value); });
    return out;
}

DetectionParameters DetectionParameters::fromJson(const QJsonObject &json)
{
    DetectionParameters p;
    forEachParameter(p, [&](const QString &name, auto &value) {
        const QJsonValue v = json.value(name);
        if (!v.isDouble())
            return;
        if constexpr (std::is_same_v<std::decay_t<decltype(value)>, int>)
            value = v.toInt(value);
        else
            value = v.toDouble(value);
    });
    return p;
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
