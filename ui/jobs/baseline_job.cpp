#include "jobs/baseline_job.h"

#include "detect/pipeline.h"
#include "store/database.h"

#include <QLocale>

namespace backsight::ui {

BaselineJob::BaselineJob(QString databasePath, int windowDays, QObject *parent)
    : Job(tr("Baselines"), parent), databasePath_(std::move(databasePath)), windowDays_(windowDays)
{
}

bool BaselineJob::execute(QString &summary)
{
    Database db;
    if (!db.open(databasePath_)) {
        summary = db.error();
        return false;
    }
    detect::BaselineOptions options;
    options.windowDays = windowDays_;
    options.progress = [this](double fraction) {
        emit progress(qint64(fraction * 1000), 1000, tr("computing baselines… %1 %").arg(int(fraction * 100)));
        return !isCancelled();
    };
    const Result<detect::BaselineReport> computed = detect::computeBaselines(db, options);
    if (!computed) {
        summary = isCancelled() ? tr("Baselines cancelled; the previous ones stay") : computed.error().message;
        return false;
    }
    const detect::BaselineReport &report = *computed;
    const QLocale locale;
    summary = tr("Baselines for %1 users (%2 still learning) from %3 sign-ins in %4 ms")
                  .arg(locale.toString(report.users), locale.toString(report.learningUsers),
                       locale.toString(report.eventsUsed), locale.toString(report.elapsedMs));
    return true;
}

} // namespace backsight::ui
