#include "detect/consent_detector.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace backsight::detect {

ConsentGrant parseConsent(const QString &targetsJson)
{
    ConsentGrant g;
    const QJsonArray targets = QJsonDocument::fromJson(targetsJson.toUtf8()).array();
    for (const QJsonValue &t : targets) {
        const QJsonObject target = t.toObject();
        if (g.servicePrincipalId.isEmpty()) {
            g.servicePrincipalId = target.value(QStringLiteral("id")).toString();
            g.appName = target.value(QStringLiteral("displayName")).toString();
        }
        for (const QJsonValue &p : target.value(QStringLiteral("modifiedProperties")).toArray()) {
            const QJsonObject property = p.toObject();
            const QString name = property.value(QStringLiteral("displayName")).toString();
            const QString value = property.value(QStringLiteral("newValue")).toString();
            if (name.compare(QLatin1String("ConsentContext.IsAdminConsent"), Qt::CaseInsensitive) == 0) {
                g.adminConsent = value.contains(QLatin1String("true"), Qt::CaseInsensitive);
            } else if (name.compare(QLatin1String("ConsentAction.Permissions"), Qt::CaseInsensitive) == 0) {
                // "[] => [[Id: ..., ConsentType: Principal, Scope: Mail.Read offline_access, CreatedDateTime: ...]]"
                static const QRegularExpression scope(QStringLiteral("Scope:\\s*([^,\\]]*)"));
                for (auto it = scope.globalMatch(value); it.hasNext();) {
                    for (const QString &s : it.next().captured(1).split(QLatin1Char(' '), Qt::SkipEmptyParts))
                        if (!g.scopes.contains(s))
                            g.scopes << s;
                }
                g.permissionsKnown = true;
            }
        }
    }
    return g;
}

QStringList broadScopes(const QStringList &scopes)
{
    static const QStringList prefixes = {
        QStringLiteral("Mail."),      QStringLiteral("MailboxSettings.ReadWrite"), QStringLiteral("Files."),
        QStringLiteral("Sites."),     QStringLiteral("Contacts."),                 QStringLiteral("Notes."),
        QStringLiteral("Chat."),      QStringLiteral("ChannelMessage."),           QStringLiteral("Directory."),
        QStringLiteral("User.ReadWrite.All"), QStringLiteral("User.Read.All"),    QStringLiteral("Application.ReadWrite"),
        QStringLiteral("RoleManagement."), QStringLiteral("full_access_as_user"), QStringLiteral("EWS.AccessAsUser.All"),
        QStringLiteral("IMAP.AccessAsUser.All"), QStringLiteral("POP.AccessAsUser.All"),
        QStringLiteral("SMTP.Send"), QStringLiteral("Calendars.ReadWrite")};
    QStringList out;
    for (const QString &s : scopes)
        for (const QString &p : prefixes)
            if (s.startsWith(p, Qt::CaseInsensitive)) {
                out << s;
                break;
            }
    return out;
}

std::optional<Finding> ConsentDetector::examine(const AuditRecord &audit, const ConsentGrant &grant, bool appKnown) const
{
    const QStringList broad = broadScopes(grant.scopes);
    if (broad.isEmpty() || audit.initiatorUpn.isEmpty() || (grant.adminConsent && appKnown))
        return std::nullopt;
    const bool persistent = grant.scopes.contains(QStringLiteral("offline_access"), Qt::CaseInsensitive);
    Finding f;
    f.kind = QStringLiteral("illicit_consent_grant");
    f.subjectType = QStringLiteral("user");
    f.subject = audit.initiatorUpn;
    f.upn = audit.initiatorUpn;
    f.timeMs = audit.timeMs;
    f.eventTable = QStringLiteral("audits");
    f.eventIds = {audit.id};
    f.success = audit.result.isEmpty() || audit.result.compare(QStringLiteral("success"), Qt::CaseInsensitive) == 0;
    f.score = !grant.adminConsent && !appKnown ? 0.9 : grant.adminConsent ? 0.6 : 0.3;
    f.privileged = grant.adminConsent;
    f.reason.detector = f.kind;
    f.reason.text = QStringLiteral("%1 consented%2 to %3, %4, with %5%6")
                        .arg(audit.initiatorUpn,
                             grant.adminConsent ? QStringLiteral(" for the whole organisation") : QString(),
                             grant.appName.isEmpty() ? grant.servicePrincipalId : QStringLiteral("\"%1\"").arg(grant.appName),
                             appKnown ? QStringLiteral("an app others in the tenant already consented to")
                                      : QStringLiteral("an app no one in the tenant consented to before"),
                             broad.join(QStringLiteral(", ")),
                             persistent ? QStringLiteral(" and offline_access (a refresh token that outlives the password)")
                                        : QString());
    f.reason.evidence = QJsonObject{{QStringLiteral("observed"), broad.join(QLatin1Char(' '))},
                                    {QStringLiteral("scopes"), QJsonArray::fromStringList(grant.scopes)},
                                    {QStringLiteral("admin_consent"), grant.adminConsent},
                                    {QStringLiteral("app"), grant.appName},
                                    {QStringLiteral("service_principal"), grant.servicePrincipalId},
                                    {QStringLiteral("app_known"), appKnown}};
    return f;
}

} // namespace backsight::detect
