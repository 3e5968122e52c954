#include "local_workers.h"

#include <QCoreApplication>
#include <QProcessEnvironment>

namespace backsight::cli {

LocalWorkers::LocalWorkers(QString location, int count, int leaseMs)
    : location_(std::move(location)), count_(count), leaseMs_(leaseMs)
{
}

LocalWorkers::~LocalWorkers()
{
    for (auto &p : processes_)
        if (p->state() != QProcess::NotRunning)
            p->terminate();
    for (auto &p : processes_)
        if (!p->waitForFinished(5000))
            p->kill();
}

Status LocalWorkers::check()
{
    if (!started_) {
        started_ = true;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("BACKSIGHT_DB"), location_);
        for (int i = 0; i < count_; ++i) {
            auto p = std::make_unique<QProcess>();
            p->setProcessEnvironment(env);
            p->setProcessChannelMode(QProcess::ForwardedErrorChannel);
            p->setStandardOutputFile(QProcess::nullDevice());
            p->start(QCoreApplication::applicationFilePath(),
                     {QStringLiteral("worker"), QStringLiteral("--until-idle"), QStringLiteral("--quiet"),
                      QStringLiteral("--lease-ms"), QString::number(leaseMs_)});
            processes_.push_back(std::move(p));
        }
    }
    if (count_ == 0)
        return {};
    QString why;
    for (auto &p : processes_) {
        p->waitForFinished(0); // updates the state without an event loop
        if (p->state() != QProcess::NotRunning)
            return {};
        if (why.isEmpty())
            why = p->exitStatus() == QProcess::CrashExit ? QStringLiteral("it crashed")
                  : p->error() == QProcess::FailedToStart
                      ? QStringLiteral("it could not be started: %1").arg(p->errorString())
                      : QStringLiteral("exit code %1").arg(p->exitCode());
    }
    return Error::storage(QStringLiteral("Every worker this command started has stopped (the first: %1); the work "
                                         "left in the queue waits for other workers").arg(why));
}

} // namespace backsight::cli
