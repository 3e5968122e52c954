#include "report/incident_report.h"

#include "model/time_format.h"
#include "store/database.h"
#include "store/event_queries.h"

#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <cmath>
#include <map>

namespace backsight::report {
namespace {

constexpr qint64 kDayMs = 86400000;
constexpr double kLegMinimumKm = 50.0;
constexpr int kMaxSignInsPerIncident = 4000;

std::optional<qint64> optionalLong(const QVariant &v)
{
    return v.isNull() ? std::nullopt : std::optional<qint64>(v.toLongLong());
}

bool fail(QString &error, const QString &doing, const QSqlQuery &q)
{
    error = Database::describe(doing, q.lastError());
    return false;
}

bool readSources(Database &db, std::vector<SourceFile> &out, QString &error)
{
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT path, container, sha256, reader, size_bytes, records_read, records_new, "
                               "records_rejected FROM sources ORDER BY path, id")))
        return fail(error, QStringLiteral("cannot list the source files in %1").arg(db.path()), q);
    while (q.next())
        out.push_back({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                       q.value(4).toLongLong(), q.value(5).toLongLong(), q.value(6).toLongLong(), q.value(7).toLongLong()});
    return true;
}

bool readModels(Database &db, const QSet<qint64> &ids, IncidentReport &r, QString &error)
{
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral("SELECT id, scope, subject, kind, version, parameters, window_start_ms, window_end_ms, "
                             "events_used, threshold, created_at_ms FROM models WHERE id = ?"));
    QList<qint64> sorted(ids.begin(), ids.end());
    std::sort(sorted.begin(), sorted.end());
    for (qint64 id : sorted) {
        q.bindValue(0, id);
        if (!q.exec())
            return fail(error, QStringLiteral("cannot read model %1 from %2").arg(id).arg(db.path()), q);
        if (!q.next())
            continue;
        ModelVersion m;
        m.id = q.value(0).toLongLong();
        m.scope = q.value(1).toString();
        m.subject = q.value(2).toString();
        m.kind = q.value(3).toString();
        m.version = q.value(4).toInt();
        m.parameters = q.value(5).toString();
        m.windowStartMs = optionalLong(q.value(6));
        m.windowEndMs = optionalLong(q.value(7));
        m.eventsUsed = q.value(8).toLongLong();
        if (!q.value(9).isNull())
            m.threshold = q.value(9).toDouble();
        m.createdAtMs = q.value(10).toLongLong();
        r.models.push_back(m);
    }
    QSqlQuery summary(db.connection());
    if (!summary.exec(QStringLiteral("SELECT scope, kind, count(*), max(version) FROM models WHERE active = 1 "
                                     "GROUP BY scope, kind ORDER BY scope, kind")))
        return fail(error, QStringLiteral("cannot summarise the models in %1").arg(db.path()), summary);
    while (summary.next())
        r.modelSummary.push_back({summary.value(0).toString(), summary.value(1).toString(), summary.value(2).toLongLong(),
                                  summary.value(3).toInt()});
    return true;
}

bool readRuns(Database &db, const QSet<qint64> &ids, IncidentReport &r, QString &error)
{
    const QString columns = QStringLiteral("id, started_ms, finished_ms, events_examined, anomalies_added, parameters, status");
    QSqlQuery q(db.connection());
    QList<qint64> sorted(ids.begin(), ids.end());
    std::sort(sorted.begin(), sorted.end());
    const auto take = [&](QSqlQuery &query) {
        r.runs.push_back({query.value(0).toLongLong(), query.value(1).toLongLong(), optionalLong(query.value(2)),
                          query.value(3).toLongLong(), query.value(4).toLongLong(), query.value(5).toString(),
                          query.value(6).toString()});
    };
    if (sorted.isEmpty()) {
        // Anomalies that no run recorded (added by hand or by an older Backsight): show the latest run, if any.
        if (!q.exec(QStringLiteral("SELECT %1 FROM detection_runs ORDER BY id DESC LIMIT 1").arg(columns)))
            return fail(error, QStringLiteral("cannot read the detection runs in %1").arg(db.path()), q);
        if (q.next())
            take(q);
        return true;
    }
    q.prepare(QStringLiteral("SELECT %1 FROM detection_runs WHERE id = ?").arg(columns));
    for (qint64 id : sorted) {
        q.bindValue(0, id);
        if (!q.exec())
            return fail(error, QStringLiteral("cannot read detection run %1").arg(id), q);
        if (q.next())
            take(q);
    }
    return true;
}

