#pragma once

#include <QObject>
#include <QRunnable>
#include <QString>
#include <atomic>

namespace backsight {

// A long operation that runs on a worker thread (QThreadPool) and reports to the GUI through queued
// signals: progress while it runs, finished() once. cancel() is safe from any thread; the job checks it
// at batch boundaries and leaves the database at its last commit.
class Job : public QObject, public QRunnable
{
    Q_OBJECT
public:
    explicit Job(QString title, QObject *parent = nullptr);
    ~Job() override;

    const QString &title() const { return title_; }
    // Also emits cancelRequested(), so that whoever waits for the job can stop waiting at once.
    void cancel();
    bool isCancelled() const { return cancelled_.load(); }

    void run() final;

signals:
    // The analyst (or the code) asked the job to stop; it may still run until its next check.
    void cancelRequested();
    // done/total in the job's own unit (bytes for an import); rate in items per second.
    void progress(qint64 done, qint64 total, const QString &detail);
    // ok is false when the job failed or was cancelled; summary says what happened, for people.
    void finished(bool ok, const QString &summary);

protected:
    // Runs on the worker thread. Returns whether it succeeded and a summary line.
    virtual bool execute(QString &summary) = 0;

private:
    QString title_;
    std::atomic<bool> cancelled_{false};
};

} // namespace backsight
