#include "simulate/population.h"

#include "simulate/sim_random.h"
#include "simulate/world.h"

#include <algorithm>

namespace backsight::sim {

void addRealHabits(Tenant &t, quint64 seed)
{
    t.realism = true;
    const auto foreign = foreignCities();
    const int exitPool = std::min(20, int(foreign.size())); // a commercial VPN's exits: European cities first
    for (int i = 0; i < int(t.users.size()); ++i) {
        SimUser &u = t.users[size_t(i)];
        if (u.role == Role::Service)
            continue;
        // Its own stream: the population buildTenant drew stays the same with or without realism.
        Random r = Random::stream(seed, 30, quint64(i));
        RealHabits &h = u.real;
        h.refreshFactor = r.between(5, 10);
        if (r.chance(0.07)) {
            for (int k = r.between(2, 3); k > 0; --k) {
                const int exit = foreign[size_t(r.below(exitPool))];
                if (std::find(h.vpnExits.begin(), h.vpnExits.end(), exit) == h.vpnExits.end())
                    h.vpnExits.push_back(exit);
            }
            h.vpnExitShare = 0.25 + 0.35 * r.unit();
        }
        if (t.days > 1 && r.chance(0.06))
            h.ssprDay = r.below(t.days);
        if (t.days > 1 && (r.chance(0.05) || (h.ssprDay >= 0 && r.chance(0.6)))) {
            // A phone or a second laptop still holding the old password: it retries every few minutes for hours.
            h.staleDay = h.ssprDay >= 0 ? h.ssprDay : r.below(t.days);
            h.staleStartMinute = r.between(8 * 60, 14 * 60);
            h.staleMinutes = r.between(120, 600);
            h.staleEverySeconds = r.between(120, 420);
        }
        // Identity lookalikes (drawn after the habits above, so those stay as they were).
        Random id = Random::stream(seed, 31, quint64(i));
        h.deviceCodeCli = id.chance(u.role == Role::Admin ? 0.5 : 0.03);
        if (id.chance(0.03))
            h.ropcFromDay = id.below(std::max(1, t.days));
        if (t.days > 7 && r.chance(0.15)) { // frequent travellers: one more trip, half of them abroad
            Trip trip;
            trip.firstDay = r.below(t.days - 3);
            trip.lastDay = trip.firstDay + r.between(1, 4);
            const auto pool = r.chance(0.5) ? foreign : tenantCities();
            trip.city = pool[size_t(r.below(int(pool.size())))];
            const bool clash = std::any_of(u.trips.begin(), u.trips.end(), [&](const Trip &o) {
                return trip.firstDay <= o.lastDay + 1 && trip.lastDay + 1 >= o.firstDay;
            });
            if (trip.city != u.city && !clash && !(trip.firstDay <= u.vacationLast && trip.lastDay >= u.vacationFirst))
                u.trips.push_back(trip);
        }
    }
}

} // namespace backsight::sim