// The baseline the anomaly cites, or the user's latest one that ended before the event.
bool readBaseline(Database &db, const detect::Anomaly &a, std::optional<Baseline> &out, QString &error)
{
    const QString columns = QStringLiteral("id, window_start_ms, window_end_ms, window_days, events_used, active_days, "
                                           "learning, utc_offset_minutes, home_city, home_country, profile, computed_at_ms");
    QSqlQuery q(db.connection());
    if (a.baselineId) {
        q.prepare(QStringLiteral("SELECT %1 FROM baselines WHERE id = ?").arg(columns));
        q.addBindValue(a.baselineId);
    } else if (!a.upn.isEmpty()) {
        // Prefer the latest window that ended before the event; else the nearest one (the GUI may have
        // computed a later baseline only). The section prints the window, so the reader sees which.
        q.prepare(QStringLiteral("SELECT %1 FROM baselines WHERE upn = ? "
                                 "ORDER BY window_end_ms > ?, abs(window_end_ms - ?) LIMIT 1").arg(columns));
        q.addBindValue(a.upn);
        q.addBindValue(a.timeMs);
        q.addBindValue(a.timeMs);
    } else {
        return true;
    }
    if (!q.exec())
        return fail(error, QStringLiteral("cannot read the baseline of anomaly %1").arg(a.id), q);
    if (!q.next())
        return true;
    Baseline b;
    b.id = q.value(0).toLongLong();
    b.windowStartMs = q.value(1).toLongLong();
    b.windowEndMs = q.value(2).toLongLong();
    b.windowDays = q.value(3).toInt();
    b.eventsUsed = q.value(4).toLongLong();
    b.activeDays = q.value(5).toInt();
    b.learning = q.value(6).toInt() != 0;
    if (!q.value(7).isNull())
        b.utcOffsetMinutes = q.value(7).toInt();
    b.homeCity = q.value(8).toString();
    b.homeCountry = q.value(9).toString();
    b.profile = QJsonDocument::fromJson(q.value(10).toString().toUtf8()).object();
    b.computedAtMs = q.value(11).toLongLong();
    out = b;
    return true;
}

bool readSignIns(Database &db, IncidentSection &s, QString &error)
{
    const detect::Anomaly &a = s.anomaly;
    const qint64 end = a.endMs ? std::max(*a.endMs, a.timeMs) : a.timeMs;
    s.windowStartMs = a.timeMs - 3 * kDayMs;
    s.windowEndMs = end + kDayMs;
    if (a.upn.isEmpty())
        return true;
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, created_ms, coalesce(error_code, 0), city, country, ip, app_name, latitude, "
                             "longitude FROM signins WHERE upn = ? AND created_ms >= ? AND created_ms < ? "
                             "ORDER BY created_ms, id LIMIT ?"));
    q.addBindValue(a.upn);
    q.addBindValue(s.windowStartMs);
    q.addBindValue(s.windowEndMs);
    q.addBindValue(kMaxSignInsPerIncident);
    if (!q.exec())
        return fail(error, QStringLiteral("cannot read the sign-ins of %1").arg(a.upn), q);
    const QSet<QString> cited(a.eventIds.begin(), a.eventIds.end());
    while (q.next()) {
        SignInPoint p;
        p.id = q.value(0).toString();
        p.timeMs = q.value(1).toLongLong();
        p.success = q.value(2).toLongLong() == 0;
        p.cited = cited.contains(p.id);
        p.city = q.value(3).toString();
        p.country = q.value(4).toString();
        p.ip = q.value(5).toString();
        p.app = q.value(6).toString();
        if (!q.value(7).isNull() && !q.value(8).isNull()) {
            p.latitude = q.value(7).toDouble();
            p.longitude = q.value(8).toDouble();
        }
        s.signIns.push_back(p);
    }
    return true;
}

void computeLegs(IncidentSection &s)
{
    int previous = -1;
    for (int i = 0; i < int(s.signIns.size()); ++i) {
        const SignInPoint &p = s.signIns[size_t(i)];
        if (!p.latitude)
            continue;
        if (previous >= 0) {
            const SignInPoint &q = s.signIns[size_t(previous)];
            const double km = haversineKm(*q.latitude, *q.longitude, *p.latitude, *p.longitude);
            if (km > kLegMinimumKm) {
                TravelLeg leg;
                leg.from = previous;
                leg.to = i;
                leg.km = km;
                leg.hours = double(p.timeMs - q.timeMs) / 3600000.0;
                leg.kmPerHour = leg.hours > 0 ? km / leg.hours : std::numeric_limits<double>::infinity();
                leg.cited = p.cited || q.cited;
                s.legs.push_back(leg);
            }
        }
        previous = i;
    }
}

void readOriginals(Database &db, IncidentSection &s, int max)
{
    for (const QString &id : s.anomaly.eventIds) {
        if (int(s.originals.size()) >= max)
            break;
        QString error;
        const std::optional<QByteArray> raw = originalRecord(db, id, error);
        OriginalRecord o;
        o.eventId = id;
        if (raw) {
            const QJsonDocument doc = QJsonDocument::fromJson(*raw);
            o.text = doc.isNull() ? QString::fromUtf8(*raw) : QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
            o.ok = true;
        } else {
            o.text = error;
        }
        s.originals.push_back(o);
    }
}

} // namespace

