#pragma once

#include "jobs/job.h"

namespace backsight {

// Opening a case on a PostgreSQL server, done where it may take long: connects on the worker thread (libpq
// gives up after connect_timeout, store/database.cpp), checks the credentials, runs the migrations and closes
// again. A connection belongs to the thread that opened it, so the GUI then opens its own to a server that is
// known to answer. Nothing stays open when the job ends, whether it succeeded, failed or was cancelled.
class ServerCaseCheckJob : public Job
{
    Q_OBJECT
public:
    ServerCaseCheckJob(QString title, QString serverUrl, QObject *parent = nullptr);

    const QString &serverUrl() const { return serverUrl_; }

protected:
    // The summary is Database::error() on failure (never with a password in it).
    bool execute(QString &summary) override;

private:
    QString serverUrl_;
};

} // namespace backsight
