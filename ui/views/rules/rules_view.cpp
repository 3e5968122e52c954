#include "views/rules/rules_view.h"

#include "app_settings.h"
#include "sigma/rule_loader.h"
#include "store/database.h"
#include "views/rules/sigma_job.h"
#include "widgets/string_table_model.h"
#include "widgets/table_copy.h"

#include <QFutureWatcher>
#include <QtConcurrent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QThreadPool>
#include <QVBoxLayout>

namespace backsight::ui {
namespace {

enum Column { Status, Matches, Level, Service, Title, File, Reason, Id };

// Matches sort as numbers (a rule not run yet sorts first), levels by severity, the rest as text.
class RuleSortModel : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override
    {
        if (left.column() == Matches) {
            const QString l = left.data().toString(), r = right.data().toString();
            return (l.isEmpty() ? -1 : l.toLongLong()) < (r.isEmpty() ? -1 : r.toLongLong());
        }
        if (left.column() == Level) {
            static const QStringList order = {QStringLiteral("informational"), QStringLiteral("low"), QStringLiteral("medium"),
                                              QStringLiteral("high"), QStringLiteral("critical")};
            return order.indexOf(left.data().toString()) < order.indexOf(right.data().toString());
        }
        return QSortFilterProxyModel::lessThan(left, right);
    }
};

} // namespace

RulesView::RulesView(QThreadPool &pool, QWidget *parent)
    : CaseView(parent), pool_(pool), header_(new QLabel(this)), choose_(new QPushButton(tr("Rules folder…"), this)),
      run_(new QPushButton(tr("Run rules"), this)), triage_(new QPushButton(tr("Open matches in Triage"), this)),
      filter_(new QLineEdit(this)), table_(new QTableView(this)),
      model_(new StringTableModel({tr("Status"), tr("Matches"), tr("Level"), tr("Service"), tr("Title"), tr("File"),
                                   tr("Why skipped"), tr("Rule id")}, this)),
      sorted_(new RuleSortModel(this))
{
    header_->setObjectName(QStringLiteral("rulesHeader"));
    header_->setWordWrap(true);
    header_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    run_->setObjectName(QStringLiteral("rulesRun"));
    run_->setToolTip(tr("Run every loaded rule over the case; matches are stored as anomalies of kind sigma "
                        "(running again adds no duplicates)"));
    triage_->setToolTip(tr("Show the selected rule's anomalies in Triage (all Sigma anomalies when none is selected)"));
    filter_->setObjectName(QStringLiteral("rulesFilter"));
    filter_->setPlaceholderText(tr("Filter rules (title, file, level, status, reason)…"));
    filter_->setClearButtonEnabled(true);
    sorted_->setSourceModel(model_);
    sorted_->setFilterKeyColumn(-1);
    sorted_->setFilterCaseSensitivity(Qt::CaseInsensitive);
    model_->setNumericColumns({Matches});
    table_->setObjectName(QStringLiteral("rulesTable"));
    table_->setModel(sorted_);
    table_->verticalHeader()->hide();
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setSortingEnabled(true);
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->horizontalHeader()->resizeSection(Title, table_->fontMetrics().horizontalAdvance(QString(48, QLatin1Char('n'))));
    table_->horizontalHeader()->resizeSection(File, table_->fontMetrics().horizontalAdvance(QString(30, QLatin1Char('n'))));
    table_->horizontalHeader()->resizeSection(Reason, table_->fontMetrics().horizontalAdvance(QString(60, QLatin1Char('n'))));
    makeCopyable(table_);
    auto *bar = new QHBoxLayout;
    bar->addWidget(header_, 1);
    bar->addWidget(choose_);
    bar->addWidget(run_);
    bar->addWidget(triage_);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(filter_);
    layout->addWidget(table_, 1);
    connect(filter_, &QLineEdit::textChanged, sorted_, &QSortFilterProxyModel::setFilterFixedString);
    connect(choose_, &QPushButton::clicked, this, &RulesView::chooseFolder);
    connect(run_, &QPushButton::clicked, this, &RulesView::runRules);
    connect(triage_, &QPushButton::clicked, this, &RulesView::openSelectedInTriage);
    connect(table_, &QTableView::doubleClicked, this, &RulesView::openSelectedInTriage);
    updateHeader();
}

RulesView::~RulesView()
{
    if (job_) {
        job_->cancel();
        if (!pool_.tryTake(job_))
            pool_.waitForDone();
        delete job_;
    }
}

QString RulesView::title() const
{
    return tr("Rules");
}

void RulesView::setDatabase(Database *db)
{
    path_ = db ? db->path() : QString();
    updateHeader();
}

void RulesView::setSettings(AppSettings *settings)
{
    settings_ = settings;
    if (settings_ && folder_.isEmpty())
        setRulesFolder(settings_->sigmaRulesFolder());
}

