#include "detect/user_detectors.h"

#include "detect/auth_flow_detectors.h"
#include "detect/known_network.h"
#include "detect/network_detectors.h"

#include "baseline/time_zone.h"
#include "ingest/timestamp.h"

#include <QJsonArray>
#include <QLocale>
#include <algorithm>
#include <cmath>

namespace backsight::detect {

using baseline::City;
using baseline::ClientApp;
using baseline::Country;
using baseline::App;
using baseline::Browser;
using baseline::Ip;
using baseline::Os;
using baseline::Prefix;
using baseline::dayOf;
using baseline::Dimension;

namespace {

QString dayKey(const QString &kind, const QString &value, qint64 ms)
{
    return kind + QLatin1Char('|') + value + QLatin1Char('|') + QString::number(dayOf(ms));
}

QString windowText(const UserContext &c)
{
    return QStringLiteral("%1 days").arg(c.params.windowDays);
}

QString learningNote(const UserContext &c)
{
    return c.learning ? QStringLiteral(" [baseline still learning: %1 sign-ins on %2 days]")
                            .arg(c.baseline.signIns())
                            .arg(c.baseline.activeDays())
                      : QString();
}

QString number(double v, int decimals = 0)
{
    return QLocale::c().toString(v, 'f', decimals);
}

// Indexes of the events up to the examined one, newest first, within `windowMs` of it, that match `keep`.
template<typename Keep>
std::vector<size_t> recentMatching(const UserContext &c, qint64 windowMs, Keep keep)
{
    std::vector<size_t> found;
    for (size_t i = c.index + 1; i-- > 0;) {
        if (c.event().timeMs - c.events[i].timeMs > windowMs)
            break;
        if (keep(c.events[i]))
            found.push_back(i);
    }
    return found;
}

const char *const kWeekdays[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};

} // namespace

bool FindingMerger::appendTo(const QString &key, const UserContext &context, std::vector<Finding> &out)
{
    const auto it = open_.constFind(key);
    if (it == open_.cend() || *it >= out.size())
        return false;
    Finding &f = out[*it];
    const QString &id = context.event().id;
    if (!f.eventIds.contains(id))
        f.eventIds << id;
    if (context.event().result == ResultClass::Success)
        f.success = true;
    if (context.event().interactive)
        f.interactive = true;
    return true;
}

// ---------------------------------------------------------------------------------------------------------------

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

bool UnusualAppDetector::isLegacyClient(const QString &clientApp)
{
    static const QStringList legacy = {
        QStringLiteral("IMAP4"), QStringLiteral("IMAP"), QStringLiteral("POP3"), QStringLiteral("SMTP"),
        QStringLiteral("Authenticated SMTP"), QStringLiteral("Exchange ActiveSync"), QStringLiteral("Other clients"),
        QStringLiteral("Exchange Web Services"), QStringLiteral("MAPI Over HTTP"), QStringLiteral("Offline Address Book"),
        QStringLiteral("Outlook Anywhere (RPC over HTTP)"), QStringLiteral("Exchange Online PowerShell"),
        QStringLiteral("AutoDiscover"), QStringLiteral("Reporting Web Services"), QStringLiteral("Universal Outlook")};
    return legacy.contains(clientApp.trimmed(), Qt::CaseInsensitive);
}

void UnusualAppDetector::reset()
{
    merger_.reset();
    recentNewApps_.clear();
    burst_.reset();
    burstLastMs_ = 0;
}

void UnusualAppDetector::examine(const UserContext &c, std::vector<Finding> &out)
{
    const SignInEvent &e = c.event();
    if (c.baseline.signIns() == 0)
        return;
    // Legacy authentication: never the user's habit, and it skips MFA.
    if (isLegacyClient(e.clientApp) && c.baseline.count(ClientApp, e.clientApp) < c.params.knownPlaceMinCount) {
        const QString key = dayKey(QStringLiteral("legacy_auth"), e.clientApp, e.timeMs);
        if (!merger_.appendTo(key, c, out)) {
            out.push_back(findingFor(
                c, QStringLiteral("legacy_auth"), 0.6,
                QStringLiteral("Legacy authentication client \"%1\" to %2 from %3 (%4): legacy protocols bypass MFA; "
                               "the user's clients: %5%6")
                    .arg(e.clientApp, e.app.isEmpty() ? QStringLiteral("an unknown app") : e.app, e.place(), e.ip,
                         c.baseline.topValues(ClientApp, 3), learningNote(c)),
                QJsonObject{{QStringLiteral("observed"), e.clientApp},
                            {QStringLiteral("baseline"), c.baseline.topValues(ClientApp, 5)},
                            {QStringLiteral("baseline_count"), c.baseline.count(ClientApp, e.clientApp)}}));
            merger_.remember(key, out);
        }
    }
    if (!e.interactive)
        return;
    // Apps the user never used: one is worth a note, several within a short time are a pattern.
    if (!e.app.isEmpty() && c.baseline.count(App, e.app) == 0) {
        const qint64 horizon = e.timeMs - qint64(c.params.newAppBurstMinutes) * 60'000;
        std::erase_if(recentNewApps_, [&](const auto &p) { return p.first < horizon; });
        recentNewApps_.emplace_back(e.timeMs, e.app);
        QStringList distinct;
        for (const auto &p : recentNewApps_)
            if (!distinct.contains(p.second))
                distinct << p.second;
        if (burst_ && *burst_ < out.size() && e.timeMs - burstLastMs_ <= qint64(c.params.newAppBurstMinutes) * 60'000) {
            Finding &f = out[*burst_];
            if (!f.eventIds.contains(e.id))
                f.eventIds << e.id;
            burstLastMs_ = e.timeMs;
        } else if (distinct.size() >= c.params.newAppBurstApps) {
            QStringList ids;
            for (size_t i = 0; i <= c.index; ++i) {
                const SignInEvent &prior = c.events[i];
                if (prior.timeMs >= horizon && prior.interactive && distinct.contains(prior.app))
                    ids << prior.id;
            }
            Finding f = findingFor(
                c, QStringLiteral("new_app_burst"), std::min(1.0, 0.5 + 0.1 * distinct.size()),
                QStringLiteral("%1 apps never used before within %2: %3 (the user's apps: %4)%5")
                    .arg(distinct.size())
                    .arg(formatDuration(e.timeMs - recentNewApps_.front().first + 60'000),
                         distinct.join(QStringLiteral(", ")), c.baseline.topValues(App, 4), learningNote(c)),
                QJsonObject{{QStringLiteral("observed"), QJsonArray::fromStringList(distinct)},
                            {QStringLiteral("baseline"), c.baseline.topValues(App, 8)},
                            {QStringLiteral("threshold"), c.params.newAppBurstApps}});
            f.eventIds = ids;
            f.eventIds.removeAll(e.id);
            f.eventIds.prepend(e.id);
            out.push_back(std::move(f));
            burst_ = out.size() - 1;
            burstLastMs_ = e.timeMs;
        } else {
            const QString key = dayKey(QStringLiteral("new_app"), e.app, e.timeMs);
            if (!merger_.appendTo(key, c, out)) {
                out.push_back(findingFor(c, QStringLiteral("new_app"), 0.3,
                                         QStringLiteral("First use of %1 in %2 (the user's apps: %3)%4")
                                             .arg(e.app, windowText(c), c.baseline.topValues(App, 4), learningNote(c)),
                                         QJsonObject{{QStringLiteral("observed"), e.app},
                                                     {QStringLiteral("baseline"), c.baseline.topValues(App, 8)}}));
                merger_.remember(key, out);
            }
        }
    }
    // A device the user never showed: an OS and a browser both never seen.
    if (!e.os.isEmpty() && !e.browser.isEmpty() && c.baseline.count(Os, e.os) == 0
        && c.baseline.count(Browser, e.browser) == 0) {
        const QString value = e.os + QStringLiteral(" / ") + e.browser;
        const QString key = dayKey(QStringLiteral("unusual_client"), value, e.timeMs);
        if (!merger_.appendTo(key, c, out)) {
            out.push_back(findingFor(c, QStringLiteral("unusual_client"), 0.35,
                                     QStringLiteral("Sign-in with %1, neither seen in %2 (OS: %3; browsers: %4)%5")
                                         .arg(value, windowText(c), c.baseline.topValues(Os, 3),
                                              c.baseline.topValues(Browser, 3), learningNote(c)),
                                     QJsonObject{{QStringLiteral("observed"), value},
                                                 {QStringLiteral("baseline_os"), c.baseline.topValues(Os, 5)},
                                                 {QStringLiteral("baseline_browsers"), c.baseline.topValues(Browser, 5)}}));
            merger_.remember(key, out);
        }
    }
}

// ---------------------------------------------------------------------------------------------------------------

void UnusualTimeDetector::examine(const UserContext &c, std::vector<Finding> &out)
{
    const SignInEvent &e = c.event();
    if (!e.interactive || c.baseline.interactive() < c.params.minInteractiveForTime)
        return;
    // Judge the hour where the user is: far from home (another zone), use that place's zone.
    // Both the baseline's hours and the event's carry daylight saving (the zone where each sign-in was), so a user's
    // 09:00 stays 09:00 across the change of clocks; the offset below is the standard one.
    int offset = c.home.utcOffsetMinutes;
    QByteArray zone = c.home.zone;
    QString zoneWhy = QStringLiteral("the user's local time, %1 %2").arg(baseline::formatUtcOffset(offset), c.home.zoneSource);
    if (const int dst = baseline::daylightSavingMinutes(zone, e.timeMs))
        zoneWhy += QStringLiteral(", daylight saving +%1 min").arg(dst);
    if (e.hasLocation() && !e.country.isEmpty() && e.country != c.home.country) {
        const int there = baseline::standardOffsetMinutes(e.country, e.longitude);
        // An address many users share (a VPN hub abroad) says where the tunnel ends, not where the user is.
        const qint64 span = qint64(c.params.windowDays) * baseline::kDayMs;
        if (std::abs(there - offset) >= 120
            && c.tenant.usersWithSuccessFrom(e.ip, e.timeMs - span, e.timeMs + span) < c.params.sharedIpMinUsers) {
            offset = there;
            zone = baseline::ianaZoneFor(e.country, e.latitude, e.longitude);
            zoneWhy = QStringLiteral("local time in %1, %2").arg(e.place(), baseline::formatUtcOffset(offset));
        }
    }
    // The event's hour where it happened (wall clock), against the user's habits in their home time.
    const int wallOffset = offset + baseline::daylightSavingMinutes(zone, e.timeMs);
    const int how = baseline::hourOfWeek(e.timeMs, wallOffset);
    const double p = c.baseline.hourOfWeekProbability(how, c.home.utcOffsetMinutes);
    if (p >= c.params.unusualHourOfWeek)
        return;
    const double pHour = c.baseline.hourOfDayProbability(how % 24, c.home.utcOffsetMinutes);
    const bool rareHour = pHour < c.params.rareHourOfDay;
    const QString key = dayKey(QStringLiteral("unusual_time"), QString::number(how), e.timeMs);
    if (merger_.appendTo(key, c, out))
        return;
    // The hours that hold most sign-ins, for the sentence.
    const auto local = c.baseline.hourOfWeekLocal(c.home.utcOffsetMinutes);
    std::array<qint64, 24> byHour{};
    for (int h = 0; h < baseline::kHoursOfWeek; ++h)
        byHour[size_t(h % 24)] += local[size_t(h)];
    int first = -1, last = -1;
    for (int h = 0; h < 24; ++h) {
        if (byHour[size_t(h)] * 20 >= c.baseline.interactive()) { // >= 5 % of the sign-ins
            if (first < 0)
                first = h;
            last = h;
        }
    }
    const QString usual = first < 0 ? QStringLiteral("no usual hours")
                                     : QStringLiteral("usual hours %1:00–%2:59").arg(first, 2, 10, QLatin1Char('0')).arg(last, 2, 10, QLatin1Char('0'));
    const qint64 localMs = e.timeMs + qint64(wallOffset) * 60'000;
    const QString clock = formatUtcMs(localMs).mid(11, 5);
    const double score = rareHour ? 0.6 : 0.35;
    Finding f = findingFor(c, QStringLiteral("unusual_time"), score,
                           QStringLiteral("Sign-in at %1 on %2 (%3): %4 % of this user's sign-ins expected in this hour of the week "
                                          "(%5)%6")
                               .arg(clock, QString::fromLatin1(kWeekdays[how / 24]), zoneWhy, number(p * 100, 3), usual,
                                    learningNote(c)),
                           QJsonObject{{QStringLiteral("observed"), QStringLiteral("%1 %2").arg(QString::fromLatin1(kWeekdays[how / 24]), clock)},
                                       {QStringLiteral("probability"), p},
                                       {QStringLiteral("hour_of_day_probability"), pHour},
                                       {QStringLiteral("rare_hour"), rareHour},
                                       {QStringLiteral("utc_offset_minutes"), wallOffset},
                                       {QStringLiteral("baseline"), usual},
                                       {QStringLiteral("threshold"), c.params.unusualHourOfWeek}});
    out.push_back(std::move(f));
    merger_.remember(key, out);
}

// ---------------------------------------------------------------------------------------------------------------

void FailedBurstDetector::examine(const UserContext &c, std::vector<Finding> &out)
{
    const SignInEvent &e = c.event();
    const qint64 window = qint64(c.params.burstMinutes) * 60'000;
    // A success soon after a burst, from the burst's addresses, means the guessing may have worked.
    if (e.result == ResultClass::Success) {
        if (open_ && *open_ < out.size() && e.timeMs - lastFailureMs_ <= 60 * 60'000) {
            Finding &f = out[*open_];
            if (!f.success) {
                const QStringList ips = f.reason.evidence.value(QStringLiteral("ips")).toVariant().toStringList();
                if (ips.contains(e.ip)) {
                    f.success = true;
                    f.eventIds << e.id;
                    f.score = 1.0;
                    f.reason.text += QStringLiteral("; then a successful sign-in from %1 at %2").arg(e.ip, formatUtcMs(e.timeMs));
                    f.reason.evidence.insert(QStringLiteral("success_event"), e.id);
                }
            }
        }
        return;
    }
    if (!isCredentialFailure(e.result))
        return;
    if (open_ && *open_ < out.size() && e.timeMs - lastFailureMs_ <= window) {
        Finding &f = out[*open_];
        if (!f.eventIds.contains(e.id))
            f.eventIds << e.id;
        ++failures_;
        lastFailureMs_ = e.timeMs;
        QStringList ips = f.reason.evidence.value(QStringLiteral("ips")).toVariant().toStringList();
        if (!ips.contains(e.ip)) {
            ips << e.ip;
            f.reason.evidence.insert(QStringLiteral("ips"), QJsonArray::fromStringList(ips));
        }
        f.reason.evidence.insert(QStringLiteral("failures"), failures_);
        f.endMs = e.timeMs;
        if (failures_ >= c.params.burstSeedFailures)
            f.score = std::max(f.score, 0.9);
        return;
    }
    open_.reset();
    // Count the failures in the window that ends here.
    std::vector<size_t> inWindow = recentMatching(c, window, [](const SignInEvent &p) { return isCredentialFailure(p.result); });
    const double perTenMinutes = c.baseline.credentialFailuresPerActiveDay() / 144.0 * (c.params.burstMinutes / 10.0);
    const int threshold = std::min(c.params.burstSeedFailures,
                                   std::max(c.params.burstMinFailures, int(std::ceil(c.params.burstRateFactor * perTenMinutes))));
    if (int(inWindow.size()) < threshold)
        return;
    std::reverse(inWindow.begin(), inWindow.end());
    QStringList ids, ips;
    for (size_t i : inWindow) {
        ids << c.events[i].id;
        if (!ips.contains(c.events[i].ip))
            ips << c.events[i].ip;
    }
    Finding f = findingFor(c, QStringLiteral("failed_burst"), 0.7,
                           QStringLiteral("%1 failed sign-ins in %2 from %3 (threshold %4 for this user; usual: %5 "
                                          "credential failures per active day)")
                               .arg(inWindow.size())
                               .arg(formatDuration(e.timeMs - c.events[inWindow.front()].timeMs + 1000), ips.join(QStringLiteral(", ")))
                               .arg(threshold)
                               .arg(number(c.baseline.credentialFailuresPerActiveDay(), 2)),
                           QJsonObject{{QStringLiteral("failures"), int(inWindow.size())},
                                       {QStringLiteral("ips"), QJsonArray::fromStringList(ips)},
                                       {QStringLiteral("threshold"), threshold},
                                       {QStringLiteral("seed_threshold"), c.params.burstSeedFailures},
                                       {QStringLiteral("baseline"), c.baseline.credentialFailuresPerActiveDay()}});
    f.timeMs = c.events[inWindow.front()].timeMs;
    f.endMs = e.timeMs;
    f.eventIds = ids;
    f.success = false;
    out.push_back(std::move(f));
    open_ = out.size() - 1;
    lastFailureMs_ = e.timeMs;
    failures_ = int(inWindow.size());
}

// ---------------------------------------------------------------------------------------------------------------

void MfaFatigueDetector::examine(const UserContext &c, std::vector<Finding> &out)
{
    const SignInEvent &e = c.event();
    if (e.result == ResultClass::Success) {
        if (open_ && *open_ < out.size() && e.timeMs - lastDenialMs_ <= qint64(c.params.mfaSuccessMinutes) * 60'000) {
            Finding &f = out[*open_];
            if (!f.success) {
                f.success = true;
                f.score = 1.0;
                f.eventIds << e.id;
                f.reason.text += QStringLiteral("; then the user approved: successful sign-in from %1 (%2) at %3")
                                     .arg(e.place(), e.ip, formatUtcMs(e.timeMs));
                f.reason.evidence.insert(QStringLiteral("success_event"), e.id);
            }
        }
        return;
    }
    if (e.result != ResultClass::MfaDenied)
        return;
    const qint64 window = qint64(c.params.mfaMinutes) * 60'000;
    if (open_ && *open_ < out.size() && e.timeMs - lastDenialMs_ <= window) {
        Finding &f = out[*open_];
        if (!f.eventIds.contains(e.id))
            f.eventIds << e.id;
        f.reason.evidence.insert(QStringLiteral("denials"), ++denials_);
        f.endMs = e.timeMs;
        lastDenialMs_ = e.timeMs;
        return;
    }
    open_.reset();
    std::vector<size_t> inWindow = recentMatching(c, window, [](const SignInEvent &p) { return p.result == ResultClass::MfaDenied; });
    if (int(inWindow.size()) < c.params.mfaMinDenials)
        return;
    std::reverse(inWindow.begin(), inWindow.end());
    QStringList ids, places;
    for (size_t i : inWindow) {
        ids << c.events[i].id;
        const QString where = c.events[i].place() + QStringLiteral(" ") + c.events[i].ip;
        if (!places.contains(where))
            places << where;
    }
    const qint64 usual = c.baseline.resultCount(ResultClass::MfaDenied);
    Finding f = findingFor(c, QStringLiteral("mfa_fatigue"), 0.8,
                           QStringLiteral("%1 MFA denials in %2 from %3 (usual: %4 in %5)")
                               .arg(inWindow.size())
                               .arg(formatDuration(e.timeMs - c.events[inWindow.front()].timeMs + 1000), places.join(QStringLiteral(", ")))
                               .arg(usual)
                               .arg(windowText(c)),
                           QJsonObject{{QStringLiteral("denials"), int(inWindow.size())},
                                       {QStringLiteral("threshold"), c.params.mfaMinDenials},
                                       {QStringLiteral("baseline"), usual}});
    f.timeMs = c.events[inWindow.front()].timeMs;
    f.endMs = e.timeMs;
    f.eventIds = ids;
    f.success = false;
    out.push_back(std::move(f));
    open_ = out.size() - 1;
    lastDenialMs_ = e.timeMs;
    denials_ = int(inWindow.size());
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
    const SignInEvent *previous = nullptr;
    for (size_t i = c.index; i-- > 0;) {
        const SignInEvent &p = c.events[i];
        if (p.result == ResultClass::Success && p.hasLocation()) {
            previous = &p;
            break;
        }
    }
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
    // Addresses many users sign in from (VPN egress, carrier NAT, offices) geolocate to a hub, not to the user. Sharing
    // is a property of the network, so the window looks both ways: a sweep that starts at a VPN's first day still knows it.
    const qint64 span = qint64(c.params.windowDays) * baseline::kDayMs;
    // A shared address at one of the user's usual places (the office NAT at home) says truly where they were.
    for (const SignInEvent *end : {previous, &e}) {
        if (end == previous && !previous->city.isEmpty()
            && c.baseline.count(City, previous->place()) >= c.params.knownPlaceMinCount)
            continue;
        if (c.tenant.usersWithSuccessFrom(end->ip, e.timeMs - span, e.timeMs + span) >= c.params.sharedIpMinUsers)
            return;
    }
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

// ---------------------------------------------------------------------------------------------------------------

void DormantAccountDetector::examine(const UserContext &c, std::vector<Finding> &out)
{
    const SignInEvent &e = c.event();
    if (open_ && *open_ < out.size() && e.timeMs - openedMs_ <= 24 * 3'600'000LL) {
        Finding &f = out[*open_];
        if (!f.eventIds.contains(e.id))
            f.eventIds << e.id;
        if (e.result == ResultClass::Success)
            f.success = true;
        return;
    }
    // Reactivation is a successful sign-in; failures (a spray touching the account) are not the account's activity.
    if (e.result != ResultClass::Success)
        return;
    std::optional<qint64> previous = c.previousSuccessMs;
    for (size_t i = c.index; i-- > 0;) {
        if (c.events[i].result == ResultClass::Success) {
            previous = c.events[i].timeMs;
            break;
        }
    }
    if (!previous) {
        // Never seen before: a joiner (an audit record created the account) or an account silent since before the
        // logs begin. Only the second is dormant, and only when the logs cover enough days to say so.
        const std::optional<qint64> coverage = c.tenant.coverageStartMs();
        if (!coverage || e.timeMs - *coverage < qint64(c.params.dormantDays) * baseline::kDayMs
            || c.tenant.accountCreatedBefore(e.upn, e.timeMs + baseline::kDayMs)) // the audit record can trail the first sign-in
            return;
        Finding f = findingFor(c, QStringLiteral("dormant_account"), 0.6,
                               QStringLiteral("First sign-in of this account in the %1 days of logs (they begin %2), and no "
                                              "audit record created it: from %3 (%4), %5 / %6")
                                   .arg((e.timeMs - *coverage) / baseline::kDayMs)
                                   .arg(formatUtcMs(*coverage), e.place(), e.ip, e.os.isEmpty() ? QStringLiteral("unknown OS") : e.os,
                                        e.browser.isEmpty() ? QStringLiteral("unknown browser") : e.browser),
                               QJsonObject{{QStringLiteral("observed"), double(e.timeMs - *coverage) / baseline::kDayMs},
                                           {QStringLiteral("previous_sign_in"), QJsonValue()},
                                           {QStringLiteral("logs_begin"), formatUtcMs(*coverage)},
                                           {QStringLiteral("threshold"), c.params.dormantDays}});
        f.learning = false;
        out.push_back(std::move(f));
        open_ = out.size() - 1;
        openedMs_ = e.timeMs;
        return;
    }
    const qint64 gap = e.timeMs - *previous;
    if (gap < qint64(c.params.dormantDays) * baseline::kDayMs)
        return;
    Finding f = findingFor(c, QStringLiteral("dormant_account"), std::min(1.0, 0.5 + double(gap) / baseline::kDayMs / 180.0),
                           QStringLiteral("First successful sign-in in %1 days (previous: %2) from %3 (%4), %5 / %6")
                               .arg(gap / baseline::kDayMs)
                               .arg(formatUtcMs(*previous), e.place(), e.ip, e.os.isEmpty() ? QStringLiteral("unknown OS") : e.os,
                                    e.browser.isEmpty() ? QStringLiteral("unknown browser") : e.browser),
                           QJsonObject{{QStringLiteral("observed"), double(gap) / baseline::kDayMs},
                                       {QStringLiteral("previous_sign_in"), formatUtcMs(*previous)},
                                       {QStringLiteral("threshold"), c.params.dormantDays}});
    f.learning = false; // a dormant account is judged by its silence, not by its baseline
    out.push_back(std::move(f));
    open_ = out.size() - 1;
    openedMs_ = e.timeMs;
}

std::vector<std::unique_ptr<UserDetector>> makeUserDetectors()
{
    std::vector<std::unique_ptr<UserDetector>> detectors;
    detectors.push_back(std::make_unique<NewLocationDetector>());
    detectors.push_back(std::make_unique<UnusualAppDetector>());
    detectors.push_back(std::make_unique<UnusualTimeDetector>());
    detectors.push_back(std::make_unique<FailedBurstDetector>());
    detectors.push_back(std::make_unique<MfaFatigueDetector>());
    detectors.push_back(std::make_unique<ImpossibleTravelDetector>());
    detectors.push_back(std::make_unique<DormantAccountDetector>());
    detectors.push_back(std::make_unique<HostingNetworkDetector>());
    detectors.push_back(std::make_unique<DeviceCodePhishingDetector>());
    detectors.push_back(std::make_unique<RopcSignInDetector>());
    return detectors;
}

} // namespace backsight::detect
