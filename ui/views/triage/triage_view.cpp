#include "views/triage/triage_view.h"

#include "cases/case_records.h"
#include "store/anomaly_queries.h"
#include "store/database.h"
#include "views/triage/anomaly_detail_pane.h"
#include "views/triage/incident_list.h"
#include "views/triage/triage_filter_bar.h"
#include "views/triage/triage_model.h"
#include "widgets/table_copy.h"

#include <QAction>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace backsight::ui {

TriageView::TriageView(QThreadPool &pool, QWidget *parent)
    : CaseView(parent), model_(new TriageModel(pool, this)), apply_(pool, this), kinds_(pool, this),
      pages_(new QStackedWidget(this)), emptyState_(new QLabel(pages_)), content_(new QWidget(pages_)),
      filterBar_(new TriageFilterBar(content_)), splitter_(new QSplitter(Qt::Vertical, content_)),
      incidents_(new IncidentList(pool, splitter_)), table_(new QTableView(splitter_)), detail_(new AnomalyDetailPane(pool, splitter_))
{
    emptyState_->setObjectName(QStringLiteral("triageEmptyState"));
    emptyState_->setAlignment(Qt::AlignCenter);
    emptyState_->setWordWrap(true);
    emptyState_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    emptyState_->setMargin(48);

    table_->setObjectName(QStringLiteral("triageTable"));
    table_->setModel(model_);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setAlternatingRowColors(true);
    table_->setWordWrap(false);
    table_->verticalHeader()->hide();
    table_->verticalHeader()->setDefaultSectionSize(table_->fontMetrics().height() + 8);
    QHeaderView *header = table_->horizontalHeader();
    header->setSortIndicator(model_->sortColumn(), model_->sortOrder());
    header->setSortIndicatorShown(true);
    header->setSectionsClickable(true);
    header->setStretchLastSection(false);
    connect(header, &QHeaderView::sortIndicatorChanged, this, [this](int column, Qt::SortOrder order) {
        model_->sort(column, order);
        updateLoading();
    });
    const QFontMetrics fm = table_->fontMetrics();
    const auto chars = [&](int n) { return fm.horizontalAdvance(QString(n, QLatin1Char('n'))) + 24; };
    const std::pair<int, int> widths[] = {{TriageModel::Severity, 10}, {TriageModel::TimeUtc, 17}, {TriageModel::TimeLocal, 26},
                                          {TriageModel::User, 26},     {TriageModel::Network, 24}, {TriageModel::Kinds, 18},   {TriageModel::Summary, 60},
                                          {TriageModel::Score, 6},     {TriageModel::Status, 12}};
    for (const auto &[column, n] : widths) { // never narrower than the (translated) title and its sort arrow
        const QString title = model_->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString();
        header->resizeSection(column, std::max(chars(n), header->fontMetrics().horizontalAdvance(title) + 32));
    }
    makeCopyable(table_);

    addStatusAction(tr("Mark as &new"), QStringLiteral("new"), QKeySequence(Qt::Key_N));
    addStatusAction(tr("Mark as &investigating"), QStringLiteral("investigating"), QKeySequence(Qt::Key_I));
    addStatusAction(tr("Mark as &confirmed"), QStringLiteral("confirmed"), QKeySequence(Qt::Key_C));
    addStatusAction(tr("Mark as &dismissed"), QStringLiteral("dismissed"), QKeySequence(Qt::Key_D));
    auto *withNote = new QAction(tr("Change &status with note and tags…"), table_);
    withNote->setShortcut(QKeySequence(Qt::Key_S));
    withNote->setShortcutContext(Qt::WidgetShortcut);
    connect(withNote, &QAction::triggered, this, [this] { askForStatusChange(QStringLiteral("investigating")); });
    table_->addAction(withNote);
    actions_ << withNote;
    table_->setContextMenuPolicy(Qt::ActionsContextMenu);

    splitter_->addWidget(incidents_);
    splitter_->addWidget(table_);
    splitter_->addWidget(detail_);
    splitter_->setStretchFactor(0, 1);
    splitter_->setStretchFactor(1, 3);
    splitter_->setStretchFactor(2, 2);
    splitter_->setChildrenCollapsible(false);
    auto *contentLayout = new QVBoxLayout(content_);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addWidget(filterBar_);
    contentLayout->addWidget(splitter_, 1);
    pages_->addWidget(emptyState_);
    pages_->addWidget(content_);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(pages_);

    connect(filterBar_, &TriageFilterBar::filterChanged, this, [this](const TriageFilter &f) {
        model_->setFilter(f);
        updateLoading();
    });
    connect(model_, &TriageModel::loaded, this, &TriageView::onLoaded);
    connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        const TriageRow *row = model_->row(current.row());
        if (!row)
            detail_->clear();
        else if (row->id != detail_->shownAnomalyId())
            detail_->showAnomaly(row->id);
        updateLoading();
    });
    connect(detail_, &AnomalyDetailPane::loaded, this, &TriageView::updateLoading);
    connect(incidents_, &IncidentList::anomalySelected, this, [this](const QString &id) {
        if (id != detail_->shownAnomalyId())
            detail_->showAnomaly(id);
        updateLoading();
    });
    connect(incidents_, &IncidentList::loaded, this, &TriageView::updateLoading);
    connect(incidents_, &IncidentList::openIncidentTimeline, this, &TriageView::openIncidentTimeline);
    connect(detail_, &AnomalyDetailPane::openUser, this, &TriageView::openUser);
    connect(detail_, &AnomalyDetailPane::openTimeline, this, &TriageView::openTimeline);
    connect(detail_, &AnomalyDetailPane::openMap, this, &TriageView::openMap);
    onLoaded();
}

