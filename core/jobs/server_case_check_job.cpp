#include "jobs/server_case_check_job.h"

#include "store/database.h"

namespace backsight {

ServerCaseCheckJob::ServerCaseCheckJob(QString title, QString serverUrl, QObject *parent)
    : Job(std::move(title), parent), serverUrl_(std::move(serverUrl))
{
}

bool ServerCaseCheckJob::execute(QString &summary)
{
    // libpq's connect cannot be interrupted: a cancel is seen once it returns, and the connection closes here.
    Database db;
    if (!db.open(serverUrl_)) {
        summary = db.error();
        return false;
    }
    summary = db.path();
    return true;
}

} // namespace backsight
