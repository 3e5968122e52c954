#include "ingest/entra_record_flattener.h"

#include <QStringList>

namespace backsight {
namespace {

using Element = RecordFields::Element;

bool startsWithIgnoreCase(std::string_view s, std::string_view lowerPrefix)
{
    if (s.size() < lowerPrefix.size())
        return false;
    for (size_t i = 0; i < lowerPrefix.size(); ++i) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
        if (c != lowerPrefix[i])
            return false;
    }
    return true;
}

// Category names of diagnostic settings and table names of Log Analytics, mapped to the event type.
std::optional<SignInEventType> eventTypeFromLogName(std::string_view name)
{
    struct Name
    {
        std::string_view lower;
        SignInEventType type;
    };
    static constexpr Name names[] = {
        {"signinlogs", SignInEventType::InteractiveUser},
        {"noninteractiveusersigninlogs", SignInEventType::NonInteractiveUser},
        {"aadnoninteractiveusersigninlogs", SignInEventType::NonInteractiveUser},
        {"serviceprincipalsigninlogs", SignInEventType::ServicePrincipal},
        {"aadserviceprincipalsigninlogs", SignInEventType::ServicePrincipal},
        {"microsoftserviceprincipalsigninlogs", SignInEventType::ServicePrincipal},
        {"managedidentitysigninlogs", SignInEventType::ManagedIdentity},
        {"aadmanagedidentitysigninlogs", SignInEventType::ManagedIdentity},
    };
    for (const Name &n : names) {
        if (n.lower.size() == name.size() && startsWithIgnoreCase(name, n.lower))
            return n.type;
    }
    return std::nullopt;
}

std::optional<SignInEventType> eventTypeFromGraph(std::string_view name)
{
    if (startsWithIgnoreCase(name, "interactiveuser"))
        return SignInEventType::InteractiveUser;
    if (startsWithIgnoreCase(name, "noninteractiveuser"))
        return SignInEventType::NonInteractiveUser;
    if (startsWithIgnoreCase(name, "serviceprincipal"))
        return SignInEventType::ServicePrincipal;
    if (startsWithIgnoreCase(name, "managedidentity"))
        return SignInEventType::ManagedIdentity;
    return std::nullopt;
}

bool isAuditLogName(std::string_view name)
{
    return name.size() == 9 && startsWithIgnoreCase(name, "auditlogs");
}

} // namespace

RecordDialect EntraRecordFlattener::detectDialect(simdjson::dom::object record)
{
    bool hasCategory = false, hasProperties = false;
    for (auto [key, value] : record) {
        if (startsWithIgnoreCase(key, "date (utc)"))
            return RecordDialect::EntraPortal;
        if (startsWithIgnoreCase(key, "timegenerated") || (key == "Type" && value.is_string()) || key == "TenantId"
            || key == "SourceSystem")
            return RecordDialect::LogAnalytics;
        if (key == "category")
            hasCategory = true;
        if (key == "properties" && value.is_object())
            hasProperties = true;
    }
    return hasCategory && hasProperties ? RecordDialect::AzureDiagnostic : RecordDialect::Graph;
}

bool EntraRecordFlattener::readTime(RecordFields &f, RecordFields *outer, std::initializer_list<std::string_view> names,
                                    qint64 &ms, QString &error)
{
    for (std::string_view name : names) {
        const auto value = f.field({name});
        if (!value)
            continue;
        const ParsedTime t = parseTimestamp(RecordFields::rawString(value),
                                            f.declaredUtc(name) ? ZonelessTime::IsUtc : ZonelessTime::Reject);
        if (!t.ok) {
            error = t.error;
            return false;
        }
        ms = t.ms;
        return true;
    }
    // A diagnostic record's envelope carries the event time too, as `time`.
    if (outer)
        return readTime(*outer, nullptr, {"time"}, ms, error);
    error = QStringLiteral("no event time (%1)")
                .arg(QString::fromLatin1(names.begin()->data(), qsizetype(names.begin()->size())));
    return false;
}

