#include "simulate/records.h"

#include "simulate/world.h"

namespace backsight::sim {
namespace {

constexpr const char *kTenantId = "3f6c0d2e-8b1a-4c57-9e42-7a1d5b90c4e8";

const char *failureReason(int code)
{
    switch (code) {
    case 50126: return "Error validating credentials due to invalid username or password.";
    case 50074: return "Strong Authentication is required.";
    case 50076: return "Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access the resource.";
    case 500121: return "Authentication failed during strong authentication request.";
    case 50053: return "Account is locked because user tried to sign in too many times with an incorrect user ID or password.";
    case 53003: return "Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.";
    default: return "";
    }
}

bool mfaDone(const SimSignIn &s)
{
    return s.interactive && s.error == 0 && s.device < 8; // scripts and legacy protocols never do MFA
}

void two(QByteArray &out, int v)
{
    out += char('0' + v / 10);
    out += char('0' + v % 10);
}

// Small JSON writer: field order is fixed, so the same seed gives the same bytes.
class Json
{
public:
    explicit Json(QByteArray &out) : out_(out) {}
    void begin() { out_ += '{'; first_ = true; }
    void end() { out_ += '}'; first_ = false; }
    void key(const char *k)
    {
        if (!first_)
            out_ += ',';
        first_ = false;
        out_ += '"';
        out_ += k;
        out_ += "\":";
    }
    void str(const char *k, const QByteArray &v) { key(k); quoted(out_, v); }
    void str(const char *k, const char *v) { str(k, QByteArray::fromRawData(v, qsizetype(qstrlen(v)))); }
    void time(const char *k, qint64 ms) { key(k); out_ += '"'; appendIsoUtc(out_, ms); out_ += '"'; }
    void num(const char *k, double v) { key(k); out_ += QByteArray::number(v, 'g', 10); }
    void integer(const char *k, qint64 v) { key(k); out_ += QByteArray::number(v); }
    void boolean(const char *k, bool v) { key(k); out_ += v ? "true" : "false"; }
    void object(const char *k) { key(k); begin(); }
    void raw(const char *k, const char *json) { key(k); out_ += json; }
    void raw(const char *k, const QByteArray &json) { key(k); out_ += json; }
    static void quoted(QByteArray &out, const QByteArray &v)
    {
        out += '"';
        for (char c : v) {
            if (c == '"' || c == '\\')
                out += '\\';
            out += c;
        }
        out += '"';
    }

private:
    QByteArray &out_;
    bool first_ = true;
};

void graphSignInFields(Json &j, const SimSignIn &s, const Tenant &t)
{
    const SimUser &u = t.users[size_t(s.user)];
    const City &city = cities()[size_t(s.city)];
    const DeviceKind &device = deviceKinds()[size_t(s.device)];
    const App &app = appAt(s.app);
    j.str("id", s.id);
    j.time("createdDateTime", s.ms);
    j.str("userDisplayName", u.name);
    j.str("userPrincipalName", u.upn);
    j.str("userId", u.id);
    j.str("appId", app.id);
    j.str("appDisplayName", app.name);
    j.str("ipAddress", s.ip);
    j.str("clientAppUsed", s.clientApp);
    j.str("correlationId", s.correlationId);
    j.str("conditionalAccessStatus", s.error == 53003 ? "failure" : "success");
    j.boolean("isInteractive", s.interactive);
    j.str("authenticationRequirement", mfaDone(s) ? "multiFactorAuthentication" : "singleFactorAuthentication");
    if (t.realism || s.protocol) // the realism profile writes it on every sign-in, as Graph does
        j.str("authenticationProtocol", s.protocol ? s.protocol : "none");
    j.str("resourceDisplayName", "Microsoft Graph");
    j.str("resourceId", "00000003-0000-0000-c000-000000000000");
    j.str("riskLevelDuringSignIn", "none");
    j.str("riskState", "none");
    j.raw("signInEventTypes", s.interactive ? "[\"interactiveUser\"]" : "[\"nonInteractiveUser\"]");
    j.object("status");
    j.integer("errorCode", s.error);
    if (s.error != 0)
        j.str("failureReason", failureReason(s.error));
    j.end();
    j.object("deviceDetail");
    j.str("deviceId", s.deviceId);
    j.str("operatingSystem", device.os);
    j.str("browser", device.browser);
    j.boolean("isCompliant", s.compliant && !s.deviceId.isEmpty());
    j.boolean("isManaged", s.compliant && !s.deviceId.isEmpty());
    j.str("trustType", s.deviceId.isEmpty() ? "" : s.compliant ? "Azure AD joined" : "Azure AD registered");
    j.end();
    j.object("location");
    j.str("city", city.name);
    j.str("state", city.state);
    j.str("countryOrRegion", city.country);
    j.object("geoCoordinates");
    j.num("latitude", city.lat);
    j.num("longitude", city.lon);
    j.end();
    j.end();
    j.str("userAgent", device.userAgent);
    if (mfaDone(s)) {
        j.object("mfaDetail");
        j.str("authMethod", "Mobile app notification");
        j.str("authDetail", "MFA successfully completed");
        j.end();
    }
}

void graphAuditFields(Json &j, QByteArray &out, const SimAudit &a, const Tenant &t)
{
    const SimUser &actor = t.users[size_t(a.actor)];
    j.str("id", a.id);
    j.str("category", a.category);
    j.str("correlationId", a.correlationId);
    j.str("result", "success");
    j.str("activityDisplayName", a.activity);
    j.time("activityDateTime", a.ms);
    j.str("loggedByService", "Core Directory");
    j.str("operationType", a.operationType);
    j.object("initiatedBy");
    j.object("user");
    j.str("id", actor.id);
    j.str("userPrincipalName", actor.upn);
    j.str("ipAddress", a.actorIp);
    j.end();
    j.end();
    j.key("targetResources");
    out += '[';
    Json target(out);
    target.begin();
    target.str("id", a.targetId);
    target.str("type", a.targetType);
    target.str(qstrcmp(a.targetType, "User") == 0 ? "userPrincipalName" : "displayName", a.targetName);
    if (!a.modifiedProperties.isEmpty())
        target.raw("modifiedProperties", a.modifiedProperties);
    target.end();
    out += ']';
}

void csvCell(QByteArray &out, const QByteArray &v, bool last = false)
{
    if (v.contains(',') || v.contains('"') || v.contains('\n')) {
        QByteArray escaped = v;
        escaped.replace("\"", "\"\"");
        out += '"' + escaped + '"';
    } else {
        out += v;
    }
    out += last ? '\n' : ',';
}

void csvCell(QByteArray &out, const char *v, bool last = false)
{
    csvCell(out, QByteArray::fromRawData(v, qsizetype(qstrlen(v))), last);
}

} // namespace

void appendIsoUtc(QByteArray &out, qint64 ms)
{
    // Civil date from days since 1970 (Howard Hinnant's algorithm): exact and far faster than QDateTime.
    qint64 days = ms / 86400000;
    int msOfDay = int(ms % 86400000);
    if (msOfDay < 0)
        msOfDay += 86400000, --days;
    days += 719468;
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const int doe = int(days - era * 146097);
    const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int mp = (5 * doy + 2) / 153;
    const int d = doy - (153 * mp + 2) / 5 + 1;
    const int m = mp < 10 ? mp + 3 : mp - 9;
    const qint64 y = yoe + era * 400 + (m <= 2);
    out += QByteArray::number(y);
    out += '-';
    two(out, m);
    out += '-';
    two(out, d);
    out += 'T';
    two(out, msOfDay / 3600000);
    out += ':';
    two(out, msOfDay / 60000 % 60);
    out += ':';
    two(out, msOfDay / 1000 % 60);
    out += '.';
    out += char('0' + msOfDay % 1000 / 100);
    two(out, msOfDay % 100);
    out += 'Z';
}

void appendGraphSignIn(QByteArray &out, const SimSignIn &s, const Tenant &t)
{
    Json j(out);
    j.begin();
    graphSignInFields(j, s, t);
    j.end();
}

void appendGraphAudit(QByteArray &out, const SimAudit &a, const Tenant &t)
{
    Json j(out);
    j.begin();
    graphAuditFields(j, out, a, t);
    j.end();
}

void appendDiagnosticSignIn(QByteArray &out, const SimSignIn &s, const Tenant &t)
{
    Json j(out);
    j.begin();
    j.time("time", s.ms);
    j.str("resourceId", QByteArray("/tenants/") + kTenantId + "/providers/Microsoft.aadiam");
    j.str("operationName", "Sign-in activity");
    j.str("operationVersion", "1.0");
    j.str("category", s.interactive ? "SignInLogs" : "NonInteractiveUserSignInLogs");
    j.str("tenantId", kTenantId);
    j.str("resultType", QByteArray::number(s.error));
    j.str("callerIpAddress", s.ip);
    j.str("correlationId", s.correlationId);
    j.str("identity", t.users[size_t(s.user)].name);
    j.integer("Level", 4);
    j.str("location", cities()[size_t(s.city)].country);
    j.object("properties");
    graphSignInFields(j, s, t);
    j.end();
    j.end();
}

void appendDiagnosticAudit(QByteArray &out, const SimAudit &a, const Tenant &t)
{
    Json j(out);
    j.begin();
    j.time("time", a.ms);
    j.str("resourceId", QByteArray("/tenants/") + kTenantId + "/providers/Microsoft.aadiam");
    j.str("operationName", a.activity);
    j.str("operationVersion", "1.0");
    j.str("category", "AuditLogs");
    j.str("tenantId", kTenantId);
    j.str("resultSignature", "None");
    j.str("callerIpAddress", a.actorIp);
    j.str("correlationId", a.correlationId);
    j.integer("Level", 4);
    j.object("properties");
    graphAuditFields(j, out, a, t);
    j.end();
    j.end();
}

QByteArray portalCsvHeader()
{
    return "\xEF\xBB\xBF" "Date (UTC),Request ID,User agent,Correlation ID,User ID,User,Username,Application,Application ID,"
           "Resource,Resource ID,IP address,Location,Status,Sign-in error code,Failure reason,Client app,Device ID,"
           "Browser,Operating System,Compliant,Managed,Join Type,Multifactor authentication result,"
           "Multifactor authentication auth method,Authentication requirement,Sign-in event types,Conditional Access\n";
}

void appendPortalCsvRow(QByteArray &out, const SimSignIn &s, const Tenant &t)
{
    const SimUser &u = t.users[size_t(s.user)];
    const City &city = cities()[size_t(s.city)];
    const DeviceKind &device = deviceKinds()[size_t(s.device)];
    const App &app = appAt(s.app);
    QByteArray time;
    appendIsoUtc(time, s.ms);
    const bool managed = s.compliant && !s.deviceId.isEmpty();
    csvCell(out, time);
    csvCell(out, s.id);
    csvCell(out, device.userAgent);
    csvCell(out, s.correlationId);
    csvCell(out, u.id);
    csvCell(out, u.name);
    csvCell(out, u.upn);
    csvCell(out, app.name);
    csvCell(out, app.id);
    csvCell(out, "Microsoft Graph");
    csvCell(out, "00000003-0000-0000-c000-000000000000");
    csvCell(out, s.ip);
    csvCell(out, QByteArray(city.name) + ", " + city.state + ", " + city.country);
    csvCell(out, s.error == 0 ? "Success" : s.error == 50074 || s.error == 50076 ? "Interrupted" : "Failure");
    csvCell(out, QByteArray::number(s.error));
    csvCell(out, s.error == 0 ? "Other." : failureReason(s.error));
    csvCell(out, s.clientApp);
    csvCell(out, s.deviceId);
    csvCell(out, device.browser);
    csvCell(out, device.os);
    csvCell(out, managed ? "Yes" : "No");
    csvCell(out, managed ? "Yes" : "No");
    csvCell(out, s.deviceId.isEmpty() ? "" : managed ? "Microsoft Entra joined" : "Microsoft Entra registered");
    csvCell(out, mfaDone(s) ? "MFA successfully completed" : "");
    csvCell(out, mfaDone(s) ? "Mobile app notification" : "");
    csvCell(out, mfaDone(s) ? "Multifactor authentication" : "Single-factor authentication");
    csvCell(out, s.interactive ? "interactiveUser" : "nonInteractiveUser");
    csvCell(out, s.error == 53003 ? "Failure" : "Success", true);
}

QByteArray auditCsvHeader()
{
    return "TenantId,SourceSystem,TimeGenerated,OperationName,Category,CorrelationId,Id,InitiatedBy,"
           "LoggedByService,Result,TargetResources,ActivityDisplayName,ActivityDateTime,AADOperationType,Type\n";
}

void appendAuditCsvRow(QByteArray &out, const SimAudit &a, const Tenant &t)
{
    QByteArray time, initiated, targets;
    appendIsoUtc(time, a.ms);
    const SimUser &actor = t.users[size_t(a.actor)];
    Json i(initiated);
    i.begin();
    i.object("user");
    i.str("id", actor.id);
    i.str("userPrincipalName", actor.upn);
    i.str("ipAddress", a.actorIp);
    i.end();
    i.end();
    targets += '[';
    Json target(targets);
    target.begin();
    target.str("id", a.targetId);
    target.str("type", a.targetType);
    target.str(qstrcmp(a.targetType, "User") == 0 ? "userPrincipalName" : "displayName", a.targetName);
    if (!a.modifiedProperties.isEmpty())
        target.raw("modifiedProperties", a.modifiedProperties);
    target.end();
    targets += ']';
    csvCell(out, kTenantId);
    csvCell(out, "Azure AD");
    csvCell(out, time);
    csvCell(out, a.activity);
    csvCell(out, a.category);
    csvCell(out, a.correlationId);
    csvCell(out, a.id);
    csvCell(out, initiated);
    csvCell(out, "Core Directory");
    csvCell(out, "success");
    csvCell(out, targets);
    csvCell(out, a.activity);
    csvCell(out, time);
    csvCell(out, a.operationType);
    csvCell(out, "AuditLogs", true);
}

} // namespace backsight::sim
