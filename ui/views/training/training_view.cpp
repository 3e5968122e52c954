#include "views/training/training_view.h"

#include "jobs/baseline_job.h"
#include "jobs/train_job.h"
#include "model/time_format.h"
#include "store/model_repository.h"
#include "store/user_activity_queries.h"
#include "widgets/string_table_model.h"
#include "widgets/table_copy.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QThreadPool>
#include <QVBoxLayout>
#include <algorithm>
#include <map>

namespace backsight::ui {

TrainingView::TrainingView(QThreadPool &pool, QWidget *parent)
    : CaseView(parent), pool_(pool), query_(pool, this), header_(new QLabel(this)),
      baselines_(new QPushButton(tr("Recompute all baselines"), this)),
      retrainAll_(new QPushButton(tr("Retrain all models"), this)),
      retrainChanged_(new QPushButton(tr("Retrain changed users"), this)), table_(new QTableView(this)),
      model_(new StringTableModel({tr("Subject"), tr("Scope"), tr("Model kind"), tr("Version"), tr("Last trained (UTC)"),
                                   tr("Judges sign-ins from (UTC)"), tr("Events used"), tr("Threshold"), tr("Learning state")},
                                  this)),
      sorted_(new QSortFilterProxyModel(this))
{
    header_->setObjectName(QStringLiteral("trainingHeader"));
    header_->setWordWrap(true);
    header_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    baselines_->setObjectName(QStringLiteral("trainingBaselines"));
    baselines_->setToolTip(tr("Recompute every user's baseline over the last 60 days of sign-ins (a job; cancel in the status bar)"));
    table_->setObjectName(QStringLiteral("trainingTable"));
    sorted_->setSourceModel(model_);
    table_->setModel(sorted_);
    model_->setNumericColumns({3, 6, 7});
    model_->setHeaderToolTip(5, tr("Point in time: a model learnt from the sign-ins before this time and judges only those after it"));
    table_->horizontalHeader()->resizeSection(0, table_->fontMetrics().horizontalAdvance(QString(32, QLatin1Char('n'))));
    // The time columns fit a time and their header, in any language.
    for (const int timeColumn : {4, 5}) {
        const QString header = model_->headerData(timeColumn, Qt::Horizontal).toString();
        table_->horizontalHeader()->resizeSection(
            timeColumn, std::max(table_->fontMetrics().horizontalAdvance(QStringLiteral("2024-11-01 00:00:00")),
                                 table_->horizontalHeader()->fontMetrics().horizontalAdvance(header))
                            + 24);
    }
    table_->verticalHeader()->hide();
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    table_->setSortingEnabled(true);
    table_->horizontalHeader()->setStretchLastSection(true);
    makeCopyable(table_);
    auto *bar = new QHBoxLayout;
    bar->addWidget(header_, 1);
    bar->addWidget(baselines_);
    bar->addWidget(retrainAll_);
    bar->addWidget(retrainChanged_);
    retrainAll_->setObjectName(QStringLiteral("trainingRetrainAll"));
    retrainAll_->setToolTip(tr("Train every user's Isolation Forest and the tenant model again (a job; cancel in the status bar)"));
    retrainChanged_->setToolTip(tr("Retrain only users with sign-ins newer than their model's window"));
    connect(retrainAll_, &QPushButton::clicked, this, [this] { retrainModels(false); });
    connect(retrainChanged_, &QPushButton::clicked, this, [this] { retrainModels(true); });
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(table_, 1);
    connect(baselines_, &QPushButton::clicked, this, &TrainingView::recomputeBaselines);
}

TrainingView::~TrainingView()
{
    if (job_) {
        job_->cancel();
        if (!pool_.tryTake(job_))
            pool_.waitForDone();
        delete job_;
    }
}

QString TrainingView::title() const
{
    return tr("Training");
}

void TrainingView::setDatabase(Database *db)
{
    path_ = db ? db->path() : QString();
    refresh();
}

void TrainingView::refresh()
{
    if (path_.isEmpty()) {
        query_.abandon();
        present(Loaded());
        return;
    }
    setLoading(true);
    query_.run(path_, &TrainingView::load, [this](Loaded &l) {
        present(l);
        setLoading(false);
    });
}

TrainingView::Loaded TrainingView::load(Database &db)
{
    Loaded out;
    Result<std::vector<BaselineSnapshot>> latest = UserActivityQueries(db).latestBaselines();
    if (!latest) {
        out.error = latest.error().message;
        return out;
    }
    std::map<QString, BaselineSnapshot> baselines;
    for (BaselineSnapshot &b : *latest) {
        out.learning += b.learning ? 1 : 0;
        baselines[b.upn] = std::move(b);
    }
    out.users = qint64(baselines.size());
    const QLocale locale;
    const auto learningText = [&](const QString &subject) {
        const auto it = baselines.find(subject);
        if (it == baselines.end())
            return tr("no baseline");
        return it->second.learning ? tr("learning (too little history)") : tr("learned");
    };
    ModelFilter filter;
    filter.activeOnly = true;
    Result<std::vector<ModelRecord>> models = ModelRepository(db).list(filter);
    if (!models) {
        out.error = models.error().message;
        return out;
    }
    // Users' models first, then the tenant's.
    std::stable_sort(models->begin(), models->end(), [](const ModelRecord &a, const ModelRecord &b) { return a.scope > b.scope; });
    std::map<QString, bool> hasModel;
    for (const ModelRecord &m : *models) {
        hasModel[m.subject] = true;
        ++out.models;
        out.rows.push_back({m.subject, m.scope, m.kind, utcText(m.createdAtMs), utcText(m.windowEndMs), locale.toString(m.eventsUsed),
                            locale.toString(m.threshold, 'g', 4),
                            m.scope == QLatin1String("tenant") ? tr("tenant-wide") : learningText(m.subject), m.version});
    }
    for (const auto &[upn, b] : baselines) {
        if (hasModel.count(upn))
            continue;
        out.rows.push_back({upn, tr("user"), tr("baseline only"), utcText(b.computedAtMs), QString(), locale.toString(b.eventsUsed), QString(),
                            learningText(upn), 0});
    }
    return out;
}

void TrainingView::present(const Loaded &l)
{
    const QLocale locale;
    QString text;
    if (path_.isEmpty())
        text = tr("No case database is open — File → New/Open case database…");
    else if (!l.error.isEmpty())
        text = l.error;
    else if (l.users == 0 && l.models == 0)
        text = tr("Nothing trained yet. Recompute baselines and retrain models here, or run:\n"
                  "backsight-cli --db \"%1\" train").arg(path_);
    else
        text = tr("%1 users with a baseline (%2 still learning), %3 active models.\n"
                  "After retraining, score new events with:  backsight-cli --db \"%4\" detect")
                   .arg(locale.toString(l.users), locale.toString(l.learning), locale.toString(l.models), path_);
    header_->setText(text);
    setButtonsEnabled(!job_);
    std::vector<QStringList> rows;
    rows.reserve(l.rows.size());
    for (const Row &row : l.rows)
        rows.push_back({row.subject, row.scope, row.kind, row.version ? QString::number(row.version) : QString(), row.trained,
                        row.judgesFrom, row.events, row.threshold, row.learning});
    model_->setRows(std::move(rows));
    setSummary(tr("%1 baselines, %2 models").arg(locale.toString(l.users), locale.toString(l.models)));
}

bool TrainingView::recomputeBaselines()
{
    return !job_ && !path_.isEmpty() && startJob(new BaselineJob(path_));
}

bool TrainingView::retrainModels(bool incremental)
{
    if (job_ || path_.isEmpty())
        return false;
    ml::ModelTrainOptions options;
    options.incremental = incremental;
    return startJob(new TrainModelsJob(path_, options));
}

bool TrainingView::startJob(Job *job)
{
    job_ = job;
    setButtonsEnabled(false);
    connect(job_, &Job::finished, this, [this](bool, const QString &summary) {
        job_->deleteLater(); // the worker may still be leaving run()
        job_ = nullptr;
        setButtonsEnabled(true);
        emit databaseChanged(summary);
    });
    emit jobStarted(job_);
    pool_.start(job_);
    return true;
}

void TrainingView::setButtonsEnabled(bool enabled)
{
    for (QPushButton *b : {baselines_, retrainAll_, retrainChanged_})
        b->setEnabled(enabled && !path_.isEmpty());
}

} // namespace backsight::ui