detect::AnomalyFilter ReportScope::filter() const
{
    detect::AnomalyFilter f;
    f.upn = upn.toLower();
    f.ids = anomalyIds;
    f.fromMs = fromMs;
    f.toMs = toMs;
    return f;
}

QString ReportScope::describe() const
{
    QStringList parts;
    if (!upn.isEmpty())
        parts << QStringLiteral("user %1").arg(upn.toLower());
    if (!anomalyIds.isEmpty())
        parts << (anomalyIds.size() == 1 ? QStringLiteral("anomaly %1").arg(anomalyIds.first())
                                         : QStringLiteral("%1 selected anomalies").arg(anomalyIds.size()));
    if (fromMs || toMs)
        parts << QStringLiteral("%1 to %2")
                     .arg(fromMs ? formatUtcMs(*fromMs) : QStringLiteral("the beginning"),
                          toMs ? formatUtcMs(*toMs) : QStringLiteral("the end"));
    return parts.isEmpty() ? QStringLiteral("every anomaly") : parts.join(QStringLiteral(", "));
}

QString ReportScope::auditTarget() const
{
    QStringList parts;
    if (!upn.isEmpty())
        parts << QStringLiteral("user:") + upn.toLower();
    if (!anomalyIds.isEmpty())
        parts << QStringLiteral("anomalies:") + anomalyIds.join(QLatin1Char(','));
    if (fromMs || toMs)
        parts << QStringLiteral("range:%1/%2").arg(fromMs ? formatUtcMs(*fromMs) : QString(),
                                                    toMs ? formatUtcMs(*toMs) : QString());
    return parts.join(QLatin1Char(' '));
}

double haversineKm(double lat1, double lon1, double lat2, double lon2)
{
    constexpr double kEarthKm = 6371.0088;
    constexpr double kRad = M_PI / 180.0;
    const double dLat = (lat2 - lat1) * kRad, dLon = (lon2 - lon1) * kRad;
    const double h = std::sin(dLat / 2) * std::sin(dLat / 2)
                     + std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dLon / 2) * std::sin(dLon / 2);
    return 2 * kEarthKm * std::asin(std::min(1.0, std::sqrt(h)));
}

std::optional<IncidentReport> readIncidentReport(Database &db, const ReportScope &scope, const ReportOptions &options,
                                                 QString &error, const ReportProgress &progress)
{
    IncidentReport r;
    r.scope = scope;
    r.options = options;
    r.databasePath = db.path();
    if (!detect::forEachAnomaly(db, scope.filter(), [&](const detect::Anomaly &a) {
            r.anomalies.push_back(a);
            return true;
        }, error))
        return std::nullopt;
    if (r.anomalies.empty()) {
        error = QStringLiteral("no anomalies for %1 in %2").arg(scope.describe(), db.path());
        return std::nullopt;
    }
    QSet<qint64> modelIds, runIds;
    QSet<QString> users;
    for (const detect::Anomaly &a : r.anomalies) {
        if (a.modelId)
            modelIds.insert(a.modelId);
        if (a.runId)
            runIds.insert(a.runId);
        if (!a.upn.isEmpty())
            users.insert(a.upn);
        const qint64 end = a.endMs ? std::max(*a.endMs, a.timeMs) : a.timeMs;
        r.firstMs = r.firstMs ? std::min(*r.firstMs, a.timeMs) : a.timeMs;
        r.lastMs = r.lastMs ? std::max(*r.lastMs, end) : end;
    }
    r.users = QStringList(users.begin(), users.end());
    r.users.sort();
    if (!readSources(db, r.sources, error) || !readModels(db, modelIds, r, error) || !readRuns(db, runIds, r, error))
        return std::nullopt;

    const qint64 total = std::min<qint64>(qint64(r.anomalies.size()), options.maxIncidents);
    QStringList ids;
    for (qint64 i = 0; i < total; ++i)
        ids << r.anomalies[size_t(i)].id;
    const auto records = cases::readCaseRecords(db, ids, error);
    if (!records)
        return std::nullopt;
    for (qint64 i = 0; i < total; ++i) {
        if (progress && !progress(i, total)) {
            error = QStringLiteral("cancelled");
            return std::nullopt;
        }
        IncidentSection s;
        s.anomaly = r.anomalies[size_t(i)];
        if (const auto it = records->find(s.anomaly.id); it != records->end())
            s.record = it->second;
        if (!readBaseline(db, s.anomaly, s.baseline, error) || !readSignIns(db, s, error))
            return std::nullopt;
        computeLegs(s);
        readOriginals(db, s, options.maxOriginalsPerIncident);
        r.sections.push_back(std::move(s));
    }
    if (progress)
        progress(total, total);
    return r;
}

} // namespace backsight::report
