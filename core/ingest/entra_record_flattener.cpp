#include "ingest/entra_record_flattener.h"

#include "enrich/asn_table.h"


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

Result<qint64> EntraRecordFlattener::readTime(RecordFields &f, RecordFields *outer,
                                              std::initializer_list<std::string_view> names)
{
    for (std::string_view name : names) {
        const auto value = f.field({name});
        if (!value)
            continue;
        const ParsedTime t = parseTimestamp(RecordFields::rawString(value),
                                            f.declaredUtc(name) ? ZonelessTime::IsUtc : ZonelessTime::Reject);
        if (!t.ok)
            return Error::badInput(t.error);
        return t.ms;
    }
    // A diagnostic record's envelope carries the event time too, as `time`.
    if (outer)
        return readTime(*outer, nullptr, {"time"});
    return Error::badInput(QStringLiteral("no event time (%1)")
                               .arg(QString::fromLatin1(names.begin()->data(), qsizetype(names.begin()->size()))));
}

void EntraRecordFlattener::addNetwork(RowWriter &w)
{
    // Entra ID's own autonomousSystemNumber wins where the record has one; the built-in table names the rest.
    const enrich::AsnTable *table = enrich::AsnTable::builtIn();
    if (!table || !w.has(int(SignInColumn::Ip)))
        return;
    const std::string_view ip = w.textOf(int(SignInColumn::Ip));
    const std::optional<enrich::Network> network = table->lookup(QString::fromUtf8(ip.data(), qsizetype(ip.size())));
    const bool recorded = w.has(int(SignInColumn::Asn));
    const qint64 asn = recorded ? w.row().cells[size_t(SignInColumn::Asn)].integer : network ? qint64(network->asn) : 0;
    if (!recorded && network)
        w.integer(int(SignInColumn::Asn), asn);
    if (asn <= 0)
        return;
    auto it = organisations_.find(asn);
    if (it == organisations_.end()) {
        const QString name = network && qint64(network->asn) == asn ? network->organisation
                                                                      : table->organisationOf(quint32(asn));
        it = organisations_.emplace(asn, name.toStdString()).first;
    }
    if (!it->second.empty())
        w.text(int(SignInColumn::AsOrg), it->second);
}

void EntraRecordFlattener::put(RowWriter &w, SignInColumn c, std::optional<RecordFields::Element> v)
{
    w.text(int(c), RecordFields::asText(v, scratch_));
}

void EntraRecordFlattener::put(RowWriter &w, AuditColumn c, std::optional<RecordFields::Element> v)
{
    w.text(int(c), RecordFields::asText(v, scratch_));
}

Status EntraRecordFlattener::flatten(simdjson::dom::object record, RecordDialect dialect, ImportRow &row,
                                     std::string &arena)
{
    row = ImportRow{};
    RowWriter w(row, arena);
    top_.reset(record);
    if (dialect == RecordDialect::EntraPortal) {
        row.kind = RecordKind::SignIn;
        if (Status s = flattenPortalSignIn(top_, w); !s)
            return s;
        addNetwork(w);
        return {};
    }
    RecordFields *fields = &top_;
    RecordFields *outer = nullptr;
    bool audit = false;
    std::optional<SignInEventType> type;
    if (dialect == RecordDialect::AzureDiagnostic) {
        const std::string_view category = RecordFields::rawString(top_.field({"category"}));
        audit = isAuditLogName(category);
        type = eventTypeFromLogName(category);
        if (!audit && !type)
            return Error::badInput(QStringLiteral("diagnostic category '%1' is not an Entra ID sign-in or audit log")
                                       .arg(QString::fromUtf8(category.data(), qsizetype(category.size()))));
        Element properties;
        if (record["properties"].get(properties) != simdjson::SUCCESS || !properties.is_object())
            return Error::badInput(QStringLiteral("diagnostic record has no properties object"));
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
        row.kind = RecordKind::Audit;
        return flattenAudit(*fields, outer, w);
    }
    row.kind = RecordKind::SignIn;
    if (Status s = flattenSignIn(*fields, outer, dialect == RecordDialect::LogAnalytics, w); !s)
        return s;
    addNetwork(w);
    if (type && !fields->field({"signineventtypes"}))
        row.eventType = *type;
    return {};
}