QString TriageView::title() const
{
    return tr("Triage");
}

void TriageView::addStatusAction(const QString &text, const QString &status, const QKeySequence &key)
{
    auto *action = new QAction(text, table_);
    action->setShortcut(key);
    action->setShortcutContext(Qt::WidgetShortcut); // single letters only while the queue has the focus
    connect(action, &QAction::triggered, this, [this, status] {
        const QStringList ids = selectedIds();
        if (!ids.isEmpty())
            applyStatusChange(ids, StatusChange{status, QString(), {}});
    });
    table_->addAction(action);
    actions_ << action;
}

void TriageView::setDatabase(Database *db)
{
    path_ = db ? db->path() : QString();
    detail_->setDatabasePath(path_);
    detail_->clear();
    model_->setDatabasePath(path_);
    incidents_->setDatabasePath(path_);
    refresh();
}

void TriageView::refresh()
{
    model_->reload();
    incidents_->reload();
    if (!path_.isEmpty()) {
        kinds_.run(path_, [](Database &db) {
            Kinds k;
            // The anomalies table is small next to the events; its primary kinds are few.
            Result<QStringList> kinds = AnomalyQueries(db).primaryKinds();
            if (kinds)
                k.kinds = std::move(*kinds);
            else
                k.error = kinds.error().message;
            return k;
        }, [this](Kinds &k) {
            reportProblem(k.error);
            filterBar_->setKinds(k.kinds);
        });
    }
    updateLoading();
}

void TriageView::reloadCaseState()
{
    model_->reload();
    if (!detail_->shownAnomalyId().isEmpty())
        detail_->showAnomaly(detail_->shownAnomalyId());
    updateLoading();
}

void TriageView::focusFilter()
{
    filterBar_->focusText();
}

void TriageView::setFilter(const TriageFilter &filter)
{
    filterBar_->setFilter(filter);
    model_->setFilter(filter);
    updateLoading();
}

void TriageView::addContextActions(const QList<QAction *> &actions)
{
    auto *separator = new QAction(table_);
    separator->setSeparator(true);
    table_->addAction(separator);
    table_->addActions(actions);
}

QStringList TriageView::selectedIds() const
{
    QStringList ids;
    for (const QModelIndex &index : table_->selectionModel()->selectedRows())
        ids << index.data(TriageModel::AnomalyIdRole).toString();
    return ids;
}

void TriageView::applyStatusChange(const QStringList &ids, const StatusChange &change)
{
    if (path_.isEmpty() || ids.isEmpty())
        return;
    const auto status = cases::parseStatus(change.status);
    if (!status)
        return;
    const QString author = cases::analystName();
    apply_.run(path_, [ids, change, status, author](Database &db) {
        Applied a;
        const auto changed = cases::setStatus(db, ids, *status, author, change.note);
        a.changed = changed ? *changed : -1;
        if (!changed)
            a.error = changed.error().message;
        for (const QString &tag : change.tags) {
            for (const QString &id : ids) {
                if (!a.error.isEmpty())
                    continue;
                if (const auto tagged = cases::addTag(db, id, tag, author); !tagged)
                    a.error = tagged.error().message;
            }
        }
        return a;
    }, [this](Applied &a) {
        reloadCaseState();
        emit statusChangeFinished(a.changed, a.error);
        updateLoading();
    });
    updateLoading();
}

void TriageView::askForStatusChange(const QString &initialStatus)
{
    const QStringList ids = selectedIds();
    if (ids.isEmpty())
        return;
    StatusChangeDialog dialog(int(ids.size()), initialStatus, this);
    if (dialog.exec() == QDialog::Accepted)
        applyStatusChange(ids, dialog.change());
}

void TriageView::selectRow(int row)
{
    if (row < 0 || row >= model_->rowCount())
        return;
    table_->selectRow(row);
    table_->setCurrentIndex(model_->index(row, 0));
    table_->scrollTo(model_->index(row, 0));
}

QString TriageView::emptyStateText() const
{
    return pages_->currentWidget() == emptyState_ ? emptyState_->text() : QString();
}

void TriageView::onLoaded()
{
    const QLocale locale;
    QString empty;
    if (path_.isEmpty())
        empty = tr("No case database is open — File → New/Open case database…");
    else if (!model_->error().isEmpty())
        empty = model_->error();
    else if (model_->totalCount() == 0 && !model_->isLoading())
        empty = tr("No anomalies yet. Detection fills this queue:\n\n"
                   "backsight-cli --db \"%1\" train\nbacksight-cli --db \"%1\" detect\n\n"
                   "then View → Refresh (F5).").arg(path_);
    emptyState_->setText(empty);
    pages_->setCurrentWidget(empty.isEmpty() ? content_ : emptyState_);
    // Keep the analyst on the anomaly they were reading.
    const int row = model_->rowOf(detail_->shownAnomalyId());
    if (row >= 0)
        selectRow(row);
    QString summary = tr("%1 of %2 anomalies").arg(locale.toString(model_->matchingCount()), locale.toString(model_->totalCount()));
    if (model_->matchingCount() > model_->rowCount())
        summary += tr(" (first %1 shown: narrow the filter)").arg(locale.toString(model_->rowCount()));
    setSummary(summary);
    updateLoading();
}

void TriageView::updateLoading()
{
    setLoading(model_->isLoading() || apply_.isRunning() || detail_->isLoading() || incidents_->isLoading());
}

} // namespace backsight::ui
