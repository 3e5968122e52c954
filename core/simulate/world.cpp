#include "simulate/world.h"

#include <QDateTime>
#include <QTimeZone>
#include <cmath>
#include <cstring>
#include <mutex>
#include <unordered_map>
#include <vector>

namespace backsight::sim {
namespace {

// Real coordinates; offsets are standard time. The first block are the tenant's countries.
constexpr City kCities[] = {
    {"Wellington", "Wellington", "NZ", -41.2866, 174.7756, 720, 121},
    {"Auckland", "Auckland", "NZ", -36.8485, 174.7633, 720, 122},
    {"Christchurch", "Canterbury", "NZ", -43.5321, 172.6362, 720, 125},
    {"Hamilton", "Waikato", "NZ", -37.7870, 175.2793, 720, 122},
    {"Dunedin", "Otago", "NZ", -45.8788, 170.5028, 720, 125},
    {"Sydney", "New South Wales", "AU", -33.8688, 151.2093, 600, 101},
    {"Melbourne", "Victoria", "AU", -37.8136, 144.9631, 600, 103},
    {"Brisbane", "Queensland", "AU", -27.4698, 153.0251, 600, 110},
    {"Perth", "Western Australia", "AU", -31.9505, 115.8605, 480, 106},
    {"Adelaide", "South Australia", "AU", -34.9285, 138.6007, 570, 58},
    {"Canberra", "Australian Capital Territory", "AU", -35.2809, 149.1300, 600, 101},
    {"London", "England", "GB", 51.5072, -0.1276, 0, 81},
    {"Manchester", "England", "GB", 53.4808, -2.2426, 0, 86},
    {"Birmingham", "England", "GB", 52.4862, -1.8904, 0, 86},
    {"Leeds", "England", "GB", 53.8008, -1.5491, 0, 81},
    {"Glasgow", "Scotland", "GB", 55.8642, -4.2518, 0, 92},
    {"Edinburgh", "Scotland", "GB", 55.9533, -3.1883, 0, 92},
    {"Bristol", "England", "GB", 51.4545, -2.5879, 0, 86},
    {"Dublin", "Dublin", "IE", 53.3498, -6.2603, 0, 87},
    {"Cork", "Cork", "IE", 51.8985, -8.4756, 0, 87},
    {"Berlin", "Berlin", "DE", 52.5200, 13.4050, 60, 91},
    {"Munich", "Bavaria", "DE", 48.1351, 11.5820, 60, 93},
    {"Hamburg", "Hamburg", "DE", 53.5511, 9.9937, 60, 91},
    {"Frankfurt", "Hesse", "DE", 50.1109, 8.6821, 60, 84},
    {"Cologne", "North Rhine-Westphalia", "DE", 50.9375, 6.9603, 60, 84},
    {"Stuttgart", "Baden-Wurttemberg", "DE", 48.7758, 9.1829, 60, 93},
    {"Paris", "Ile-de-France", "FR", 48.8566, 2.3522, 60, 90},
    {"Lyon", "Auvergne-Rhone-Alpes", "FR", 45.7640, 4.8357, 60, 90},
    {"Toulouse", "Occitanie", "FR", 43.6047, 1.4442, 60, 90},
    {"Marseille", "Provence-Alpes-Cote d'Azur", "FR", 43.2965, 5.3698, 60, 90},
    {"New York", "New York", "US", 40.7128, -74.0060, -300, 71},
    {"Boston", "Massachusetts", "US", 42.3601, -71.0589, -300, 73},
    {"Washington", "District of Columbia", "US", 38.9072, -77.0369, -300, 72},
    {"Atlanta", "Georgia", "US", 33.7490, -84.3880, -300, 75},
    {"Miami", "Florida", "US", 25.7617, -80.1918, -300, 76},
    {"Chicago", "Illinois", "US", 41.8781, -87.6298, -360, 67},
    {"Dallas", "Texas", "US", 32.7767, -96.7970, -360, 68},
    {"Austin", "Texas", "US", 30.2672, -97.7431, -360, 68},
    {"Denver", "Colorado", "US", 39.7392, -104.9903, -420, 65},
    {"Phoenix", "Arizona", "US", 33.4484, -112.0740, -420, 65},
    {"Seattle", "Washington", "US", 47.6062, -122.3321, -480, 63},
    {"San Francisco", "California", "US", 37.7749, -122.4194, -480, 64},
    {"Los Angeles", "California", "US", 34.0522, -118.2437, -480, 64},
    {"Toronto", "Ontario", "CA", 43.6532, -79.3832, -300, 142},
    {"Montreal", "Quebec", "CA", 45.5019, -73.5674, -300, 142},
    {"Vancouver", "British Columbia", "CA", 49.2827, -123.1207, -480, 154},
    {"Calgary", "Alberta", "CA", 51.0447, -114.0719, -420, 154},
    {"Ottawa", "Ontario", "CA", 45.4215, -75.6972, -300, 142},
    {"Singapore", "Singapore", "SG", 1.3521, 103.8198, 480, 116},
    {"Tokyo", "Tokyo", "JP", 35.6762, 139.6503, 540, 126},
    {"Osaka", "Osaka", "JP", 34.6937, 135.5023, 540, 126},
    {"Nagoya", "Aichi", "JP", 35.1815, 136.9066, 540, 126},
    {"Fukuoka", "Fukuoka", "JP", 33.5904, 130.4017, 540, 126},
    {"Amsterdam", "North Holland", "NL", 52.3676, 4.9041, 60, 145},
    {"Rotterdam", "South Holland", "NL", 51.9244, 4.4777, 60, 145},
    {"Utrecht", "Utrecht", "NL", 52.0907, 5.1214, 60, 145},
    // The rest of the world: trips, VPN egress, attackers.
    {"Madrid", "Madrid", "ES", 40.4168, -3.7038, 60, 83},
    {"Barcelona", "Catalonia", "ES", 41.3874, 2.1686, 60, 83},
    {"Lisbon", "Lisbon", "PT", 38.7223, -9.1393, 0, 85},
    {"Rome", "Lazio", "IT", 41.9028, 12.4964, 60, 79},
    {"Milan", "Lombardy", "IT", 45.4642, 9.1900, 60, 79},
    {"Zurich", "Zurich", "CH", 47.3769, 8.5417, 60, 178},
    {"Vienna", "Vienna", "AT", 48.2082, 16.3738, 60, 77},
    {"Brussels", "Brussels", "BE", 50.8503, 4.3517, 60, 109},
    {"Copenhagen", "Capital Region", "DK", 55.6761, 12.5683, 60, 80},
    {"Stockholm", "Stockholm", "SE", 59.3293, 18.0686, 60, 78},
    {"Oslo", "Oslo", "NO", 59.9139, 10.7522, 60, 88},
    {"Helsinki", "Uusimaa", "FI", 60.1699, 24.9384, 120, 62},
    {"Warsaw", "Masovia", "PL", 52.2297, 21.0122, 60, 89},
    {"Prague", "Prague", "CZ", 50.0755, 14.4378, 60, 89},
    {"Budapest", "Budapest", "HU", 47.4979, 19.0402, 60, 94},
    {"Bucharest", "Bucharest", "RO", 44.4268, 26.1025, 120, 5},
    {"Athens", "Attica", "GR", 37.9838, 23.7275, 120, 94},
    {"Istanbul", "Istanbul", "TR", 41.0082, 28.9784, 180, 95},
    {"Moscow", "Moscow", "RU", 55.7558, 37.6173, 180, 95},
    {"Saint Petersburg", "Saint Petersburg", "RU", 59.9311, 30.3609, 180, 95},
    {"Kyiv", "Kyiv", "UA", 50.4501, 30.5234, 120, 46},
    {"Minsk", "Minsk", "BY", 53.9006, 27.5590, 180, 37},
    {"Tehran", "Tehran", "IR", 35.6892, 51.3890, 210, 2},
    {"Dubai", "Dubai", "AE", 25.2048, 55.2708, 240, 94},
    {"Riyadh", "Riyadh", "SA", 24.7136, 46.6753, 180, 188},
    {"Tel Aviv", "Tel Aviv", "IL", 32.0853, 34.7818, 120, 31},
    {"Cairo", "Cairo", "EG", 30.0444, 31.2357, 120, 41},
    {"Lagos", "Lagos", "NG", 6.5244, 3.3792, 60, 102},
    {"Abuja", "FCT", "NG", 9.0765, 7.3986, 60, 102},
    {"Nairobi", "Nairobi", "KE", -1.2921, 36.8219, 180, 105},
    {"Johannesburg", "Gauteng", "ZA", -26.2041, 28.0473, 120, 41},
    {"Cape Town", "Western Cape", "ZA", -33.9249, 18.4241, 120, 41},
    {"Mumbai", "Maharashtra", "IN", 19.0760, 72.8777, 330, 49},
    {"Delhi", "Delhi", "IN", 28.7041, 77.1025, 330, 49},
    {"Bengaluru", "Karnataka", "IN", 12.9716, 77.5946, 330, 49},
    {"Beijing", "Beijing", "CN", 39.9042, 116.4074, 480, 36},
    {"Shanghai", "Shanghai", "CN", 31.2304, 121.4737, 480, 36},
    {"Shenzhen", "Guangdong", "CN", 22.5431, 114.0579, 480, 14},
    {"Hong Kong", "Hong Kong", "HK", 22.3193, 114.1694, 480, 14},
    {"Seoul", "Seoul", "KR", 37.5665, 126.9780, 540, 175},
    {"Pyongyang", "Pyongyang", "KP", 39.0392, 125.7625, 540, 175},
    {"Bangkok", "Bangkok", "TH", 13.7563, 100.5018, 420, 171},
    {"Hanoi", "Hanoi", "VN", 21.0278, 105.8342, 420, 14},
    {"Jakarta", "Jakarta", "ID", -6.2088, 106.8456, 420, 36},
    {"Manila", "Metro Manila", "PH", 14.5995, 120.9842, 480, 112},
    {"Sao Paulo", "Sao Paulo", "BR", -23.5505, -46.6333, -180, 177},
    {"Rio de Janeiro", "Rio de Janeiro", "BR", -22.9068, -43.1729, -180, 177},
    {"Buenos Aires", "Buenos Aires", "AR", -34.6037, -58.3816, -180, 181},
    {"Mexico City", "Mexico City", "MX", 19.4326, -99.1332, -360, 187},
    {"Bogota", "Bogota", "CO", 4.7110, -74.0721, -300, 181},
    {"Lima", "Lima", "PE", -12.0464, -77.0428, -300, 179},
};

constexpr const char *kTenantCountries[] = {"NZ", "AU", "GB", "IE", "DE", "FR", "US", "CA", "SG", "JP", "NL"};

// Most used first; Zipf over this order gives the usual "Teams and Outlook everywhere" mix.
constexpr App kApps[] = {
    {"Microsoft Teams", "1fec8e78-bce4-4aaf-ab1b-5451cc387264"},
    {"Office 365 Exchange Online", "00000002-0000-0ff1-ce00-000000000000"},
    {"Microsoft Office", "d3590ed6-52b3-4102-aeff-aad2292ab01c"},
    {"Office365 Shell WCSS-Client", "89bee1f7-5e6e-4d8a-9f3d-ecd601259da7"},
    {"SharePoint Online", "00000003-0000-0ff1-ce00-000000000000"},
    {"OneDrive SyncEngine", "ab9b8c07-8f02-4f72-87fa-80105867a763"},
    {"Microsoft Outlook", "5d661950-3475-41cd-a2c3-d671a3162bc1"},
    {"Microsoft Edge", "ecd6b820-32c2-49b6-98a6-444530e5a77a"},
    {"Microsoft Authenticator App", "4813382a-8fa7-425e-ab75-3b753aab3abb"},
    {"Power BI Service", "871c010f-5e61-4fb1-83ac-98610a7e9110"},
    {"Microsoft Planner", "09abbdfd-ed23-44ee-a2d9-a627aa1c90f3"},
    {"Microsoft To-Do", "2087d8c2-6b7f-4a33-9b6b-3b3a8e3cc9b5"},
    {"Visual Studio Code", "aebc6443-996d-45c2-90f0-388ff96faa56"},
    {"Salesforce", "5a0b6b4c-9a6c-4c8e-8f0e-1b3c5d7e9f10"},
    {"Workday", "7b1c2d3e-4f50-4a61-b72c-8d9e0f1a2b3c"},
    {"ServiceNow", "8c2d3e4f-5061-4b72-983d-9e0f1a2b3c4d"},
    {"Zoom", "9d3e4f50-6172-4c83-a94e-0f1a2b3c4d5e"},
    {"Adobe Acrobat", "ae4f5061-7283-4d94-ba5f-1a2b3c4d5e6f"},
};

constexpr App kAdminApps[] = {
    {"Azure Portal", "c44b4083-3bb0-49c1-b47d-974e53cbdf3c"},
    {"Microsoft Entra admin center", "c44b4083-3bb0-49c1-b47d-974e53cbdf3c"},
    {"Microsoft Azure PowerShell", "1950a258-227b-4e31-a9cf-717495945fc2"},
    {"Microsoft Graph Command Line Tools", "14d82eec-204b-4c2f-b7e8-296a70dab67e"},
    {"Graph Explorer", "de8bc8b5-d9f9-48b1-a8ad-b748da725064"},
    {"Azure CLI", "04b07795-8ddb-461a-bbee-02f9e1bf7b46"},
    {"Microsoft Exchange Online PowerShell", "fb78d390-0c51-40cd-8e17-fdbfab77341b"},
    {"Microsoft Intune", "0000000a-0000-0000-c000-000000000000"},
};

constexpr DeviceKind kDevices[] = {
    {"Windows10", "Edge 120.0.2210", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.91", false},
    {"Windows10", "Chrome 120.0.0", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36", false},
    {"Windows11", "Edge 121.0.2277", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/121.0.0.0 Safari/537.36 Edg/121.0.2277.83", false},
    {"MacOs", "Safari 17.1", "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15", false},
    {"MacOs", "Chrome 120.0.0", "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36", false},
    {"Ios", "Mobile Safari 17.1", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1", true},
    {"Android", "Chrome Mobile 119.0", "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.6045.163 Mobile Safari/537.36", true},
    {"Linux", "Firefox 121.0", "Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0", false},
    // Attackers' clients: scripts and old protocol stacks.
    {"Linux", "Python Requests 2.31", "python-requests/2.31.0", false},
    {"Windows10", "IE 11.0", "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko", false},
};

struct Split
{
    std::vector<int> tenant, foreign;
    Split()
    {
        for (int i = 0; i < int(std::size(kCities)); ++i)
            (isTenantCountry(kCities[i].country) ? tenant : foreign).push_back(i);
    }
};

const Split &split()
{
    static const Split s;
    return s;
}

} // namespace

std::span<const City> cities() { return kCities; }
std::span<const App> apps() { return kApps; }
std::span<const App> adminApps() { return kAdminApps; }
std::span<const DeviceKind> deviceKinds() { return kDevices; }
std::span<const int> tenantCities() { return split().tenant; }
std::span<const int> foreignCities() { return split().foreign; }

const App &appAt(int index)
{
    const int ordinary = int(std::size(kApps));
    return index < ordinary ? kApps[index] : kAdminApps[index - ordinary];
}

int appCount()
{
    return int(std::size(kApps) + std::size(kAdminApps));
}

bool isTenantCountry(const char *country)
{
    for (const char *c : kTenantCountries) {
        if (std::strcmp(c, country) == 0)
            return true;
    }
    return false;
}

int carrierHub(int city)
{
    // The largest city of the country that is not this one: the first listed.
    for (int i = 0; i < int(std::size(kCities)); ++i) {
        if (i != city && std::strcmp(kCities[i].country, kCities[city].country) == 0)
            return i;
    }
    return city;
}

const char *ianaZone(int city)
{
    struct Zone
    {
        const char *key, *zone; // a city name, or a country code for one-zone countries
    };
    static constexpr Zone kZones[] = {
        {"NZ", "Pacific/Auckland"}, {"Sydney", "Australia/Sydney"}, {"Melbourne", "Australia/Melbourne"},
        {"Canberra", "Australia/Sydney"}, {"Brisbane", "Australia/Brisbane"}, {"Perth", "Australia/Perth"},
        {"Adelaide", "Australia/Adelaide"}, {"GB", "Europe/London"}, {"IE", "Europe/Dublin"}, {"DE", "Europe/Berlin"},
        {"FR", "Europe/Paris"}, {"NL", "Europe/Amsterdam"}, {"SG", "Asia/Singapore"}, {"JP", "Asia/Tokyo"},
        {"Chicago", "America/Chicago"}, {"Dallas", "America/Chicago"}, {"Austin", "America/Chicago"},
        {"Denver", "America/Denver"}, {"Phoenix", "America/Phoenix"}, {"Seattle", "America/Los_Angeles"},
        {"San Francisco", "America/Los_Angeles"}, {"Los Angeles", "America/Los_Angeles"}, {"US", "America/New_York"},
        {"Vancouver", "America/Vancouver"}, {"Calgary", "America/Edmonton"}, {"CA", "America/Toronto"},
        {"ES", "Europe/Madrid"}, {"PT", "Europe/Lisbon"}, {"IT", "Europe/Rome"}, {"CH", "Europe/Zurich"},
        {"AT", "Europe/Vienna"}, {"BE", "Europe/Brussels"}, {"DK", "Europe/Copenhagen"}, {"SE", "Europe/Stockholm"},
        {"NO", "Europe/Oslo"}, {"FI", "Europe/Helsinki"}, {"PL", "Europe/Warsaw"}, {"CZ", "Europe/Prague"},
        {"HU", "Europe/Budapest"}, {"RO", "Europe/Bucharest"}, {"GR", "Europe/Athens"}, {"UA", "Europe/Kyiv"},
        {"IL", "Asia/Jerusalem"}, {"EG", "Africa/Cairo"}, {"BR", "America/Sao_Paulo"},
        {"AR", "America/Argentina/Buenos_Aires"}, {"MX", "America/Mexico_City"},
    };
    for (const Zone &z : kZones) {
        if (std::strcmp(z.key, kCities[city].name) == 0)
            return z.zone;
    }
    for (const Zone &z : kZones) {
        if (std::strcmp(z.key, kCities[city].country) == 0)
            return z.zone;
    }
    return nullptr;
}

int utcOffsetAt(int city, qint64 utcMs)
{
    // QTimeZone is costly to build and to ask: one per city, and one answer per city and UTC hour.
    static std::mutex lock;
    static std::vector<QTimeZone> zones;
    static std::unordered_map<quint64, int> answers;
    const std::lock_guard<std::mutex> guard(lock);
    if (zones.empty()) {
        for (int i = 0; i < int(std::size(kCities)); ++i) {
            const char *id = ianaZone(i);
            zones.push_back(id ? QTimeZone(QByteArray(id)) : QTimeZone(kCities[i].utcOffsetMinutes * 60));
        }
    }
    const qint64 hour = utcMs / 3'600'000;
    const quint64 key = (quint64(hour) << 8) | quint64(city);
    if (const auto it = answers.find(key); it != answers.end())
        return it->second;
    const QTimeZone &zone = zones[size_t(city)];
    const int minutes = zone.isValid() ? zone.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(hour * 3'600'000, Qt::UTC)) / 60
                                       : kCities[city].utcOffsetMinutes;
    answers.emplace(key, minutes);
    return minutes;
}

int sameCountryCity(int city, quint64 pick)
{
    std::vector<int> others;
    for (int i = 0; i < int(std::size(kCities)); ++i) {
        if (i != city && std::strcmp(kCities[i].country, kCities[city].country) == 0)
            others.push_back(i);
    }
    return others.empty() ? city : others[size_t(pick % others.size())];
}

double distanceKm(int a, int b)
{
    constexpr double rad = 3.14159265358979323846 / 180.0;
    const City &x = kCities[a], &y = kCities[b];
    const double dlat = (y.lat - x.lat) * rad, dlon = (y.lon - x.lon) * rad;
    const double h = std::sin(dlat / 2) * std::sin(dlat / 2)
                     + std::cos(x.lat * rad) * std::cos(y.lat * rad) * std::sin(dlon / 2) * std::sin(dlon / 2);
    return 2 * 6371.0 * std::asin(std::sqrt(h));
}

} // namespace backsight::sim
