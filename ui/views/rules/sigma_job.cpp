#include "views/rules/sigma_job.h"

#include "store/database.h"

#include <QDateTime>
#include <QLocale>

namespace backsight::ui {

SigmaJob::SigmaJob(QString databasePath, QString rulesFolder, QObject *parent)
    : Job(tr("Sigma rules"), parent), databasePath_(std::move(databasePath)), rulesFolder_(std::move(rulesFolder))
{
}

bool SigmaJob::execute(QString &summary)
{
    Result<sigma::RuleSet> set = sigma::loadRuleFolder(rulesFolder_);
    if (!set) {
        summary = set.error().message;
        return false;
    }
    Database db;
    if (!db.open(databasePath_)) {
        summary = db.error();
        return false;
    }
    const QLocale locale;
    Result<sigma::SigmaRunReport> report =
        sigma::runSigmaRules(db, *set, true, QDateTime::currentMSecsSinceEpoch(), [this, &locale](qint64 done, qint64 total) {
            emit progress(done, total, tr("Sigma rules: %1 of %2 events").arg(locale.toString(done), locale.toString(total)));
            return !isCancelled();
        });
    if (!report) {
        summary = report.error().category == Error::Category::Cancelled ? tr("Sigma rules cancelled; nothing was stored")
                                                                         : report.error().message;
        return false;
    }
    rules_ = report->rules;
    const auto loaded = std::count_if(rules_.begin(), rules_.end(), [](const sigma::RuleStatus &s) { return s.loaded; });
    summary = tr("Sigma: %1 rules run (%2 skipped) over %3 events: %4 matches, %5 new anomalies")
                  .arg(locale.toString(qint64(loaded)), locale.toString(qint64(rules_.size()) - loaded),
                       locale.toString(report->eventsExamined), locale.toString(report->anomaliesFound),
                       locale.toString(report->anomaliesAdded));
    return true;
}

} // namespace backsight::ui
