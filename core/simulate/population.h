#pragma once

#include <QByteArray>
#include <QDate>
#include <vector>

namespace backsight::sim {

enum class Role { Staff, Admin, Service };

struct Trip
{
    int firstDay = 0, lastDay = 0; // inclusive; the user flies out on firstDay and back the day after lastDay
    int city = 0;
};

struct Office
{
    int city = 0;
    QByteArray egressIps[2]; // NAT egress shared by everyone in the building
};

// The realism profile's extra habits of a user (docs/simulation.md, "Realism"); empty without --realism.
struct RealHabits
{
    std::vector<int> vpnExits;  // commercial VPN exit cities abroad; sign-ins alternate with home the same day
    double vpnExitShare = 0;
    int refreshFactor = 0;      // non-interactive token refreshes per interactive sign-in, around the clock
    int staleDay = -1;          // a device with the old password keeps failing on this day ...
    int staleStartMinute = 0, staleMinutes = 0, staleEverySeconds = 0; // ... from this local minute, this long
    int ssprDay = -1;           // a self-service password reset (the stale device often follows it)
    bool deviceCodeCli = false; // signs in to the Azure CLI with the device-code flow now and then
    int ropcFromDay = -1;       // a mail script using the password grant (ROPC) every working day from here on
};

// One account of the tenant. Small and fixed for the whole run: events are made day by day from it.
struct SimUser
{
    QByteArray id, upn, name;
    Role role = Role::Staff;
    int city = 0;
    int office = -1;          // index into Tenant::offices; -1 for remote workers
    int startMinute = 540;    // local time the working day starts
    int workMinutes = 480;
    quint8 workdays = 0x1f;   // bit 0 = Monday … bit 6 = Sunday
    bool nightShift = false;
    int devices[3] = {0, 0, 0}; // indices into deviceKinds()
    QByteArray deviceIds[3];
    int deviceCount = 1;
    quint32 homeSeed = 0;     // with the lease period, picks the home ISP address of a day
    int leaseDays = 7;        // DHCP churn: the home address changes every leaseDays
    int vpnCity = -1;         // corporate VPN egress in another country, or -1
    double vpnShare = 0;
    int joinDay = 0, leaveDay = 1 << 30; // active on days [joinDay, leaveDay)
    int dormantFrom = 1 << 30, dormantUntil = 1 << 30; // set by the dormant-account attack: silent days
    std::vector<int> apps;    // indices into apps(), this user's own popularity order
    std::vector<Trip> trips;
    int vacationFirst = -1, vacationLast = -1;
    RealHabits real;
};

struct Tenant
{
    QDate start;
    int days = 0;
    QByteArray domain = "contoso.com";
    std::vector<SimUser> users;
    std::vector<Office> offices;
    std::vector<int> admins; // indices of Role::Admin users
    bool realism = false;    // the realism profile: daylight saving, commercial VPNs, refresh flood, stale devices
};

Tenant buildTenant(int users, int days, QDate start, quint64 seed);

// The realism profile: draws each user's RealHabits (and more trips) from its own stream, so the population drawn by
// buildTenant is unchanged; sets tenant.realism.
void addRealHabits(Tenant &tenant, quint64 seed);

bool isActiveOn(const SimUser &user, int day);
bool isPublicHoliday(const char *country, QDate date);
const Trip *tripOn(const SimUser &user, int day);
// The user's home ISP address on `day` (changes every leaseDays).
QByteArray homeIp(const SimUser &user, int day);
QByteArray addressIn(int city, quint64 bits);

} // namespace backsight::sim
