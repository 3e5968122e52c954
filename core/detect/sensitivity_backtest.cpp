#include "detect/sensitivity_backtest.h"

#include "detect/low_digest.h"

#include <QElapsedTimer>

namespace backsight::detect {

Result<SensitivityBacktest> backtestSensitivity(Database &db, DetectOptions options)
{
    QElapsedTimer timer;
    timer.start();
    std::vector<std::vector<Finding>> batches;
    options.dryRunFindings = [&](const std::vector<Finding> &batch) { batches.push_back(batch); };
    options.sigmaRulesFolder.clear();
    DetectReport report;
    QString error;
    if (!runDetection(db, options, report, error))
        return Error::storage(QStringLiteral("backtest: %1").arg(error));
    if (report.cancelled)
        return Error::cancelled(QStringLiteral("the sensitivity backtest was cancelled"));
    SensitivityBacktest out;
    out.signInsExamined = report.signInsExamined;
    out.auditsExamined = report.auditsExamined;
    out.findings = report.findings;
    for (int s = kMinSensitivity; s <= kMaxSensitivity; ++s) {
        const SeverityPolicy policy = options.policy.withSensitivity(s);
        SensitivityCounts counts;
        counts.sensitivity = s;
        for (const std::vector<Finding> &batch : batches) {
            std::vector<Anomaly> anomalies = policy.apply(batch, 0, 0);
            qint64 lowsBefore = 0, lowsAfter = 0;
            for (const Anomaly &a : anomalies)
                lowsBefore += a.severity == Severity::Low ? 1 : 0;
            for (const Anomaly &a : groupLowsIntoDigests(std::move(anomalies))) {
                ++counts.bySeverity[size_t(int(a.severity) - 1)];
                lowsAfter += a.severity == Severity::Low ? 1 : 0;
            }
            counts.lowFindingsInDigests += lowsBefore - lowsAfter;
        }
        out.settings.push_back(counts);
    }
    out.elapsedMs = timer.elapsed();
    return out;
}

} // namespace backsight::detect
