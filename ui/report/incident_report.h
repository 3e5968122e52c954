#pragma once

#include "cases/case_records.h"
#include "model/evidence.h"
#include "model/incident.h"
#include "store/anomaly_repository.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <functional>
#include <optional>
#include <vector>

namespace backsight {
class Database;
}

namespace backsight::report {

// What a report covers: one user, a set of anomalies, or a time range (any combination narrows it).
struct ReportScope
{
    QString upn;
    QStringList anomalyIds;
    std::optional<qint64> fromMs, toMs; // [from, to)

    bool isEmpty() const { return upn.isEmpty() && anomalyIds.isEmpty() && !fromMs && !toMs; }
    detect::AnomalyFilter filter() const;
    QString describe() const;  // "user x", "3 anomalies", "2024-11-01 00:00 – 2024-11-08 00:00 UTC"
    QString auditTarget() const; // "user:x", "anomalies:a,b", "range:from/to"
};

struct ReportOptions
{
    QString caseName;
    QString analyst;
    QDateTime generatedAt; // UTC, from the caller's clock
    int maxIncidents = 200; // sections beyond this are listed in the summary only
    int maxOriginalsPerIncident = 6;
};

using SourceFile = evidence::SourceFile;

using ModelVersion = evidence::ModelVersion;

using ModelSummaryRow = evidence::ModelSummaryRow;

using DetectionRun = evidence::DetectionRun;

using Baseline = evidence::Baseline;

// One sign-in of the user around the incident (for the timeline and the map).
struct SignInPoint
{
    QString id;
    qint64 timeMs = 0;
    bool success = true;
    bool cited = false;        // one of the anomaly's events
    QString city, country, ip, app;
    std::optional<double> latitude, longitude;
    quint32 asn = 0; // its network; 0 when not known
    QString asOrg;
};

// Consecutive sign-ins from places more than 50 km apart.
struct TravelLeg
{
    int from = 0, to = 0;      // indexes into IncidentSection::signIns
    double km = 0;
    double hours = 0;
    double kmPerHour = 0;
    bool cited = false;        // touches one of the anomaly's events
};

struct OriginalRecord
{
    QString eventId;
    QString text;   // pretty-printed JSON, or the reason it could not be read
    bool ok = false;
};

struct IncidentSection
{
    detect::Anomaly anomaly;
    cases::CaseRecord record;
    std::optional<Baseline> baseline;
    qint64 windowStartMs = 0, windowEndMs = 0; // the timeline's span
    std::vector<SignInPoint> signIns;
    std::vector<TravelLeg> legs;
    std::vector<OriginalRecord> originals;
};

struct IncidentReport
{
    ReportScope scope;
    ReportOptions options;
    QString databasePath;
    std::vector<SourceFile> sources;
    std::vector<SourceFile> citedSources;        // hold the anomalies' events (report/source_appendix.h)
    std::vector<ModelVersion> models;            // the ones the anomalies cite
    std::vector<ModelSummaryRow> modelSummary;   // every active model, by scope and kind
    std::vector<DetectionRun> runs;
    std::vector<detect::Anomaly> anomalies;      // everything in scope, time order
    std::vector<IncidentSection> sections;       // the first options.maxIncidents, with details
    std::vector<Incident> correlated;            // identity ↔ backup incidents with a part in scope (detect/incidents.h)
    QStringList users;                           // involved, sorted
    std::optional<qint64> firstMs, lastMs;
};

// done/total in anomalies; returns false to cancel.
using ReportProgress = std::function<bool(qint64 done, qint64 total)>;

// Reads everything the report shows. Fails (with `error`) when nothing is in scope: an empty report
// handed over would read as "nothing happened".
std::optional<IncidentReport> readIncidentReport(Database &db, const ReportScope &scope, const ReportOptions &options,
                                                 QString &error, const ReportProgress &progress = {});

// Great-circle distance in km.
double haversineKm(double lat1, double lon1, double lat2, double lon2);

} // namespace backsight::report
