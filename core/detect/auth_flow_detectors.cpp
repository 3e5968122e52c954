#include "detect/auth_flow_detectors.h"

#include "baseline/profile.h"

namespace backsight::detect {
namespace {

// Whether the user signed in with `protocol` in the window before the event (asked once per user and run: later
// events of the run are settled by the detector's own state).
bool usedBefore(const UserContext &c, const QString &protocol, std::optional<bool> &cache)
{
    if (!cache) {
        const qint64 dayStart = baseline::dayOf(c.event().timeMs) * baseline::kDayMs;
        cache = c.tenant.protocolSignIns(c.event().upn, protocol, dayStart - qint64(c.params.windowDays) * baseline::kDayMs,
                                         c.event().timeMs) > 0;
    }
    return *cache;
}

// An address range the user's baseline never held; with no baseline at all (the first days of the logs) nothing is
// new, there is nothing to compare with.
bool newNetwork(const UserContext &c)
{
    const SignInEvent &e = c.event();
    return c.baseline.successes() > 0 && !e.prefix.isEmpty() && c.baseline.count(baseline::Prefix, e.prefix) == 0;
}

} // namespace

bool isDeviceCodeProtocol(const QString &p)
{
    return p.compare(QLatin1String("deviceCode"), Qt::CaseInsensitive) == 0;
}

bool isRopcProtocol(const QString &p)
{
    return p.compare(QLatin1String("ropc"), Qt::CaseInsensitive) == 0;
}

void DeviceCodePhishingDetector::examine(const UserContext &c, std::vector<Finding> &out)
{
    const SignInEvent &e = c.event();
    if (e.result != ResultClass::Success)
        return;
    if (isDeviceCodeProtocol(e.authProtocol)) {
        const bool known = usedBefore(c, e.authProtocol, knownUser_);
        knownUser_ = true;
        if (known)
            return;
        const QString key = QStringLiteral("device_code_flow|%1").arg(baseline::dayOf(e.timeMs));
        if (merger_.appendTo(key, c, out))
            return;
        out.push_back(findingFor(c, QStringLiteral("device_code_flow"), 0.3,
                                 QStringLiteral("First device-code sign-in of %1 in %2 days, to %3 from %4 (%5)")
                                     .arg(e.upn)
                                     .arg(c.params.windowDays)
                                     .arg(e.app, e.ip, e.place()),
                                 QJsonObject{{QStringLiteral("observed"), e.authProtocol}, {QStringLiteral("ip"), e.ip}}));
        merger_.remember(key, out);
        return;
    }
    // A token used from a network of the user's own, or by one of their devices, is the user at work.
    if (!e.deviceId.isEmpty() || !newNetwork(c))
        return;
    const qint64 horizon = qint64(c.params.deviceCodeFollowMinutes) * 60'000;
    const SignInEvent *code = nullptr;
    for (size_t i = c.index; i-- > 0;) {
        const SignInEvent &p = c.events[i];
        if (e.timeMs - p.timeMs > horizon)
            break;
        if (p.result == ResultClass::Success && isDeviceCodeProtocol(p.authProtocol) && p.prefix != e.prefix) {
            code = &p;
            break;
        }
    }
    if (!code)
        return;
    const QString key = QStringLiteral("device_code_phishing|%1").arg(code->id);
    if (merger_.appendTo(key, c, out))
        return;
    Finding f = findingFor(
        c, QStringLiteral("device_code_phishing"), 0.9,
        QStringLiteral("%1 after a device-code sign-in (%2 from %3, %4): tokens used from %5 (%6), a network the user never "
                       "used, with no device id: the pattern of device-code phishing")
            .arg(formatDuration(e.timeMs - code->timeMs), code->app, code->ip, code->place(), e.ip, e.place()),
        QJsonObject{{QStringLiteral("observed"), e.ip},
                    {QStringLiteral("device_code_sign_in"), code->id},
                    {QStringLiteral("device_code_ip"), code->ip},
                    {QStringLiteral("minutes_after"), double(e.timeMs - code->timeMs) / 60'000.0},
                    {QStringLiteral("threshold"), c.params.deviceCodeFollowMinutes},
                    {QStringLiteral("baseline"), c.baseline.topValues(baseline::Prefix, 3)}});
    f.eventIds << code->id;
    f.interactive = true; // the phished sign-in was interactive; the replayed tokens are what is judged
    out.push_back(std::move(f));
    merger_.remember(key, out);
}

void RopcSignInDetector::examine(const UserContext &c, std::vector<Finding> &out)
{
    const SignInEvent &e = c.event();
    if (!isRopcProtocol(e.authProtocol))
        return;
    const bool known = usedBefore(c, e.authProtocol, knownUser_);
    const bool success = e.result == ResultClass::Success;
    if (success)
        knownUser_ = true; // a working script: later ROPC sign-ins of this run are its routine
    // A password sent by a script from a network and device that are not the user's is judged even for a user whose own
    // script uses ROPC; from the user's own networks only a first ROPC sign-in is worth a line.
    const bool foreign = newNetwork(c) && !isKnownDevice(c);
    if (known && !(success && foreign))
        return;
    const QString key = QStringLiteral("ropc|%1|%2|%3").arg(e.prefix).arg(baseline::dayOf(e.timeMs)).arg(success);
    if (merger_.appendTo(key, c, out))
        return;
    const double score = success && foreign ? 0.9 : 0.3;
    out.push_back(findingFor(
        c, QStringLiteral("ropc_sign_in"), score,
        QStringLiteral("%1 resource-owner password (ROPC) sign-in to %2 from %3 (%4)%5: the user has no ROPC sign-in in %6 days")
            .arg(success ? QStringLiteral("Successful") : QStringLiteral("Failed"), e.app.isEmpty() ? QStringLiteral("an app") : e.app,
                 e.ip, e.place(), foreign ? QStringLiteral(", a network the user never used") : QString())
            .arg(c.params.windowDays),
        QJsonObject{{QStringLiteral("observed"), e.authProtocol},
                    {QStringLiteral("ip"), e.ip},
                    {QStringLiteral("new_network"), foreign},
                    {QStringLiteral("client_app"), e.clientApp},
                    {QStringLiteral("baseline"), c.baseline.topValues(baseline::Prefix, 3)}}));
    merger_.remember(key, out);
}

} // namespace backsight::detect