namespace {

QString idText(const RowWriter &w, int column)
{
    const std::string_view id = w.textOf(column);
    return QString::fromUtf8(id.data(), qsizetype(id.size()));
}

} // namespace

Status EntraRecordFlattener::flattenSignIn(RecordFields &f, RecordFields *outer, bool logAnalytics, RowWriter &w)
{
    using C = SignInColumn;
    put(w, C::Id, f.field({"id"}));
    if (!w.has(int(C::Id)))
        return Error::badInput(QStringLiteral("sign-in has no id"));
    const Result<qint64> created = readTime(f, outer, {"createddatetime", "timegenerated"});
    if (!created)
        return Error::badInput(QStringLiteral("sign-in %1: %2").arg(idText(w, int(C::Id)), created.error().message));
    w.integer(int(C::CreatedMs), *created);
    put(w, C::UserId, f.field({"userid"}));
    w.lowerText(int(C::Upn), RecordFields::asText(f.field({"userprincipalname"}), scratch_));
    put(w, C::DisplayName, f.field({"userdisplayname"}));
    put(w, C::UserType, f.field({"usertype"}));
    put(w, C::AppId, f.field({"appid"}));
    put(w, C::AppName, f.field({"appdisplayname"}));
    put(w, C::Resource, f.field({"resourcedisplayname"}));
    // Log Analytics' ResourceId is the Azure path of the tenant; the resource's app id is ResourceIdentity.
    put(w, C::ResourceId, f.field({"resourceidentity"}));
    if (!w.has(int(C::ResourceId)) && !logAnalytics)
        put(w, C::ResourceId, f.field({"resourceid"}));
    put(w, C::ClientApp, f.field({"clientappused"}));
    put(w, C::AuthRequirement, f.field({"authenticationrequirement"}));
    put(w, C::Ip, f.field({"ipaddress"}));
    if (!w.has(int(C::Ip)) && outer)
        put(w, C::Ip, outer->field({"calleripaddress"}));

    // Graph: `location` object; Log Analytics: `LocationDetails` object and `Location` = country code.
    auto location = f.asObjectOrArray(f.field({"locationdetails"}));
    if (!location)
        location = f.asObjectOrArray(f.field({"location"}));
    put(w, C::City, f.child(location, "city"));
    put(w, C::State, f.child(location, "state"));
    put(w, C::Country, f.child(location, "countryorregion"));
    if (!w.has(int(C::Country))) {
        const auto plain = f.field({"location"});
        if (plain && plain->is_string())
            put(w, C::Country, plain);
    }
    const auto geo = f.child(location, "geocoordinates");
    w.real(int(C::Latitude), RecordFields::real(f.child(geo, "latitude")));
    w.real(int(C::Longitude), RecordFields::real(f.child(geo, "longitude")));
    w.integer(int(C::Asn), RecordFields::integer(f.field({"autonomoussystemnumber"})));

    const auto device = f.field({"devicedetail"});
    put(w, C::Os, f.child(device, "operatingsystem"));
    put(w, C::Browser, f.child(device, "browser"));
    put(w, C::DeviceId, f.child(device, "deviceid"));
    put(w, C::DeviceName, f.child(device, "displayname"));
    w.boolean(int(C::Compliant), RecordFields::boolean(f.child(device, "iscompliant")));
    w.boolean(int(C::Managed), RecordFields::boolean(f.child(device, "ismanaged")));
    put(w, C::TrustType, f.child(device, "trusttype"));

    const auto status = f.field({"status"});
    auto errorCode = RecordFields::integer(f.child(status, "errorcode"));
    if (!errorCode)
        errorCode = RecordFields::integer(f.field({"resulttype"}));
    if (!errorCode && outer)
        errorCode = RecordFields::integer(outer->field({"resulttype"}));
    w.integer(int(C::ErrorCode), errorCode);
    put(w, C::FailureReason, f.child(status, "failurereason"));
    if (!w.has(int(C::FailureReason)))
        put(w, C::FailureReason, f.field({"resultdescription"}));
    put(w, C::CaStatus, f.field({"conditionalaccessstatus"}));
    put(w, C::RiskLevel, f.field({"risklevelduringsignin"}));
    put(w, C::RiskState, f.field({"riskstate"}));
    const auto mfa = f.field({"mfadetail"});
    put(w, C::MfaMethod, f.child(mfa, "authmethod"));
    put(w, C::MfaResult, f.child(mfa, "authdetail"));
    put(w, C::UserAgent, f.field({"useragent"}));
    put(w, C::CorrelationId, f.field({"correlationid"}));
    if (!w.has(int(C::CorrelationId)) && outer)
        put(w, C::CorrelationId, outer->field({"correlationid"}));
    put(w, C::SessionId, f.field({"sessionid"}));
    put(w, C::ServicePrincipalId, f.field({"serviceprincipalid"}));
    put(w, C::ServicePrincipalName, f.field({"serviceprincipalname"}));
    put(w, C::AuthProtocol, f.field({"authenticationprotocol"}));

    // signInEventTypes (beta) is the most specific; then the log's name; then isInteractive.
    SignInEventType &type = w.row().eventType;
    type = SignInEventType::InteractiveUser;
    const auto eventTypes = f.asObjectOrArray(f.field({"signineventtypes"}));
    bool typed = false;
    if (eventTypes && eventTypes->is_array()) {
        for (Element e : simdjson::dom::array(*eventTypes)) {
            if (auto t = eventTypeFromGraph(RecordFields::rawString(e))) {
                type = *t;
                typed = true;
                break;
            }
        }
    }
    if (!typed) {
        if (auto interactive = RecordFields::boolean(f.field({"isinteractive"})); interactive && !*interactive)
            type = SignInEventType::NonInteractiveUser;
    }
    return {};
}

