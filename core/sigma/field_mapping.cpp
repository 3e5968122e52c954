#include "sigma/field_mapping.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace backsight::sigma {
namespace {

// A Log Analytics column name like "TimeGenerated [UTC]" → "timegenerated".
QString normalKey(const QString &key)
{
    QString k = key.trimmed().toLower();
    if (k.endsWith(QLatin1String(" [utc]")))
        k.chop(6);
    return k;
}

QString scalarText(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Bool: return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: {
        const double d = v.toDouble();
        return d == double(qint64(d)) ? QString::number(qint64(d)) : QString::number(d, 'g', 15);
    }
    case QJsonValue::String: return v.toString();
    case QJsonValue::Null: return QString();
    default: return {};
    }
}

void flatten(EventFields &out, const QString &prefix, const QJsonValue &value, int depth);

// Log Analytics keeps dynamic columns (DeviceDetail, Status, TargetResources, …) as JSON text.
bool openJsonText(EventFields &out, const QString &prefix, const QString &text, int depth)
{
    const QString t = text.trimmed();
    if (depth > 6 || t.size() < 2 || !((t.startsWith(QLatin1Char('{')) && t.endsWith(QLatin1Char('}')))
                                       || (t.startsWith(QLatin1Char('[')) && t.endsWith(QLatin1Char(']')))))
        return false;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(t.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        return false;
    flatten(out, prefix, doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array()), depth + 1);
    return true;
}

void flatten(EventFields &out, const QString &prefix, const QJsonValue &value, int depth)
{
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        if (!prefix.isEmpty()) // the object as text too, so `Status|contains: 'MFA denied'` works
            out.add(prefix, QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)));
        for (auto it = o.begin(); it != o.end(); ++it)
            flatten(out, prefix.isEmpty() ? normalKey(it.key()) : prefix + QLatin1Char('.') + normalKey(it.key()), it.value(), depth);
    } else if (value.isArray()) {
        const QJsonArray a = value.toArray();
        out.add(prefix, QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact)));
        for (const QJsonValue &item : a)
            flatten(out, prefix, item, depth);
    } else if (value.isString() && openJsonText(out, prefix, value.toString(), depth)) {
        return;
    } else {
        out.add(prefix, scalarText(value));
    }
}

} // namespace