bool EntraRecordFlattener::flatten(simdjson::dom::object record, RecordDialect dialect, FlattenedRecord &out,
                                   QString &error)
{
    top_.reset(record);
    if (dialect == RecordDialect::EntraPortal) {
        out.kind = RecordKind::SignIn;
        out.signIn = SignIn{};
        return flattenPortalSignIn(top_, out.signIn, error);
    }
    RecordFields *fields = &top_;
    RecordFields *outer = nullptr;
    bool audit = false;
    std::optional<SignInEventType> type;
    if (dialect == RecordDialect::AzureDiagnostic) {
        const std::string_view category = RecordFields::rawString(top_.field({"category"}));
        audit = isAuditLogName(category);
        type = eventTypeFromLogName(category);
        if (!audit && !type) {
            error = QStringLiteral("diagnostic category '%1' is not an Entra ID sign-in or audit log")
                        .arg(QString::fromUtf8(category.data(), qsizetype(category.size())));
            return false;
        }
        Element properties;
        if (record["properties"].get(properties) != simdjson::SUCCESS || !properties.is_object()) {
            error = QStringLiteral("diagnostic record has no properties object");
            return false;
        }
        inner_.reset(properties);
        fields = &inner_;
        outer = &top_;
    } else if (dialect == RecordDialect::LogAnalytics) {
        const std::string_view table = RecordFields::rawString(top_.field({"type"}));
        audit = isAuditLogName(table);
        type = eventTypeFromLogName(table);
        if (!audit && !type) {
            const std::string_view category = RecordFields::rawString(top_.field({"category"}));
            type = eventTypeFromLogName(category);
            audit = !type && (top_.field({"activitydisplayname"}) || top_.field({"activitydatetime"}));
        }
    } else {
        audit = top_.field({"activitydatetime"}) || top_.field({"activitydisplayname"});
    }

    if (audit) {
        out.kind = RecordKind::Audit;
        out.audit = AuditEvent{};
        return flattenAudit(*fields, outer, out.audit, error);
    }
    out.kind = RecordKind::SignIn;
    out.signIn = SignIn{};
    if (!flattenSignIn(*fields, outer, dialect == RecordDialect::LogAnalytics, out.signIn, error))
        return false;
    if (type && !fields->field({"signineventtypes"}))
        out.signIn.eventType = *type;
    return true;
}

