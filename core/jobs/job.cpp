#include "jobs/job.h"

namespace backsight {

Job::Job(QString title, QObject *parent) : QObject(parent), title_(std::move(title))
{
    // The creator keeps the job until finished() arrives; the pool must not delete it.
    setAutoDelete(false);
}

Job::~Job() = default;

void Job::cancel()
{
    if (!cancelled_.exchange(true))
        emit cancelRequested();
}

void Job::run()
{
    QString summary;
    bool ok = false;
    try {
        ok = execute(summary);
    } catch (const std::exception &e) {
        summary = QStringLiteral("%1 failed: %2").arg(title_, QString::fromLocal8Bit(e.what()));
    }
    emit finished(ok && !isCancelled(), summary);
}

} // namespace backsight
