#include "detect/location_detectors.h"

#include "detect/known_network.h"
#include "detect/user_detector_shared.h"

#include <algorithm>
#include <cmath>

namespace backsight::detect {

using baseline::City;
using baseline::Country;
using baseline::Ip;
using baseline::Prefix;
using baseline::Dimension;
using detail::dayKey;
using detail::windowText;
using detail::learningNote;
using detail::number;

namespace {

// The user's last successful sign-in with a location before the examined one.
const SignInEvent *previousLocatedSuccess(const UserContext &c)
{
    for (size_t i = c.index; i-- > 0;) {
        const SignInEvent &p = c.events[i];
        if (p.result == ResultClass::Success && p.hasLocation())
            return &p;
    }
    return nullptr;
}

// Addresses many users sign in from (VPN egress, carrier NAT, offices) geolocate to a hub, not to the user. Sharing
// is a property of the network, so the window looks both ways: a sweep that starts at a VPN's first day still knows it.
bool sharedAddressAtEitherEnd(const UserContext &c, const SignInEvent &previous)
{
    const SignInEvent &e = c.event();
    const qint64 span = qint64(c.params.windowDays) * baseline::kDayMs;
    // A shared address at one of the user's usual places (the office NAT at home) says truly where they were.
    for (const SignInEvent *end : {&previous, &e}) {
        if (end == &previous && !previous.city.isEmpty()
            && c.baseline.count(City, previous.place()) >= c.params.knownPlaceMinCount)
            continue;
        if (c.tenant.usersWithSuccessFrom(end->ip, e.timeMs - span, e.timeMs + span) >= c.params.sharedIpMinUsers)
            return true;
    }
    return false;
}

} // namespace

void NewLocationDetector::examine(const UserContext &c, std::vector<Finding> &out)
{
    const SignInEvent &e = c.event();
    if (e.country.isEmpty() || c.baseline.signIns() == 0)
        return;
    const int countryCount = c.baseline.count(Country, e.country);
    const double share = double(countryCount) / double(c.baseline.signIns());
    QString kind;
    double score = 0;
    QString what;
    if (countryCount == 0) {
        kind = QStringLiteral("new_country");
        score = 0.7;
        what = QStringLiteral("country never seen in %1").arg(windowText(c));
    } else if (share < c.params.rareShare) {
        kind = QStringLiteral("rare_country");
        score = 0.4;
        what = QStringLiteral("country rare: %1 of %2 sign-ins in %3").arg(countryCount).arg(c.baseline.signIns()).arg(windowText(c));
    } else if (!e.city.isEmpty() && c.baseline.count(City, e.place()) == 0) {
        kind = QStringLiteral("new_city");
        score = 0.3;
        what = QStringLiteral("city never seen in %1").arg(windowText(c));
    } else {
        return;
    }
    const QString value = kind == QLatin1String("new_city") ? e.place() : e.country;
    if (merger_.appendTo(dayKey(kind, value, e.timeMs), c, out))
        return;
    const Dimension baselineDimension = kind == QLatin1String("new_city") ? City : Country;
    const bool newIp = c.baseline.count(Ip, e.ip) == 0;
    const bool newPrefix = c.baseline.count(Prefix, e.prefix) == 0;
    QString text = QStringLiteral("%1 sign-in from %2 (%3): %4 (baseline: %5)")
                       .arg(e.result == ResultClass::Success ? QStringLiteral("Successful") : QStringLiteral("Failed"),
                            e.place(), e.ip, what, c.baseline.topValues(baselineDimension, 3));
    if (newPrefix)
        text += QStringLiteral("; address range %1 never seen").arg(e.prefix);
    else if (newIp)
        text += QStringLiteral("; address never seen");
    // A new country through the user's own network is a new exit of it; through a hosting or VPN network never seen
    // for this user, a stranger is the likelier explanation.
    const KnownNetwork network = knownNetwork(c);
    if (kind == QLatin1String("new_country")) {
        if (network.reassuring(c.params))
            score = 0.25;
        else if (network.newAnonymising())
            score = 0.9;
    }
    text += networkNote(network, c);
    text += learningNote(c);
    if (!e.interactive)
        score *= 0.6;
    QJsonObject evidence{{QStringLiteral("observed"), value},
                         {QStringLiteral("ip"), e.ip},
                         {QStringLiteral("new_ip"), newIp},
                         {QStringLiteral("new_prefix"), newPrefix},
                         {QStringLiteral("baseline"), c.baseline.topValues(baselineDimension, 5)},
                         {QStringLiteral("baseline_count"), countryCount},
                         {QStringLiteral("baseline_sign_ins"), c.baseline.signIns()},
                         {QStringLiteral("threshold"), c.params.rareShare}};
    addNetworkEvidence(evidence, network);
    Finding f = findingFor(c, kind, score, text, evidence);
    out.push_back(std::move(f));
    merger_.remember(dayKey(kind, value, e.timeMs), out);
}

// ---------------------------------------------------------------------------------------------------------------

void ImpossibleTravelDetector::examine(const UserContext &c, std::vector<Finding> &out)
{
    const SignInEvent &e = c.event();
    if (e.result != ResultClass::Success || !e.hasLocation())
        return;
    // The user's own usual places: arriving there is going home, not travelling, when it is through a network or on a
    // device the user has used. A stranger's device on a new network in the city of the user's VPN exit is not home.
    if (!e.city.isEmpty() && c.baseline.count(City, e.place()) >= c.params.knownPlaceMinCount
        && (c.baseline.count(Prefix, e.prefix) > 0 || isKnownDevice(c)))
        return;
    const SignInEvent *previous = previousLocatedSuccess(c);
    if (!previous)
        return;
    const double km = distanceKm(*previous->latitude, *previous->longitude, *e.latitude, *e.longitude);
    if (km < c.params.travelMinKm)
        return;
    const qint64 elapsedMs = std::max<qint64>(e.timeMs - previous->timeMs, 60'000);
    const double kmh = km / (double(elapsedMs) / 3'600'000.0);
    if (kmh <= c.params.travelMaxKmh)
        return;
    const QString key = dayKey(QStringLiteral("impossible_travel"), e.place(), e.timeMs);
    if (merger_.appendTo(key, c, out))
        return;
    if (sharedAddressAtEitherEnd(c, *previous))
        return;
    const bool newCountry = c.baseline.count(Country, e.country) == 0;
    const bool crossBorder = e.country != previous->country;
    // The user's own registered device at both ends means one device seen through two egress points (VPN, carrier
    // NAT geolocated to a hub): worth a note, not an alarm. A device never seen, across a border, is the pattern of
    // a stolen session or password.
    // While the baseline is still learning (a joiner's first days) every device is new: a registered one is theirs.
    const bool ownDevice = isKnownDevice(c) || (c.learning && !e.deviceId.isEmpty());
    const KnownNetwork network = knownNetwork(c);
    double score = 0.5;
    QString why;
    if (ownDevice) {
        score = 0.3;
        why = QStringLiteral("; on the user's own registered device, so more likely a VPN or carrier egress than travel");
    } else if (network.reassuring(c.params) && !newCountry) {
        score = 0.3; // the user's carrier or VPN, geolocated to another of its hubs
        why = QStringLiteral("; through a network the user signs in from, so more likely another exit of it than travel");
    } else if (crossBorder || newCountry) {
        score = std::min(1.0, 0.8 + 0.05 * std::log2(kmh / c.params.travelMaxKmh));
        why = e.deviceId.isEmpty() ? QStringLiteral("; from an unregistered device") : QStringLiteral("; from a device never seen");
    } else {
        why = QStringLiteral("; within %1, from a device not seen before").arg(e.country);
        if (network.newAnonymising())
            score = 0.8; // a hosting or VPN network never seen for this user: a relayed session, not a drive
    }
    why += networkNote(network, c);
    Finding f = findingFor(
        c, QStringLiteral("impossible_travel"), score,
        QStringLiteral("Signed in from %1 (%2) %3 after %4 (%5): %6 km at %7 km/h (limit %8 km/h)%9%10")
            .arg(e.place(), e.ip, formatDuration(elapsedMs), previous->place(), previous->ip, number(km), number(kmh),
                 number(c.params.travelMaxKmh),
                 newCountry ? QStringLiteral("; %1 never seen in %2").arg(e.country, windowText(c)) : QString(), why),
        QJsonObject{{QStringLiteral("observed"), QStringLiteral("%1 km/h").arg(number(kmh))},
                    {QStringLiteral("distance_km"), km},
                    {QStringLiteral("elapsed_s"), double(elapsedMs) / 1000.0},
                    {QStringLiteral("speed_kmh"), kmh},
                    {QStringLiteral("from"), previous->place()},
                    {QStringLiteral("from_ip"), previous->ip},
                    {QStringLiteral("from_event"), previous->id},
                    {QStringLiteral("from_latitude"), *previous->latitude},
                    {QStringLiteral("from_longitude"), *previous->longitude},
                    {QStringLiteral("to"), e.place()},
                    {QStringLiteral("to_latitude"), *e.latitude},
                    {QStringLiteral("to_longitude"), *e.longitude},
                    {QStringLiteral("new_country"), newCountry},
                    {QStringLiteral("cross_border"), crossBorder},
                    {QStringLiteral("own_device"), ownDevice},
                    {QStringLiteral("threshold"), c.params.travelMaxKmh}});
    addNetworkEvidence(f.reason.evidence, network);
    out.push_back(std::move(f));
    merger_.remember(key, out);
}

} // namespace backsight::detect
