#include "simulate/attacks.h"

#include "simulate/attack_kit.h"

#include "simulate/activity.h"
#include "simulate/sim_random.h"
#include "simulate/world.h"

#include <algorithm>
#include <cstring>

namespace backsight::sim {
namespace {

enum Kind { Spray, BruteForce, MfaFatigue, ImpossibleTravel, LegacyAuth, OffHoursAdmin, Dormant, NewAppBulk,
            MfaRegistration, LegacyBruteForce, DormantLegacy, TokenReplayHosting, DistributedSpray, DeviceCodePhishing,
            RopcSignIn, IllicitConsent, PrivilegedPersistence };
constexpr int kPythonClient = 8, kLegacyClient = 9;
const int kExchange = 1;

// Makes one attack's events from its own random stream.
class AttackBuilder : public AttackKit
{
public:
    using AttackKit::AttackKit;

    void build()
    {
        switch (a_.kind) {
        case Spray: spray(); break;
        case BruteForce: bruteForce(); break;
        case MfaFatigue: mfaFatigue(); break;
        case ImpossibleTravel: impossibleTravel(); break;
        case LegacyAuth: legacyAuth(); break;
        case OffHoursAdmin: offHoursAdmin(); break;
        case Dormant: dormant(); break;
        case MfaRegistration: mfaRegistration(); break;
        case LegacyBruteForce: legacyBruteForce(); break;
        case DormantLegacy: dormantLegacy(); break;
        case TokenReplayHosting: tokenReplayHosting(); break;
        case NewAppBulk: newAppBulk(); break;
        default: buildIdentityAttack(t_, a_); break;
        }
    }

private:
    // Many users, one or a few tries each, from one to three addresses; a few guesses work.
    void spray()
    {
        const bool slow = a_.variant == 1;
        const int city = attackerCity();
        std::vector<QByteArray> ips;
        for (int i = slow ? 1 : r_.between(1, 3); i > 0; --i)
            ips.push_back(addressIn(city, r_.next()));
        qint64 ms = start(0, slow ? 6 : 20);
        const qint64 span = slow ? qint64(r_.between(24, 40)) * 3600000 : qint64(r_.between(15, 60)) * 60000;
        const qint64 step = std::max<qint64>(1000, span / qint64(a_.victims.size()));
        std::vector<bool> guessed(a_.victims.size(), false); // the few weak passwords
        for (int k = r_.between(1, 3); k > 0; --k)
            guessed[size_t(r_.below(int(a_.victims.size())))] = true;
        for (size_t v = 0; v < a_.victims.size(); ++v, ms += step) {
            // A dormant account's password is not among the weak ones: its reactivation is the dormant attack's.
            const bool hit = guessed[v] && isActiveOn(t_.users[size_t(a_.victims[v])], a_.day);
            const int tries = r_.between(1, 2);
            for (int k = 0; k < tries; ++k) {
                const bool last = k + 1 == tries;
                signIn(ms + k * 7000 + r_.below(5000), a_.victims[v], city, ips[size_t(r_.below(int(ips.size())))],
                       kPythonClient, kExchange, hit && last ? 0 : 50126);
            }
        }
    }

    void bruteForce()
    {
        const int user = a_.victims[0];
        const int city = attackerCity();
        const QByteArray ip = addressIn(city, r_.next());
        qint64 ms = start(0, 22);
        const int tries = r_.between(40, 200);
        for (int k = 0; k < tries; ++k, ms += r_.between(3, 30) * 1000LL)
            signIn(ms, user, city, ip, kPythonClient, kExchange, k < 10 ? 50126 : 50053); // smart lockout after 10
        if (r_.chance(0.3))
            signIn(ms + 600000, user, city, ip, kPythonClient, kExchange, 0);
    }