void RulesView::setRulesFolder(const QString &folder)
{
    folder_ = folder;
    if (settings_)
        settings_->setSigmaRulesFolder(folder);
    refresh();
}

// A folder can be a whole SigmaHQ checkout (thousands of files): it is parsed on the pool, never on the GUI
// thread; a newer refresh makes an older parse stale. The run over the case is the job.
void RulesView::refresh()
{
    const quint64 generation = ++loadGeneration_;
    loadError_.clear();
    if (folder_.isEmpty()) {
        showRules({}, false);
        setLoading(false);
        return;
    }
    setLoading(true);
    using Loaded = std::pair<std::vector<sigma::RuleStatus>, QString>;
    auto *watcher = new QFutureWatcher<Loaded>(this);
    connect(watcher, &QFutureWatcher<Loaded>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != loadGeneration_)
            return;
        Loaded loaded = watcher->result();
        loadError_ = loaded.second;
        showRules(loaded.first, false);
        setLoading(false);
        reportProblem(loadError_);
    });
    watcher->setFuture(QtConcurrent::run(&pool_, [folder = folder_]() -> Loaded {
        Result<sigma::RuleSet> set = sigma::loadRuleFolder(folder);
        if (!set)
            return {{}, set.error().message};
        std::vector<sigma::RuleStatus> rules;
        for (const auto &rule : set->rules)
            rules.push_back(sigma::statusOf(*rule));
        return {std::move(rules), QString()};
    }));
}

void RulesView::focusFilter()
{
    filter_->setFocus();
    filter_->selectAll();
}

void RulesView::chooseFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Sigma rules folder"), folder_);
    if (!folder.isEmpty())
        setRulesFolder(folder);
}

bool RulesView::runRules()
{
    if (job_ || path_.isEmpty() || folder_.isEmpty())
        return false;
    job_ = new SigmaJob(path_, folder_);
    job_->setAutoDelete(false);
    run_->setEnabled(false);
    connect(job_, &Job::finished, this, [this](bool ok, const QString &summary) {
        if (ok)
            showRules(job_->rules(), true);
        job_->deleteLater(); // the worker may still be leaving run()
        job_ = nullptr;
        updateHeader();
        emit databaseChanged(summary);
    });
    emit jobStarted(job_);
    pool_.start(job_);
    updateHeader();
    return true;
}

void RulesView::showRules(const std::vector<sigma::RuleStatus> &rules, bool ran)
{
    std::vector<QStringList> rows;
    loaded_ = skipped_ = 0;
    matches_ = ran ? 0 : -1;
    for (const sigma::RuleStatus &s : rules) {
        (s.loaded ? loaded_ : skipped_)++;
        if (ran)
            matches_ += s.matches;
        rows.push_back({s.loaded ? tr("loaded") : tr("skipped"), s.loaded && ran ? QString::number(s.matches) : QString(), s.level,
                        s.service.isEmpty() ? s.kind : s.service, s.title, s.file, s.skipReason, s.id});
    }
    model_->setRows(std::move(rows));
    updateHeader();
}

void RulesView::updateHeader()
{
    const QLocale locale;
    QString text;
    if (folder_.isEmpty())
        text = tr("No rules folder yet. Choose a folder of Sigma rules (for example a checkout of SigmaHQ's rules/cloud/azure) "
                  "with “Rules folder…”, or run:  backsight-cli --db CASE sigma --rules DIR");
    else if (!loadError_.isEmpty())
        text = tr("The rules in %1 cannot be read: %2").arg(folder_, loadError_);
    else if (loaded_ + skipped_ == 0)
        text = tr("No Sigma rules (*.yml) in %1").arg(folder_);
    else
        text = tr("%1: %2 rules loaded, %3 skipped (see why in the table). %4")
                   .arg(folder_, locale.toString(loaded_), locale.toString(skipped_),
                        job_ ? tr("Running…") : matches_ >= 0 ? tr("Last run: %1 matches.").arg(locale.toString(matches_))
                                                              : tr("Not run in this session."));
    if (path_.isEmpty() && !folder_.isEmpty())
        text += tr(" Open a case database to run them.");
    header_->setText(text);
    run_->setEnabled(!job_ && !path_.isEmpty() && loaded_ > 0);
    setSummary(folder_.isEmpty() ? tr("no rules folder")
                                 : tr("%1 rules, %2 skipped").arg(locale.toString(loaded_), locale.toString(skipped_)));
}

void RulesView::openSelectedInTriage()
{
    TriageFilter filter;
    filter.kind = QStringLiteral("sigma");
    const QModelIndexList selected = table_->selectionModel()->selectedRows(Title);
    if (!selected.isEmpty())
        filter.text = selected.first().data().toString();
    emit openTriage(filter);
}

} // namespace backsight::ui
