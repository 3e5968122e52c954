#include "detect/habit_detectors.h"

#include "detect/user_detector_shared.h"
#include "model/time_format.h"

#include "baseline/time_zone.h"

#include <QJsonArray>
#include <algorithm>
#include <array>
#include <cmath>

namespace backsight::detect {

using baseline::ClientApp;
using baseline::App;
using baseline::Browser;
using baseline::Os;
using detail::dayKey;
using detail::windowText;
using detail::learningNote;
using detail::number;

namespace {

const char *const kWeekdays[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};

} // namespace

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
    if (c.baseline.signIns() == 0)
        return;
    examineLegacyClient(c, out);
    if (!c.event().interactive)
        return;
    examineNewApp(c, out);
    examineUnusualClient(c, out);
}

// Legacy authentication: never the user's habit, and it skips MFA.
void UnusualAppDetector::examineLegacyClient(const UserContext &c, std::vector<Finding> &out)
{
    const SignInEvent &e = c.event();
    if (!isLegacyClient(e.clientApp) || c.baseline.count(ClientApp, e.clientApp) >= c.params.knownPlaceMinCount)
        return;
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

// Apps the user never used: one is worth a note, several within a short time are a pattern.
void UnusualAppDetector::examineNewApp(const UserContext &c, std::vector<Finding> &out)
{
    const SignInEvent &e = c.event();
    if (e.app.isEmpty() || c.baseline.count(App, e.app) != 0)
        return;
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
void UnusualAppDetector::examineUnusualClient(const UserContext &c, std::vector<Finding> &out)
{
    const SignInEvent &e = c.event();
    if (e.os.isEmpty() || e.browser.isEmpty() || c.baseline.count(Os, e.os) != 0 || c.baseline.count(Browser, e.browser) != 0)
        return;
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

} // namespace backsight::detect