Status EntraRecordFlattener::flattenPortalSignIn(RecordFields &f, RowWriter &w)
{
    using C = SignInColumn;
    put(w, C::Id, f.field({"request id", "id"}));
    if (!w.has(int(C::Id)))
        return Error::badInput(QStringLiteral("sign-in has no Request ID"));
    const Result<qint64> created = readTime(f, nullptr, {"date (utc)", "date"});
    if (!created)
        return Error::badInput(QStringLiteral("sign-in %1: %2").arg(idText(w, int(C::Id)), created.error().message));
    w.integer(int(C::CreatedMs), *created);
    put(w, C::UserId, f.field({"user id"}));
    w.lowerText(int(C::Upn), RecordFields::asText(f.field({"username"}), scratch_));
    put(w, C::DisplayName, f.field({"user"}));
    put(w, C::UserType, f.field({"user type"}));
    put(w, C::AppId, f.field({"application id"}));
    put(w, C::AppName, f.field({"application"}));
    put(w, C::Resource, f.field({"resource"}));
    put(w, C::ResourceId, f.field({"resource id"}));
    put(w, C::ClientApp, f.field({"client app"}));
    put(w, C::AuthRequirement, f.field({"authentication requirement"}));
    put(w, C::AuthProtocol, f.field({"authentication protocol"}));
    put(w, C::Ip, f.field({"ip address"}));
    // "City, State, CC"; a city or state may be missing, the country code comes last.
    std::string_view location = RecordFields::rawString(f.field({"location"}));
    std::string_view parts[3];
    int count = 0;
    while (!location.empty() && count < 3) {
        const size_t comma = location.find(", ");
        parts[count++] = location.substr(0, comma);
        location = comma == std::string_view::npos ? std::string_view() : location.substr(comma + 2);
    }
    if (count > 0) {
        w.text(int(C::Country), parts[count - 1]);
        if (count >= 2)
            w.text(int(C::City), parts[0]);
        if (count >= 3)
            w.text(int(C::State), parts[1]);
    }
    w.integer(int(C::Asn), RecordFields::integer(f.field({"autonomous system number"})));
    put(w, C::Os, f.field({"operating system"}));
    put(w, C::Browser, f.field({"browser"}));
    put(w, C::DeviceId, f.field({"device id"}));
    w.boolean(int(C::Compliant), RecordFields::boolean(f.field({"compliant"})));
    w.boolean(int(C::Managed), RecordFields::boolean(f.field({"managed"})));
    put(w, C::TrustType, f.field({"join type"}));
    w.integer(int(C::ErrorCode), RecordFields::integer(f.field({"sign-in error code"})));
    put(w, C::FailureReason, f.field({"failure reason"}));
    put(w, C::CaStatus, f.field({"conditional access"}));
    put(w, C::MfaMethod, f.field({"multifactor authentication auth method"}));
    put(w, C::MfaResult, f.field({"multifactor authentication result"}));
    put(w, C::UserAgent, f.field({"user agent"}));
    put(w, C::CorrelationId, f.field({"correlation id"}));
    put(w, C::SessionId, f.field({"session id"}));
    SignInEventType &type = w.row().eventType;
    type = SignInEventType::InteractiveUser;
    const std::string_view eventTypes = RecordFields::rawString(f.field({"sign-in event types", "sign-in event type"}));
    if (QByteArray::fromRawData(eventTypes.data(), qsizetype(eventTypes.size())).toLower().contains("noninteractive"))
        type = SignInEventType::NonInteractiveUser;
    else if (auto interactive = RecordFields::boolean(f.field({"is interactive"})); interactive && !*interactive)
        type = SignInEventType::NonInteractiveUser;
    return {};
}

