#include "store/incident_store.h"

#include "store/database.h"
#include "store/predicates.h"
#include "store/sql_query.h"

#include <QSqlError>
#include <QVariant>
#include <algorithm>
#include <map>

namespace backsight::store {
namespace {

Result<std::vector<IncidentPart>> anomalyParts(Database &db, const QString &role, bool servers, int minRank)
{
    SqlQuery q(db);
    const Status s = q.run(QStringLiteral("SELECT id, time_ms, kind, subject, severity_rank, threat_score, summary "
                                          "FROM anomalies WHERE (subject_type = 'server') = ? AND severity_rank >= ? "
                                          "ORDER BY time_ms, id"),
                           {servers, minRank}, QStringLiteral("cannot read the anomalies for incidents"));
    if (!s)
        return s.error();
    std::vector<IncidentPart> out;
    while (q.next()) {
        IncidentPart p;
        p.role = role;
        p.source = QStringLiteral("anomalies");
        p.refId = q.value(0).toString();
        p.timeMs = q.value(1).toLongLong();
        p.kind = q.value(2).toString();
        p.subject = q.value(3).toString();
        p.severityRank = q.value(4).toInt();
        if (!q.value(5).isNull())
            p.threatScore = q.value(5).toInt();
        p.summary = q.value(6).toString();
        out.push_back(std::move(p));
    }
    return out;
}

// "(col LIKE ? OR col LIKE ? ...)" with one bound pattern per word.
QString anyLike(const QString &column, const QStringList &words, QVariantList &binds, bool prefix, SqlDialect dialect)
{
    QStringList terms;
    for (const QString &w : words) {
        QString escaped = w;
        escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('%'), QStringLiteral("\\%"))
            .replace(QLatin1Char('_'), QStringLiteral("\\_"));
        binds << (prefix ? QString(escaped + QLatin1Char('%')) : QString(QLatin1Char('%') + escaped + QLatin1Char('%')));
        terms << QStringLiteral("%1 %2 ? ESCAPE '\\'").arg(column, predicate::like(dialect));
    }
    return terms.isEmpty() ? QStringLiteral("1 = 0") : QString(QLatin1Char('(') + terms.join(QStringLiteral(" OR ")) + QLatin1Char(')'));
}

Status exec(SqlQuery &q, const QString &sql, const QVariantList &binds, const QString &doing)
{
    return q.run(sql, binds, doing);
}

} // namespace

Result<std::vector<IncidentPart>> identityAnomalyParts(Database &db, int minSeverityRank)
{
    return anomalyParts(db, QStringLiteral("identity"), false, minSeverityRank);
}

Result<std::vector<IncidentPart>> backupAnomalyParts(Database &db, int minSeverityRank)
{
    return anomalyParts(db, QStringLiteral("backup"), true, minSeverityRank);
}

Result<std::vector<IncidentPart>> privilegedAuditParts(Database &db, const QStringList &activities, int anomalyRank)
{
    QVariantList binds;
    const QString where = anyLike(QStringLiteral("activity"), activities, binds, true, db.dialect());
    binds << anomalyRank;
    SqlQuery q(db);
    const Status s = q.run(QStringLiteral("SELECT id, time_ms, activity, initiator_upn, initiator_app, targets FROM audits "
                                          "WHERE %1 AND (result IS NULL OR result = '' OR lower(result) = 'success') "
                                          "AND id NOT IN (SELECT e.event_id FROM anomaly_events e JOIN anomalies a ON a.id = e.anomaly_id "
                                          "WHERE a.severity_rank >= ?) ORDER BY time_ms, id")
                               .arg(where),
                           binds, QStringLiteral("cannot read the privileged audit events for incidents"));
    if (!s)
        return s.error();
    std::vector<IncidentPart> out;
    while (q.next()) {
        IncidentPart p;
        p.role = QStringLiteral("identity");
        p.source = QStringLiteral("audits");
        p.refId = q.value(0).toString();
        p.timeMs = q.value(1).toLongLong();
        p.kind = QStringLiteral("privileged_audit");
        const QString actor = q.value(3).toString().isEmpty() ? q.value(4).toString() : q.value(3).toString().toLower();
        p.subject = actor;
        p.severityRank = 2;
        const QString targets = q.value(5).toString().left(120);
        p.summary = QStringLiteral("\"%1\" by %2%3").arg(q.value(2).toString(), actor.isEmpty() ? QStringLiteral("?") : actor,
                                                          targets.isEmpty() ? QString() : QString(QStringLiteral(" on ") + targets));
        out.push_back(std::move(p));
    }
    return out;
}

