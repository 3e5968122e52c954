#include "export/ecs_export.h"

#include "ingest/timestamp.h"
#include "store/event_originals.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace backsight::exporting {
namespace {

QString text(const QSqlRecord &r, const char *column)
{
    const QString name = QString::fromLatin1(column);
    return r.contains(name) ? r.value(name).toString() : QString();
}

// Inserts only non-empty values, so documents carry no empty ECS fields.
void put(QJsonObject &o, const char *key, const QJsonValue &v)
{
    if (v.isNull() || v.isUndefined() || (v.isString() && v.toString().isEmpty()) || (v.isObject() && v.toObject().isEmpty()))
        return;
    o.insert(QString::fromLatin1(key), v);
}

QJsonObject userObject(const QString &upn, const QString &id, const QString &fullName)
{
    QJsonObject user;
    put(user, "name", upn);
    put(user, "id", id);
    put(user, "full_name", fullName);
    if (upn.contains(QLatin1Char('@'))) {
        put(user, "email", upn);
        put(user, "domain", upn.section(QLatin1Char('@'), 1));
    }
    return user;
}

QJsonObject sourceObject(const QSqlRecord &r, const EcsEnrichment &e)
{
    QJsonObject source, geo, as;
    put(source, "ip", text(r, "ip"));
    put(geo, "city_name", text(r, "city"));
    put(geo, "region_name", text(r, "state"));
    put(geo, "country_iso_code", text(r, "country"));
    if (!r.value(QStringLiteral("latitude")).isNull() && !r.value(QStringLiteral("longitude")).isNull())
        geo.insert(QStringLiteral("location"), QJsonObject{{QStringLiteral("lat"), r.value(QStringLiteral("latitude")).toDouble()},
                                                           {QStringLiteral("lon"), r.value(QStringLiteral("longitude")).toDouble()}});
    put(source, "geo", geo);
    const std::optional<qint64> number = e.asNumber ? e.asNumber
                                       : (r.value(QStringLiteral("asn")).isNull() ? std::nullopt
                                                                                  : std::optional<qint64>(r.value(QStringLiteral("asn")).toLongLong()));
    if (number)
        as.insert(QStringLiteral("number"), QJsonValue(*number));
    const QString org = e.asOrganization.isEmpty() ? text(r, "as_org") : e.asOrganization;
    if (!org.isEmpty())
        as.insert(QStringLiteral("organization"), QJsonObject{{QStringLiteral("name"), org}});
    put(source, "as", as);
    return source;
}

QJsonObject originalObject(const QByteArray &original)
{
    const QJsonDocument doc = QJsonDocument::fromJson(original);
    return doc.isObject() ? doc.object() : QJsonObject();
}

// Diagnostic records carry the Graph record under `properties` and their own columns around it.
QJsonObject azureSection(QJsonObject section, const QJsonObject &original)
{
    const QJsonValue properties = original.value(QStringLiteral("properties"));
    if (properties.isObject()) {
        for (const char *k : {"category", "operationName", "resultType", "resultSignature", "resultDescription", "identity", "tenantId"}) {
            const QJsonValue v = original.value(QString::fromLatin1(k));
            if (!v.isUndefined() && !v.isNull())
                section.insert(snakeCase(QString::fromLatin1(k)), v);
        }
    }
    section.insert(QStringLiteral("properties"), snakeCaseRecord(properties.isObject() ? properties : QJsonValue(original)));
    return section;
}

QJsonObject signInDocument(const QSqlRecord &r, EventTable table, const QJsonObject &original, const EcsEnrichment &e)
{
    QJsonObject doc, event, ua, os, azure, section;
    const QVariant error = r.value(QStringLiteral("error_code"));
    const QString outcome = error.isNull() ? QStringLiteral("unknown") : error.toLongLong() == 0 ? QStringLiteral("success")
                                                                                                : QStringLiteral("failure");
    event.insert(QStringLiteral("kind"), QStringLiteral("event"));
    event.insert(QStringLiteral("category"), QJsonArray{QStringLiteral("authentication")});
    event.insert(QStringLiteral("type"), QJsonArray{outcome == QLatin1String("success") ? QStringLiteral("start") : QStringLiteral("info")});
    event.insert(QStringLiteral("outcome"), outcome);
    event.insert(QStringLiteral("action"), QStringLiteral("Sign-in activity"));
    put(event, "id", text(r, "id"));
    put(event, "code", text(r, "error_code"));
    put(event, "reason", outcome == QLatin1String("failure") ? text(r, "failure_reason") : QString());
    event.insert(QStringLiteral("dataset"), QStringLiteral("azure.signinlogs"));
    event.insert(QStringLiteral("module"), QStringLiteral("azure"));
    doc.insert(QStringLiteral("@timestamp"), formatUtcMs(r.value(QStringLiteral("created_ms")).toLongLong()));
    doc.insert(QStringLiteral("event"), event);
    QString upn = text(r, "upn");
    put(doc, "user", userObject(upn, text(r, "user_id"), text(r, "display_name")));
    put(doc, "source", sourceObject(r, e));
    put(ua, "original", text(r, "user_agent"));
    put(ua, "name", text(r, "browser"));
    put(os, "name", text(r, "os"));
    put(ua, "os", os);
    put(doc, "user_agent", ua);
    section.insert(QStringLiteral("category"), table == EventTable::WorkloadSignIns ? QStringLiteral("ServicePrincipalSignInLogs")
                                               : text(r, "event_type"));
    section.insert(QStringLiteral("operation_name"), QStringLiteral("Sign-in activity"));
    put(section, "result_type", text(r, "error_code"));
    put(section, "result_description", text(r, "failure_reason"));
    put(section, "identity", text(r, "display_name"));
    azure.insert(QStringLiteral("signinlogs"), azureSection(section, original));
    doc.insert(QStringLiteral("azure"), azure);
    QJsonObject related;
    put(related, "ip", text(r, "ip").isEmpty() ? QJsonValue() : QJsonValue(QJsonArray{text(r, "ip")}));
    put(related, "user", upn.isEmpty() ? QJsonValue() : QJsonValue(QJsonArray{upn}));
    put(doc, "related", related);
    return doc;
}

QJsonArray auditTypes(const QSqlRecord &r)
{
    const QString op = text(r, "operation_type").toLower(), category = text(r, "category");
    QJsonArray types;
    types.append(op == QLatin1String("add") ? QStringLiteral("creation") : op == QLatin1String("delete") ? QStringLiteral("deletion")
               : op.isEmpty() || op == QLatin1String("other") ? QStringLiteral("info") : QStringLiteral("change"));
    if (category == QLatin1String("UserManagement"))
        types.append(QStringLiteral("user"));
    else if (category == QLatin1String("GroupManagement"))
        types.append(QStringLiteral("group"));
    else if (category == QLatin1String("RoleManagement"))
        types.append(QStringLiteral("admin"));
    return types;
}

QJsonObject auditDocument(const QSqlRecord &r, const QJsonObject &original)
{
    QJsonObject doc, event, azure, section;
    const QString result = text(r, "result").toLower();
    event.insert(QStringLiteral("kind"), QStringLiteral("event"));
    event.insert(QStringLiteral("category"), QJsonArray{QStringLiteral("iam")});
    event.insert(QStringLiteral("type"), auditTypes(r));
    event.insert(QStringLiteral("outcome"), result == QLatin1String("success") ? QStringLiteral("success")
                                            : result == QLatin1String("failure") ? QStringLiteral("failure") : QStringLiteral("unknown"));
    put(event, "action", text(r, "activity"));
    put(event, "id", text(r, "id"));
    put(event, "reason", text(r, "result_reason"));
    event.insert(QStringLiteral("dataset"), QStringLiteral("azure.auditlogs"));
    event.insert(QStringLiteral("module"), QStringLiteral("azure"));
    doc.insert(QStringLiteral("@timestamp"), formatUtcMs(r.value(QStringLiteral("time_ms")).toLongLong()));
    doc.insert(QStringLiteral("event"), event);
    put(doc, "user", userObject(text(r, "initiator_upn"), text(r, "initiator_id"), QString()));
    QJsonObject source;
    put(source, "ip", text(r, "initiator_ip"));
    put(doc, "source", source);
    put(section, "category", text(r, "category"));
    put(section, "operation_name", text(r, "activity"));
    put(section, "identity", text(r, "initiator_upn").isEmpty() ? text(r, "initiator_app") : text(r, "initiator_upn"));
    azure.insert(QStringLiteral("auditlogs"), azureSection(section, original));
    doc.insert(QStringLiteral("azure"), azure);
    return doc;
}

void writeLine(QIODevice &out, const QJsonObject &o)
{
    out.write(QJsonDocument(o).toJson(QJsonDocument::Compact));
    out.write("\n");
}

bool inFilter(const QSqlRecord &r, EventTable table, const EventFilter &f)
{
    const bool audit = table == EventTable::Audits;
    const qint64 t = r.value(audit ? QStringLiteral("time_ms") : QStringLiteral("created_ms")).toLongLong();
    if ((f.fromMs && t < *f.fromMs) || (f.toMs && t >= *f.toMs))
        return false;
    return f.upn.isEmpty()
        || r.value(audit ? QStringLiteral("initiator_upn") : QStringLiteral("upn")).toString().compare(f.upn, Qt::CaseInsensitive) == 0;
}

} // namespace

