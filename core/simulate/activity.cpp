#include "simulate/activity.h"

#include "simulate/attack_kit.h"

#include "simulate/sim_random.h"
#include "simulate/world.h"

#include <QDateTime>
#include <algorithm>
#include <array>

namespace backsight::sim {
namespace {

constexpr qint64 kDayMs = 86400000;

struct Place
{
    QByteArray ip;
    int city;
};

struct AdminActivity
{
    const char *activity, *category, *operationType;
};

constexpr AdminActivity kAdminWork[] = {
    {"Update user", "UserManagement", "Update"},          {"Reset user password", "UserManagement", "Update"},
    {"Add member to group", "GroupManagement", "Add"},    {"Update device", "Device", "Update"},
    {"Update group", "GroupManagement", "Update"},        {"Remove member from group", "GroupManagement", "Delete"},
};

// Everything about one user's day that the events share.
class UserDay
{
public:
    UserDay(const Tenant &t, int userIndex, int day, quint64 seed, DayEvents &out)
        : t_(t), u_(t.users[size_t(userIndex)]), index_(userIndex), day_(day),
          r_(Random::stream(seed, 2, (quint64(day) << 32) | quint64(userIndex))), out_(out),
          dayMs_(dayStartMs(t, day))
    {
    }

    void run()
    {
        if (u_.role == Role::Service) {
            serviceDay();
            return;
        }
        const QDate date = t_.start.addDays(day_);
        if ((day_ == u_.joinDay && day_ > 0) || day_ + 1 == u_.leaveDay)
            lifecycleAudit(day_ == u_.joinDay ? "Add user" : "Delete user");
        const size_t before = out_.signIns.size();
        runDay(date);
        if (t_.realism)
            realDay(before);
    }

private:
    void runDay(QDate date)
    {
        if (day_ >= u_.vacationFirst && day_ <= u_.vacationLast)
            return;
        trip_ = tripOn(u_, day_);
        const int city = trip_ ? trip_->city : u_.city;
        if (!trip_ && isPublicHoliday(cities()[size_t(u_.city)].country, date))
            return;
        const bool workday = (u_.workdays >> (date.dayOfWeek() - 1)) & 1;
        inOffice_ = !trip_ && workday && u_.office >= 0 && r_.chance(0.8);
        if (trip_ && trip_->firstDay == day_)
            flightDay();
        else if (workday || trip_)
            workingDay(city, u_.startMinute, u_.workMinutes, u_.role == Role::Admin ? 3 : 0);
        else if (r_.chance(0.12)) // a quick look at mail on a day off
            workingDay(city, r_.between(10 * 60, 21 * 60), 90, -1);
    }

    int offsetOf(int city) const
    {
        // Realism: the IANA zone with daylight saving, so 09:00 stays 09:00 local across the change.
        return t_.realism ? utcOffsetAt(city, dayMs_ + kDayMs / 2) : cities()[size_t(city)].utcOffsetMinutes;
    }

    qint64 at(int city, int localMinute)
    {
        // Local times wrap into this UTC day, so every event stays in the day's files.
        const int utc = ((localMinute - offsetOf(city)) % 1440 + 1440) % 1440;
        return dayMs_ + qint64(utc) * 60000 + r_.below(60000);
    }

    qint64 later(qint64 ms, int minSeconds, int maxSeconds)
    {
        return std::min(dayMs_ + kDayMs - 1, ms + qint64(r_.between(minSeconds, maxSeconds)) * 1000);
    }

    Place placeFor(int device, int city)
    {
        if (trip_ && city == trip_->city) // hotel Wi-Fi, or the phone roaming on a local network
            return {addressIn(city, Random::stream(u_.homeSeed, 9, quint64(day_)).next()), city};
        if (deviceKinds()[size_t(device)].mobile && !inOffice_ && r_.chance(0.7)) {
            // Carrier NAT pools geolocate to the carrier's hub city; the address holds for a while, then rotates.
            if (carrierIp_.isEmpty() || r_.chance(0.25)) {
                // Realism: the pool's geolocation jumps between the country's cities (hundreds of km).
                carrierHub_ = t_.realism ? sameCountryCity(u_.city, r_.next()) : carrierHub(u_.city);
                carrierIp_ = addressIn(carrierHub_, r_.next());
            }
            return {carrierIp_, carrierHub_};
        }
        if (!u_.real.vpnExits.empty() && r_.chance(u_.real.vpnExitShare)) { // a commercial VPN, exit abroad
            const int exit = u_.real.vpnExits[size_t(r_.below(int(u_.real.vpnExits.size())))];
            return {addressIn(exit, 0xc0ffee00u + quint64(exit) * 16 + quint64(r_.below(4))), exit};
        }
        if (u_.vpnCity >= 0 && r_.chance(u_.vpnShare))
            return {addressIn(u_.vpnCity, 0x5eed00u + quint64(u_.vpnCity)), u_.vpnCity};
        if (inOffice_)
            return {t_.offices[size_t(u_.office)].egressIps[r_.below(2)], u_.city};
        return {homeIp(u_, day_), u_.city};
    }

