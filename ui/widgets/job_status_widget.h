#pragma once

#include "jobs/job.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace backsight::ui {

// The running job in the status bar: its title, a progress bar, what it is doing (file, events/s)
// and a Cancel button. Hidden while nothing runs.
class JobStatusWidget : public QWidget
{
    Q_OBJECT
public:
    explicit JobStatusWidget(QWidget *parent = nullptr);

    // Shows `job` until it finishes; the widget never owns or deletes it.
    void track(Job *job);
    // What Cancel does for the tracked job, as its tooltip (set after track(); track() resets it).
    void setCancelHint(const QString &hint);
    QString cancelHint() const;
    Job *trackedJob() const { return job_; }

    QString detailText() const;
    int progressPercent() const;

private:
    void onProgress(qint64 done, qint64 total, const QString &detail);
    void onFinished();
    void cancelJob();

    QPointer<Job> job_;
    QLabel *title_;
    QProgressBar *bar_;
    QLabel *detail_;
    QPushButton *cancel_;
};

} // namespace backsight::ui