Result<std::vector<IncidentPart>> backupConsoleSignInParts(Database &db, const QStringList &appNames, int anomalyRank)
{
    QVariantList binds;
    const QString where = anyLike(QStringLiteral("app_name"), appNames, binds, false, db.dialect());
    binds << anomalyRank;
    SqlQuery q(db);
    const Status s = q.run(QStringLiteral("SELECT id, created_ms, app_name, upn, ip, country FROM signins "
                                          "WHERE %1 AND %2 AND id NOT IN (SELECT e.event_id FROM anomaly_events e "
                                          "JOIN anomalies a ON a.id = e.anomaly_id WHERE a.severity_rank >= ?) "
                                          "ORDER BY created_ms, id")
                               .arg(where, predicate::succeededSignIn()),
                           binds, QStringLiteral("cannot read the backup console sign-ins for incidents"));
    if (!s)
        return s.error();
    std::vector<IncidentPart> out;
    while (q.next()) {
        IncidentPart p;
        p.role = QStringLiteral("identity");
        p.source = QStringLiteral("signins");
        p.refId = q.value(0).toString();
        p.timeMs = q.value(1).toLongLong();
        p.kind = QStringLiteral("backup_console_sign_in");
        p.subject = q.value(3).toString().toLower();
        p.severityRank = 2;
        p.summary = QStringLiteral("Sign-in to %1 by %2 from %3 (%4)")
                        .arg(q.value(2).toString(), p.subject, q.value(4).toString(),
                             q.value(5).toString().isEmpty() ? QStringLiteral("?") : q.value(5).toString());
        out.push_back(std::move(p));
    }
    return out;
}

Result<std::vector<Incident>> readIncidents(Database &db, const IncidentFilter &filter)
{
    QString where = QStringLiteral("1 = 1");
    QVariantList binds;
    if (filter.fromMs) {
        where += QStringLiteral(" AND last_ms >= ?");
        binds << *filter.fromMs;
    }
    if (filter.toMs) {
        where += QStringLiteral(" AND first_ms < ?");
        binds << *filter.toMs;
    }
    if (!filter.ids.isEmpty()) {
        QStringList marks;
        for (const QString &id : filter.ids) {
            marks << QStringLiteral("?");
            binds << id;
        }
        where += QStringLiteral(" AND id IN (%1)").arg(marks.join(QLatin1Char(',')));
    }
    SqlQuery q(db);
    Status s = q.run(QStringLiteral("SELECT id, identity_ms, backup_ms, first_ms, last_ms, severity_rank, summary, "
                                    "window_hours, detected_at_ms FROM incidents WHERE %1 ORDER BY first_ms DESC, id")
                         .arg(where),
                     binds, QStringLiteral("cannot read the incidents"));
    if (!s)
        return s.error();
    std::vector<Incident> out;
    std::map<QString, size_t> index;
    while (q.next()) {
        Incident i;
        i.id = q.value(0).toString();
        i.identityMs = q.value(1).toLongLong();
        i.backupMs = q.value(2).toLongLong();
        i.firstMs = q.value(3).toLongLong();
        i.lastMs = q.value(4).toLongLong();
        i.severityRank = q.value(5).toInt();
        i.summary = q.value(6).toString();
        i.windowHours = q.value(7).toInt();
        i.detectedAtMs = q.value(8).toLongLong();
        index[i.id] = out.size();
        out.push_back(std::move(i));
    }
    if (out.empty())
        return out;
    SqlQuery parts(db);
    s = parts.run(QStringLiteral("SELECT incident_id, role, source, ref_id, time_ms, kind, subject, severity_rank, "
                                 "threat_score, summary FROM incident_parts ORDER BY incident_id, role DESC, time_ms, ref_id"),
                  QStringLiteral("cannot read the incident parts"));
    if (!s)
        return s.error();
    while (parts.next()) {
        const auto it = index.find(parts.value(0).toString());
        if (it == index.end())
            continue;
        IncidentPart p;
        p.role = parts.value(1).toString();
        p.source = parts.value(2).toString();
        p.refId = parts.value(3).toString();
        p.timeMs = parts.value(4).toLongLong();
        p.kind = parts.value(5).toString();
        p.subject = parts.value(6).toString();
        p.severityRank = parts.value(7).toInt();
        if (!parts.value(8).isNull())
            p.threatScore = parts.value(8).toInt();
        p.summary = parts.value(9).toString();
        out[it->second].parts.push_back(std::move(p));
    }
    return out;
}

