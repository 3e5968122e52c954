#include "detect/pipeline.h"

#include "baseline/profile.h"
#include "detect/anomaly_repository.h"
#include "detect/tenant_detectors.h"
#include "detect/user_detectors.h"
#include "sigma/sigma_runner.h"
#include "model/sign_in_result.h"
#include "store/database.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <map>

namespace backsight::detect {

using baseline::DayAggregate;
using baseline::kDayMs;
using baseline::dayOf;

namespace {

const QString kSignInColumns = QStringLiteral(
    "rowid, id, created_ms, upn, app_name, resource, client_app, ip, city, country, latitude, longitude, os, browser, "
    "device_id, error_code, interactive");

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
    return e;
}

bool exec(QSqlQuery &q, const QString &doing, QString &error)
{
    if (q.exec())
        return true;
    error = Database::describe(doing, q.lastError());
    return false;
}

bool execSql(Database &db, const QString &sql, const QString &doing, QString &error)
{
    QSqlQuery q(db.connection());
    if (q.exec(sql))
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

qint64 watermark(Database &db, const QString &name, QString &error, bool &ok)
{
    return scalar(db, QStringLiteral("SELECT value FROM watermarks WHERE name = ?"), {name},
                  QStringLiteral("reading the detection watermark"), error, ok)
        .value_or(0);
}

// Users who made an admin tool sign-in in the window are treated as privileged.
bool usesAdminTools(const baseline::Profile &profile)
{
    static const QStringList adminApps = {
        QStringLiteral("Azure Portal"), QStringLiteral("Microsoft Entra admin center"),
        QStringLiteral("Microsoft Azure PowerShell"), QStringLiteral("Azure Active Directory PowerShell"),
        QStringLiteral("Microsoft Graph PowerShell"), QStringLiteral("Microsoft Azure CLI"),
        QStringLiteral("Microsoft 365 admin center"), QStringLiteral("Microsoft Exchange Online PowerShell")};
    for (const QString &app : adminApps)
        if (profile.count(baseline::App, app) > 0)
            return true;
    return false;
}

class SqlTenantFacts : public TenantFacts
{
public:
    SqlTenantFacts(Database &db, int limit) : db_(db), limit_(limit) {}
    int usersWithSuccessFrom(const QString &ip, qint64 fromMs, qint64 toMs) override
    {
        if (ip.isEmpty())
            return 0;
        const QString key = ip + QLatin1Char('|') + QString::number(dayOf(fromMs));
        if (const auto it = cache_.constFind(key); it != cache_.cend())
            return *it;
        QSqlQuery q(db_.connection());
        // Only "at least sharedIpMinUsers" matters: stop counting there (an office address has thousands of rows).
        q.prepare(QStringLiteral("SELECT COUNT(*) FROM (SELECT DISTINCT upn FROM signins WHERE ip = ? AND created_ms >= ? "
                                 "AND created_ms < ? AND error_code = 0 LIMIT ?)"));
        q.bindValue(0, ip);
        q.bindValue(1, fromMs);
        q.bindValue(2, toMs);
        q.bindValue(3, limit_);
        const int n = q.exec() && q.next() ? q.value(0).toInt() : 0;
        cache_.insert(key, n);
        return n;
    }

    std::optional<qint64> coverageStartMs() override
    {
        if (!coverageRead_) {
            coverageRead_ = true;
            QSqlQuery q(db_.connection());
            if (q.exec(QStringLiteral("SELECT MIN(created_ms) FROM signins")) && q.next() && !q.value(0).isNull())
                coverage_ = q.value(0).toLongLong();
        }
        return coverage_;
    }

    bool accountCreatedBefore(const QString &upn, qint64 beforeMs) override
    {
        QSqlQuery q(db_.connection());
        q.prepare(QStringLiteral("SELECT 1 FROM audits WHERE activity = 'Add user' AND time_ms <= ? AND lower(targets) LIKE ? LIMIT 1"));
        q.bindValue(0, beforeMs);
        q.bindValue(1, QString(QStringLiteral("%") + upn.toLower() + QStringLiteral("%")));
        return q.exec() && q.next();
    }

private:
    Database &db_;
    int limit_;
    QHash<QString, int> cache_;
    bool coverageRead_ = false;
    std::optional<qint64> coverage_;
};

struct UserRange
{
    QString upn;
    qint64 minMs = 0, maxMs = 0;
};

// What one user's examination produced.
struct UserResult
{
    std::vector<Finding> findings;
    std::map<qint64, DayAggregate> days; // recomputed days to store
    qint64 windowEndDay = 0;             // the running baseline after the run ...
    QByteArray window;                   // ... (baseline::Profile::serialize)
};

class UserExaminer
{
public:
    UserExaminer(Database &db, const DetectOptions &o, TenantFacts &tenant, const QHash<QString, std::pair<qint64, qint64>> &baselines)
        : db_(db), o_(o), tenant_(tenant), storedBaselines_(baselines), detectors_(makeUserDetectors())
    {
        events_.prepare(QStringLiteral("SELECT %1 FROM signins WHERE upn = ? AND created_ms >= ? AND created_ms < ? "
                                       "ORDER BY created_ms, id").arg(kSignInColumns));
        days_.prepare(QStringLiteral("SELECT day, data FROM user_days WHERE upn = ? AND day >= ? AND day < ?"));
        previous_.prepare(QStringLiteral("SELECT MAX(created_ms) FROM signins WHERE upn = ? AND created_ms < ? AND error_code = 0"));
        window_.prepare(QStringLiteral("SELECT window_days, end_day, data FROM user_windows WHERE upn = ?"));
        lastLocated_.prepare(QStringLiteral("SELECT %1 FROM signins WHERE upn = ? AND created_ms < ? AND error_code = 0 "
                                            "AND latitude IS NOT NULL ORDER BY created_ms DESC LIMIT 1").arg(kSignInColumns));
    }

    bool examine(const UserRange &user, qint64 fromRowId, qint64 toRowId, UserResult &result, DetectReport &report,
                 QString &error)
    {
        const int window = o_.params.windowDays;
        const qint64 firstDay = dayOf(user.minMs), lastDay = dayOf(user.maxMs);
        // Context before the first new day: the longest short window a detector looks back over (bursts, MFA
        // denials, new-app bursts) fits in six hours; travel gets the last located success before that below.
        const qint64 loadFrom = firstDay * kDayMs - 6 * 3'600'000LL;
        const qint64 loadTo = (lastDay + 1) * kDayMs;

        // The running baseline left by the previous run, when it ends exactly where this run starts (the usual
        // case of one more day imported): then only the days leaving the window are read, not the whole window.
        std::optional<baseline::Profile> snapshot;
        window_.bindValue(0, user.upn);
        if (!exec(window_, QStringLiteral("reading the running baseline of %1").arg(user.upn), error))
            return false;
        if (window_.next() && window_.value(0).toInt() == window && window_.value(1).toLongLong() == firstDay)
            snapshot = baseline::Profile::deserialize(window_.value(2).toByteArray());
        window_.finish();

        std::map<qint64, DayAggregate> days;
        days_.bindValue(0, user.upn);
        days_.bindValue(1, firstDay - window);
        days_.bindValue(2, snapshot ? lastDay - window + 1 : firstDay);
        if (!exec(days_, QStringLiteral("reading day aggregates of %1").arg(user.upn), error))
            return false;
        while (days_.next()) {
            if (auto a = DayAggregate::deserialize(days_.value(1).toByteArray()))
                days.emplace(days_.value(0).toLongLong(), std::move(*a));
        }
        std::vector<SignInEvent> events;
        events_.bindValue(0, user.upn);
        events_.bindValue(1, loadFrom);
        events_.bindValue(2, loadTo);
        if (!exec(events_, QStringLiteral("reading the sign-ins of %1").arg(user.upn), error))
            return false;
        lastLocated_.bindValue(0, user.upn);
        lastLocated_.bindValue(1, loadFrom);
        if (!exec(lastLocated_, QStringLiteral("finding the last located sign-in of %1").arg(user.upn), error))
            return false;
        if (lastLocated_.next())
            events.push_back(readEvent(lastLocated_));
        lastLocated_.finish();
        while (events_.next())
            events.push_back(readEvent(events_));
        previous_.bindValue(0, user.upn);
        previous_.bindValue(1, loadFrom);
        std::optional<qint64> previousMs;
        if (!exec(previous_, QStringLiteral("finding the previous successful sign-in of %1").arg(user.upn), error))
            return false;
        if (previous_.next() && !previous_.value(0).isNull())
            previousMs = previous_.value(0).toLongLong();

        // The days being examined are counted again from all their events (old and new).
        for (const SignInEvent &e : events) {
            const qint64 d = dayOf(e.timeMs);
            if (d < firstDay)
                continue;
            auto it = result.days.find(d);
            if (it == result.days.end()) {
                it = result.days.emplace(d, DayAggregate{}).first;
                it->second.day = d;
            }
            it->second.add(e);
        }
        for (const auto &[d, a] : result.days)
            days[d] = a;

        baseline::Profile profile = snapshot ? std::move(*snapshot) : baseline::Profile();
        qint64 nextDay = snapshot ? firstDay : firstDay - window; // profile == sum of days [nextDay - window, nextDay)
        const qint64 startDay = firstDay - window;
        const auto advanceTo = [&](qint64 day) {
            while (nextDay < day) {
                if (const auto it = days.find(nextDay); it != days.end())
                    profile.add(it->second);
                const qint64 leaving = nextDay - window;
                if (leaving >= startDay)
                    if (const auto it = days.find(leaving); it != days.end())
                        profile.remove(it->second);
                ++nextDay;
            }
        };

        for (const auto &d : detectors_)
            d->reset();
        qint64 contextDay = std::numeric_limits<qint64>::min();
        baseline::Home home;
        bool learning = false, privileged = false;
        qint64 baselineId = 0;
        for (size_t i = 0; i < events.size(); ++i) {
            const SignInEvent &e = events[i];
            if (e.rowId <= fromRowId || e.rowId > toRowId)
                continue;
            ++report.signInsExamined;
            if (e.result == ResultClass::Unknown)
                ++report.unknownErrorCodes[e.errorCode];
            const qint64 day = dayOf(e.timeMs);
            if (day != contextDay) {
                advanceTo(day);
                contextDay = day;
                home = profile.home();
                learning = profile.isLearning(o_.params.learning);
                privileged = usesAdminTools(profile);
                const auto stored = storedBaselines_.constFind(user.upn);
                baselineId = stored != storedBaselines_.cend() && stored->second <= day * kDayMs ? stored->first : 0;
            }
            const UserContext context{o_.params, profile, home, learning, privileged, baselineId, events, i, previousMs, tenant_};
            for (const auto &d : detectors_)
                d->examine(context, result.findings);
        }
        advanceTo(lastDay + 1);
        result.windowEndDay = lastDay + 1;
        result.window = profile.serialize();
        return true;
    }

private:
    Database &db_;
    const DetectOptions &o_;
    TenantFacts &tenant_;
    const QHash<QString, std::pair<qint64, qint64>> &storedBaselines_;
    std::vector<std::unique_ptr<UserDetector>> detectors_;
    QSqlQuery events_{db_.connection()}, days_{db_.connection()}, previous_{db_.connection()}, window_{db_.connection()},
        lastLocated_{db_.connection()};
};

bool storeDays(Database &db, const QString &upn, const std::map<qint64, DayAggregate> &days, QString &error)
{
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO user_days (upn, day, data) VALUES (?, ?, ?)"));
    for (const auto &[day, aggregate] : days) {
        q.bindValue(0, upn);
        q.bindValue(1, day);
        q.bindValue(2, aggregate.serialize());
        if (!exec(q, QStringLiteral("storing the day aggregates of %1").arg(upn), error))
            return false;
    }
    return true;
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
            if (f.kind == QLatin1String("password_spray")) {
                // A spray an earlier run already reported (a slow spray spans imports) is not reported twice.
                known.bindValue(0, f.subject);
                known.bindValue(1, f.timeMs - margin);
                known.bindValue(2, f.endMs.value_or(f.timeMs));
                if (!exec(known, QStringLiteral("looking for earlier sprays"), error))
                    return false;
                if (known.next())
                    continue;
                reportedIps.insert(f.subject);
            }
            out.push_back(std::move(f));
        }
    }
    return true;
}

