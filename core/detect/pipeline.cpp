#include "detect/pipeline.h"

#include "detect/detection_run.h"
#include "sigma/sigma_runner.h"
#include "store/database.h"
#include "store/detection_run_repository.h"

#include <QDateTime>
#include <QElapsedTimer>

namespace backsight::detect {

using namespace detail;

namespace {

using Source = DetectionRunRepository::Source;

Status readRows(DetectionRunRepository &runs, RunRows &rows)
{
    for (auto [source, range] : {std::pair{Source::SignIns, &rows.signIns}, std::pair{Source::Audits, &rows.audits},
                                 std::pair{Source::BackupSessions, &rows.backups}}) {
        const Result<qint64> from = runs.watermark(source);
        if (!from)
            return from.error();
        const Result<qint64> to = runs.latestRow(source);
        if (!to)
            return to.error();
        *range = {*from, *to};
    }
    return {};
}

} // namespace

static Result<DetectReport> runDetectionOnly(Database &db, const DetectOptions &o)
{
    QElapsedTimer timer;
    timer.start();
    DetectReport report;
    DetectionRunRepository runs(db);
    RunRows rows;
    if (const Status s = readRows(runs, rows); !s)
        return s.error();
    if (o.dryRunFindings) // the whole case, as if never examined
        for (RowRange *r : {&rows.signIns, &rows.audits, &rows.backups})
            r->from = 0;
    if (!rows.signIns.hasNew() && !rows.audits.hasNew() && !rows.backups.hasNew()) {
        report.nothingNew = true;
        report.elapsedMs = timer.elapsed();
        return report;
    }
    const qint64 now = o.nowMs ? o.nowMs : QDateTime::currentMSecsSinceEpoch();
    DetectionRun run(db, o, report);
    if (!run.run(rows, now))
        return run.error().value_or(Error::storage(QStringLiteral("detection failed")));
    if (!report.cancelled) {
        report.elapsedMs = timer.elapsed();
        if (o.progress)
            o.progress(1.0);
    }
    return report;
}

// Detection, then the Sigma rules folder when one is set (all events each time; stable ids keep it idempotent),
// then the identity ↔ backup incidents over everything stored.
Result<DetectReport> runDetection(Database &db, const DetectOptions &options)
{
    Result<DetectReport> detected = runDetectionOnly(db, options);
    if (!detected || detected->cancelled || options.dryRunFindings) // a dry run leaves the case as it was
        return detected;
    DetectReport &report = *detected;
    const qint64 now = options.nowMs ? options.nowMs : QDateTime::currentMSecsSinceEpoch();
    if (!options.sigmaRulesFolder.isEmpty())
        if (const Status sigma = sigma::runRulesFolder(db, options.sigmaRulesFolder, now, report.sigmaMatches,
                                                       report.sigmaAnomaliesAdded);
            !sigma)
            return sigma.error();
    IncidentOptions incidentOptions = options.incidents;
    if (!incidentOptions.nowMs)
        incidentOptions.nowMs = now;
    QElapsedTimer correlating;
    correlating.start();
    const Result<IncidentReport> incidents = correlateIncidents(db, incidentOptions);
    if (!incidents)
        return incidents.error();
    report.incidents = *incidents;
    report.phaseMs[QStringLiteral("incidents")] += correlating.elapsed();
    report.elapsedMs += correlating.elapsed();
    return detected;
}

} // namespace backsight::detect
