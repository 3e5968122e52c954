#include "detect/pipeline_sql.h"

#include "baseline/profile.h"
#include "store/anomaly_repository.h"
#include "detect/evidence_text.h"
#include "detect/tenant_detectors.h"
#include "detect/user_detectors.h"
#include "model/sign_in_result.h"
#include "store/database.h"
#include "store/detection_run_repository.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <map>

namespace backsight::detect::detail {

using baseline::DayAggregate;
using baseline::kDayMs;
using baseline::dayOf;

const QString kSignInColumns = QStringLiteral(
    "rowid, id, created_ms, upn, app_name, resource, client_app, ip, city, country, latitude, longitude, os, browser, "
    "device_id, error_code, interactive, auth_protocol, asn, as_org");

SignInEvent readEvent(const QSqlQuery &q)
{
    SignInEvent e;
    int i = 0;
    e.rowId = q.value(i++).toLongLong();
    e.id = q.value(i++).toString();
    e.timeMs = q.value(i++).toLongLong();
    e.upn = q.value(i++).toString();
    e.app = q.value(i++).toString();
    e.resource = q.value(i++).toString();
    e.clientApp = q.value(i++).toString();
    e.ip = q.value(i++).toString();
    e.prefix = e.ip.isEmpty() ? QString() : ipPrefix(e.ip);
    e.city = q.value(i++).toString();
    e.country = q.value(i++).toString();
    if (const QVariant v = q.value(i++); !v.isNull())
        e.latitude = v.toDouble();
    if (const QVariant v = q.value(i++); !v.isNull())
        e.longitude = v.toDouble();
    e.os = q.value(i++).toString();
    e.browser = q.value(i++).toString();
    e.deviceId = q.value(i++).toString();
    e.errorCode = q.value(i++).toLongLong();
    e.result = classifyErrorCode(e.errorCode);
    e.interactive = q.value(i++).toInt() != 0;
    e.authProtocol = q.value(i++).toString();
    e.asn = q.value(i++).toUInt();
    e.asOrg = q.value(i++).toString();
    return e;
}

bool exec(QSqlQuery &q, const QString &doing, QString &error)
{
    if (q.exec())
        return true;
    error = Database::describe(doing, q.lastError());
    return false;
}

std::optional<qint64> scalar(Database &db, const QString &sql, const QVariantList &binds, const QString &doing,
                             QString &error, bool &ok)
{
    QSqlQuery q(db.connection());
    q.prepare(sql);
    for (int i = 0; i < binds.size(); ++i)
        q.bindValue(i, binds[i]);
    ok = exec(q, doing, error);
    if (!ok || !q.next() || q.value(0).isNull())
        return std::nullopt;
    return q.value(0).toLongLong();
}

Status storeDays(DetectionRunRepository &runs, const QString &upn, const std::map<qint64, DayAggregate> &days)
{
    std::map<qint64, QByteArray> serialized;
    for (const auto &[day, aggregate] : days)
        serialized.emplace(day, aggregate.serialize());
    return runs.saveUserDays(upn, serialized);
}

// Password sprays: every source address (and /24) with a new credential failure, judged over its sign-ins around them.
bool detectSprays(Database &db, const DetectOptions &o, qint64 fromRowId, qint64 toRowId, int activeUsers,
                  std::vector<Finding> &out, QString &error)
{
    QSqlQuery sources(db.connection());
    sources.prepare(QStringLiteral("SELECT ip, MIN(created_ms), MAX(created_ms) FROM signins WHERE rowid > ? AND rowid <= ? "
                                   "AND error_code IN (50126, 50034, 50055, 50056, 50057, 50144, 50053) AND ip IS NOT NULL "
                                   "GROUP BY ip"));
    sources.bindValue(0, fromRowId);
    sources.bindValue(1, toRowId);
    if (!exec(sources, QStringLiteral("finding the sources of new failed sign-ins"), error))
        return false;
    struct Span { qint64 from, to; };
    QHash<QString, Span> ips, prefixes;
    while (sources.next()) {
        const QString ip = sources.value(0).toString();
        const Span s{sources.value(1).toLongLong(), sources.value(2).toLongLong()};
        ips.insert(ip, s);
        auto &p = prefixes[ipPrefix(ip)];
        p = p.to == 0 ? s : Span{std::min(p.from, s.from), std::max(p.to, s.to)};
    }
    const qint64 margin = qint64(o.params.slowSprayHours) * 3'600'000;
    QSqlQuery load(db.connection());
    load.prepare(QStringLiteral("SELECT id, upn, ip, city, country, created_ms, error_code FROM signins "
                                "WHERE ip >= ? AND ip < ? AND created_ms >= ? AND created_ms <= ? ORDER BY created_ms, id"));
    QSqlQuery known(db.connection());
    known.prepare(QStringLiteral("SELECT 1 FROM anomalies WHERE subject = ? AND kind = 'password_spray' AND "
                                 "COALESCE(end_ms, time_ms) >= ? AND time_ms <= ? LIMIT 1"));
    PasswordSprayDetector detector;
    QSet<QString> reportedIps;
    for (auto it = prefixes.cbegin(); it != prefixes.cend(); ++it) {
        const QString &prefix = it.key();
        const bool v4 = prefix.endsWith(QStringLiteral(".0/24"));
        // Addresses of the prefix are a text range: "a.b.c." up to "a.b.c/" ('/' follows '.').
        const QString low = v4 ? prefix.left(prefix.size() - 4) : prefix.left(prefix.size() - 4);
        QString high = low;
        high[high.size() - 1] = QChar(high.back().unicode() + 1);
        load.bindValue(0, v4 ? low : it.key());
        load.bindValue(1, v4 ? high : it.key() + QLatin1Char('~'));
        load.bindValue(2, it->from - margin);
        load.bindValue(3, it->to + margin);
        if (!exec(load, QStringLiteral("reading the sign-ins from %1").arg(prefix), error))
            return false;
        std::vector<SourceSignIn> all;
        QHash<QString, std::vector<SourceSignIn>> byIp;
        while (load.next()) {
            SourceSignIn s;
            s.id = load.value(0).toString();
            s.upn = load.value(1).toString();
            s.ip = load.value(2).toString();
            const QString city = load.value(3).toString(), country = load.value(4).toString();
            s.place = city.isEmpty() ? country : city + QStringLiteral(", ") + country;
            s.timeMs = load.value(5).toLongLong();
            s.result = classifyErrorCode(load.value(6).toLongLong());
            all.push_back(s);
            byIp[s.ip].push_back(s);
        }
        std::vector<Finding> found;
        for (auto ip = byIp.cbegin(); ip != byIp.cend(); ++ip) {
            if (!ips.contains(ip.key()))
                continue;
            for (Finding &f : detector.examine(ip.key(), false, *ip, activeUsers, o.params))
                found.push_back(std::move(f));
        }
        if (found.empty() && byIp.size() > 1) {
            for (Finding &f : detector.examine(prefix, true, all, activeUsers, o.params))
                found.push_back(std::move(f));
        }
        for (Finding &f : found) {
            if (f.kind == QLatin1String("password_spray") && !o.dryRunFindings) {
                // A spray an earlier run already reported (a slow spray spans imports) is not reported twice. A dry
                // run (the backtest) examines the whole case as if for the first time, so it reports every spray.
                known.bindValue(0, f.subject);
                known.bindValue(1, f.timeMs - margin);
                known.bindValue(2, f.endMs.value_or(f.timeMs));
                if (!exec(known, QStringLiteral("looking for earlier sprays"), error))
                    return false;
                if (known.next())
                    continue;
            }
            if (f.kind == QLatin1String("password_spray"))
                reportedIps.insert(f.subject);
            out.push_back(std::move(f));
        }
    }
    return true;
}

bool detectPrivilegedAudits(Database &db, const DetectOptions &o, qint64 fromRowId, qint64 toRowId,
                            std::vector<Finding> &out, qint64 &examined, QString &error)
{
    QSqlQuery audits(db.connection());
    audits.prepare(QStringLiteral("SELECT id, time_ms, activity, initiator_upn, initiator_ip, targets, result FROM audits "
                                  "WHERE rowid > ? AND rowid <= ? ORDER BY time_ms, id"));
    audits.bindValue(0, fromRowId);
    audits.bindValue(1, toRowId);
    if (!exec(audits, QStringLiteral("reading new audit records"), error))
        return false;
    QSqlQuery prior(db.connection());
    prior.prepare(QStringLiteral("SELECT id, kind, summary, severity_rank, time_ms FROM anomalies WHERE user_upn = ? "
                                 "AND time_ms >= ? AND time_ms <= ? AND event_table = 'signins' ORDER BY time_ms"));
    PrivilegedAuditDetector detector;
    while (audits.next()) {
        ++examined;
        AuditRecord a;
        a.id = audits.value(0).toString();
        a.timeMs = audits.value(1).toLongLong();
        a.activity = audits.value(2).toString();
        a.initiatorUpn = audits.value(3).toString().toLower();
        a.initiatorIp = audits.value(4).toString();
        a.targets = auditTargetNames(audits.value(5).toString());
        a.result = audits.value(6).toString();
        if (a.initiatorUpn.isEmpty() || !PrivilegedAuditDetector::isPrivileged(a.activity))
            continue;
        prior.bindValue(0, a.initiatorUpn);
        prior.bindValue(1, a.timeMs - qint64(o.params.privilegedWithinHours) * 3'600'000);
        prior.bindValue(2, a.timeMs);
        if (!exec(prior, QStringLiteral("looking for anomalies before an audit record"), error))
            return false;
        std::vector<PriorAnomaly> anomalies;
        while (prior.next())
            anomalies.push_back({prior.value(0).toString(), prior.value(1).toString(), prior.value(2).toString(),
                                 Severity(qBound(1, prior.value(3).toInt(), 4)), prior.value(4).toLongLong()});
        if (auto f = detector.examine(a, anomalies, o.params))
            out.push_back(std::move(*f));
    }
    return true;
}

} // namespace backsight::detect::detail