    int pickApp()
    {
        static const std::vector<double> zipf = zipfCumulative(16, 1.2);
        int rank = r_.pick(zipf);
        while (rank >= int(u_.apps.size()))
            rank = r_.pick(zipf);
        return u_.apps[size_t(rank)];
    }

    SimSignIn &add(qint64 ms, bool interactive, int device, const Place &place, int app, int error)
    {
        SimSignIn s;
        s.ms = ms;
        s.id = r_.uuid();
        s.correlationId = r_.uuid();
        s.ip = place.ip;
        s.city = place.city;
        s.user = index_;
        s.device = u_.devices[device];
        s.deviceId = u_.deviceIds[device];
        s.compliant = s.device < 3;
        s.app = app;
        s.error = error;
        s.interactive = interactive;
        s.clientApp = interactive && !deviceKinds()[size_t(s.device)].mobile ? "Browser" : "Mobile Apps and Desktop clients";
        out_.signIns.push_back(std::move(s));
        return out_.signIns.back();
    }

    // One interactive sign-in with the ordinary mishaps around it.
    void interactiveSignIn(qint64 ms, int device, const Place &place)
    {
        const int app = pickApp();
        const double x = r_.unit();
        if (x < 0.025) { // a typo, then the right password
            add(ms, true, device, place, app, 50126);
            ms = later(ms, 15, 120);
        } else if (x < 0.085) { // MFA required: an interrupt, not a failure of the user
            add(ms, true, device, place, app, r_.chance(0.6) ? 50074 : 50076);
            ms = later(ms, 20, 90);
        } else if (x < 0.09) { // denied the prompt by mistake, then approved the next one
            add(ms, true, device, place, app, 500121);
            ms = later(ms, 60, 240);
        } else if (x < 0.1 && u_.devices[device] >= 3) { // unmanaged Macs, phones and Linux
            add(ms, true, device, place, app, 53003); // conditional access blocked this client
            return;
        }
        add(ms, true, device, place, app, 0);
    }

    void lockout(qint64 ms, int device, const Place &place)
    {
        const int app = pickApp();
        for (int i = r_.between(3, 5); i > 0; --i, ms = later(ms, 5, 40))
            add(ms, true, device, place, app, 50126);
        add(ms, true, device, place, app, 50053);
        add(later(ms, 60, 300), true, device, place, app, 50053);
    }

    void workingDay(int city, int startMinute, int workMinutes, int extraInteractive)
    {
        const int interactive = extraInteractive < 0 ? r_.between(1, 2) : r_.between(2, 6) + extraInteractive;
        const int refreshes = extraInteractive < 0 ? r_.between(2, 6) : r_.between(8, 30);
        Place firstPlace{};
        for (int k = 0; k < interactive + refreshes; ++k) {
            const bool isInteractive = k < interactive;
            const int device = isInteractive && r_.chance(0.75) ? 0 : r_.below(u_.deviceCount);
            const qint64 ms = at(city, startMinute + r_.below(workMinutes));
            const Place place = placeFor(u_.devices[device], city);
            if (k == 0)
                firstPlace = place;
            if (isInteractive)
                interactiveSignIn(ms, device, place);
            else
                add(ms, false, device, place, pickApp(), r_.chance(0.004) ? 50076 : 0);
        }
        if (extraInteractive >= 0 && r_.chance(0.2)) { // evening at home
            const int device = r_.below(u_.deviceCount);
            interactiveSignIn(at(city, r_.between(19 * 60, 22 * 60)), device, placeFor(u_.devices[device], city));
        }
        if (r_.chance(0.0008))
            lockout(at(city, startMinute + r_.below(workMinutes)), 0, firstPlace);
        if (u_.role == Role::Admin && extraInteractive >= 0)
            adminWork(city, startMinute, workMinutes, firstPlace.ip);
    }

    void flightDay()
    {
        // Last sign-in at home before the flight, then work resumes at the destination on arrival:
        // a legitimate movement at flight speed.
        const Place home{homeIp(u_, day_), u_.city};
        const qint64 departure = at(u_.city, r_.between(5 * 60, 7 * 60));
        interactiveSignIn(departure, 0, home);
        const double hours = distanceKm(u_.city, trip_->city) / 850.0 + 1.5;
        const qint64 arrival = departure + qint64(hours * 3600000);
        const Place hotel = placeFor(u_.devices[0], trip_->city);
        for (int k = r_.between(2, 6); k > 0; --k) {
            const qint64 ms = arrival + r_.below(5 * 3600) * qint64(1000);
            if (ms < dayMs_ + kDayMs)
                add(ms, k % 2 == 0, r_.below(u_.deviceCount), hotel, pickApp(), 0);
        }
    }

