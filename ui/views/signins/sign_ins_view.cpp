#include "views/signins/sign_ins_view.h"

#include "store/database.h"
#include "views/signins/sign_in_detail_pane.h"
#include "views/signins/sign_in_filter_bar.h"
#include "views/signins/sign_ins_model.h"
#include "widgets/table_copy.h"

#include <QEvent>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace backsight::ui {

SignInsView::SignInsView(QThreadPool &pool, QWidget *parent)
    : CaseView(parent), model_(new SignInsModel(pool, this)), pages_(new QStackedWidget(this)),
      emptyState_(new QLabel(pages_)), content_(new QWidget(pages_)), filterBar_(new SignInFilterBar(content_)),
      splitter_(new QSplitter(Qt::Vertical, content_)), table_(new QTableView(splitter_)),
      detail_(new SignInDetailPane(splitter_))
{
    emptyState_->setObjectName(QStringLiteral("signInsEmptyState"));
    emptyState_->setAlignment(Qt::AlignCenter);
    emptyState_->setWordWrap(true);
    emptyState_->setTextFormat(Qt::PlainText);
    emptyState_->setMargin(48);
    QFont emptyFont = emptyState_->font();
    emptyFont.setPointSizeF(emptyFont.pointSizeF() * 1.3);
    emptyState_->setFont(emptyFont);

    table_->setObjectName(QStringLiteral("signInsTable"));
    table_->setModel(model_);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setAlternatingRowColors(true);
    table_->setWordWrap(false);
    table_->verticalHeader()->hide();
    table_->verticalHeader()->setDefaultSectionSize(table_->fontMetrics().height() + 8);
    // Sorting by hand rather than setSortingEnabled(): on a million rows a column without an index
    // takes SQLite seconds to sort, and the analyst should see a busy cursor meanwhile.
    QHeaderView *header = table_->horizontalHeader();
    header->setSortIndicator(model_->sortColumn(), model_->sortOrder());
    header->setSortIndicatorShown(true);
    header->setSectionsClickable(true);
    header->setHighlightSections(false);
    connect(header, &QHeaderView::sortIndicatorChanged, this, [this](int column, Qt::SortOrder order) {
        QGuiApplication::setOverrideCursor(Qt::WaitCursor);
        model_->sort(column, order);
        QGuiApplication::restoreOverrideCursor();
    });
    makeCopyable(table_);
    sizeColumns();
    table_->viewport()->installEventFilter(this);

    splitter_->addWidget(table_);
    splitter_->addWidget(detail_);
    splitter_->setStretchFactor(0, 3);
    splitter_->setStretchFactor(1, 2);
    splitter_->setSizes({600, 400});
    detail_->hide(); // until a sign-in is selected
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

    connect(filterBar_, &SignInFilterBar::filterChanged, model_, &SignInsModel::setFilter);
    connect(model_, &SignInsModel::countsChanged, this, &SignInsView::onCountsChanged);
    connect(model_, &SignInsModel::modelReset, this, &SignInsView::keepSelectionAcrossReload);
    connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &SignInsView::onCurrentRowChanged);
    onCountsChanged();
}

QString SignInsView::title() const
{
    return tr("Sign-ins");
}

void SignInsView::setDatabase(Database *db)
{
    db_ = db;
    detail_->clear();
    detail_->hide();
    model_->setDatabase(db);
}

void SignInsView::refresh()
{
    model_->reload();
}

void SignInsView::focusFilter()
{
    filterBar_->focusText();
}

void SignInsView::selectRow(int row)
{
    if (row < 0 || row >= model_->rowCount())
        return;
    table_->selectRow(row);
    table_->setCurrentIndex(model_->index(row, 0));
    table_->scrollTo(model_->index(row, 0));
}