bool EntraRecordFlattener::flattenSignIn(RecordFields &f, RecordFields *outer, bool logAnalytics, SignIn &s,
                                         QString &error)
{
    s.id = RecordFields::text(f.field({"id"}));
    if (s.id.isEmpty()) {
        error = QStringLiteral("sign-in has no id");
        return false;
    }
    QString timeError;
    if (!readTime(f, outer, {"createddatetime", "timegenerated"}, s.createdMs, timeError)) {
        error = QStringLiteral("sign-in %1: %2").arg(s.id, timeError);
        return false;
    }
    s.userId = RecordFields::text(f.field({"userid"}));
    s.upn = RecordFields::text(f.field({"userprincipalname"})).toLower();
    s.displayName = RecordFields::text(f.field({"userdisplayname"}));
    s.userType = RecordFields::text(f.field({"usertype"}));
    s.appId = RecordFields::text(f.field({"appid"}));
    s.appName = RecordFields::text(f.field({"appdisplayname"}));
    s.resource = RecordFields::text(f.field({"resourcedisplayname"}));
    // Log Analytics' ResourceId is the Azure path of the tenant; the resource's app id is ResourceIdentity.
    s.resourceId = RecordFields::text(f.field({"resourceidentity"}));
    if (s.resourceId.isEmpty() && !logAnalytics)
        s.resourceId = RecordFields::text(f.field({"resourceid"}));
    s.clientApp = RecordFields::text(f.field({"clientappused"}));
    s.authRequirement = RecordFields::text(f.field({"authenticationrequirement"}));
    s.ip = RecordFields::text(f.field({"ipaddress"}));
    if (s.ip.isEmpty() && outer)
        s.ip = RecordFields::text(outer->field({"calleripaddress"}));

    // Graph: `location` object; Log Analytics: `LocationDetails` object and `Location` = country code.
    auto location = f.asObjectOrArray(f.field({"locationdetails"}));
    if (!location)
        location = f.asObjectOrArray(f.field({"location"}));
    s.city = RecordFields::text(f.child(location, "city"));
    s.state = RecordFields::text(f.child(location, "state"));
    s.country = RecordFields::text(f.child(location, "countryorregion"));
    if (s.country.isEmpty()) {
        const auto plain = f.field({"location"});
        if (plain && plain->is_string())
            s.country = RecordFields::text(plain);
    }
    const auto geo = f.child(location, "geocoordinates");
    s.latitude = RecordFields::real(f.child(geo, "latitude"));
    s.longitude = RecordFields::real(f.child(geo, "longitude"));
    s.asn = RecordFields::integer(f.field({"autonomoussystemnumber"}));

    const auto device = f.field({"devicedetail"});
    s.os = RecordFields::text(f.child(device, "operatingsystem"));
    s.browser = RecordFields::text(f.child(device, "browser"));
    s.deviceId = RecordFields::text(f.child(device, "deviceid"));
    s.deviceName = RecordFields::text(f.child(device, "displayname"));
    s.compliant = RecordFields::boolean(f.child(device, "iscompliant"));
    s.managed = RecordFields::boolean(f.child(device, "ismanaged"));
    s.trustType = RecordFields::text(f.child(device, "trusttype"));

    const auto status = f.field({"status"});
    s.errorCode = RecordFields::integer(f.child(status, "errorcode"));
    if (!s.errorCode)
        s.errorCode = RecordFields::integer(f.field({"resulttype"}));
    if (!s.errorCode && outer)
        s.errorCode = RecordFields::integer(outer->field({"resulttype"}));
    s.failureReason = RecordFields::text(f.child(status, "failurereason"));
    if (s.failureReason.isEmpty())
        s.failureReason = RecordFields::text(f.field({"resultdescription"}));
    s.caStatus = RecordFields::text(f.field({"conditionalaccessstatus"}));
    s.riskLevel = RecordFields::text(f.field({"risklevelduringsignin"}));
    s.riskState = RecordFields::text(f.field({"riskstate"}));
    const auto mfa = f.field({"mfadetail"});
    s.mfaMethod = RecordFields::text(f.child(mfa, "authmethod"));
    s.mfaResult = RecordFields::text(f.child(mfa, "authdetail"));
    s.userAgent = RecordFields::text(f.field({"useragent"}));
    s.correlationId = RecordFields::text(f.field({"correlationid"}));
    if (s.correlationId.isEmpty() && outer)
        s.correlationId = RecordFields::text(outer->field({"correlationid"}));
    s.sessionId = RecordFields::text(f.field({"sessionid"}));
    s.servicePrincipalId = RecordFields::text(f.field({"serviceprincipalid"}));
    s.servicePrincipalName = RecordFields::text(f.field({"serviceprincipalname"}));

    // signInEventTypes (beta) is the most specific; then the log's name; then isInteractive.
    s.eventType = SignInEventType::InteractiveUser;
    const auto eventTypes = f.asObjectOrArray(f.field({"signineventtypes"}));
    bool typed = false;
    if (eventTypes && eventTypes->is_array()) {
        for (Element e : simdjson::dom::array(*eventTypes)) {
            if (auto t = eventTypeFromGraph(RecordFields::rawString(e))) {
                s.eventType = *t;
                typed = true;
                break;
            }
        }
    }
    if (!typed) {
        if (auto interactive = RecordFields::boolean(f.field({"isinteractive"})); interactive && !*interactive)
            s.eventType = SignInEventType::NonInteractiveUser;
    }
    return true;
}

