#include "widgets/job_status_widget.h"

#include "jobs/job.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

namespace backsight::ui {
namespace {

// Byte totals exceed int; the bar counts tenths of a percent instead.
constexpr int kBarSteps = 1000;

} // namespace

JobStatusWidget::JobStatusWidget(QWidget *parent)
    : QWidget(parent), title_(new QLabel(this)), bar_(new QProgressBar(this)), detail_(new QLabel(this)),
      cancel_(new QPushButton(tr("Cancel"), this))
{
    title_->setObjectName(QStringLiteral("jobTitle"));
    bar_->setObjectName(QStringLiteral("jobProgress"));
    bar_->setRange(0, kBarSteps);
    bar_->setTextVisible(true);
    bar_->setFormat(QStringLiteral("%p%"));
    bar_->setFixedWidth(fontMetrics().horizontalAdvance(QLatin1Char('n')) * 24);
    detail_->setObjectName(QStringLiteral("jobDetail"));
    detail_->setTextFormat(Qt::PlainText); // names files from the evidence: never markup
    detail_->setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('n')) * 30);
    cancel_->setObjectName(QStringLiteral("jobCancel"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title_);
    layout->addWidget(bar_);
    layout->addWidget(detail_, 1);
    layout->addWidget(cancel_);
    connect(cancel_, &QPushButton::clicked, this, &JobStatusWidget::cancelJob);
    hide();
}

void JobStatusWidget::setCancelHint(const QString &hint)
{
    cancel_->setToolTip(hint);
}

QString JobStatusWidget::cancelHint() const
{
    return cancel_->toolTip();
}

void JobStatusWidget::track(Job *job)
{
    if (job_)
        disconnect(job_, nullptr, this, nullptr);
    job_ = job;
    if (!job) {
        hide();
        return;
    }
    title_->setText(job->title());
    bar_->setRange(0, 0); // busy until the first progress report says how much there is
    detail_->setText(tr("Starting…"));
    cancel_->setEnabled(true);
    cancel_->setText(tr("Cancel"));
    cancel_->setToolTip(tr("Stop this job"));
    // The job emits from a worker thread; with this widget as context the calls arrive queued.
    connect(job, &Job::progress, this, &JobStatusWidget::onProgress);
    connect(job, &Job::finished, this, &JobStatusWidget::onFinished);
    show();
}

QString JobStatusWidget::detailText() const
{
    return detail_->text();
}

int JobStatusWidget::progressPercent() const
{
    return bar_->maximum() == 0 ? 0 : bar_->value() * 100 / bar_->maximum();
}

void JobStatusWidget::onProgress(qint64 done, qint64 total, const QString &detail)
{
    if (total > 0) {
        bar_->setRange(0, kBarSteps);
        bar_->setValue(int(std::clamp(done, qint64(0), total) * kBarSteps / total));
    }
    detail_->setText(detail);
}

void JobStatusWidget::onFinished()
{
    job_ = nullptr;
    hide();
}

void JobStatusWidget::cancelJob()
{
    if (!job_)
        return;
    job_->cancel();
    cancel_->setEnabled(false);
    cancel_->setText(tr("Cancelling…"));
}

} // namespace backsight::ui
