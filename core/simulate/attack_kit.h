#pragma once

#include "simulate/activity.h"
#include "simulate/attacks.h"
#include "simulate/sim_random.h"
#include "simulate/world.h"

namespace backsight::sim {

// What every attack builder shares (core/simulate/attacks.cpp, identity_attacks.cpp): the attack's own random
// stream, its first day, and helpers that add labelled sign-ins and audit records to the attack's pending events.
class AttackKit
{
public:
    AttackKit(const Tenant &t, Attack &a) : t_(t), a_(a), r_(a.seed), dayMs_(dayStartMs(t, a.day)) {}

    // A foreign city away from the commercial-VPN hubs.
    int attackerCity()
    {
        const auto foreign = foreignCities();
        return foreign[size_t(6 + r_.below(int(foreign.size()) - 6))];
    }

    SimSignIn &signIn(qint64 ms, int user, int city, const QByteArray &ip, int device, int app, int error,
                      bool interactive = true)
    {
        SimSignIn s;
        s.ms = ms;
        s.id = r_.uuid();
        s.correlationId = r_.uuid();
        s.ip = ip;
        s.city = city;
        s.user = user;
        s.device = device;
        s.app = app;
        s.error = error;
        s.interactive = interactive;
        s.clientApp = interactive ? "Browser" : "Mobile Apps and Desktop clients";
        s.groundTruth = true;
        a_.pending.signIns.push_back(std::move(s));
        return a_.pending.signIns.back();
    }

    SimAudit &audit(qint64 ms, int actor, const QByteArray &ip, const char *activity, const char *category,
                    const char *op, const char *targetType, const QByteArray &targetId, const QByteArray &targetName)
    {
        SimAudit x;
        x.ms = ms;
        x.id = "Directory_" + r_.uuid();
        x.correlationId = r_.uuid();
        x.actor = actor;
        x.actorIp = ip;
        x.activity = activity;
        x.category = category;
        x.operationType = op;
        x.targetType = targetType;
        x.targetId = targetId;
        x.targetName = targetName;
        a_.pending.audits.push_back(std::move(x));
        return a_.pending.audits.back();
    }

    qint64 start(int earliestHour, int latestHour)
    {
        return dayMs_ + qint64(r_.between(earliestHour * 60, latestHour * 60)) * 60000 + r_.below(60000);
    }

protected:
    const Tenant &t_;
    Attack &a_;
    Random r_;
    qint64 dayMs_;
};

// The identity attacks (identity_attacks.cpp): distributed spray, device-code phishing, ROPC, illicit consent,
// privileged persistence. Returns false when `a.kind` is none of them.
bool buildIdentityAttack(const Tenant &t, Attack &a);

// A consent audit's target modifiedProperties (JSON array) as Entra writes them: admin or user consent and the
// delegated scopes granted, space-separated (the benign consents of activity.cpp share it).
QByteArray consentProperties(bool adminConsent, const char *scopes, const QByteArray &appId);

} // namespace backsight::sim
