#include "simulate/population.h"

#include "simulate/sim_random.h"
#include "simulate/world.h"

#include <algorithm>
#include <cstring>

namespace backsight::sim {
namespace {

const char *const kFirst[] = {"Aroha", "Ben", "Chloe", "Dev", "Ella", "Finn", "Grace", "Hemi", "Isla", "Jack",
                              "Kiri", "Liam", "Mia", "Noah", "Olivia", "Priya", "Quinn", "Ruby", "Sam", "Tama",
                              "Yuki", "Lukas", "Sofia", "Mateo", "Amara", "Chen", "Fatima", "Oscar", "Zoe", "Ravi"};
const char *const kLast[] = {"Anderson", "Brown", "Chen", "Davies", "Edwards", "Fraser", "Garcia", "Harris",
                             "Ito", "Jones", "Kaur", "Lee", "Martin", "Ngata", "Olsen", "Patel", "Rossi",
                             "Schmidt", "Tanaka", "Dubois", "Murphy", "Walker", "Kowalski", "Silva"};

struct Holiday
{
    const char *country; // nullptr: everywhere
    int month, day;
};

constexpr Holiday kHolidays[] = {
    {nullptr, 1, 1}, {nullptr, 12, 25}, {"NZ", 2, 6}, {"NZ", 12, 26}, {"AU", 1, 26}, {"AU", 12, 26},
    {"GB", 12, 26}, {"IE", 3, 17}, {"IE", 12, 26}, {"DE", 10, 3}, {"DE", 12, 26}, {"FR", 7, 14},
    {"FR", 5, 1}, {"FR", 11, 11}, {"US", 7, 4}, {"US", 11, 28}, {"CA", 7, 1}, {"SG", 8, 9},
    {"JP", 1, 2}, {"JP", 1, 3}, {"JP", 11, 3}, {"NL", 4, 27},
};

std::vector<int> pickApps(Random &r, bool admin)
{
    // Everyone uses the top few; the tail is personal. Zipf decides how far down the list a user reaches.
    static const std::vector<double> zipf = zipfCumulative(int(apps().size()), 1.1);
    std::vector<int> chosen = {0, 1};
    const int wanted = r.between(3, 9);
    for (int tries = 0; int(chosen.size()) < wanted && tries < 50; ++tries) {
        const int a = r.pick(zipf);
        if (std::find(chosen.begin(), chosen.end(), a) == chosen.end())
            chosen.push_back(a);
    }
    if (admin) // admin tools are encoded after the ordinary apps
        chosen.insert(chosen.begin() + 1, {int(apps().size()), int(apps().size()) + 1, int(apps().size()) + 2});
    return chosen;
}

void placeUser(SimUser &u, Random &r, const Tenant &t)
{
    const auto home = tenantCities();
    // Capitals and big cities hold more staff: weight by position within the country block.
    u.city = home[size_t(r.below(int(home.size())))];
    if (r.chance(0.5) && !t.offices.empty())
        u.city = t.offices[size_t(r.below(int(t.offices.size())))].city;
    for (int o = 0; o < int(t.offices.size()); ++o) {
        if (t.offices[size_t(o)].city == u.city && r.chance(0.85))
            u.office = o;
    }
}

void shapeWorkingTime(SimUser &u, Random &r)
{
    u.startMinute = r.between(7 * 60, 10 * 60);
    u.workMinutes = r.between(6 * 60, 10 * 60);
    if (r.chance(0.05)) { // night shift: starts in the evening, runs past midnight
        u.nightShift = true;
        u.startMinute = r.between(20 * 60, 23 * 60);
    }
    if (r.chance(0.08)) // weekend workers swap two weekdays for Saturday and Sunday
        u.workdays = quint8(0x60 | (0x1f & ~(3 << r.below(4))));
}

void giveDevices(SimUser &u, Random &r)
{
    const int kinds = 8; // the rest of deviceKinds() are attackers' clients
    u.deviceCount = r.between(1, 3);
    u.devices[0] = r.below(5); // a laptop or desktop first
    if (u.deviceCount > 1)
        u.devices[1] = r.chance(0.55) ? 5 : 6; // a phone
    if (u.deviceCount > 2)
        u.devices[2] = r.below(kinds);
    for (int d = 0; d < u.deviceCount; ++d)
        u.deviceIds[d] = r.uuid();
}

void planAbsences(SimUser &u, Random &r, int days)
{
    if (r.chance(0.3) && days > 10) { // one or two weeks of leave
        u.vacationFirst = r.below(days);
        u.vacationLast = u.vacationFirst + r.between(4, 13);
    }
    const int tripCount = r.chance(0.2) ? 1 + days / 60 : 0;
    for (int i = 0; i < tripCount; ++i) {
        Trip trip;
        trip.firstDay = r.below(std::max(1, days - 3));
        trip.lastDay = trip.firstDay + r.between(1, 4);
        const bool abroad = r.chance(0.6);
        const auto pool = abroad && r.chance(0.5) ? foreignCities() : tenantCities();
        trip.city = pool[size_t(r.below(int(pool.size())))];
        if (trip.city != u.city && !(trip.firstDay <= u.vacationLast && trip.lastDay >= u.vacationFirst))
            u.trips.push_back(trip);
    }
}

} // namespace

QByteArray addressIn(int city, quint64 bits)
{
    return QByteArray::number(cities()[size_t(city)].ipPrefix) + '.' + QByteArray::number(1 + (bits & 0xff) % 254) + '.'
           + QByteArray::number((bits >> 8) & 0xff) + '.' + QByteArray::number(1 + ((bits >> 16) & 0xff) % 254);
}

Tenant buildTenant(int userCount, int days, QDate start, quint64 seed)
{
    Tenant t;
    t.start = start;
    t.days = days;
    Random r = Random::stream(seed, 1);
    // ~1 office per 40 staff (2–12): first in the first (largest) city of each tenant country, then a
    // second city of the first countries.
    const auto home = tenantCities();
    std::vector<int> firsts, seconds;
    for (size_t i = 0; i < home.size(); ++i) {
        const bool first = i == 0 || std::strcmp(cities()[size_t(home[i])].country, cities()[size_t(home[i - 1])].country) != 0;
        const bool second = !first && (i < 2 || std::strcmp(cities()[size_t(home[i])].country, cities()[size_t(home[i - 2])].country) != 0);
        (first ? firsts : seconds).push_back(home[i]);
        if (!first && !second)
            seconds.pop_back();
    }
    const int officeCount = std::clamp(userCount / 40, 2, 12);
    for (int o = 0; o < officeCount; ++o) {
        Office office;
        office.city = o < int(firsts.size()) ? firsts[size_t(o)] : seconds[size_t(o - int(firsts.size())) % seconds.size()];
        office.egressIps[0] = addressIn(office.city, r.next());
        office.egressIps[1] = addressIn(office.city, r.next());
        t.offices.push_back(office);
    }
    const int services = std::max(1, userCount / 100);
    const int admins = std::max(4, userCount / 40); // enough for every off-hours admin attack
    for (int i = 0; i < userCount; ++i) {
        SimUser u;
        u.role = i < services ? Role::Service : i < services + admins ? Role::Admin : Role::Staff;
        const QByteArray first = kFirst[r.below(int(std::size(kFirst)))];
        const QByteArray last = kLast[r.below(int(std::size(kLast)))];
        if (u.role == Role::Service) {
            u.name = "svc-sync-" + QByteArray::number(i);
            u.upn = u.name + '@' + t.domain;
        } else {
            u.name = first + ' ' + last;
            u.upn = first.toLower() + '.' + last.toLower() + QByteArray::number(i) + '@' + t.domain;
        }
        u.id = r.uuid();
        placeUser(u, r, t);
        if (u.role == Role::Service && u.office < 0)
            u.office = 0, u.city = t.offices[0].city;
        shapeWorkingTime(u, r);
        giveDevices(u, r);
        u.homeSeed = quint32(r.next());
        u.leaseDays = r.between(3, 21);
        if (r.chance(0.08)) { // corporate VPN hub in another country
            const auto foreign = foreignCities();
            u.vpnCity = foreign[size_t(r.below(6))]; // the European hubs lead the foreign list
            u.vpnShare = 0.2 + 0.6 * r.unit();
        }
        if (u.role != Role::Service && r.chance(0.05))
            u.joinDay = 1 + r.below(std::max(1, days - 1));
        else if (u.role != Role::Service && r.chance(0.04))
            u.leaveDay = 1 + r.below(std::max(1, days - 1));
        u.apps = pickApps(r, u.role == Role::Admin);
        if (u.role != Role::Service)
            planAbsences(u, r, days);
        if (u.role == Role::Admin)
            t.admins.push_back(i);
        t.users.push_back(std::move(u));
    }
    return t;
}

bool isActiveOn(const SimUser &u, int day)
{
    return day >= u.joinDay && day < u.leaveDay && !(day >= u.dormantFrom && day < u.dormantUntil);
}

bool isPublicHoliday(const char *country, QDate date)
{
    for (const Holiday &h : kHolidays) {
        if (h.month == date.month() && h.day == date.day() && (!h.country || std::strcmp(h.country, country) == 0))
            return true;
    }
    return false;
}

const Trip *tripOn(const SimUser &u, int day)
{
    for (const Trip &t : u.trips) {
        if (day >= t.firstDay && day <= t.lastDay)
            return &t;
    }
    return nullptr;
}

QByteArray homeIp(const SimUser &u, int day)
{
    Random r = Random::stream(u.homeSeed, quint64(day / u.leaseDays) + 1);
    return addressIn(u.city, r.next());
}

} // namespace backsight::sim
