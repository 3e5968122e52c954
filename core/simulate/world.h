#pragma once

#include <QtGlobal>
#include <span>

namespace backsight::sim {

struct City
{
    const char *name, *state, *country;
    double lat, lon;
    int utcOffsetMinutes; // standard time; daylight saving is ignored (documented in docs/simulation.md)
    int ipPrefix;         // first octet of the addresses that geolocate here (keeps IPs country-shaped)
};

struct App
{
    const char *name, *id;
};

struct DeviceKind
{
    const char *os, *browser, *userAgent;
    bool mobile;
};

// Countries where the tenant's staff live: several cities each.
std::span<const City> cities();
bool isTenantCountry(const char *country);
// Indices into cities() of the tenant's countries' cities, and of the rest of the world.
std::span<const int> tenantCities();
std::span<const int> foreignCities();
// Another city of the same country (mobile carriers geolocate to their hub), or `city` itself.
int carrierHub(int city);
double distanceKm(int cityA, int cityB);
// The city's IANA time zone ("Pacific/Auckland"), or nullptr where only the standard offset is known.
const char *ianaZone(int city);
// UTC offset in minutes at `utcMs` in the city's IANA zone, daylight saving included (the realism profile);
// the standard offset where the zone is unknown.
int utcOffsetAt(int city, qint64 utcMs);
// A city of the same country other than `city`, chosen by `pick` (mobile carriers geolocate all over the country).
int sameCountryCity(int city, quint64 pick);

// Ordered by popularity: the sign-in mix is Zipf over this order.
std::span<const App> apps();
// Apps only admins use; the "new app in bulk" attack reaches for these.
std::span<const App> adminApps();
std::span<const DeviceKind> deviceKinds();
// Ordinary apps first, then admin apps: one index space for both (index >= apps().size() is admin).
const App &appAt(int index);
int appCount();

} // namespace backsight::sim
