#include "server_case_opener.h"

#include "jobs/server_case_check_job.h"

#include <QThreadPool>

namespace backsight::ui {

ServerCaseOpener::ServerCaseOpener(QThreadPool &pool, QObject *parent) : QObject(parent), pool_(pool) {}

ServerCaseOpener::~ServerCaseOpener()
{
    if (!job_)
        return;
    // Not started yet: take it back. Started: it deletes itself when libpq returns (start()).
    disconnect(job_, nullptr, this, nullptr);
    job_->cancel();
    if (pool_.tryTake(job_))
        delete job_;
}

bool ServerCaseOpener::start(const QString &serverUrl, const QString &title)
{
    if (job_)
        return false;
    job_ = new ServerCaseCheckJob(title, serverUrl);
    // Owned by no one once abandoned; later, not at once: the worker may still be on its way out of run().
    connect(job_, &Job::finished, job_, &QObject::deleteLater);
    connect(job_, &Job::finished, this, &ServerCaseOpener::onJobFinished);
    connect(job_, &Job::cancelRequested, this, &ServerCaseOpener::cancel);
    emit started(job_);
    pool_.start(job_);
    return true;
}

void ServerCaseOpener::cancel()
{
    if (!job_)
        return;
    ServerCaseCheckJob *job = job_;
    job_ = nullptr;
    disconnect(job, nullptr, this, nullptr);
    job->cancel();
    emit abandoned(job, job->serverUrl()); // before it may be deleted: the status bar lets go of it
    if (pool_.tryTake(job))
        delete job;
}

void ServerCaseOpener::onJobFinished(bool ok, const QString &summary)
{
    ServerCaseCheckJob *job = job_;
    job_ = nullptr; // a slot below may start the next check
    emit checked(ok, job->serverUrl(), ok ? QString() : summary);
}

} // namespace backsight::ui
