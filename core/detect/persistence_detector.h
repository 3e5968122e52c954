#pragma once

#include "detect/detector.h"
#include "detect/tenant_detectors.h"

namespace backsight::detect {

// The actor's sign-in behind a privileged audit action: their latest success before it (from the action's address
// when there is one), and what made it odd.
struct ActorSession
{
    QString signInId, ip, place, app;
    qint64 timeMs = 0;
    bool hasDevice = false;       // a registered or joined device id
    bool newAddress = false;      // the actor never signed in successfully from this address in the month before
    QStringList anomalyKinds;     // anomalies already raised on that sign-in (any severity)
};

// 15. Privileged persistence: a way back in (credentials or a secret added to an app or service principal, a role or
// app-role assignment, an owner added, federation changed) made from a session on no registered device that came
// through an address the actor never used or that carries an anomaly of its own (an off-hours sign-in, a new place).
// Kind: privileged_persistence (high; critical when the session was both new and anomalous).
class PrivilegedPersistenceDetector
{
public:
    static bool isPersistence(const QString &activity);
    static const QStringList &activities();
    std::optional<Finding> examine(const AuditRecord &audit, const std::optional<ActorSession> &session,
                                   const DetectionParameters &params) const;
};

} // namespace backsight::detect