bool EntraRecordFlattener::flattenPortalSignIn(RecordFields &f, SignIn &s, QString &error)
{
    s.id = RecordFields::text(f.field({"request id", "id"}));
    if (s.id.isEmpty()) {
        error = QStringLiteral("sign-in has no Request ID");
        return false;
    }
    QString timeError;
    if (!readTime(f, nullptr, {"date (utc)", "date"}, s.createdMs, timeError)) {
        error = QStringLiteral("sign-in %1: %2").arg(s.id, timeError);
        return false;
    }
    s.userId = RecordFields::text(f.field({"user id"}));
    s.upn = RecordFields::text(f.field({"username"})).toLower();
    s.displayName = RecordFields::text(f.field({"user"}));
    s.userType = RecordFields::text(f.field({"user type"}));
    s.appId = RecordFields::text(f.field({"application id"}));
    s.appName = RecordFields::text(f.field({"application"}));
    s.resource = RecordFields::text(f.field({"resource"}));
    s.resourceId = RecordFields::text(f.field({"resource id"}));
    s.clientApp = RecordFields::text(f.field({"client app"}));
    s.authRequirement = RecordFields::text(f.field({"authentication requirement"}));
    s.ip = RecordFields::text(f.field({"ip address"}));
    // "City, State, CC"; a city or state may be missing, the country code comes last.
    const QStringList location = RecordFields::text(f.field({"location"})).split(QStringLiteral(", "));
    if (!location.isEmpty() && !location.back().isEmpty()) {
        s.country = location.back().trimmed();
        if (location.size() >= 2)
            s.city = location.front().trimmed();
        if (location.size() >= 3)
            s.state = location.at(1).trimmed();
    }
    s.asn = RecordFields::integer(f.field({"autonomous system number"}));
    s.os = RecordFields::text(f.field({"operating system"}));
    s.browser = RecordFields::text(f.field({"browser"}));
    s.deviceId = RecordFields::text(f.field({"device id"}));
    s.compliant = RecordFields::boolean(f.field({"compliant"}));
    s.managed = RecordFields::boolean(f.field({"managed"}));
    s.trustType = RecordFields::text(f.field({"join type"}));
    s.errorCode = RecordFields::integer(f.field({"sign-in error code"}));
    s.failureReason = RecordFields::text(f.field({"failure reason"}));
    s.caStatus = RecordFields::text(f.field({"conditional access"}));
    s.mfaMethod = RecordFields::text(f.field({"multifactor authentication auth method"}));
    s.mfaResult = RecordFields::text(f.field({"multifactor authentication result"}));
    s.userAgent = RecordFields::text(f.field({"user agent"}));
    s.correlationId = RecordFields::text(f.field({"correlation id"}));
    s.sessionId = RecordFields::text(f.field({"session id"}));
    s.eventType = SignInEventType::InteractiveUser;
    const QString eventTypes = RecordFields::text(f.field({"sign-in event types", "sign-in event type"}));
    if (eventTypes.contains(QLatin1String("nonInteractive"), Qt::CaseInsensitive))
        s.eventType = SignInEventType::NonInteractiveUser;
    else if (auto interactive = RecordFields::boolean(f.field({"is interactive"})); interactive && !*interactive)
        s.eventType = SignInEventType::NonInteractiveUser;
    return true;
}

bool EntraRecordFlattener::flattenAudit(RecordFields &f, RecordFields *outer, AuditEvent &a, QString &error)
{
    a.id = RecordFields::text(f.field({"id"}));
    if (a.id.isEmpty()) {
        error = QStringLiteral("audit event has no id");
        return false;
    }
    QString timeError;
    if (!readTime(f, outer, {"activitydatetime", "timegenerated"}, a.timeMs, timeError)) {
        error = QStringLiteral("audit event %1: %2").arg(a.id, timeError);
        return false;
    }
    a.category = RecordFields::text(f.field({"category"}));
    a.activity = RecordFields::text(f.field({"activitydisplayname", "operationname"}));
    if (a.activity.isEmpty() && outer)
        a.activity = RecordFields::text(outer->field({"operationname"}));
    a.operationType = RecordFields::text(f.field({"operationtype", "aadoperationtype"}));
    a.result = RecordFields::text(f.field({"result"}));
    a.resultReason = RecordFields::text(f.field({"resultreason"}));
    const auto initiatedBy = f.field({"initiatedby"});
    const auto user = f.child(initiatedBy, "user");
    const auto app = f.child(initiatedBy, "app");
    a.initiatorUpn = RecordFields::text(f.child(user, "userprincipalname")).toLower();
    a.initiatorApp = RecordFields::text(f.child(app, "displayname"));
    if (a.initiatorApp.isEmpty()) // Microsoft's own services often initiate with only an appId
        a.initiatorApp = RecordFields::text(f.child(app, "serviceprincipalname"));
    if (a.initiatorApp.isEmpty())
        a.initiatorApp = RecordFields::text(f.child(app, "appid"));
    a.initiatorId = RecordFields::text(f.child(user, "id"));
    if (a.initiatorId.isEmpty())
        a.initiatorId = RecordFields::text(f.child(app, "serviceprincipalid"));
    a.initiatorIp = RecordFields::text(f.child(user, "ipaddress"));
    if (a.initiatorIp.isEmpty() && outer)
        a.initiatorIp = RecordFields::text(outer->field({"calleripaddress"}));
    a.targets = RecordFields::json(f.asObjectOrArray(f.field({"targetresources"})));
    a.service = RecordFields::text(f.field({"loggedbyservice"}));
    a.correlationId = RecordFields::text(f.field({"correlationid"}));
    if (a.correlationId.isEmpty() && outer)
        a.correlationId = RecordFields::text(outer->field({"correlationid"}));
    return true;
}

} // namespace backsight