    // The password is known; push after push until the tired user approves one.
    void mfaFatigue()
    {
        const int user = a_.victims[0];
        const int city = attackerCity();
        const QByteArray ip = addressIn(city, r_.next());
        qint64 ms = start(0, 20);
        for (int k = r_.between(6, 20); k > 0; --k, ms += r_.between(60, 300) * 1000LL)
            signIn(ms, user, city, ip, 1, 0, 500121);
        signIn(ms, user, city, ip, 1, 0, 0);
        for (int k = r_.between(3, 8); k > 0; --k)
            signIn(ms + r_.between(5, 240) * 60000LL, user, city, ip, 1, kExchange, 0, false);
    }

    // A stolen session token used far away, minutes to hours after the user signed in at home.
    void impossibleTravel()
    {
        const int user = a_.victims[0];
        const SimUser &u = t_.users[size_t(user)];
        int city = attackerCity();
        for (int k = 0; k < 4; ++k) {
            const int other = attackerCity();
            if (distanceKm(u.city, other) > distanceKm(u.city, city))
                city = other;
        }
        const qint64 home = start(0, 16);
        SimSignIn &h = signIn(home, user, u.city, homeIp(u, a_.day), u.devices[0], 0, 0);
        h.deviceId = u.deviceIds[0];
        h.compliant = u.devices[0] < 3;
        h.groundTruth = false; // the user's own sign-in: part of the picture, not of the attack
        const QByteArray ip = addressIn(city, r_.next());
        const qint64 ms = home + r_.between(20, 180) * 60000LL;
        signIn(ms, user, city, ip, 4, 0, 0);
        for (int k = r_.between(3, 10); k > 0; --k)
            signIn(ms + r_.between(1, 240) * 60000LL, user, city, ip, 4, r_.chance(0.5) ? kExchange : 4, 0, false);
    }

    void legacyAuth()
    {
        static const char *const clients[] = {"IMAP4", "SMTP", "POP3", "Exchange ActiveSync", "Other clients", "Authenticated SMTP"};
        const int user = a_.victims[0];
        const int city = attackerCity();
        const QByteArray ip = addressIn(city, r_.next());
        const char *client = clients[r_.below(int(std::size(clients)))];
        qint64 ms = start(0, 22);
        const int failures = r_.between(2, 6), successes = r_.between(1, 3);
        for (int k = 0; k < failures + successes; ++k, ms += r_.between(10, 600) * 1000LL)
            signIn(ms, user, city, ip, kLegacyClient, kExchange, k < failures ? 50126 : 0).clientApp = client;
    }

    // An admin account at 01:00–04:00 local from somewhere new, then privileged changes.
    void offHoursAdmin()
    {
        const int user = a_.victims[0];
        const SimUser &u = t_.users[size_t(user)];
        const int city = r_.chance(0.5) ? attackerCity() : carrierHub(u.city);
        const QByteArray ip = addressIn(city, r_.next());
        const int local = r_.between(60, 240) - cities()[size_t(u.city)].utcOffsetMinutes;
        qint64 ms = dayMs_ + qint64((local % 1440 + 1440) % 1440) * 60000 + r_.below(60000);
        signIn(ms, user, city, ip, 1, int(apps().size()), 0); // Azure Portal
        const SimUser &target = t_.users[size_t(r_.below(int(t_.users.size())))];
        const QByteArray app = r_.uuid();
        ms += r_.between(2, 10) * 60000LL;
        audit(ms, user, ip, "Add member to role", "RoleManagement", "Assign", "User", target.id, target.upn);
        ms += r_.between(1, 15) * 60000LL;
        audit(ms, user, ip, "Add service principal credentials", "ApplicationManagement", "Update", "ServicePrincipal",
              app, "Backup Sync Connector");
        if (r_.chance(0.7)) {
            ms += r_.between(1, 15) * 60000LL;
            audit(ms, user, ip, "Consent to application", "ApplicationManagement", "Assign", "ServicePrincipal", app,
                  "Backup Sync Connector");
        }
    }

