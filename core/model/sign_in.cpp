#include "model/sign_in.h"

namespace backsight {

QString eventTypeName(SignInEventType type)
{
    switch (type) {
    case SignInEventType::InteractiveUser: return QStringLiteral("interactiveUser");
    case SignInEventType::NonInteractiveUser: return QStringLiteral("nonInteractiveUser");
    case SignInEventType::ServicePrincipal: return QStringLiteral("servicePrincipal");
    case SignInEventType::ManagedIdentity: return QStringLiteral("managedIdentity");
    }
    return {};
}

bool isWorkloadSignIn(SignInEventType type)
{
    return type == SignInEventType::ServicePrincipal || type == SignInEventType::ManagedIdentity;
}

} // namespace backsight
