// The identity attacks of the realism profile (docs/simulation.md, "Identity attacks"): each made from the attack's own
// random stream, its events labelled through AttackKit.
#include "simulate/attack_kit.h"

#include <algorithm>

namespace backsight::sim {
namespace {

constexpr int kPythonClient = 8, kExchange = 1, kOffice = 2;

class IdentityAttackBuilder : public AttackKit
{
public:
    using AttackKit::AttackKit;

    bool build()
    {
        const QString kind = attackKinds().value(a_.kind);
        if (kind == QLatin1String("password_spray_distributed"))
            distributedSpray();
        else if (kind == QLatin1String("device_code_phishing"))
            deviceCodePhishing();
        else if (kind == QLatin1String("ropc_sign_in"))
            ropcSignIn();
        else if (kind == QLatin1String("illicit_consent_grant"))
            illicitConsent();
        else if (kind == QLatin1String("privileged_persistence"))
            privilegedPersistence();
        else
            return false;
        return true;
    }

private:
    // A residential-proxy or botnet address: half abroad, half in one of the tenant's own countries.
    std::pair<int, QByteArray> botAddress()
    {
        const auto home = tenantCities();
        const int city = r_.chance(0.5) ? attackerCity() : home[size_t(r_.below(int(home.size())))];
        return {city, addressIn(city, r_.next())};
    }

    // Low and slow from many addresses: each address tries one to three users within its hour and is then dropped;
    // every targeted user is tried once to three times over one and a half to three days; one guess works at the end.
    void distributedSpray()
    {
        const int hours = r_.between(36, 72);
        const qint64 first = start(0, 12);
        std::vector<int> tries(a_.victims.size());
        for (int &n : tries)
            n = r_.between(1, 3);
        std::vector<std::pair<qint64, int>> plan; // (time, victim index)
        for (size_t v = 0; v < a_.victims.size(); ++v)
            for (int k = 0; k < tries[v]; ++k)
                plan.emplace_back(first + qint64(r_.below(hours * 60)) * 60000 + r_.below(60000), int(v));
        std::sort(plan.begin(), plan.end());
        std::pair<int, QByteArray> bot = botAddress();
        int usersOnBot = 0, budget = r_.between(1, 3);
        for (const auto &[ms, v] : plan) {
            if (usersOnBot == budget) { // the next address of the pool
                bot = botAddress();
                usersOnBot = 0;
                budget = r_.between(1, 3);
            }
            ++usersOnBot;
            SimSignIn &s = signIn(ms, a_.victims[size_t(v)], bot.first, bot.second, r_.chance(0.5) ? kPythonClient : 1,
                                  r_.chance(0.5) ? kExchange : kOffice, 50126);
            s.clientApp = "Mobile Apps and Desktop clients";
        }
        // The guess that works, from yet another address, and the intruder's first token refreshes.
        int winner = -1;
        for (int k = 0; k < 20 && winner < 0; ++k) {
            const int v = a_.victims[size_t(r_.below(int(a_.victims.size())))];
            if (isActiveOn(t_.users[size_t(v)], a_.day + hours / 24))
                winner = v;
        }
        if (winner < 0)
            return;
        const auto [city, ip] = botAddress();
        const qint64 ms = first + qint64(hours) * 3'600'000 + r_.below(3'600'000);
        signIn(ms, winner, city, ip, kPythonClient, kExchange, 0).clientApp = "Mobile Apps and Desktop clients";
        for (int k = r_.between(2, 5); k > 0; --k)
            signIn(ms + r_.between(5, 180) * 60000LL, winner, city, ip, kPythonClient, kExchange, 0, false);
    }

    // The victim types an attacker's device code at microsoft.com/devicelogin from their own browser and place; the
    // attacker's server then holds the tokens and uses them from its own network within minutes.
    void deviceCodePhishing()
    {
        const int user = a_.victims[0];
        const SimUser &u = t_.users[size_t(user)];
        const qint64 ms = start(1, 20);
        SimSignIn &code = signIn(ms, user, u.city, homeIp(u, a_.day), u.devices[0], kOffice, 0);
        code.deviceId = u.deviceIds[0];
        code.compliant = u.devices[0] < 3;
        code.protocol = "deviceCode";
        const bool cloud = r_.chance(0.4);
        const int city = cloud ? sameCountryCity(u.city, r_.next()) : attackerCity();
        const QByteArray ip = cloud ? QByteArray("3.80.") + QByteArray::number(r_.below(256)) + '.'
                                          + QByteArray::number(1 + r_.below(254))
                                    : addressIn(city, r_.next());
        qint64 use = ms + r_.between(2, 30) * 60000LL;
        for (int k = r_.between(3, 10); k > 0; --k, use += r_.between(2, 40) * 60000LL)
            signIn(use, user, city, ip, kPythonClient, r_.chance(0.5) ? kExchange : 4, 0, false);
    }