QString snakeCase(const QString &key)
{
    QString out;
    for (qsizetype i = 0; i < key.size(); ++i) {
        const QChar c = key[i];
        if (!c.isLetterOrNumber()) {
            if (!out.isEmpty() && !out.endsWith(QLatin1Char('_')))
                out += QLatin1Char('_');
            continue;
        }
        if (c.isUpper() && i > 0 && !out.endsWith(QLatin1Char('_'))) {
            const bool afterLower = key[i - 1].isLower() || key[i - 1].isDigit();
            const bool endOfAcronym = key[i - 1].isUpper() && i + 1 < key.size() && key[i + 1].isLower();
            if (afterLower || endOfAcronym)
                out += QLatin1Char('_');
        }
        out += c.toLower();
    }
    while (out.endsWith(QLatin1Char('_')))
        out.chop(1);
    return out;
}

QJsonValue snakeCaseRecord(const QJsonValue &value)
{
    if (value.isObject()) {
        QJsonObject out;
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            out.insert(snakeCase(it.key()), snakeCaseRecord(it.value()));
        return out;
    }
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue &v : value.toArray())
            out.append(snakeCaseRecord(v));
        return out;
    }
    if (value.isString()) {
        const QString t = value.toString().trimmed();
        if ((t.startsWith(QLatin1Char('{')) && t.endsWith(QLatin1Char('}'))) || (t.startsWith(QLatin1Char('[')) && t.endsWith(QLatin1Char(']')))) {
            const QJsonDocument doc = QJsonDocument::fromJson(t.toUtf8());
            if (doc.isObject())
                return snakeCaseRecord(doc.object());
            if (doc.isArray())
                return snakeCaseRecord(doc.array());
        }
    }
    return value;
}

