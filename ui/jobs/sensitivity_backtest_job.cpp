#include "jobs/sensitivity_backtest_job.h"

#include "detect/training.h"
#include "store/database.h"

#include <QLocale>

namespace backsight::ui {

SensitivityBacktestJob::SensitivityBacktestJob(QString databasePath, int windowDays, QObject *parent)
    : Job(tr("Sensitivity backtest"), parent), databasePath_(std::move(databasePath)), windowDays_(windowDays)
{
}

bool SensitivityBacktestJob::execute(QString &summary)
{
    Database db;
    if (!db.open(databasePath_)) {
        summary = db.error();
        return false;
    }
    detect::DetectOptions options;
    options.params.windowDays = windowDays_;
    detect::addModelScorers(options);
    options.progress = [this](double fraction) {
        emit progress(qint64(fraction * 1000), 1000, tr("backtest… %1 %").arg(int(fraction * 100)));
        return !isCancelled();
    };
    Result<detect::SensitivityBacktest> backtest = detect::backtestSensitivity(db, options);
    if (!backtest) {
        summary = backtest.error().message;
        return false;
    }
    result_ = std::move(*backtest);
    const QLocale locale;
    summary = tr("Backtest over %1 sign-ins and %2 audit records in %3 ms; nothing was stored")
                  .arg(locale.toString(result_->signInsExamined), locale.toString(result_->auditsExamined),
                       locale.toString(result_->elapsedMs));
    return true;
}

} // namespace backsight::ui
