#include "model/sign_in_result.h"

namespace backsight {

ResultClass classifyErrorCode(qint64 code)
{
    switch (code) {
    case 0:
        return ResultClass::Success;
    case 50126: // invalid username or password
    case 50034: // user account does not exist in the directory
    case 50055: // password expired
    case 50056: // invalid or null password
    case 50057: // user account is disabled
    case 50144: // Active Directory password expired
        return ResultClass::CredentialFailure;
    case 50053: // account locked (smart lockout) or sign-in blocked from a malicious IP
        return ResultClass::AccountLocked;
    case 500121: // authentication failed during the strong-authentication request
        return ResultClass::MfaDenied;
    case 50072: // user must enrol for second-factor authentication
    case 50074: // strong authentication is required
    case 50076: // MFA required because of a configuration change or a new location
    case 50079: // user must register for MFA
    case 50097: // device authentication is required
    case 50125: // sign-in interrupted by a password reset or registration entry
    case 50140: // "keep me signed in" interrupt
    case 50158: // external security challenge not yet satisfied
    case 50199: // user confirmation requested for security reasons
    case 16000: // account selection interrupt
        return ResultClass::MfaInterrupt;
    case 53000: // device is not compliant
    case 53001: // device is not domain-joined
    case 53002: // application is not approved
    case 53003: // blocked by conditional access
    case 53004: // proof-up required (MFA registration blocked)
        return ResultClass::ConditionalAccessBlock;
    case 50058:  // session information is not sufficient for single sign-on
    case 50173:  // a fresh authentication token is needed
    case 70044:  // the session has expired or is invalid
    case 700082: // the refresh token has expired for inactivity
    case 65001:  // the user or administrator has not consented
    case 70043:  // refresh token expired by conditional access sign-in frequency
    case 50089:  // flow token expired
    case 50133:  // session invalid because the password changed
        return ResultClass::OtherFailure;
    default:
        return ResultClass::Unknown;
    }
}

QString resultClassName(ResultClass c)
{
    switch (c) {
    case ResultClass::Success: return QStringLiteral("success");
    case ResultClass::CredentialFailure: return QStringLiteral("credential_failure");
    case ResultClass::AccountLocked: return QStringLiteral("account_locked");
    case ResultClass::MfaDenied: return QStringLiteral("mfa_denied");
    case ResultClass::MfaInterrupt: return QStringLiteral("mfa_interrupt");
    case ResultClass::ConditionalAccessBlock: return QStringLiteral("conditional_access_block");
    case ResultClass::OtherFailure: return QStringLiteral("other_failure");
    case ResultClass::Unknown: return QStringLiteral("unknown");
    }
    return QStringLiteral("unknown");
}

} // namespace backsight