const std::vector<MappingRow> &fieldMapping()
{
    // Graph / diagnostic `properties` names first, then diagnostic and Log Analytics top-level columns, then the
    // portal CSV's headings, then Backsight's columns.
    static const std::vector<MappingRow> rows = {
        {"ResultType", "resulttype;status.errorcode;sign-in error code;backsight.error_code"},
        {"ResultDescription", "resultdescription;status.failurereason;failure reason;backsight.failure_reason"},
        {"ResultSignature", "resultsignature"},
        {"Status", "status;result;backsight.result"},
        {"UserPrincipalName", "userprincipalname;username;initiatedby.user.userprincipalname;backsight.upn;backsight.initiator_upn"},
        {"UserDisplayName", "userdisplayname;user;backsight.display_name"},
        {"UserId", "userid;user id;backsight.user_id"},
        {"UserType", "usertype;user type;backsight.user_type"},
        {"AppDisplayName", "appdisplayname;application;backsight.app_name"},
        {"AppId", "appid;application id;backsight.app_id"},
        {"ResourceDisplayName", "resourcedisplayname;resource;backsight.resource"},
        {"IPAddress", "ipaddress;calleripaddress;ip address;backsight.ip;backsight.initiator_ip"},
        {"Location", "location.countryorregion;location;backsight.country"},
        {"ClientAppUsed", "clientappused;client app;backsight.client_app"},
        {"AuthenticationRequirement", "authenticationrequirement;authentication requirement;backsight.auth_requirement"},
        {"ConditionalAccessStatus", "conditionalaccessstatus;conditional access;backsight.ca_status"},
        {"UserAgent", "useragent;user agent;backsight.user_agent"},
        {"DeviceDetail.deviceId", "devicedetail.deviceid;device id;backsight.device_id"},
        {"DeviceDetail.displayName", "devicedetail.displayname;backsight.device_name"},
        {"DeviceDetail.operatingSystem", "devicedetail.operatingsystem;operating system;backsight.os"},
        {"DeviceDetail.browser", "devicedetail.browser;browser;backsight.browser"},
        {"DeviceDetail.isCompliant", "devicedetail.iscompliant;compliant;backsight.compliant"},
        {"DeviceDetail.isManaged", "devicedetail.ismanaged;managed;backsight.managed"},
        {"DeviceDetail.trustType", "devicedetail.trusttype;join type;backsight.trust_type"},
        {"RiskLevelDuringSignIn", "risklevelduringsignin;backsight.risk_level"},
        {"RiskState", "riskstate;backsight.risk_state"},
        {"riskEventType", "riskeventtype;riskeventtypes_v2;riskeventtypes"},
        {"riskLevel", "risklevel;risklevelduringsignin;risklevelaggregated;backsight.risk_level"},
        {"CorrelationId", "correlationid;correlation id;backsight.correlation_id"},
        {"SessionId", "sessionid;session id;backsight.session_id"},
        {"OperationName", "operationname;activitydisplayname;backsight.activity"},
        {"ActivityDisplayName", "activitydisplayname;operationname;backsight.activity"},
        {"properties.message", "activitydisplayname;operationname;backsight.activity"},
        {"message", "activitydisplayname;operationname;backsight.activity"},
        {"Category", "category;backsight.category"},
        {"LoggedByService", "loggedbyservice;backsight.service"},
        {"Result", "result;backsight.result"},
        {"ResultReason", "resultreason;backsight.result_reason"},
        {"OperationType", "operationtype;aadoperationtype;backsight.operation_type"},
        {"InitiatedBy", "initiatedby"},
        {"TargetResources", "targetresources;backsight.targets"},
        {"Target", "targetresources.userprincipalname;targetresources.displayname;backsight.targets"},
    };
    return rows;
}

void EventFields::add(const QString &key, const QString &value)
{
    values_[key].append(value);
    if (!value.isEmpty())
        all_.append(value);
}

EventFields EventFields::build(const QSqlRecord &columns, const QByteArray &original)
{
    EventFields f;
    const QJsonDocument doc = QJsonDocument::fromJson(original);
    if (doc.isObject()) {
        QJsonObject o = doc.object();
        // Diagnostic records: the Graph record sits under `properties`; reachable with and without the prefix.
        const QJsonValue properties = o.value(QStringLiteral("properties"));
        flatten(f, QString(), o, 0);
        if (properties.isObject())
            flatten(f, QString(), properties, 0);
    }
    for (int i = 0; i < columns.count(); ++i) {
        const QVariant v = columns.value(i);
        f.values_[QStringLiteral("backsight.") + columns.fieldName(i)].append(v.isNull() ? QString() : v.toString());
    }
    return f;
}

QStringList EventFields::lookup(const QString &sigmaField, bool *present) const
{
    QString key = sigmaField.toLower();
    QStringList candidates;
    for (const MappingRow &row : fieldMapping()) {
        if (key.compare(QLatin1String(row.sigma), Qt::CaseInsensitive) == 0) {
            candidates = QString::fromLatin1(row.candidates).split(QLatin1Char(';'));
            break;
        }
    }
    candidates << key;
    if (key.startsWith(QLatin1String("properties.")))
        candidates << key.mid(11);
    for (const QString &c : candidates) {
        const auto it = values_.constFind(c);
        if (it != values_.constEnd()) {
            const bool any = std::any_of(it->begin(), it->end(), [](const QString &v) { return !v.isNull(); });
            if (!any && c.startsWith(QLatin1String("backsight.")))
                continue; // an empty column is not evidence the field exists
            if (present)
                *present = true;
            return *it;
        }
    }
    if (present)
        *present = false;
    return {};
}

} // namespace backsight::sigma