// When the detail pane opens (or the splitter moves) the table shrinks; the sign-in the analyst just
// clicked must not slide out of sight underneath the pane.
bool SignInsView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == table_->viewport() && event->type() == QEvent::Resize && table_->currentIndex().isValid())
        table_->scrollTo(table_->currentIndex());
    return CaseView::eventFilter(watched, event);
}

QString SignInsView::emptyStateText() const
{
    return pages_->currentWidget() == emptyState_ ? emptyState_->text() : QString();
}

// Wide enough for typical values, so the first look is not a row of "…".
void SignInsView::sizeColumns()
{
    const QFontMetrics fm = table_->fontMetrics();
    const int pad = 24;
    const auto chars = [&](int n) { return fm.horizontalAdvance(QString(n, QLatin1Char('n'))) + pad; };
    QHeaderView *header = table_->horizontalHeader();
    header->resizeSection(SignInsModel::TimeUtc, fm.horizontalAdvance(QStringLiteral("2024-11-01 10:15:30")) + pad);
    header->resizeSection(SignInsModel::TimeLocal,
                          fm.horizontalAdvance(QStringLiteral("2024-11-01 10:15:30 +13:00")) + pad);
    const std::pair<int, int> widths[] = {
        {SignInsModel::User, 28}, {SignInsModel::DisplayName, 16}, {SignInsModel::App, 22}, {SignInsModel::Ip, 14},
        {SignInsModel::City, 12}, {SignInsModel::Country, 6}, {SignInsModel::Result, 30},
        {SignInsModel::ClientApp, 22}, {SignInsModel::Os, 10}, {SignInsModel::Browser, 16},
        {SignInsModel::Interactive, 9}, {SignInsModel::Risk, 6}, {SignInsModel::Mfa, 20}};
    for (const auto &[column, n] : widths) {
        const int title = fm.horizontalAdvance(model_->headerData(column, Qt::Horizontal).toString()) + 2 * pad;
        header->resizeSection(column, std::max(chars(n), title));
    }
}

void SignInsView::onCountsChanged()
{
    setLoading(model_->isCounting());
    const QLocale locale;
    QString empty;
    if (!db_)
        empty = tr("No case database is open — File → New/Open case database…");
    else if (!model_->error().isEmpty())
        empty = model_->error();
    else if (model_->totalCount() == 0 && !model_->isCounting())
        empty = tr("No sign-ins yet — File → Import… or drop Veeam restore folders, zip archives, "
                   "JSON or CSV exports here");
    if (!empty.isEmpty()) {
        emptyState_->setText(empty);
        pages_->setCurrentWidget(emptyState_);
    } else {
        pages_->setCurrentWidget(content_);
    }
    if (!model_->error().isEmpty())
        setSummary(model_->error());
    else if (model_->isCounting())
        setSummary(model_->matchingCount() >= 0 ? tr("%1 of … sign-ins (counting)").arg(locale.toString(model_->matchingCount()))
                                                : tr("counting sign-ins…"));
    else
        setSummary(tr("%1 of %2 sign-ins")
                       .arg(locale.toString(model_->matchingCount()), locale.toString(model_->totalCount())));
}

void SignInsView::onCurrentRowChanged(const QModelIndex &current)
{
    const QString id = model_->eventId(current.row());
    if (!db_ || id.isEmpty()) {
        detail_->clear();
    } else if (id != detail_->shownEventId()) {
        detail_->showSignIn(*db_, id);
    }
    // The detail pane takes room only while there is something to show in it.
    detail_->setVisible(!detail_->shownEventId().isEmpty());
}

// After a refresh the analyst keeps looking at the same sign-in if it is still among the loaded rows.
void SignInsView::keepSelectionAcrossReload()
{
    const QString shown = detail_->shownEventId();
    for (int row = 0; !shown.isEmpty() && row < model_->rowCount(); ++row) {
        if (model_->eventId(row) == shown) {
            selectRow(row);
            return;
        }
    }
    detail_->clear();
    detail_->hide();
}

} // namespace backsight::ui
