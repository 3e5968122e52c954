#include "detect/sensitivity_backtest.h"

#include "detect/low_digest.h"
#include "detect/stories.h"

#include <iterator>

#include <QElapsedTimer>

namespace backsight::detect {

Result<SensitivityBacktest> backtestSensitivity(Database &db, DetectOptions options)
{
    QElapsedTimer timer;
    timer.start();
    std::vector<std::vector<Finding>> batches;
    options.dryRunFindings = [&](const std::vector<Finding> &batch) { batches.push_back(batch); };
    options.sigmaRulesFolder.clear();
    const Result<DetectReport> detected = runDetection(db, options);
    if (!detected)
        return Error::storage(QStringLiteral("backtest: %1").arg(detected.error().message));
    const DetectReport &report = *detected;
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
        // As the run stores them: each batch rated on its own, follow-ons folded into their stories across batches
        // (the audits' into the sign-ins'), lows grouped into digests.
        std::vector<Anomaly> anomalies;
        for (const std::vector<Finding> &batch : batches) {
            std::vector<Anomaly> rated = policy.apply(batch, 0, 0);
            std::move(rated.begin(), rated.end(), std::back_inserter(anomalies));
        }
        Result<FoldedStories> stories = foldStories(std::move(anomalies), StoryWindow{});
        if (!stories)
            return stories.error();
        anomalies = std::move(stories->anomalies);
        qint64 lowsBefore = 0, lowsAfter = 0;
        for (const Anomaly &a : anomalies)
            lowsBefore += a.severity == Severity::Low ? 1 : 0;
        for (const Anomaly &a : groupLowsIntoDigests(std::move(anomalies))) {
            ++counts.bySeverity[size_t(int(a.severity) - 1)];
            lowsAfter += a.severity == Severity::Low ? 1 : 0;
        }
        counts.lowFindingsInDigests += lowsBefore - lowsAfter;
        out.settings.push_back(counts);
    }
    out.elapsedMs = timer.elapsed();
    return out;
}

} // namespace backsight::detect
