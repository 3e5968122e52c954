#pragma once

#include <QString>
#include <optional>

namespace backsight {

// Which Entra ID sign-in log a record came from. User sign-ins (interactive and non-interactive) and
// workload sign-ins (service principals, managed identities) live in separate tables.
enum class SignInEventType { InteractiveUser, NonInteractiveUser, ServicePrincipal, ManagedIdentity };

QString eventTypeName(SignInEventType type);
bool isWorkloadSignIn(SignInEventType type);

// One flattened sign-in. Strings are empty when the source did not carry the field.
struct SignIn
{
    QString id;
    qint64 createdMs = 0; // UTC epoch milliseconds
    QString userId;
    QString upn; // lower case
    QString displayName;
    QString userType;
    QString appId;
    QString appName;
    QString resource;
    QString resourceId;
    QString clientApp;
    QString authRequirement;
    QString ip;
    QString city;
    QString state;
    QString country;
    std::optional<double> latitude;
    std::optional<double> longitude;
    std::optional<qint64> asn;
    QString os;
    QString browser;
    QString deviceId;
    QString deviceName;
    std::optional<bool> compliant;
    std::optional<bool> managed;
    QString trustType;
    std::optional<qint64> errorCode;
    QString failureReason;
    QString caStatus;
    QString riskLevel;
    QString riskState;
    QString mfaMethod;
    QString mfaResult;
    QString userAgent;
    QString correlationId;
    QString sessionId;
    SignInEventType eventType = SignInEventType::InteractiveUser;
    QString servicePrincipalId;
    QString servicePrincipalName;

    bool interactive() const { return eventType == SignInEventType::InteractiveUser; }
};

} // namespace backsight
