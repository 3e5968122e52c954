#include "simulate/demo_tenant.h"

#include "ingest/timestamp.h"

#include <QDir>
#include <QFile>
#include <QLocale>
#include <array>
#include <vector>

namespace backsight {
namespace {

// splitmix64: tiny, fast, and the same sequence on every platform (std distributions are not).
class Random
{
public:
    explicit Random(quint64 seed) : state_(seed) {}
    quint64 next()
    {
        quint64 z = (state_ += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    int below(int n) { return int(next() % quint64(n)); }
    double unit() { return double(next() >> 11) * (1.0 / 9007199254740992.0); }
    bool chance(double p) { return unit() < p; }
    QString uuid()
    {
        const quint64 a = next(), b = next();
        return QStringLiteral("%1-%2-4%3-%4-%5")
            .arg(a >> 32, 8, 16, QLatin1Char('0'))
            .arg((a >> 16) & 0xffff, 4, 16, QLatin1Char('0'))
            .arg(a & 0xfff, 3, 16, QLatin1Char('0'))
            .arg(0x8000 | ((b >> 48) & 0x3fff), 4, 16, QLatin1Char('0'))
            .arg(b & 0xffffffffffffULL, 12, 16, QLatin1Char('0'));
    }

private:
    quint64 state_;
};

struct City
{
    const char *name, *state, *country;
    double lat, lon;
    int utcOffsetHours; // standard time; good enough for working hours in a demo
};

constexpr std::array<City, 12> kCities = {{
    {"Wellington", "Wellington", "NZ", -41.2866, 174.7756, 13},
    {"Auckland", "Auckland", "NZ", -36.8485, 174.7633, 13},
    {"Christchurch", "Canterbury", "NZ", -43.5321, 172.6362, 13},
    {"Sydney", "New South Wales", "AU", -33.8688, 151.2093, 11},
    {"Melbourne", "Victoria", "AU", -37.8136, 144.9631, 11},
    {"London", "England", "GB", 51.5072, -0.1276, 0},
    {"Manchester", "England", "GB", 53.4808, -2.2426, 0},
    {"Berlin", "Berlin", "DE", 52.5200, 13.4050, 1},
    {"Munich", "Bavaria", "DE", 48.1351, 11.5820, 1},
    {"New York", "New York", "US", 40.7128, -74.0060, -5},
    {"Seattle", "Washington", "US", 47.6062, -122.3321, -8},
    {"Chicago", "Illinois", "US", 41.8781, -87.6298, -6},
}};

struct App
{
    const char *name, *id;
};

// Zipf-like popularity: earlier apps are used far more often.
constexpr std::array<App, 10> kApps = {{
    {"Microsoft Teams", "1fec8e78-bce4-4aaf-ab1b-5451cc387264"},
    {"Office 365 Exchange Online", "00000002-0000-0ff1-ce00-000000000000"},
    {"Microsoft Office", "d3590ed6-52b3-4102-aeff-aad2292ab01c"},
    {"SharePoint Online", "00000003-0000-0ff1-ce00-000000000000"},
    {"OneDrive SyncEngine", "ab9b8c07-8f02-4f72-87fa-80105867a763"},
    {"Microsoft Edge", "ecd6b820-32c2-49b6-98a6-444530e5a77a"},
    {"Azure Portal", "c44b4083-3bb0-49c1-b47d-974e53cbdf3c"},
    {"Microsoft Authenticator App", "4813382a-8fa7-425e-ab75-3b753aab3abb"},
    {"Power BI Service", "871c010f-5e61-4fb1-83ac-98610a7e9110"},
    {"Visual Studio Code", "aebc6443-996d-45c2-90f0-388ff96faa56"},
}};

struct Device
{
    const char *os, *browser, *userAgent;
};

constexpr std::array<Device, 5> kDevices = {{
    {"Windows10", "Edge 120.0.2210", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.91"},
    {"MacOs", "Safari 17.1", "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15"},
    {"Ios", "Mobile Safari 17.1", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1"},
    {"Android", "Chrome Mobile 119.0", "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.6045.163 Mobile Safari/537.36"},
    {"Windows10", "Chrome 120.0.0", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36"},
}};

struct User
{
    QString id, upn, name;
    int city;
    int device;
    int startHour; // local
    bool weekend;
    QString homeIp;
    QString deviceId;
};

const char *const kFirst[] = {"Aroha", "Ben", "Chloe", "Dev", "Ella", "Finn", "Grace", "Hemi", "Isla", "Jack",
                              "Kiri", "Liam", "Mia", "Noah", "Olivia", "Priya", "Quinn", "Ruby", "Sam", "Tama"};
const char *const kLast[] = {"Anderson", "Brown", "Chen", "Davies", "Edwards", "Fraser", "Garcia", "Harris",
                             "Ito", "Jones", "Kaur", "Lee", "Martin", "Ngata", "Olsen", "Patel"};

// Small JSON writer: field order is fixed, so the same seed gives the same bytes.
class Json
{
public:
    explicit Json(QByteArray &out) : out_(out) {}
    void begin() { out_ += '{'; first_ = true; }
    void end() { out_ += '}'; first_ = false; }
    void key(const char *k)
    {
        if (!first_)
            out_ += ',';
        first_ = false;
        out_ += '"';
        out_ += k;
        out_ += "\":";
    }
    void str(const char *k, const QString &v) { key(k); quoted(v); }
    void num(const char *k, double v) { key(k); out_ += QByteArray::number(v, 'g', 10); }
    void integer(const char *k, qint64 v) { key(k); out_ += QByteArray::number(v); }
    void boolean(const char *k, bool v) { key(k); out_ += v ? "true" : "false"; }
    void object(const char *k) { key(k); begin(); }
    void raw(const char *k, const char *json) { key(k); out_ += json; }

private:
    void quoted(const QString &v)
    {
        out_ += '"';
        for (QChar c : v) {
            if (c == QLatin1Char('"') || c == QLatin1Char('\\'))
                out_ += '\\';
            out_ += QString(c).toUtf8();
        }
        out_ += '"';
    }
    QByteArray &out_;
    bool first_ = true;
};

struct Event
{
    qint64 ms;
    QByteArray json;
};

QString ip(Random &r, int a)
{
    return QStringLiteral("%1.%2.%3.%4").arg(a).arg(r.below(250) + 1).arg(r.below(250) + 1).arg(r.below(250) + 1);
}

QByteArray signIn(Random &r, const User &u, qint64 ms, bool interactive, int errorCode, const QString &ipAddress)
{
    const City &city = kCities[size_t(u.city)];
    const Device &device = kDevices[size_t(u.device)];
    int appIndex = 0;
    while (appIndex + 1 < int(kApps.size()) && r.chance(0.45))
        ++appIndex;
    const App &app = kApps[size_t(appIndex)];
    QByteArray out;
    Json j(out);
    j.begin();
    j.str("id", r.uuid());
    j.str("createdDateTime", formatUtcMs(ms).replace(QLatin1String(".000Z"), QLatin1String("Z")));
    j.str("userDisplayName", u.name);
    j.str("userPrincipalName", u.upn);
    j.str("userId", u.id);
    j.str("appId", QString::fromLatin1(app.id));
    j.str("appDisplayName", QString::fromLatin1(app.name));
    j.str("ipAddress", ipAddress);
    j.str("clientAppUsed", interactive ? QStringLiteral("Browser") : QStringLiteral("Mobile Apps and Desktop clients"));
    j.str("correlationId", r.uuid());
    j.str("conditionalAccessStatus", errorCode == 53003 ? QStringLiteral("failure") : QStringLiteral("success"));
    j.boolean("isInteractive", interactive);
    j.str("resourceDisplayName", QStringLiteral("Microsoft Graph"));
    j.str("resourceId", QStringLiteral("00000003-0000-0000-c000-000000000000"));
    j.str("riskLevelDuringSignIn", QStringLiteral("none"));
    j.str("riskState", QStringLiteral("none"));
    j.raw("signInEventTypes", interactive ? "[\"interactiveUser\"]" : "[\"nonInteractiveUser\"]");
    j.object("status");
    j.integer("errorCode", errorCode);
    if (errorCode == 50126)
        j.str("failureReason", QStringLiteral("Error validating credentials due to invalid username or password."));
    else if (errorCode == 500121)
        j.str("failureReason", QStringLiteral("Authentication failed during strong authentication request."));
    else if (errorCode == 53003)
        j.str("failureReason", QStringLiteral("Access has been blocked by Conditional Access policies."));
    j.end();
    j.object("deviceDetail");
    j.str("deviceId", u.deviceId);
    j.str("operatingSystem", QString::fromLatin1(device.os));
    j.str("browser", QString::fromLatin1(device.browser));
    j.boolean("isCompliant", u.device < 2);
    j.boolean("isManaged", u.device < 2);
    j.end();
    j.object("location");
    j.str("city", QString::fromLatin1(city.name));
    j.str("state", QString::fromLatin1(city.state));
    j.str("countryOrRegion", QString::fromLatin1(city.country));
    j.object("geoCoordinates");
    j.num("latitude", city.lat);
    j.num("longitude", city.lon);
    j.end();
    j.end();
    j.str("userAgent", QString::fromLatin1(device.userAgent));
    if (interactive && errorCode == 0) {
        j.object("mfaDetail");
        j.str("authMethod", QStringLiteral("Mobile app notification"));
        j.str("authDetail", QStringLiteral("MFA successfully completed"));
        j.end();
    }
    j.end();
    return out;
}

QByteArray audit(Random &r, const User &actor, const User &target, qint64 ms)
{
    static const char *const activities[] = {"Update user", "Reset user password", "Add member to group",
                                             "Update device", "Add registered owner to device"};
    const char *activity = activities[r.below(5)];
    QByteArray out;
    Json j(out);
    j.begin();
    j.str("id", QStringLiteral("Directory_") + r.uuid());
    j.str("category", QStringLiteral("UserManagement"));
    j.str("correlationId", r.uuid());
    j.str("result", QStringLiteral("success"));
    j.str("activityDisplayName", QString::fromLatin1(activity));
    j.str("activityDateTime", formatUtcMs(ms));
    j.str("loggedByService", QStringLiteral("Core Directory"));
    j.str("operationType", QStringLiteral("Update"));
    j.object("initiatedBy");
    j.object("user");
    j.str("id", actor.id);
    j.str("userPrincipalName", actor.upn);
    j.str("ipAddress", actor.homeIp);
    j.end();
    j.end();
    j.key("targetResources");
    out += "[";
    Json t(out);
    t.begin();
    t.str("id", target.id);
    t.str("type", QStringLiteral("User"));
    t.str("userPrincipalName", target.upn);
    t.end();
    out += "]";
    j.end();
    return out;
}

bool writeHourFile(const QString &path, const std::vector<Event> &events, QString &error)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        error = QStringLiteral("cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    QByteArray out = "{\"@odata.context\":\"https://graph.microsoft.com/beta/$metadata#auditLogs\",\"value\":[\n";
    for (size_t i = 0; i < events.size(); ++i) {
        out += events[i].json;
        out += i + 1 < events.size() ? ",\n" : "\n";
    }
    out += "]}\n";
    return f.write(out) == out.size();
}

} // namespace

DemoTenantResult writeDemoTenant(const DemoTenantOptions &options, const std::function<bool(int, int)> &progress)
{
    DemoTenantResult result;
    Random r(options.seed);
    const QDate start = options.start.isValid() ? options.start : QDate(2024, 12, 1).addDays(-options.days);
    std::vector<User> users;
    for (int i = 0; i < options.users; ++i) {
        User u;
        const QString first = QString::fromLatin1(kFirst[r.below(20)]);
        const QString last = QString::fromLatin1(kLast[r.below(16)]);
        u.name = first + QLatin1Char(' ') + last;
        u.upn = QStringLiteral("%1.%2%3@contoso.com").arg(first.toLower(), last.toLower()).arg(i);
        u.id = r.uuid();
        u.city = r.below(int(kCities.size()));
        u.device = r.below(int(kDevices.size()));
        u.startHour = 7 + r.below(3) + (r.chance(0.05) ? 12 : 0); // a few night-shift workers
        u.weekend = r.chance(0.1);
        u.homeIp = ip(r, 100 + u.city);
        u.deviceId = r.uuid();
        users.push_back(u);
    }
    const QLocale english(QLocale::English);
    for (int day = 0; day < options.days; ++day) {
        const QDate date = start.addDays(day);
        const qint64 dayMs = QDateTime(date, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
        std::array<std::vector<Event>, 24> signIns, audits;
        for (const User &u : users) {
            const bool weekend = date.dayOfWeek() >= 6;
            if ((weekend && !u.weekend) || r.chance(0.04)) // weekends and the odd day off
                continue;
            const int localStart = u.startHour * 60 + r.below(60);
            const int utcStart = localStart - kCities[size_t(u.city)].utcOffsetHours * 60;
            const int interactive = 1 + r.below(4);
            const int refreshes = 4 + r.below(8);
            for (int k = 0; k < interactive + refreshes; ++k) {
                const bool isInteractive = k < interactive;
                int minute = utcStart + r.below(9 * 60);
                qint64 ms = dayMs + qint64(minute) * 60000 + r.below(60000);
                if (ms < dayMs || ms >= dayMs + 86400000)
                    ms = dayMs + ((ms - dayMs) % 86400000 + 86400000) % 86400000;
                int error = 0;
                if (isInteractive && r.chance(0.03))
                    error = 50126;
                else if (isInteractive && r.chance(0.01))
                    error = 500121;
                else if (r.chance(0.005))
                    error = 53003;
                const QString address = r.chance(0.8) ? u.homeIp : ip(r, 150 + u.city);
                const int hour = int((ms - dayMs) / 3600000);
                signIns[size_t(hour)].push_back({ms, signIn(r, u, ms, isInteractive, error, address)});
            }
            if (r.chance(0.01)) {
                const qint64 ms = dayMs + qint64(r.below(86400)) * 1000;
                audits[size_t(ms - dayMs) / 3600000].push_back({ms, audit(r, u, users[size_t(r.below(int(users.size())))], ms)});
            }
        }
        const QString month = english.toString(date, QStringLiteral("MMMM yyyy"));
        for (int hour = 0; hour < 24; ++hour) {
            for (auto [events, folder] : {std::pair{&signIns[size_t(hour)], QStringLiteral("Sign-in Logs")},
                                          std::pair{&audits[size_t(hour)], QStringLiteral("Audit Logs")}}) {
                if (events->empty())
                    continue;
                std::sort(events->begin(), events->end(), [](const Event &a, const Event &b) { return a.ms < b.ms; });
                const QString dir = QStringLiteral("%1/%2/%3").arg(options.outDir, month, folder);
                if (!QDir().mkpath(dir)) {
                    result.error = QStringLiteral("cannot create %1").arg(dir);
                    return result;
                }
                const QString name = QStringLiteral("%1/%2T%3.json").arg(dir, date.toString(Qt::ISODate)).arg(hour, 2, 10, QLatin1Char('0'));
                if (!writeHourFile(name, *events, result.error))
                    return result;
                ++result.files;
                (folder.startsWith(QLatin1String("Audit")) ? result.audits : result.signIns) += qint64(events->size());
            }
        }
        if (progress && !progress(day + 1, options.days)) {
            result.error = QStringLiteral("cancelled");
            return result;
        }
    }
    result.ok = true;
    return result;
}

} // namespace backsight
