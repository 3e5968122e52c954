#include "report/incident_report.h"

#include "model/time_format.h"
#include "store/database.h"
#include "report/source_appendix.h"
#include "store/event_queries.h"
#include "store/evidence_queries.h"
#include "store/incident_store.h"

#include <QJsonDocument>
#include <QSet>
#include <QVariant>
#include <cmath>
#include <map>

namespace backsight::report {
namespace {

constexpr qint64 kDayMs = 86400000;
constexpr double kLegMinimumKm = 50.0;
constexpr int kMaxSignInsPerIncident = 4000;

template <typename T>
bool take(Result<T> r, T &into, QString &error)
{
    if (!r) {
        error = r.error().message;
        return false;
    }
    into = std::move(*r);
    return true;
}

bool readSources(Database &db, std::vector<SourceFile> &out, QString &error)
{
    return take(EvidenceQueries(db).sources(), out, error);
}

bool readModels(Database &db, const QSet<qint64> &ids, IncidentReport &r, QString &error)
{
    EvidenceQueries evidence(db);
    return take(evidence.models(ids), r.models, error) && take(evidence.activeModelSummary(), r.modelSummary, error);
}

bool readRuns(Database &db, const QSet<qint64> &ids, IncidentReport &r, QString &error)
{
    return take(EvidenceQueries(db).runs(ids), r.runs, error);
}

// The baseline the anomaly cites, or the user's latest one that ended before the event.
bool readBaseline(Database &db, const detect::Anomaly &a, std::optional<Baseline> &out, QString &error)
{
    return take(EvidenceQueries(db).baseline(a.baselineId, a.upn, a.timeMs), out, error);
}

bool readSignIns(Database &db, IncidentSection &s, QString &error)
{
    const detect::Anomaly &a = s.anomaly;
    const qint64 end = a.endMs ? std::max(*a.endMs, a.timeMs) : a.timeMs;
    s.windowStartMs = a.timeMs - 3 * kDayMs;
    s.windowEndMs = end + kDayMs;
    if (a.upn.isEmpty())
        return true;
    std::vector<SignInBrief> signIns;
    if (!take(EvidenceQueries(db).signInsAround(a.upn, s.windowStartMs, s.windowEndMs, kMaxSignInsPerIncident), signIns, error))
        return false;
    const QSet<QString> cited(a.eventIds.begin(), a.eventIds.end());
    for (const SignInBrief &b : signIns) {
        SignInPoint p;
        p.id = b.id;
        p.timeMs = b.ms;
        p.success = b.errorCode == 0;
        p.cited = cited.contains(p.id);
        p.city = b.city;
        p.country = b.country;
        p.ip = b.ip;
        p.app = b.app;
        p.latitude = b.latitude;
        p.longitude = b.longitude;
        p.asn = b.asn;
        p.asOrg = b.asOrg;
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
        const Result<QByteArray> raw = originalRecord(db, id);
        OriginalRecord o;
        o.eventId = id;
        if (raw) {
            const QJsonDocument doc = QJsonDocument::fromJson(*raw);
            o.text = doc.isNull() ? QString::fromUtf8(*raw) : QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
            o.ok = true;
        } else {
            o.text = raw.error().message;
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

// The identity ↔ backup incidents that hold an anomaly of the report, or whose identity part is the scope's user.
static bool readCorrelated(Database &db, IncidentReport &r, QString &error)
{
    const Result<std::vector<Incident>> incidents = store::readIncidents(db);
    if (!incidents) {
        error = incidents.error().message;
        return false;
    }
    QSet<QString> inScope;
    for (const detect::Anomaly &a : r.anomalies)
        inScope.insert(a.id);
    for (const Incident &i : *incidents) {
        bool keep = false;
        for (const IncidentPart &p : i.parts)
            keep = keep || (p.source == QLatin1String("anomalies") && inScope.contains(p.refId))
                   || (!r.scope.upn.isEmpty() && p.role == QLatin1String("identity")
                       && p.subject.compare(r.scope.upn, Qt::CaseInsensitive) == 0);
        if (keep)
            r.correlated.push_back(i);
    }
    return true;
}

std::optional<IncidentReport> readIncidentReport(Database &db, const ReportScope &scope, const ReportOptions &options,
                                                 QString &error, const ReportProgress &progress)
{
    IncidentReport r;
    r.scope = scope;
    r.options = options;
    r.databasePath = db.path();
    if (const Status read = detect::forEachAnomaly(db, scope.filter(), [&](const detect::Anomaly &a) {
            r.anomalies.push_back(a);
            return true;
        });
        !read) {
        error = read.error().message;
        return std::nullopt;
    }
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
    if (!citeSources(db, r, error))
        return std::nullopt;

    if (!readCorrelated(db, r, error))
        return std::nullopt;

    const qint64 total = std::min<qint64>(qint64(r.anomalies.size()), options.maxIncidents);
    QStringList ids;
    for (qint64 i = 0; i < total; ++i)
        ids << r.anomalies[size_t(i)].id;
    const auto records = cases::readCaseRecords(db, ids);
    if (!records) {
        error = records.error().message;
        return std::nullopt;
    }
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
