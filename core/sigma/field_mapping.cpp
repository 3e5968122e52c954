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

// Log Analytics keeps dynamic columns (DeviceDetail, Status, TargetResources, …) as JSON text.
std::optional<QJsonValue> openJsonText(const QString &text)
{
    qsizetype first = 0;
    while (first < text.size() && text[first].isSpace())
        ++first;
    if (first == text.size() || (text[first] != QLatin1Char('{') && text[first] != QLatin1Char('[')))
        return std::nullopt; // the common case, without copying the text
    const QString t = text.trimmed();
    if (t.size() < 2 || !((t.startsWith(QLatin1Char('{')) && t.endsWith(QLatin1Char('}')))
                          || (t.startsWith(QLatin1Char('[')) && t.endsWith(QLatin1Char(']')))))
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(t.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        return std::nullopt;
    return doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
}

QString containerText(const QJsonValue &v)
{
    return QString::fromUtf8(v.isObject() ? QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact)
                                          : QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
}

// The values of `parts[i..]` below `v`. A scalar list gives its items; an object or a list of objects at the end of
// the path gives its JSON text (so `Status|contains: 'MFA denied'` works).
void descend(const QJsonValue &v, const QStringList &parts, qsizetype i, QStringList &out, bool &found)
{
    if (v.isString() && i < parts.size()) {
        if (const std::optional<QJsonValue> opened = openJsonText(v.toString()))
            return descend(*opened, parts, i, out, found);
    }
    if (v.isArray()) {
        const QJsonArray a = v.toArray();
        const bool scalars = std::none_of(a.begin(), a.end(), [](const QJsonValue &x) { return x.isObject() || x.isArray(); });
        if (i == parts.size() && !scalars) {
            found = true;
            out << containerText(a);
            return;
        }
        if (i == parts.size() && a.isEmpty()) {
            found = true;
            out << QStringLiteral("[]");
            return;
        }
        for (const QJsonValue &item : a)
            descend(item, parts, i, out, found);
        return;
    }
    if (i == parts.size()) {
        found = true;
        out << (v.isObject() ? containerText(v) : scalarText(v));
        return;
    }
    if (!v.isObject())
        return;
    const QJsonObject o = v.toObject();
    const QString &part = parts[i];
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QString key = it.key();
        const bool same = key.size() == part.size()
            ? key.compare(part, Qt::CaseInsensitive) == 0
            : key.size() > part.size() && (key.endsWith(QLatin1Char(']')) || key.front().isSpace() || key.back().isSpace())
                  && normalKey(key) == part;
        if (same)
            descend(it.value(), parts, i + 1, out, found);
    }
}

void flattenScalars(const QJsonValue &v, QStringList &out, int depth)
{
    if (depth > 8)
        return;
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            flattenScalars(it.value(), out, depth + 1);
    } else if (v.isArray()) {
        for (const QJsonValue &item : v.toArray())
            flattenScalars(item, out, depth + 1);
    } else if (const std::optional<QJsonValue> opened = v.isString() ? openJsonText(v.toString()) : std::nullopt) {
        flattenScalars(*opened, out, depth + 1);
    } else if (const QString text = scalarText(v); !text.isEmpty()) {
        out << text;
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
        {"AuthenticationProtocol", "authenticationprotocol;authentication protocol;backsight.auth_protocol"},
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

EventFields EventFields::build(const QSqlRecord &columns, const QByteArray &original)
{
    EventFields f;
    const QJsonDocument doc = QJsonDocument::fromJson(original);
    if (doc.isObject()) {
        f.root_ = doc.object();
        // Diagnostic records: the Graph record sits under `properties`; reachable with and without the prefix.
        f.properties_ = f.root_.value(QStringLiteral("properties")).toObject();
    }
    f.columns_ = columns;
    return f;
}

bool EventFields::resolve(const QString &path, QStringList &out) const
{
    if (path.startsWith(QLatin1String("backsight."))) {
        const QString column = path.mid(10);
        if (!columns_.contains(column) || columns_.value(column).isNull())
            return false; // an empty column is not evidence the field exists
        out << columns_.value(column).toString();
        return true;
    }
    const QStringList parts = path.split(QLatin1Char('.'));
    bool found = false;
    descend(root_, parts, 0, out, found);
    if (!properties_.isEmpty())
        descend(properties_, parts, 0, out, found);
    return found;
}

const QStringList &EventFields::allValues() const
{
    if (!all_) {
        all_ = QStringList();
        flattenScalars(root_, *all_, 0);
    }
    return *all_;
}

// The keys a Sigma field name is looked up under, in order (cached: rules ask for the same few names).
static QStringList candidatesFor(const QString &sigmaField)
{
    static const QHash<QString, QStringList> table = [] {
        QHash<QString, QStringList> t;
        for (const MappingRow &row : fieldMapping())
            t.insert(QString::fromLatin1(row.sigma).toLower(), QString::fromLatin1(row.candidates).split(QLatin1Char(';')));
        return t;
    }();
    const QString key = sigmaField.toLower();
    QStringList candidates = table.value(key);
    candidates << key;
    if (key.startsWith(QLatin1String("properties.")))
        candidates << key.mid(11);
    return candidates;
}

QStringList EventFields::lookup(const QString &sigmaField, bool *present) const
{
    thread_local QHash<QString, QStringList> cache;
    auto cached = cache.constFind(sigmaField);
    if (cached == cache.constEnd())
        cached = cache.insert(sigmaField, candidatesFor(sigmaField));
    for (const QString &c : *cached) {
        QStringList values;
        if (resolve(c, values)) {
            if (present)
                *present = true;
            return values;
        }
    }
    if (present)
        *present = false;
    return {};
}

} // namespace backsight::sigma
