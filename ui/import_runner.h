#pragma once

#include <QObject>
#include <QStringList>

class QThreadPool;

namespace backsight {
class ImportJob;
class Job;
struct ImportReport;
} // namespace backsight

namespace backsight::ui {

// Runs one import at a time on a thread pool and tells the GUI thread when it is done. The GUI never
// waits for it, except on shutdown, when a running import is cancelled and left at its last commit.
class ImportRunner : public QObject
{
    Q_OBJECT
public:
    explicit ImportRunner(QThreadPool &pool, QObject *parent = nullptr);
    ~ImportRunner() override;

    bool isRunning() const { return job_ != nullptr; }
    // False, and nothing started, while another import runs.
    bool start(const QString &databasePath, const QStringList &paths);
    void cancel();

signals:
    void started(backsight::Job *job);
    // Delivered on the GUI thread; `report` lives only for the duration of the call.
    void finished(bool ok, const QString &summary, const backsight::ImportReport &report);

private:
    void onJobFinished(bool ok, const QString &summary);

    QThreadPool &pool_;
    ImportJob *job_ = nullptr;
};

} // namespace backsight::ui
