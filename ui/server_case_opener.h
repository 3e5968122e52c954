#pragma once

#include <QObject>
#include <QString>

class QThreadPool;

namespace backsight {
class Job;
class ServerCaseCheckJob;
} // namespace backsight

namespace backsight::ui {

// Checks a server case on the thread pool before the window opens it (jobs/server_case_check_job.h), one at a
// time. A cancel is answered at once: the attempt is abandoned (its connection closes when libpq returns, at the
// latest after the connect timeout) and its result is never used.
class ServerCaseOpener : public QObject
{
    Q_OBJECT
public:
    explicit ServerCaseOpener(QThreadPool &pool, QObject *parent = nullptr);
    ~ServerCaseOpener() override;

    bool isRunning() const { return job_ != nullptr; }
    // False, and nothing started, while another check runs. `title` names the server for the status bar.
    bool start(const QString &serverUrl, const QString &title);
    // Abandons the running check; emits abandoned().
    void cancel();

signals:
    void started(backsight::Job *job);
    // Delivered on the GUI thread. `error` explains a failure (never with a password in it).
    void checked(bool ok, const QString &serverUrl, const QString &error);
    // `job` is valid only during the call.
    void abandoned(backsight::Job *job, const QString &serverUrl);

private:
    void onJobFinished(bool ok, const QString &summary);

    QThreadPool &pool_;
    ServerCaseCheckJob *job_ = nullptr;
};

} // namespace backsight::ui
