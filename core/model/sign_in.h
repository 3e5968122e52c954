#pragma once

#include <QString>

namespace backsight {

// Which Entra ID sign-in log a record came from. User sign-ins (interactive and non-interactive) and
// workload sign-ins (service principals, managed identities) live in separate tables.
enum class SignInEventType { InteractiveUser, NonInteractiveUser, ServicePrincipal, ManagedIdentity };

QString eventTypeName(SignInEventType type);
bool isWorkloadSignIn(SignInEventType type);

} // namespace backsight
