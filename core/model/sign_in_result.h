#pragma once

#include <QString>

namespace backsight {

// What a sign-in's error code means for detection. One table, documented in docs/detections.md.
enum class ResultClass {
    Success,                // 0
    CredentialFailure,      // wrong or unknown credentials: 50126, 50034, 50055, 50056, 50057, 50144
    AccountLocked,          // 50053: smart lockout or a malicious-IP block; follows credential failures
    MfaDenied,              // 500121: the second factor was refused or not completed
    MfaInterrupt,           // MFA required / interrupts that are not failures of the user: 50074, 50076, ...
    ConditionalAccessBlock, // 53000-53004
    OtherFailure,           // known failures that say nothing about credentials (expired tokens, consent, ...)
    Unknown,                // not in the table: counted and reported, never treated as success
};

ResultClass classifyErrorCode(qint64 errorCode);
QString resultClassName(ResultClass resultClass); // "success", "credential_failure", ...

// Failures that count towards bursts and sprays: credential failures and lockouts.
inline bool isCredentialFailure(ResultClass c)
{
    return c == ResultClass::CredentialFailure || c == ResultClass::AccountLocked;
}

// Anything but a success or an interrupt (interrupts are a normal step of a successful sign-in).
inline bool isFailure(ResultClass c)
{
    return c != ResultClass::Success && c != ResultClass::MfaInterrupt;
}

} // namespace backsight