    void dormant()
    {
        const int user = a_.victims[0];
        const int city = r_.chance(0.5) ? attackerCity() : t_.users[size_t(user)].city;
        const QByteArray ip = addressIn(city, r_.next());
        qint64 ms = start(0, 20);
        signIn(ms, user, city, ip, 9, kExchange, 0);
        for (int k = r_.between(10, 30); k > 0; --k)
            signIn(ms + r_.between(1, 300) * 60000LL, user, city, ip, 9, kExchange, 0, false);
    }

    // A phished password and an approved prompt from abroad, then the intruder registers their own MFA method.
    void mfaRegistration()
    {
        const int user = a_.victims[0];
        const SimUser &u = t_.users[size_t(user)];
        const int city = attackerCity();
        const QByteArray ip = addressIn(city, r_.next());
        qint64 ms = start(0, 20);
        signIn(ms, user, city, ip, 4, 0, 50074);
        ms += r_.between(20, 90) * 1000LL;
        signIn(ms, user, city, ip, 4, 0, 0);
        ms += r_.between(5, 30) * 60000LL;
        audit(ms, user, ip, "User registered security info", "UserManagement", "Add", "User", u.id, u.upn);
    }

    // Password guessing over IMAP or SMTP AUTH (no MFA, often no lockout), sometimes ending in a success.
    void legacyBruteForce()
    {
        static const char *const clients[] = {"IMAP4", "Authenticated SMTP", "POP3"};
        const int user = a_.victims[0];
        const int city = attackerCity();
        const QByteArray ip = addressIn(city, r_.next());
        const char *client = clients[r_.below(int(std::size(clients)))];
        qint64 ms = start(0, 22);
        const int tries = r_.between(30, 150);
        for (int k = 0; k < tries; ++k, ms += r_.between(5, 40) * 1000LL)
            signIn(ms, user, city, ip, kLegacyClient, kExchange, 50126).clientApp = client;
        if (r_.chance(0.2))
            signIn(ms + 60000, user, city, ip, kLegacyClient, kExchange, 0).clientApp = client;
    }

    // A leaver's or forgotten account woken up over a legacy protocol: no MFA, no device.
    void dormantLegacy()
    {
        const int user = a_.victims[0];
        const int city = r_.chance(0.5) ? attackerCity() : t_.users[size_t(user)].city;
        const QByteArray ip = addressIn(city, r_.next());
        const char *client = r_.chance(0.5) ? "IMAP4" : "Exchange ActiveSync";
        qint64 ms = start(0, 20);
        for (int k = r_.between(3, 10); k > 0; --k, ms += r_.between(2, 20) * 60000LL)
            signIn(ms, user, city, ip, kLegacyClient, kExchange, 0).clientApp = client;
    }

    // A session token stolen right after a genuine MFA sign-in (an adversary-in-the-middle page), replayed within
    // the hour from a cloud server in the victim's own country: no device, a network the user never used.
    void tokenReplayHosting()
    {
        struct Cloud
        {
            const char *country, *prefix; // real ranges of Amazon (AS16509/14618) and DigitalOcean (AS14061)
        };
        static constexpr Cloud kClouds[] = {{"NZ", "13.54."}, {"AU", "13.54."}, {"GB", "3.8."}, {"IE", "52.16."},
                                            {"DE", "3.120."}, {"FR", "35.180."}, {"US", "3.80."}, {"CA", "15.222."},
                                            {"SG", "13.228."}, {"JP", "13.112."}, {"NL", "159.89."}};
        const int user = a_.victims[0];
        const SimUser &u = t_.users[size_t(user)];
        const char *prefix = "3.80.";
        for (const Cloud &c : kClouds)
            if (std::strcmp(c.country, cities()[size_t(u.city)].country) == 0)
                prefix = c.prefix;
        const QByteArray ip = QByteArray(prefix) + QByteArray::number(r_.below(256)) + '.' + QByteArray::number(1 + r_.below(254));
        const qint64 home = start(0, 16);
        SimSignIn &h = signIn(home, user, u.city, homeIp(u, a_.day), u.devices[0], 0, 0);
        h.deviceId = u.deviceIds[0];
        h.compliant = u.devices[0] < 3;
        h.groundTruth = false; // the user's own sign-in, whose session is stolen
        const int city = sameCountryCity(u.city, r_.next()); // where the data centre geolocates
        qint64 ms = home + r_.between(5, 60) * 60000LL;
        for (int k = r_.between(3, 8); k > 0; --k, ms += r_.between(2, 30) * 60000LL)
            signIn(ms, user, city, ip, u.devices[0], r_.chance(0.5) ? kExchange : 0, 0, false); // the stolen cookie's agent
    }