Status EntraRecordFlattener::flattenAudit(RecordFields &f, RecordFields *outer, RowWriter &w)
{
    using C = AuditColumn;
    put(w, C::Id, f.field({"id"}));
    if (!w.has(int(C::Id)))
        return Error::badInput(QStringLiteral("audit event has no id"));
    const Result<qint64> time = readTime(f, outer, {"activitydatetime", "timegenerated"});
    if (!time)
        return Error::badInput(QStringLiteral("audit event %1: %2").arg(idText(w, int(C::Id)), time.error().message));
    w.integer(int(C::TimeMs), *time);
    put(w, C::Category, f.field({"category"}));
    put(w, C::Activity, f.field({"activitydisplayname", "operationname"}));
    if (!w.has(int(C::Activity)) && outer)
        put(w, C::Activity, outer->field({"operationname"}));
    put(w, C::OperationType, f.field({"operationtype", "aadoperationtype"}));
    put(w, C::Result, f.field({"result"}));
    put(w, C::ResultReason, f.field({"resultreason"}));
    const auto initiatedBy = f.field({"initiatedby"});
    const auto user = f.child(initiatedBy, "user");
    const auto app = f.child(initiatedBy, "app");
    w.lowerText(int(C::InitiatorUpn), RecordFields::asText(f.child(user, "userprincipalname"), scratch_));
    put(w, C::InitiatorApp, f.child(app, "displayname"));
    if (!w.has(int(C::InitiatorApp))) // Microsoft's own services often initiate with only an appId
        put(w, C::InitiatorApp, f.child(app, "serviceprincipalname"));
    if (!w.has(int(C::InitiatorApp)))
        put(w, C::InitiatorApp, f.child(app, "appid"));
    put(w, C::InitiatorId, f.child(user, "id"));
    if (!w.has(int(C::InitiatorId)))
        put(w, C::InitiatorId, f.child(app, "serviceprincipalid"));
    put(w, C::InitiatorIp, f.child(user, "ipaddress"));
    if (!w.has(int(C::InitiatorIp)) && outer)
        put(w, C::InitiatorIp, outer->field({"calleripaddress"}));
    const auto targets = f.asObjectOrArray(f.field({"targetresources"}));
    if (targets)
        w.text(int(C::Targets), simdjson::minify(*targets));
    put(w, C::Service, f.field({"loggedbyservice"}));
    put(w, C::CorrelationId, f.field({"correlationid"}));
    if (!w.has(int(C::CorrelationId)) && outer)
        put(w, C::CorrelationId, outer->field({"correlationid"}));
    return {};
}

} // namespace backsight
