#pragma once

#include "detect/detector.h"
#include "detect/tenant_detectors.h"

namespace backsight::detect {

// What a "Consent to application" audit record says, from its target's modifiedProperties
// (ConsentContext.IsAdminConsent, ConsentAction.Permissions "... Scope: Mail.Read offline_access ...").
struct ConsentGrant
{
    QString servicePrincipalId, appName;
    QStringList scopes;
    bool adminConsent = false;
    bool permissionsKnown = false; // the record listed its scopes
};

ConsentGrant parseConsent(const QString &targetsJson);
// The delegated scopes that read or write mail, files, sites, contacts or the directory, or act fully as the user.
QStringList broadScopes(const QStringList &scopes);

// 14. Illicit consent grant: consent to an application with broad delegated permissions. A user's own consent
// (not an admin's for the organisation) to an app no one in the tenant consented to before is high: the
// consent-phishing pattern (the app then reads mail and files with a refresh token, no password needed). The same
// to an app others already use is low; an admin's consent to broad permissions for a new app is medium; scopes that
// only sign in and read the profile raise nothing. Kind: illicit_consent_grant.
class ConsentDetector
{
public:
    // `appKnown`: an earlier consent in the tenant named the same service principal.
    std::optional<Finding> examine(const AuditRecord &audit, const ConsentGrant &grant, bool appKnown) const;
};

} // namespace backsight::detect