    // From the user's usual place and laptop, a burst of apps they never opened before.
    void newAppBulk()
    {
        const int user = a_.victims[0];
        const SimUser &u = t_.users[size_t(user)];
        std::vector<int> unused;
        for (int app = 0; app < appCount(); ++app) {
            if (std::find(u.apps.begin(), u.apps.end(), app) == u.apps.end())
                unused.push_back(app);
        }
        const QByteArray ip = homeIp(u, a_.day);
        qint64 ms = start(0, 21);
        for (int k = std::min(int(unused.size()), r_.between(6, 12)); k > 0; --k) {
            const int pickAt = r_.below(int(unused.size()));
            SimSignIn &s = signIn(ms, user, u.city, ip, u.devices[0], unused[size_t(pickAt)], 0);
            s.deviceId = u.deviceIds[0];
            s.compliant = u.devices[0] < 3;
            unused.erase(unused.begin() + pickAt);
            ms += r_.between(1, 8) * 60000LL;
        }
    }

};

enum class Pool { Staff, Admins, Everyone };

std::vector<int> pickVictims(const Tenant &t, Random &r, int day, int count, std::vector<bool> &taken, Pool pool)
{
    const bool adminsOnly = pool == Pool::Admins;
    std::vector<int> victims;
    const int n = int(t.users.size());
    for (int tries = 0; tries < 20 * n && int(victims.size()) < count; ++tries) {
        const int i = adminsOnly && !t.admins.empty() ? t.admins[size_t(r.below(int(t.admins.size())))] : r.below(n);
        const SimUser &u = t.users[size_t(i)];
        // Admins are kept for the off-hours admin attack, which needs one each time.
        if (taken[size_t(i)] || u.role == Role::Service || (u.role == Role::Admin && pool == Pool::Staff)
            || !isActiveOn(u, day) || !isActiveOn(u, 0))
            continue;
        taken[size_t(i)] = true;
        victims.push_back(i);
    }
    return victims;
}

} // namespace

const QStringList &attackKinds()
{
    static const QStringList kinds = {
        QStringLiteral("password_spray"), QStringLiteral("brute_force"), QStringLiteral("mfa_fatigue"),
        QStringLiteral("impossible_travel"), QStringLiteral("legacy_auth_new_country"),
        QStringLiteral("offhours_admin"), QStringLiteral("dormant_account"), QStringLiteral("new_app_bulk"),
        // The realism profile's kinds ("all" includes them only with realism, so classic tenants keep their bytes).
        QStringLiteral("mfa_registration_after_new_country"), QStringLiteral("legacy_auth_brute_force"),
        QStringLiteral("dormant_legacy_auth"), QStringLiteral("token_replay_hosting"),
        // The identity attacks (identity_attacks.cpp).
        QStringLiteral("password_spray_distributed"), QStringLiteral("device_code_phishing"),
        QStringLiteral("ropc_sign_in"), QStringLiteral("illicit_consent_grant"), QStringLiteral("privileged_persistence")};
    return kinds;
}

std::vector<Attack> planAttacks(Tenant &t, const QList<int> &kinds, quint64 seed)
{
    std::vector<Attack> attacks;
    Random r = Random::stream(seed, 3);
    std::vector<bool> taken(t.users.size(), false);
    const int perKind = 3 + int(t.users.size()) / 1000;
    // Leave the first third of a long window clean, so a baseline exists before the first attack.
    const int first = t.days >= 21 ? t.days / 3 : 0;
    const int last = std::max(first, t.days - 2);
    for (int kind : kinds) {
        for (int i = 0; i < perKind; ++i) {
            Attack a;
            a.kind = kind;
            a.day = r.between(first, last);
            if (kind == Dormant || kind == DormantLegacy) // silent for at least 30 days (or since the start) before
                a.day = std::max(a.day, std::min(last, 30 + first));
            a.seed = r.next();
            if (kind == Spray) {
                std::vector<bool> none(t.users.size(), false);
                const int targets = std::clamp(int(t.users.size()) * r.between(20, 50) / 100, 5, 400);
                a.victims = pickVictims(t, r, a.day, targets, none, Pool::Everyone); // sprays hit admins too
                a.variant = i % 2; // alternate fast and slow sprays
            } else if (kind == DistributedSpray) {
                std::vector<bool> none(t.users.size(), false);
                a.day = std::min(a.day, std::max(first, t.days - 5)); // two to four days, inside the window
                const int targets = std::clamp(int(t.users.size()) * r.between(10, 25) / 100, 12, 300);
                a.victims = pickVictims(t, r, a.day, targets, none, Pool::Everyone);
            } else {
                const bool admins = kind == OffHoursAdmin || kind == PrivilegedPersistence;
                a.victims = pickVictims(t, r, a.day, 1, taken, admins ? Pool::Admins : Pool::Staff);
            }
            if (a.victims.empty())
                continue;
            if (kind == Dormant || kind == DormantLegacy) {
                SimUser &u = t.users[size_t(a.victims[0])];
                u.dormantFrom = std::max(0, a.day - std::max(30, t.days / 2));
                u.dormantUntil = 1 << 30; // the owner has gone; only the intruder signs in
            }
            attacks.push_back(std::move(a));
        }
    }
    std::sort(attacks.begin(), attacks.end(), [](const Attack &a, const Attack &b) {
        return a.day != b.day ? a.day < b.day : a.seed < b.seed;
    });
    for (size_t i = 0; i < attacks.size(); ++i)
        attacks[i].attackId = "atk-" + QByteArray::number(qulonglong(i + 1)).rightJustified(3, '0');
    return attacks;
}

void addAttackDay(std::vector<Attack> &attacks, const Tenant &t, int day, DayEvents &out)
{
    const qint64 dayEnd = dayStartMs(t, day + 1);
    for (Attack &a : attacks) {
        if (a.day > day)
            continue;
        if (!a.generated) {
            AttackBuilder(t, a).build();
            a.generated = true;
        }
        auto record = [&](const QByteArray &id, qint64 ms, int user) {
            a.eventIds.push_back(id);
            a.startMs = std::min(a.startMs, ms);
            a.endMs = std::max(a.endMs, ms);
            if (std::find(a.touched.begin(), a.touched.end(), user) == a.touched.end())
                a.touched.push_back(user);
        };
        auto &signIns = a.pending.signIns;
        for (auto it = signIns.begin(); it != signIns.end();) {
            if (it->ms >= dayEnd) {
                ++it;
                continue;
            }
            if (it->groundTruth)
                record(it->id, it->ms, it->user);
            out.signIns.push_back(std::move(*it));
            it = signIns.erase(it);
        }
        auto &audits = a.pending.audits;
        for (auto it = audits.begin(); it != audits.end();) {
            if (it->ms >= dayEnd) {
                ++it;
                continue;
            }
            record(it->id, it->ms, it->actor);
            out.audits.push_back(std::move(*it));
            it = audits.erase(it);
        }
    }
}

} // namespace backsight::sim