    // A phished password replayed with the resource-owner password credentials grant: no MFA prompt, a script.
    void ropcSignIn()
    {
        const int user = a_.victims[0];
        const auto [city, ip] = r_.chance(0.5) ? std::pair{attackerCity(), QByteArray()} : botAddress();
        const QByteArray address = ip.isEmpty() ? addressIn(city, r_.next()) : ip;
        qint64 ms = start(0, 22);
        for (int k = r_.between(0, 2); k > 0; --k, ms += r_.between(10, 120) * 1000LL) {
            SimSignIn &s = signIn(ms, user, city, address, kPythonClient, kExchange, 50126);
            s.protocol = "ropc";
            s.clientApp = "Mobile Apps and Desktop clients";
        }
        SimSignIn &s = signIn(ms, user, city, address, kPythonClient, kExchange, 0);
        s.protocol = "ropc";
        s.clientApp = "Mobile Apps and Desktop clients";
        for (int k = r_.between(2, 6); k > 0; --k)
            signIn(ms + r_.between(1, 120) * 60000LL, user, city, address, kPythonClient, kExchange, 0, false);
    }

    // The victim, at their own desk, accepts a phishing app's consent screen: the app gets mail and files for good.
    void illicitConsent()
    {
        static const char *const names[] = {"Mail Backup Pro", "PDF Converter Online", "DocuSafe Viewer",
                                            "Outlook Sync Helper", "Secure File Share"};
        static const char *const scopes[] = {
            "Mail.Read Mail.Send offline_access User.Read",
            "Files.ReadWrite.All Mail.ReadWrite offline_access openid profile",
            "full_access_as_user offline_access User.Read",
            "Mail.Read Contacts.Read Files.Read.All offline_access User.Read"};
        const int user = a_.victims[0];
        const SimUser &u = t_.users[size_t(user)];
        const QByteArray ip = homeIp(u, a_.day);
        const QByteArray sp = r_.uuid(), appId = r_.uuid();
        const QByteArray name = names[r_.below(int(std::size(names)))];
        qint64 ms = start(7, 16);
        audit(ms, user, ip, "Add service principal", "ApplicationManagement", "Add", "ServicePrincipal", sp, name);
        ms += r_.between(1, 5) * 1000LL;
        audit(ms, user, ip, "Add delegated permission grant", "ApplicationManagement", "Assign", "ServicePrincipal",
              "00000003-0000-0000-c000-000000000000", "Microsoft Graph");
        ms += r_.between(1, 5) * 1000LL;
        audit(ms, user, ip, "Consent to application", "ApplicationManagement", "Assign", "ServicePrincipal", sp, name)
            .modifiedProperties = consentProperties(false, scopes[r_.below(int(std::size(scopes)))], appId);
    }

    // An admin's session stolen or password phished: at night, from a phone-network address and a browser not the
    // admin's registered devices, an app gets a new secret and a role the intruder can use later.
    void privilegedPersistence()
    {
        const int user = a_.victims[0];
        const SimUser &u = t_.users[size_t(user)];
        const int city = r_.chance(0.5) ? sameCountryCity(u.city, r_.next()) : attackerCity();
        const QByteArray ip = addressIn(city, r_.next());
        const int local = r_.between(22 * 60, 28 * 60) - utcOffsetAt(u.city, dayMs_ + 43'200'000);
        qint64 ms = dayMs_ + qint64((local % 1440 + 1440) % 1440) * 60000 + r_.below(60000);
        signIn(ms, user, city, ip, 4, int(apps().size()) + 3, 0); // Graph Command Line Tools from an unknown Mac
        const QByteArray app = r_.uuid();
        static const char *const appNames[] = {"Payroll Export", "HR Connector", "Backup Sync Connector", "Reporting API"};
        const QByteArray name = appNames[r_.below(int(std::size(appNames)))];
        ms += r_.between(3, 40) * 60000LL;
        audit(ms, user, ip, "Add service principal credentials", "ApplicationManagement", "Update", "ServicePrincipal",
              app, name);
        ms += r_.between(1, 20) * 60000LL;
        if (r_.chance(0.5))
            audit(ms, user, ip, "Add app role assignment to service principal", "ApplicationManagement", "Assign",
                  "ServicePrincipal", app, name);
        else
            audit(ms, user, ip, "Add member to role", "RoleManagement", "Assign", "ServicePrincipal", app, name);
    }
};

} // namespace

QByteArray consentProperties(bool adminConsent, const char *scopes, const QByteArray &appId)
{
    QByteArray out = R"([{"displayName":"ConsentContext.IsAdminConsent","oldValue":null,"newValue":"\")";
    out += adminConsent ? "True" : "False";
    out += R"(\""},{"displayName":"ConsentContext.IsAppOnly","oldValue":null,"newValue":"\"False\""},)";
    out += R"({"displayName":"ConsentAction.Permissions","oldValue":null,"newValue":"\"[] => [[Id: , ClientId: )";
    out += appId;
    out += ", ConsentType: ";
    out += adminConsent ? "AllPrincipals" : "Principal";
    out += ", Scope: ";
    out += scopes;
    out += R"(, CreatedDateTime: , LastModifiedDateTime ]]; \""},)";
    out += R"({"displayName":"TargetId.ServicePrincipalNames","oldValue":null,"newValue":"\")";
    out += appId;
    out += R"(\""}])";
    return out;
}

bool buildIdentityAttack(const Tenant &t, Attack &a)
{
    return IdentityAttackBuilder(t, a).build();
}

} // namespace backsight::sim
