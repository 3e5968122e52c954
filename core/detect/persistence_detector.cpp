#include "detect/persistence_detector.h"

#include <QJsonArray>

namespace backsight::detect {

const QStringList &PrivilegedPersistenceDetector::activities()
{
    static const QStringList list = {
        QStringLiteral("Add service principal credentials"),
        QStringLiteral("Update application – Certificates and secrets management"),
        QStringLiteral("Update application - Certificates and secrets management"),
        QStringLiteral("Add member to role"), QStringLiteral("Add eligible member to role"),
        QStringLiteral("Add scoped member to role"), QStringLiteral("Add app role assignment to service principal"),
        QStringLiteral("Add owner to application"), QStringLiteral("Add owner to service principal"),
        QStringLiteral("Set federation settings on domain"), QStringLiteral("Set domain authentication"),
        QStringLiteral("Add partner to company")};
    return list;
}

bool PrivilegedPersistenceDetector::isPersistence(const QString &activity)
{
    for (const QString &a : activities())
        if (activity.startsWith(a, Qt::CaseInsensitive))
            return true;
    return false;
}

std::optional<Finding> PrivilegedPersistenceDetector::examine(const AuditRecord &audit, const std::optional<ActorSession> &s,
                                                              const DetectionParameters &p) const
{
    if (!s || audit.initiatorUpn.isEmpty() || !isPersistence(audit.activity) || s->hasDevice
        || (!s->newAddress && s->anomalyKinds.isEmpty()))
        return std::nullopt;
    Finding f;
    f.kind = QStringLiteral("privileged_persistence");
    f.subjectType = QStringLiteral("user");
    f.subject = audit.initiatorUpn;
    f.upn = audit.initiatorUpn;
    f.timeMs = audit.timeMs;
    f.eventTable = QStringLiteral("audits");
    f.eventIds = {audit.id};
    f.success = audit.result.isEmpty() || audit.result.compare(QStringLiteral("success"), Qt::CaseInsensitive) == 0;
    f.score = s->newAddress && !s->anomalyKinds.isEmpty() ? 1.0 : 0.85;
    f.privileged = true;
    QStringList why;
    if (s->newAddress)
        why << QStringLiteral("an address they never used");
    if (!s->anomalyKinds.isEmpty())
        why << QStringLiteral("a sign-in already flagged (%1)").arg(s->anomalyKinds.join(QStringLiteral(", ")));
    f.reason.detector = f.kind;
    f.reason.text = QStringLiteral("\"%1\"%2 by %3 %4 after signing in to %5 from %6 (%7) on no registered device, through %8")
                        .arg(audit.activity,
                             audit.targets.isEmpty() ? QString() : QStringLiteral(" on %1").arg(audit.targets.left(120)),
                             audit.initiatorUpn, formatDuration(audit.timeMs - s->timeMs),
                             s->app.isEmpty() ? QStringLiteral("an app") : s->app, s->ip, s->place,
                             why.join(QStringLiteral(" and ")));
    f.reason.evidence = QJsonObject{{QStringLiteral("observed"), audit.activity},
                                    {QStringLiteral("sign_in"), s->signInId},
                                    {QStringLiteral("ip"), s->ip},
                                    {QStringLiteral("new_address"), s->newAddress},
                                    {QStringLiteral("sign_in_anomalies"), QJsonArray::fromStringList(s->anomalyKinds)},
                                    {QStringLiteral("minutes_after"), double(audit.timeMs - s->timeMs) / 60'000.0},
                                    {QStringLiteral("threshold"), p.privilegedWithinHours}};
    return f;
}

} // namespace backsight::detect
