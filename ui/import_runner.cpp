#include "import_runner.h"

#include "jobs/import_job.h"

#include <QThreadPool>

namespace backsight::ui {

ImportRunner::ImportRunner(QThreadPool &pool, QObject *parent) : QObject(parent), pool_(pool) {}

ImportRunner::~ImportRunner()
{
    if (!job_)
        return;
    job_->cancel();
    // Not started yet: take it back. Started: it stops at the next chunk and rolls back that file.
    if (!pool_.tryTake(job_))
        pool_.waitForDone();
    delete job_;
}

bool ImportRunner::start(const QString &databasePath, const QStringList &paths)
{
    if (job_ || paths.isEmpty())
        return false;
    job_ = new ImportJob(databasePath, paths);
    connect(job_, &Job::finished, this, &ImportRunner::onJobFinished);
    emit started(job_);
    pool_.start(job_);
    return true;
}

void ImportRunner::cancel()
{
    if (job_)
        job_->cancel();
}

void ImportRunner::onJobFinished(bool ok, const QString &summary)
{
    ImportJob *job = job_;
    job_ = nullptr; // a slot below may start the next import
    emit finished(ok, summary, job->report());
    // Later, not now: the worker thread may still be on its way out of run().
    job->deleteLater();
}

} // namespace backsight::ui