namespace {

// One incident and its parts, as new rows.
Status storeIncident(SqlQuery &q, const Incident &i)
{
    if (const Status s = exec(q, QStringLiteral("INSERT INTO incidents (id, identity_ms, backup_ms, first_ms, last_ms, "
                                                "severity, severity_rank, summary, window_hours, detected_at_ms) "
                                                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                              {i.id, i.identityMs, i.backupMs, i.firstMs, i.lastMs,
                               QStringList{QStringLiteral("low"), QStringLiteral("medium"), QStringLiteral("high"),
                                           QStringLiteral("critical")}
                                   .value(std::clamp(i.severityRank, 1, 4) - 1),
                               i.severityRank, i.summary, i.windowHours, i.detectedAtMs},
                              QStringLiteral("cannot store incident %1").arg(i.id));
        !s)
        return s;
    for (const IncidentPart &p : i.parts) {
        if (const Status s = exec(q, QStringLiteral("INSERT INTO incident_parts (incident_id, role, source, "
                                                    "ref_id, time_ms, kind, subject, severity_rank, threat_score, summary) "
                                                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"),
                                  {i.id, p.role, p.source, p.refId, p.timeMs, p.kind, p.subject, p.severityRank,
                                   p.threatScore ? QVariant(*p.threatScore) : QVariant(), p.summary},
                                  QStringLiteral("cannot store a part of incident %1").arg(i.id));
            !s)
            return s;
    }
    return {};
}

} // namespace

Result<IncidentChanges> replaceIncidents(Database &db, const std::vector<Incident> &incidents)
{
    const Result<std::vector<Incident>> stored = readIncidents(db);
    if (!stored)
        return stored.error();
    std::map<QString, const Incident *> before;
    for (const Incident &i : *stored)
        before[i.id] = &i;
    auto same = [](const Incident &a, const Incident &b) {
        return a.identityMs == b.identityMs && a.backupMs == b.backupMs && a.firstMs == b.firstMs && a.lastMs == b.lastMs
               && a.severityRank == b.severityRank && a.summary == b.summary && a.windowHours == b.windowHours
               && a.parts == b.parts;
    };
    IncidentChanges changes;
    std::vector<const Incident *> write;
    std::map<QString, bool> now;
    for (const Incident &i : incidents) {
        now[i.id] = true;
        const auto it = before.find(i.id);
        if (it == before.end()) {
            ++changes.added;
            write.push_back(&i);
        } else if (!same(*it->second, i)) {
            ++changes.updated;
            write.push_back(&i);
        }
    }
    QStringList gone;
    for (const auto &[id, incident] : before)
        if (!now.count(id))
            gone << id;
    changes.removed = gone.size();
    if (write.empty() && gone.isEmpty())
        return changes;

    if (!db.connection().transaction())
        return Error::storage(Database::describe(QStringLiteral("cannot start a transaction in %1").arg(db.path()),
                                                 db.connection().lastError()));
    auto fail = [&db](const Status &s) -> Result<IncidentChanges> {
        db.connection().rollback();
        return s.error();
    };
    SqlQuery q(db);
    QStringList rewrite = gone;
    for (const Incident *i : write)
        rewrite << i->id;
    for (const QString &id : rewrite) {
        if (const Status s = exec(q, QStringLiteral("DELETE FROM incident_parts WHERE incident_id = ?"), {id},
                                  QStringLiteral("cannot replace the parts of incident %1").arg(id));
            !s)
            return fail(s);
        if (const Status s = exec(q, QStringLiteral("DELETE FROM incidents WHERE id = ?"), {id},
                                  QStringLiteral("cannot replace incident %1").arg(id));
            !s)
            return fail(s);
    }
    for (const Incident *i : write)
        if (const Status s = storeIncident(q, *i); !s)
            return fail(s);
    if (!db.connection().commit()) {
        const QSqlError e = db.connection().lastError();
        db.connection().rollback();
        return Error::storage(Database::describe(QStringLiteral("cannot store the incidents in %1").arg(db.path()), e));
    }
    return changes;
}

} // namespace backsight::store