    void adminWork(int city, int startMinute, int workMinutes, const QByteArray &ip)
    {
        for (int k = r_.between(1, 5); k > 0; --k) {
            const AdminActivity &a = kAdminWork[size_t(r_.below(int(std::size(kAdminWork))))];
            const SimUser &target = t_.users[size_t(r_.below(int(t_.users.size())))];
            audit(at(city, startMinute + r_.below(workMinutes)), a.activity, a.category, a.operationType, target, ip);
        }
    }

    void lifecycleAudit(const char *activity)
    {
        const int admin = t_.admins[size_t(r_.below(int(t_.admins.size())))];
        const SimUser &actor = t_.users[size_t(admin)];
        audit(dayMs_ + r_.below(3 * 3600) * qint64(1000), activity, "UserManagement",
              activity[0] == 'A' ? "Add" : "Delete", u_, homeIp(actor, day_), admin);
    }

    SimAudit &audit(qint64 ms, const char *activity, const char *category, const char *op, const SimUser &target,
                    const QByteArray &ip, int actor = -1)
    {
        SimAudit a;
        a.ms = ms;
        a.id = "Directory_" + r_.uuid();
        a.correlationId = r_.uuid();
        a.actor = actor >= 0 ? actor : index_;
        a.actorIp = ip;
        a.activity = activity;
        a.category = category;
        a.operationType = op;
        a.targetId = target.id;
        a.targetName = target.upn;
        out_.audits.push_back(std::move(a));
        return out_.audits.back();
    }

