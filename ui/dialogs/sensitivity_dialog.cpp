#include "dialogs/sensitivity_dialog.h"

#include "detect/severity_policy.h"
#include "jobs/sensitivity_backtest_job.h"
#include "severity_style.h"
#include "store/case_settings.h"
#include "store/database.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSlider>
#include <QTableWidget>
#include <QThreadPool>
#include <QVBoxLayout>

namespace backsight::ui {
namespace {

QString meaningOf(int sensitivity)
{
    switch (sensitivity) {
    case 1: return SensitivityDialog::tr("Fewest alerts: findings judged against the user's baseline one level lower; "
                                         "new places, hours, apps and model scores never above low.");
    case 2: return SensitivityDialog::tr("Low: new places, hours, apps and model scores never above low.");
    case 3: return SensitivityDialog::tr("Default: the severity table as documented (docs/detections.md).");
    case 4: return SensitivityDialog::tr("High: a strong contextual finding (score 0.6 or more) of a user past learning, "
                                         "from a device not theirs, is at least medium.");
    case 5: return SensitivityDialog::tr("Most alerts: every low finding of a user past learning is medium, even from "
                                         "their own device.");
    }
    return {};
}

} // namespace

SensitivityDialog::SensitivityDialog(Database &db, QThreadPool &pool, QWidget *parent)
    : QDialog(parent), db_(db), pool_(pool), slider_(new QSlider(Qt::Horizontal, this)), meaning_(new QLabel(this)),
      table_(new QTableWidget(detect::kMaxSensitivity, 6, this)), backtest_(new QPushButton(tr("Run &backtest"), this)),
      progress_(new QProgressBar(this)), status_(new QLabel(this))
{
    setObjectName(QStringLiteral("sensitivityDialog"));
    setWindowTitle(tr("Detection sensitivity"));
    const Result<int> stored = caseSensitivity(db_);
    saved_ = stored ? *stored : detect::kDefaultSensitivity;

    slider_->setObjectName(QStringLiteral("sensitivitySlider"));
    slider_->setRange(detect::kMinSensitivity, detect::kMaxSensitivity);
    slider_->setTickPosition(QSlider::TicksBelow);
    slider_->setTickInterval(1);
    slider_->setPageStep(1);
    slider_->setValue(saved_);
    auto *ends = new QHBoxLayout;
    ends->addWidget(new QLabel(tr("Fewer alerts"), this));
    ends->addStretch();
    ends->addWidget(new QLabel(tr("More alerts"), this));
    meaning_->setWordWrap(true);

    table_->setObjectName(QStringLiteral("sensitivityBacktest"));
    table_->setHorizontalHeaderLabels({tr("Setting"), severityLabel(4), severityLabel(3), severityLabel(2), severityLabel(1),
                                       tr("Lows in digests")});
    table_->verticalHeader()->hide();
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionMode(QAbstractItemView::NoSelection);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    for (int s = detect::kMinSensitivity; s <= detect::kMaxSensitivity; ++s)
        table_->setItem(s - 1, 0, new QTableWidgetItem(detect::sensitivityName(s)));
    for (int c = 1; c <= 4; ++c)
        table_->horizontalHeaderItem(c)->setForeground(severityColor(5 - c, palette()));
    backtest_->setObjectName(QStringLiteral("sensitivityBacktestButton"));
    backtest_->setToolTip(tr("Examine every event of the case once more and count, for each setting, the anomalies it "
                             "would raise. Nothing is stored."));
    progress_->setRange(0, 1000);
    progress_->hide();
    status_->setWordWrap(true);
    status_->setText(tr("Run the backtest to see what each setting would have raised over this case."));
    if (!stored) // an unreadable setting is said, not hidden
        status_->setText(stored.error().message);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Save for this case"));
    connect(buttons, &QDialogButtonBox::accepted, this, &SensitivityDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SensitivityDialog::reject);
    connect(slider_, &QSlider::valueChanged, this, &SensitivityDialog::showSetting);
    connect(backtest_, &QPushButton::clicked, this, &SensitivityDialog::startBacktest);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("How readily findings become medium or higher. Saved in the case; applies from the "
                                    "next detection run (backsight-cli detect --sensitivity N does the same)."),
                                 this));
    layout->addWidget(slider_);
    layout->addLayout(ends);
    layout->addWidget(meaning_);
    layout->addWidget(table_);
    auto *run = new QHBoxLayout;
    run->addWidget(backtest_);
    run->addWidget(progress_, 1);
    layout->addLayout(run);
    layout->addWidget(status_);
    layout->addWidget(buttons);
    showSetting(saved_);
    resize(640, 440);
}

SensitivityDialog::~SensitivityDialog()
{
    if (job_)
        job_->cancel(); // it finishes on the pool and deletes itself (deleteLater on finished)
}

void SensitivityDialog::showSetting(int sensitivity)
{
    meaning_->setText(meaningOf(sensitivity));
    for (int row = 0; row < table_->rowCount(); ++row)
        for (int c = 0; c < table_->columnCount(); ++c)
            if (QTableWidgetItem *item = table_->item(row, c)) {
                QFont f = item->font();
                f.setBold(row == sensitivity - 1);
                item->setFont(f);
            }
}

void SensitivityDialog::startBacktest()
{
    if (job_)
        return;
    auto *job = new SensitivityBacktestJob(db_.path());
    job_ = job;
    connect(job, &Job::progress, this, [this](qint64 done, qint64 total, const QString &detail) {
        progress_->setMaximum(int(total));
        progress_->setValue(int(done));
        status_->setText(detail);
    });
    connect(job, &Job::finished, this, &SensitivityDialog::onBacktestFinished);
    // The job outlives a closed dialog until it has finished on the pool.
    connect(job, &Job::finished, job, &QObject::deleteLater);
    backtest_->setEnabled(false);
    progress_->setValue(0);
    progress_->show();
    status_->setText(tr("Examining every event of the case…"));
    pool_.start(job);
}

void SensitivityDialog::onBacktestFinished(bool ok, const QString &summary)
{
    backtest_->setEnabled(true);
    progress_->hide();
    status_->setText(summary);
    if (ok && job_ && job_->result()) {
        const QLocale locale;
        for (const detect::SensitivityCounts &c : job_->result()->settings) {
            const int row = c.sensitivity - 1;
            for (int severity = 4; severity >= 1; --severity) {
                auto *item = new QTableWidgetItem(locale.toString(c.bySeverity[size_t(severity - 1)]));
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
                table_->setItem(row, 5 - severity, item);
            }
            auto *digests = new QTableWidgetItem(locale.toString(c.lowFindingsInDigests));
            digests->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            table_->setItem(row, 5, digests);
        }
        showSetting(slider_->value());
    }
    job_.clear();
    emit backtestFinished(ok);
}

void SensitivityDialog::accept()
{
    const int chosen = slider_->value();
    if (chosen != saved_) {
        if (const Status s = setCaseSensitivity(db_, chosen); !s) {
            QMessageBox::warning(this, tr("Cannot save the sensitivity"), s.error().message);
            return;
        }
        saved_ = chosen;
    }
    QDialog::accept();
}

} // namespace backsight::ui
