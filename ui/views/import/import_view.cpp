#include "views/import/import_view.h"

#include "import_sources_picker.h"
#include "ingest/importer.h"
#include "jobs/job.h"
#include "store/database.h"
#include "widgets/string_table_model.h"
#include "widgets/table_copy.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace backsight::ui {
namespace {

// What happened to one file, for people.
QString outcome(const SourceReport &s)
{
    const QLocale locale;
    if (s.cancelled)
        return ImportView::tr("Cancelled: nothing of this file was kept");
    if (!s.error.isEmpty())
        return ImportView::tr("Not imported: %1").arg(s.error);
    QString text = ImportView::tr("Imported %1 new events").arg(locale.toString(s.inserted));
    if (s.read > s.inserted + s.rejected)
        text += ImportView::tr(", %1 were already in the case").arg(locale.toString(s.read - s.inserted - s.rejected));
    if (s.rejected > 0)
        text += ImportView::tr("; %1 records skipped, e.g. %2").arg(locale.toString(s.rejected),
                                                                    s.recordErrors.isEmpty() ? QString() : s.recordErrors.first());
    return text;
}

} // namespace

ImportView::ImportView(QWidget *parent)
    : CaseView(parent), intro_(new QLabel(this)), current_(new QLabel(this)), bar_(new QProgressBar(this)),
      cancel_(new QPushButton(tr("Cancel import"), this)), summary_(new QLabel(this)), results_(new QTableView(this)),
      resultsModel_(new StringTableModel({tr("File"), tr("Reader"), tr("Read"), tr("New"), tr("SHA-256"), tr("Result")}, this))
{
    intro_->setWordWrap(true);
    intro_->setText(tr("Import Entra ID sign-in and audit exports: Graph JSON, diagnostic-settings records, Log Analytics "
                       "exports, the admin center's CSV, Veeam restore folders and zip archives. Drop them on the window or "
                       "pick them here. Each file is one transaction: a damaged file is rejected whole, the others stay."));
    const std::pair<QString, ImportSourceKind> pickers[] = {{tr("Import files…"), ImportSourceKind::Files},
                                                            {tr("Import folder…"), ImportSourceKind::Folder},
                                                            {tr("Import zip archive…"), ImportSourceKind::ZipArchive}};
    auto *buttons = new QHBoxLayout;
    for (const auto &[text, kind] : pickers) {
        auto *b = new QPushButton(text, this);
        connect(b, &QPushButton::clicked, this, [this, kind = kind] { emit importRequested(kind); });
        buttons->addWidget(b);
        pickers_ << b;
    }
    buttons->addStretch(1);
    current_->setObjectName(QStringLiteral("importCurrent"));
    current_->setTextFormat(Qt::PlainText);
    bar_->setObjectName(QStringLiteral("importProgress"));
    bar_->setRange(0, 1000);
    cancel_->setObjectName(QStringLiteral("importCancel"));
    summary_->setObjectName(QStringLiteral("importSummary"));
    summary_->setTextFormat(Qt::PlainText);
    summary_->setWordWrap(true);
    results_->setObjectName(QStringLiteral("importResults"));
    results_->setModel(resultsModel_);
    resultsModel_->setNumericColumns({2, 3});
    results_->horizontalHeader()->resizeSection(0, results_->fontMetrics().horizontalAdvance(QString(48, QLatin1Char('n'))));
    results_->horizontalHeader()->resizeSection(4, results_->fontMetrics().horizontalAdvance(QString(64, QLatin1Char('0'))) + 12);
    results_->verticalHeader()->hide();
    results_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    results_->setSelectionBehavior(QAbstractItemView::SelectRows);
    results_->horizontalHeader()->setStretchLastSection(true);
    makeCopyable(results_);
    auto *progress = new QHBoxLayout;
    progress->addWidget(current_, 1);
    progress->addWidget(bar_, 1);
    progress->addWidget(cancel_);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro_);
    layout->addLayout(buttons);
    layout->addLayout(progress);
    layout->addWidget(summary_);
    layout->addWidget(results_, 1);
    connect(cancel_, &QPushButton::clicked, this, [this] {
        if (job_) {
            job_->cancel();
            cancel_->setEnabled(false);
            current_->setText(tr("Cancelling after the current chunk…"));
        }
    });
    track(nullptr);
}

QString ImportView::title() const
{
    return tr("Import");
}

void ImportView::setDatabase(Database *db)
{
    for (QPushButton *b : std::as_const(pickers_))
        b->setEnabled(db != nullptr && !job_);
    summary_->setText(db ? tr("Case database: %1").arg(db->path()) : tr("Open or create a case database first."));
}

void ImportView::track(Job *job)
{
    job_ = job;
    for (QPushButton *b : std::as_const(pickers_))
        b->setEnabled(!job);
    cancel_->setEnabled(job != nullptr);
    bar_->setVisible(job != nullptr);
    cancel_->setVisible(job != nullptr);
    current_->setText(job ? tr("Starting…") : tr("No import running."));
    if (!job)
        return;
    bar_->setRange(0, 0);
    connect(job, &Job::progress, this, [this](qint64 done, qint64 total, const QString &detail) {
        if (total > 0) {
            bar_->setRange(0, 1000);
            bar_->setValue(int(std::clamp(done, qint64(0), total) * 1000 / total));
        }
        current_->setText(detail);
    });
    setSummary(tr("Importing…"));
}

QString ImportView::progressText() const
{
    return current_->text();
}

void ImportView::showReport(const ImportReport &report, const QString &summary)
{
    track(nullptr);
    summary_->setText(summary);
    setSummary(summary);
    const QLocale locale;
    std::vector<QStringList> rows;
    rows.reserve(report.sources.size() + report.problems.size());
    for (const SourceReport &s : report.sources)
        rows.push_back({s.path, s.reader, locale.toString(s.read), locale.toString(s.inserted), s.sha256, outcome(s)});
    for (const InputProblem &p : report.problems)
        rows.push_back({p.path, QString(), QString(), QString(), QString(), tr("Not read: %1").arg(p.message)});
    resultsModel_->setRows(std::move(rows));
}

} // namespace backsight::ui