    // The realism profile's noise around the day already made (from `first` on): the token-refresh flood around the
    // clock, conditional-access blocks, a device with a stale password, self-service resets, joiners' MFA setup.
    void realDay(size_t first)
    {
        std::vector<size_t> mine;
        int interactive = 0, refreshes = 0;
        for (size_t i = first; i < out_.signIns.size(); ++i) {
            if (out_.signIns[i].user != index_ || out_.signIns[i].groundTruth)
                continue;
            mine.push_back(i);
            (out_.signIns[i].interactive ? interactive : refreshes) += 1;
        }
        for (int k = interactive * u_.real.refreshFactor - refreshes; k > 0 && !mine.empty(); --k) {
            const SimSignIn like = out_.signIns[mine[size_t(r_.below(int(mine.size())))]];
            const int device = std::max(0, int(std::find(u_.devices, u_.devices + u_.deviceCount, like.device) - u_.devices));
            const bool blocked = like.device >= 3 && r_.chance(0.02); // conditional access: unmanaged device
            add(dayMs_ + r_.below(86'400) * 1000LL, false, std::min(device, u_.deviceCount - 1), {like.ip, like.city},
                like.app, blocked ? 53003 : 0);
        }
        if (day_ == u_.real.ssprDay)
            audit(at(u_.city, u_.real.staleStartMinute - 10), "Reset password (self-service)", "UserManagement", "Update",
                  u_, homeIp(u_, day_));
        if (day_ == u_.real.staleDay)
            staleDevice();
        if (u_.joinDay > 0 && day_ == u_.joinDay + int(u_.homeSeed % 3)) // a joiner sets up MFA in the first days
            audit(at(u_.city, u_.startMinute + 30), "User registered security info", "UserManagement", "Add", u_,
                  homeIp(u_, day_));
        identityLookalikes(mine);
    }

    // What the identity attacks look like when nobody attacks: device-code and ROPC sign-ins from the user's own
    // places, consent to well-known apps, admins rotating app secrets in working hours.
    void identityLookalikes(const std::vector<size_t> &mine)
    {
        std::vector<size_t> interactive;
        for (size_t i : mine)
            if (out_.signIns[i].interactive && out_.signIns[i].error == 0)
                interactive.push_back(i);
        if (interactive.empty())
            return;
        const SimSignIn like = out_.signIns[interactive[size_t(r_.below(int(interactive.size())))]];
        const int device = std::max(0, int(std::find(u_.devices, u_.devices + u_.deviceCount, like.device) - u_.devices));
        if (u_.real.deviceCodeCli && r_.chance(0.08)) // az login --use-device-code on the user's own laptop
            add(later(like.ms, 60, 1800), true, device, {like.ip, like.city}, int(apps().size()) + 5, 0).protocol = "deviceCode";
        if (u_.real.ropcFromDay >= 0 && day_ >= u_.real.ropcFromDay) { // the mail script, from where the user works
            SimSignIn &s = add(later(like.ms, 60, 3600), true, device, {like.ip, like.city}, 1, 0);
            s.protocol = "ropc";
            s.clientApp = "Mobile Apps and Desktop clients";
        }
        static const char *const userApps[] = {"Zoom", "Calendly", "Miro", "Grammarly", "Trello"};
        if (r_.chance(0.004)) { // a user consents to a well-known app asking only for sign-in and profile
            const char *name = userApps[r_.below(int(std::size(userApps)))];
            const QByteArray sp = QByteArray("5a1e0000-0000-4000-8000-") + QByteArray::number(qstrlen(name) * 7919 + name[0]).rightJustified(12, '0');
            SimAudit &a = audit(later(like.ms, 30, 600), "Consent to application", "ApplicationManagement", "Assign", u_, like.ip);
            a.targetType = "ServicePrincipal";
            a.targetId = sp;
            a.targetName = name;
            a.modifiedProperties = consentProperties(false, "openid profile email User.Read offline_access", sp);
        }
        if (u_.role != Role::Admin || !r_.chance(0.03))
            return;
        static const char *const vendorApps[] = {"Veeam Backup for Microsoft 365", "Adobe Acrobat Sign", "Zoom for Outlook"};
        static const char *const vendorScopes[] = {"Mail.ReadWrite Files.ReadWrite.All Sites.ReadWrite.All offline_access",
                                                   "Files.Read.All User.Read offline_access", "Mail.Read Calendars.ReadWrite User.Read"};
        const int pick = r_.below(3);
        const QByteArray sp = QByteArray("7e5d0000-0000-4000-8000-00000000000") + QByteArray::number(pick);
        SimAudit &a = audit(later(like.ms, 60, 1800), r_.chance(0.5) ? "Add service principal credentials" : "Consent to application",
                            "ApplicationManagement", "Update", u_, like.ip);
        a.targetType = "ServicePrincipal";
        a.targetId = sp;
        a.targetName = vendorApps[pick];
        if (qstrcmp(a.activity, "Consent to application") == 0)
            a.modifiedProperties = consentProperties(true, vendorScopes[pick], sp);
    }

    void staleDevice()
    {
        // The old password on a phone or a second laptop: the same device and address fail every few minutes for hours.
        const int device = u_.deviceCount > 1 ? 1 : 0;
        const Place home{homeIp(u_, day_), u_.city};
        qint64 ms = at(u_.city, u_.real.staleStartMinute);
        const qint64 end = std::min(dayMs_ + kDayMs - 1, ms + qint64(u_.real.staleMinutes) * 60'000);
        for (; ms < end; ms = later(ms, u_.real.staleEverySeconds * 3 / 4, u_.real.staleEverySeconds * 5 / 4)) {
            SimSignIn &s = add(ms, false, device, home, 1, 50126); // Exchange Online: the mail client
            s.clientApp = "Mobile Apps and Desktop clients";
            if (ms >= dayMs_ + kDayMs - 1)
                break;
        }
    }

    void serviceDay()
    {
        // A sync account: a few token refreshes every hour, day and night, from one server.
        const Place server{addressIn(u_.city, 0x5e7 + u_.homeSeed), u_.city};
        const int app = int(apps().size()) + 3; // Microsoft Graph Command Line Tools
        for (int hour = 0; hour < 24; ++hour) {
            for (int k = r_.between(2, 4); k > 0; --k) {
                SimSignIn &s = add(dayMs_ + hour * 3600000LL + r_.below(3600) * 1000LL, false, 0, server, app,
                                    r_.chance(0.001) ? 50126 : 0);
                if (t_.realism) // a sync job with a password: the resource-owner password grant
                    s.protocol = "ropc";
                s.deviceId.clear();
                s.compliant = false;
            }
        }
    }

    const Tenant &t_;
    const SimUser &u_;
    int index_, day_;
    Random r_;
    DayEvents &out_;
    qint64 dayMs_;
    const Trip *trip_ = nullptr;
    bool inOffice_ = false;
    QByteArray carrierIp_;
    int carrierHub_ = 0;
};

} // namespace

qint64 dayStartMs(const Tenant &tenant, int day)
{
    return QDateTime(tenant.start.addDays(day), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
}

void addNormalDay(const Tenant &tenant, int day, quint64 seed, DayEvents &out)
{
    for (int i = 0; i < int(tenant.users.size()); ++i) {
        if (isActiveOn(tenant.users[size_t(i)], day))
            UserDay(tenant, i, day, seed, out).run();
    }
}

void DayEvents::sort()
{
    // Time, then id: a total order, so ties never depend on the order events were made in.
    std::sort(signIns.begin(), signIns.end(),
              [](const SimSignIn &a, const SimSignIn &b) { return a.ms != b.ms ? a.ms < b.ms : a.id < b.id; });
    std::sort(audits.begin(), audits.end(),
              [](const SimAudit &a, const SimAudit &b) { return a.ms != b.ms ? a.ms < b.ms : a.id < b.id; });
}

} // namespace backsight::sim