QJsonObject ecsEvent(const QSqlRecord &record, EventTable table, const QByteArray &original, const EcsEnrichment &enrichment)
{
    QJsonObject doc = table == EventTable::Audits ? auditDocument(record, originalObject(original))
                                                  : signInDocument(record, table, originalObject(original), enrichment);
    doc.insert(QStringLiteral("ecs"), QJsonObject{{QStringLiteral("version"), QString::fromLatin1(kEcsVersion)}});
    doc.insert(QStringLiteral("cloud"), QJsonObject{{QStringLiteral("provider"), QStringLiteral("azure")}});
    return doc;
}

QJsonObject ecsAnomaly(const detect::Anomaly &a)
{
    QJsonObject doc, event, rule;
    event.insert(QStringLiteral("kind"), QStringLiteral("alert"));
    event.insert(QStringLiteral("category"), QJsonArray{a.eventTable == QLatin1String("audits") ? QStringLiteral("iam")
                                                                                                : QStringLiteral("authentication")});
    event.insert(QStringLiteral("type"), QJsonArray{QStringLiteral("info")});
    event.insert(QStringLiteral("id"), a.id);
    event.insert(QStringLiteral("severity"), int(a.severity));
    if (a.score)
        event.insert(QStringLiteral("risk_score"), *a.score * 100.0);
    event.insert(QStringLiteral("reason"), a.summary);
    event.insert(QStringLiteral("start"), formatUtcMs(a.timeMs));
    if (a.endMs)
        event.insert(QStringLiteral("end"), formatUtcMs(*a.endMs));
    event.insert(QStringLiteral("dataset"), QStringLiteral("backsight.anomalies"));
    event.insert(QStringLiteral("module"), QStringLiteral("backsight"));
    doc.insert(QStringLiteral("@timestamp"), formatUtcMs(a.timeMs));
    doc.insert(QStringLiteral("ecs"), QJsonObject{{QStringLiteral("version"), QString::fromLatin1(kEcsVersion)}});
    doc.insert(QStringLiteral("event"), event);
    doc.insert(QStringLiteral("message"), a.summary);
    const QJsonObject sigma = a.reasons.empty() ? QJsonObject() : a.reasons.front().evidence;
    put(rule, "name", sigma.value(QStringLiteral("rule_title")).toString(a.kinds.join(QStringLiteral(", "))));
    put(rule, "id", sigma.value(QStringLiteral("rule_id")).toString());
    put(rule, "description", sigma.value(QStringLiteral("description")).toString());
    rule.insert(QStringLiteral("category"), a.kinds.value(0));
    doc.insert(QStringLiteral("rule"), rule);
    const QJsonArray attack = sigma.value(QStringLiteral("attack")).toArray();
    QJsonArray techniques;
    for (const QJsonValue &t : attack)
        if (t.toString().startsWith(QLatin1Char('t'), Qt::CaseInsensitive))
            techniques.append(t.toString().toUpper());
    if (!techniques.isEmpty())
        doc.insert(QStringLiteral("threat"), QJsonObject{{QStringLiteral("framework"), QStringLiteral("MITRE ATT&CK")},
                                                         {QStringLiteral("technique"), QJsonObject{{QStringLiteral("id"), techniques}}}});
    put(doc, "user", userObject(a.upn, QString(), QString()));
    doc.insert(QStringLiteral("tags"), QJsonArray::fromStringList(a.kinds));
    doc.insert(QStringLiteral("backsight"), QJsonObject{{QStringLiteral("anomaly"), detect::anomalyToJson(a)}});
    return doc;
}