QString targetsText(const QString &json)
{
    QStringList names;
    for (const QJsonValue &v : QJsonDocument::fromJson(json.toUtf8()).array()) {
        const QJsonObject o = v.toObject();
        for (const char *key : {"userPrincipalName", "displayName", "id"}) {
            const QString s = o.value(QString::fromLatin1(key)).toString();
            if (!s.isEmpty()) {
                names << s;
                break;
            }
        }
    }
    return names.join(QStringLiteral(", "));
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
        a.targets = targetsText(audits.value(5).toString());
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

} // namespace

static bool runDetectionOnly(Database &db, const DetectOptions &o, DetectReport &report, QString &error)
{
    QElapsedTimer timer;
    timer.start();
    report = {};
    bool ok = true;
    const qint64 signInsFrom = watermark(db, QStringLiteral("signins"), error, ok);
    if (!ok)
        return false;
    const qint64 auditsFrom = watermark(db, QStringLiteral("audits"), error, ok);
    const qint64 backupFrom = watermark(db, QStringLiteral("backup_sessions"), error, ok);
    const qint64 signInsTo = scalar(db, QStringLiteral("SELECT MAX(rowid) FROM signins"), {}, QStringLiteral("reading sign-ins"), error, ok).value_or(0);
    const qint64 auditsTo = scalar(db, QStringLiteral("SELECT MAX(rowid) FROM audits"), {}, QStringLiteral("reading audits"), error, ok).value_or(0);
    const qint64 backupTo = scalar(db, QStringLiteral("SELECT MAX(rowid) FROM backup_sessions"), {},
                                   QStringLiteral("reading backup sessions"), error, ok).value_or(0);
    if (!ok)
        return false;
    if (signInsTo <= signInsFrom && auditsTo <= auditsFrom && backupTo <= backupFrom) {
        report.nothingNew = true;
        report.elapsedMs = timer.elapsed();
        return true;
    }
    // Sprays and shared addresses look sign-ins up by address; the index is made once, at the first detection,
    // so that imports without detection do not pay for it.
    if (!execSql(db, QStringLiteral("CREATE INDEX IF NOT EXISTS signins_ip ON signins(ip, created_ms)"),
                 QStringLiteral("indexing sign-ins by address"), error))
        return false;

    const qint64 now = o.nowMs ? o.nowMs : QDateTime::currentMSecsSinceEpoch();
    {
        QSqlQuery q(db.connection());
        q.prepare(QStringLiteral("INSERT INTO detection_runs (started_ms, parameters, status) VALUES (?, ?, 'running')"));
        QJsonObject parameters = o.params.toJson();
        parameters.insert(QStringLiteral("severity_policy"), o.policy.toJson());
        QJsonArray scorers;
        for (const auto &s : o.signInScorers)
            scorers.append(s.first);
        for (const auto &s : o.backupScorers)
            scorers.append(s.first);
        parameters.insert(QStringLiteral("scorers"), scorers);
        parameters.insert(QStringLiteral("examined_rowids"),
                          QJsonObject{{QStringLiteral("signins"), QJsonArray{signInsFrom, signInsTo}},
                                      {QStringLiteral("audits"), QJsonArray{auditsFrom, auditsTo}},
                                      {QStringLiteral("backup_sessions"), QJsonArray{backupFrom, backupTo}}});
        q.bindValue(0, now);
        q.bindValue(1, QString::fromUtf8(QJsonDocument(parameters).toJson(QJsonDocument::Compact)));
        if (!exec(q, QStringLiteral("starting a detection run"), error))
            return false;
        report.runId = q.lastInsertId().toLongLong();
    }
    const auto finishRun = [&](const QString &status) {
        QSqlQuery q(db.connection());
        q.prepare(QStringLiteral("UPDATE detection_runs SET finished_ms = ?, events_examined = ?, anomalies_added = ?, "
                                 "status = ? WHERE id = ?"));
        q.bindValue(0, QDateTime::currentMSecsSinceEpoch());
        q.bindValue(1, report.signInsExamined + report.auditsExamined + report.backupSessionsExamined);
        q.bindValue(2, report.anomaliesAdded);
        q.bindValue(3, status);
        q.bindValue(4, report.runId);
        q.exec();
    };
    const auto fail = [&]() {
        db.connection().rollback();
        finishRun(QStringLiteral("failed: ") + error);
        return false;
    };
    const auto cancelled = [&]() {
        db.connection().rollback();
        report.cancelled = true;
        finishRun(QStringLiteral("cancelled"));
        return true;
    };
    const auto progress = [&](double value) { return !o.progress || o.progress(value); };

    // Everything below reads, then writes in one transaction: a cancelled or failed run leaves no trace but its row.
    if (!db.connection().transaction()) {
        error = Database::describe(QStringLiteral("starting the detection transaction"), db.connection().lastError());
        return false;
    }
    std::vector<UserRange> users;
    {
        QSqlQuery q(db.connection());
        q.prepare(QStringLiteral("SELECT upn, MIN(created_ms), MAX(created_ms) FROM signins WHERE rowid > ? AND rowid <= ? "
                                 "AND upn IS NOT NULL AND upn <> '' GROUP BY upn ORDER BY upn"));
        q.bindValue(0, signInsFrom);
        q.bindValue(1, signInsTo);
        if (!exec(q, QStringLiteral("listing users with new sign-ins"), error))
            return fail();
        while (q.next())
            users.push_back({q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toLongLong()});
    }
    report.users = qint64(users.size());
    QHash<QString, std::pair<qint64, qint64>> storedBaselines; // upn -> (id, window end)
    {
        QSqlQuery q(db.connection());
        if (!q.exec(QStringLiteral("SELECT upn, id, window_end_ms FROM baselines ORDER BY id"))) {
            error = Database::describe(QStringLiteral("reading baselines"), q.lastError());
            return fail();
        }
        while (q.next())
            storedBaselines.insert(q.value(0).toString(), {q.value(1).toLongLong(), q.value(2).toLongLong()});
    }

    QElapsedTimer phase;
    phase.start();
    const auto lap = [&](const char *name) { report.phaseMs[QString::fromLatin1(name)] += phase.restart(); };
    lap("setup");
    std::vector<Finding> findings;
    SqlTenantFacts tenant(db, o.params.sharedIpMinUsers);
    {
        UserExaminer examiner(db, o, tenant, storedBaselines);
        QSqlQuery saveWindow(db.connection());
        saveWindow.prepare(QStringLiteral("INSERT OR REPLACE INTO user_windows (upn, window_days, end_day, data) VALUES (?, ?, ?, ?)"));
        for (size_t u = 0; u < users.size(); ++u) {
            UserResult result;
            if (!examiner.examine(users[u], signInsFrom, signInsTo, result, report, error))
                return fail();
            if (!storeDays(db, users[u].upn, result.days, error))
                return fail();
            saveWindow.bindValue(0, users[u].upn);
            saveWindow.bindValue(1, o.params.windowDays);
            saveWindow.bindValue(2, result.windowEndDay);
            saveWindow.bindValue(3, result.window);
            if (!exec(saveWindow, QStringLiteral("storing the running baseline of %1").arg(users[u].upn), error))
                return fail();
            for (Finding &f : result.findings)
                findings.push_back(std::move(f));
            if ((u & 15) == 0 && !progress(0.8 * double(u) / double(users.size())))
                return cancelled();
        }
    }
    lap("users");
    if (signInsTo > signInsFrom) {
        qint64 minMs = std::numeric_limits<qint64>::max();
        for (const UserRange &u : users)
            minMs = std::min(minMs, u.minMs);
        const qint64 firstDay = users.empty() ? 0 : dayOf(minMs);
        bool okUsers = true;
        const int active = int(scalar(db, QStringLiteral("SELECT COUNT(DISTINCT upn) FROM user_days WHERE day >= ?"),
                                      {firstDay - o.params.windowDays}, QStringLiteral("counting active users"), error, okUsers)
                                   .value_or(0));
        if (!okUsers)
            return fail();
        if (!detectSprays(db, o, signInsFrom, signInsTo, std::max(active, int(users.size())), findings, error))
            return fail();
        lap("sprays");
        for (const auto &[name, scorer] : o.signInScorers) {
            if (!scorer(db, signInsFrom, signInsTo, findings, error)) {
                error = QStringLiteral("%1: %2").arg(name, error);
                return fail();
            }
        }
    }
    if (!progress(0.85))
        return cancelled();
    if (backupTo > backupFrom) {
        report.backupSessionsExamined = backupTo - backupFrom;
        for (const auto &[name, scorer] : o.backupScorers) {
            if (!scorer(db, backupFrom, backupTo, findings, error)) {
                error = QStringLiteral("%1: %2").arg(name, error);
                return fail();
            }
        }
    }
    lap("scorers");
    report.findings = qint64(findings.size());
    const auto store = [&](const std::vector<Finding> &batch) {
        std::vector<Anomaly> anomalies = o.policy.apply(batch, now, report.runId);
        const qint64 added = insertAnomalies(db, anomalies, error);
        if (added < 0)
            return false;
        report.anomaliesAdded += added;
        for (const Anomaly &a : anomalies) {
            ++report.anomaliesByKind[a.kinds.value(0)];
            ++report.anomaliesBySeverity[severityName(a.severity)];
        }
        return true;
    };
    if (!store(findings))
        return fail();
    lap("store");
    // Audits last: they link to the sign-in anomalies just stored.
    std::vector<Finding> auditFindings;
    if (auditsTo > auditsFrom) {
        if (!detectPrivilegedAudits(db, o, auditsFrom, auditsTo, auditFindings, report.auditsExamined, error))
            return fail();
        report.findings += qint64(auditFindings.size());
        if (!store(auditFindings))
            return fail();
    }
    lap("audits");
    if (!progress(0.95))
        return cancelled();
    {
        QSqlQuery q(db.connection());
        q.prepare(QStringLiteral("INSERT OR REPLACE INTO watermarks (name, value) VALUES (?, ?)"));
        for (const auto &[name, value] : {std::pair{QStringLiteral("signins"), signInsTo},
                                          std::pair{QStringLiteral("audits"), auditsTo},
                                          std::pair{QStringLiteral("backup_sessions"), backupTo}}) {
            q.bindValue(0, name);
            q.bindValue(1, std::max(value, name == QLatin1String("signins") ? signInsFrom
                                           : name == QLatin1String("audits") ? auditsFrom : backupFrom));
            if (!exec(q, QStringLiteral("moving the detection watermark"), error))
                return fail();
        }
    }
    if (!db.connection().commit()) {
        error = Database::describe(QStringLiteral("committing the detection run"), db.connection().lastError());
        return fail();
    }
    lap("commit");
    report.elapsedMs = timer.elapsed();
    finishRun(QStringLiteral("done"));
    progress(1.0);
    return true;
}

bool computeBaselines(Database &db, const BaselineOptions &o, BaselineReport &report, QString &error)
{
    QElapsedTimer timer;
    timer.start();
    report = {};
    bool ok = true;
    const std::optional<qint64> latest = scalar(db, QStringLiteral("SELECT MAX(created_ms) FROM signins"), {},
                                                QStringLiteral("reading sign-ins"), error, ok);
    if (!ok)
        return false;
    if (!latest)
        return true;
    const qint64 endDay = o.endMs ? dayOf(o.endMs - 1) + 1 : dayOf(*latest) + 1;
    const qint64 startDay = endDay - o.windowDays;
    report.windowStartMs = startDay * kDayMs;
    report.windowEndMs = endDay * kDayMs;
    const qint64 total = scalar(db, QStringLiteral("SELECT COUNT(*) FROM signins"), {}, QStringLiteral("counting sign-ins"), error, ok).value_or(0);
    if (!ok)
        return false;
    if (!db.connection().transaction()) {
        error = Database::describe(QStringLiteral("starting the baseline transaction"), db.connection().lastError());
        return false;
    }
    const auto fail = [&]() {
        db.connection().rollback();
        return false;
    };
    QSqlQuery scan(db.connection());
    scan.setForwardOnly(true);
    scan.prepare(QStringLiteral("SELECT %1 FROM signins WHERE upn IS NOT NULL AND upn <> '' ORDER BY upn, created_ms").arg(kSignInColumns));
    if (!exec(scan, QStringLiteral("reading sign-ins"), error))
        return fail();
    QSqlQuery insert(db.connection());
    insert.prepare(QStringLiteral(
        "INSERT INTO baselines (upn, window_days, window_start_ms, window_end_ms, events_used, active_days, learning, "
        "utc_offset_minutes, home_city, home_country, home_latitude, home_longitude, profile, computed_at_ms) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    qint64 seen = 0;
    QString upn;
    std::map<qint64, DayAggregate> days;
    const auto flush = [&]() {
        if (upn.isEmpty())
            return true;
        if (!storeDays(db, upn, days, error))
            return false;
        report.daysAggregated += qint64(days.size());
        baseline::Profile profile;
        for (const auto &[d, a] : days)
            if (d >= startDay && d < endDay)
                profile.add(a);
        if (profile.signIns() == 0)
            return true;
        const baseline::Home home = profile.home();
        const bool learning = profile.isLearning(o.learning);
        int i = 0;
        insert.bindValue(i++, upn);
        insert.bindValue(i++, o.windowDays);
        insert.bindValue(i++, report.windowStartMs);
        insert.bindValue(i++, report.windowEndMs);
        insert.bindValue(i++, profile.signIns());
        insert.bindValue(i++, profile.activeDays());
        insert.bindValue(i++, learning ? 1 : 0);
        insert.bindValue(i++, home.utcOffsetMinutes);
        insert.bindValue(i++, home.place.section(QStringLiteral(", "), 0, 0));
        insert.bindValue(i++, home.country);
        insert.bindValue(i++, home.coordinates ? QVariant(home.coordinates->latitude) : QVariant());
        insert.bindValue(i++, home.coordinates ? QVariant(home.coordinates->longitude) : QVariant());
        QJsonObject json = profile.toJson();
        json.insert(QStringLiteral("learning"), learning);
        insert.bindValue(i++, QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)));
        insert.bindValue(i++, now);
        if (!exec(insert, QStringLiteral("storing the baseline of %1").arg(upn), error))
            return false;
        ++report.users;
        report.eventsUsed += profile.signIns();
        if (learning)
            ++report.learningUsers;
        return true;
    };
    while (scan.next()) {
        const SignInEvent e = readEvent(scan);
        if (e.upn != upn) {
            if (!flush())
                return fail();
            upn = e.upn;
            days.clear();
        }
        const qint64 d = dayOf(e.timeMs);
        auto it = days.find(d);
        if (it == days.end()) {
            it = days.emplace(d, DayAggregate{}).first;
            it->second.day = d;
        }
        it->second.add(e);
        if ((++seen & 0xFFFF) == 0 && o.progress && !o.progress(double(seen) / double(std::max<qint64>(total, 1)))) {
            db.connection().rollback();
            error = QStringLiteral("cancelled");
            return false;
        }
    }
    if (!flush())
        return fail();
    if (!db.connection().commit()) {
        error = Database::describe(QStringLiteral("committing the baselines"), db.connection().lastError());
        return fail();
    }
    report.elapsedMs = timer.elapsed();
    return true;
}

// Detection, then the Sigma rules folder when one is set (all events each time; stable ids keep it idempotent).
bool runDetection(Database &db, const DetectOptions &options, DetectReport &report, QString &error)
{
    if (!runDetectionOnly(db, options, report, error))
        return false;
    if (report.cancelled || options.sigmaRulesFolder.isEmpty())
        return true;
    const Status sigma = sigma::runRulesFolder(db, options.sigmaRulesFolder,
                                               options.nowMs ? options.nowMs : QDateTime::currentMSecsSinceEpoch(),
                                               report.sigmaMatches, report.sigmaAnomaliesAdded);
    if (!sigma)
        error = sigma.error().message;
    return sigma.ok();
}

} // namespace backsight::detect