Result<qint64> writeEventsEcs(Database &db, EventTable table, const EventFilter &filter, QIODevice &out)
{
    qint64 rows = 0;
    const Status read = forEachEventWithOriginal(db, table, [&](const QSqlRecord &r, const QByteArray &original) {
        if (inFilter(r, table, filter)) {
            writeLine(out, ecsEvent(r, table, original));
            ++rows;
        }
        return filter.limit < 0 || rows < filter.limit;
    });
    if (!read)
        return read.error();
    return rows;
}

Result<qint64> writeAnomaliesEcs(Database &db, const detect::AnomalyFilter &filter, QIODevice &out)
{
    qint64 rows = 0;
    const Status read = detect::forEachAnomaly(db, filter, [&](const detect::Anomaly &a) {
        writeLine(out, ecsAnomaly(a));
        ++rows;
        return true;
    });
    if (!read)
        return read.error();
    return rows;
}

Result<qint64> writeReportEcs(Database &db, const detect::AnomalyFilter &filter, QIODevice &out)
{
    QStringList eventIds;
    qint64 rows = 0;
    if (const Status read = detect::forEachAnomaly(db, filter, [&](const detect::Anomaly &a) {
            writeLine(out, ecsAnomaly(a));
            eventIds << a.eventIds;
            ++rows;
            return true;
        });
        !read)
        return read.error();
    qint64 missing = 0;
    if (const Status read = forEachEventById(db, eventIds, [&](EventTable table, const QSqlRecord &r) {
            // An event whose original cannot be read is still written, without azure.*.properties.
            const Result<QByteArray> original = originalRecord(db, r.value(QStringLiteral("id")).toString());
            writeLine(out, ecsEvent(r, table, original.valueOr(QByteArray())));
            ++rows;
        }, missing);
        !read)
        return read.error();
    return rows;
}

} // namespace backsight::exporting
