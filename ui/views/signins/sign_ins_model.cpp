#include "views/signins/sign_ins_model.h"

#include "accent_colors.h"
#include "store/database.h"
#include "store/sign_in_queries.h"
#include "model/time_format.h"

#include <QFuture>
#include <QFutureWatcher>
#include <QGuiApplication>
#include <QtConcurrent>

namespace backsight::ui {
namespace {

// The store's order for each column of the table.
SignInListOrder orderOf(int column)
{
    switch (column) {
    case SignInsModel::User: return SignInListOrder::User;
    case SignInsModel::DisplayName: return SignInListOrder::DisplayName;
    case SignInsModel::App: return SignInListOrder::App;
    case SignInsModel::Ip: return SignInListOrder::Ip;
    case SignInsModel::City: return SignInListOrder::City;
    case SignInsModel::Country: return SignInListOrder::Country;
    case SignInsModel::Result: return SignInListOrder::Result;
    case SignInsModel::ClientApp: return SignInListOrder::ClientApp;
    case SignInsModel::Os: return SignInListOrder::Os;
    case SignInsModel::Browser: return SignInListOrder::Browser;
    case SignInsModel::Interactive: return SignInListOrder::Interactive;
    case SignInsModel::Risk: return SignInListOrder::Risk;
    case SignInsModel::Mfa: return SignInListOrder::Mfa;
    default: return SignInListOrder::Time;
    }
}

struct CountResult
{
    qint64 count = -1;
    qint64 total = -1; // every sign-in
    QString error;
};

// Runs on a pool thread with its own connection: a filtered count scans every row, which on a
// million sign-ins takes longer than the GUI thread may be busy. Without `countMatches` the matches are the total.
CountResult countOnWorker(const QString &databasePath, const SignInFilter &filter, bool countMatches)
{
    CountResult result;
    Database db;
    if (!db.open(databasePath)) {
        result.error = db.error();
        return result;
    }
    SignInQueries signIns(db);
    // Even unfiltered, counting a million rows from a cold cache takes SQLite a second: never on the GUI thread.
    const Result<qint64> total = signIns.count();
    if (!total) {
        result.error = total.error().message;
        return result;
    }
    result.total = *total;
    if (!countMatches) {
        result.count = result.total;
        return result;
    }
    const Result<qint64> matching = signIns.count(filter);
    if (matching)
        result.count = *matching;
    else
        result.error = matching.error().message;
    return result;
}

QString resultText(qint64 code, const QString &reason)
{
    if (code == 0) // Graph writes a reason such as "Other." even for successes
        return SignInsModel::tr("Success");
    return reason.isEmpty() ? QString::number(code) : QStringLiteral("%1 · %2").arg(code).arg(reason);
}

} // namespace

SignInsModel::SignInsModel(QThreadPool &pool, QObject *parent) : QAbstractTableModel(parent), pool_(pool) {}

SignInsModel::~SignInsModel() = default;

void SignInsModel::setDatabase(Database *db)
{
    closeCursor(); // the old connection may be about to close
    db_ = db;
    reload();
}

void SignInsModel::setFilter(const SignInFilter &filter)
{
    if (filter == filter_)
        return;
    filter_ = filter;
    reload();
}

void SignInsModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    if (column == sortColumn_ && order == sortOrder_ && cursor_)
        return;
    sortColumn_ = column;
    sortOrder_ = order;
    reload();
}

void SignInsModel::reload()
{
    // Listeners run in connection order while a change is announced: none may fetch (insert rows)
    // before the change is complete and every later listener has heard of it.
    changing_ = true;
    beginResetModel();
    closeCursor();
    ++generation_; // a count still running for the previous filter is now stale
    rows_.clear();
    error_.clear();
    totalCount_ = matchingCount_ = 0;
    counting_ = false;
    if (db_ && db_->isOpen() && openCursor()) {
        rows_ = nextPage();
        exhausted_ = int(rows_.size()) < kPageSize;
        if (exhausted_)
            closeCursor();
        if (exhausted_ && filter_.isEmpty()) // everything is loaded: the rows are both counts
            totalCount_ = matchingCount_ = qint64(rows_.size());
        else
            countOnPool(exhausted_);
    }
    endResetModel();
    changing_ = false;
    emit countsChanged();
}

void SignInsModel::countOnPool(bool matchesLoaded)
{
    // The total and, when a filter leaves more than a page, the matches.
    matchingCount_ = matchesLoaded ? qint64(rows_.size()) : -1;
    totalCount_ = -1;
    counting_ = true;
    const quint64 generation = generation_;
    // A watcher owned by the model, not QFuture::then(this): a model destroyed mid-count just drops the result.
    auto *watcher = new QFutureWatcher<CountResult>(this);
    connect(watcher, &QFutureWatcher<CountResult>::finished, this, [this, watcher, generation, matchesLoaded] {
        watcher->deleteLater();
        if (generation != generation_)
            return;
        const CountResult result = watcher->result();
        counting_ = false;
        totalCount_ = std::max<qint64>(0, result.total);
        if (!matchesLoaded)
            matchingCount_ = result.count;
        if (!result.error.isEmpty()) // a failed page read before it stays shown
            error_ = result.error;
        emit countsChanged();
    });
    const bool countMatches = !matchesLoaded && !filter_.isEmpty();
    watcher->setFuture(QtConcurrent::run(&pool_, countOnWorker, db_->path(), filter_, countMatches));
}

bool SignInsModel::openCursor()
{
    cursor_ = std::make_unique<SignInCursor>(*db_);
    if (const Status opened = cursor_->open(filter_, orderOf(sortColumn_), sortOrder_ == Qt::AscendingOrder); !opened) {
        error_ = opened.error().message;
        closeCursor();
        return false;
    }
    exhausted_ = false;
    return true;
}

void SignInsModel::closeCursor()
{
    // Closing ends SQLite's read snapshot, so the WAL can be checkpointed behind us.
    if (cursor_)
        cursor_->close();
    cursor_.reset();
    exhausted_ = true;
}

std::vector<SignInsModel::Row> SignInsModel::nextPage()
{
    std::vector<Row> page;
    backsight::Result<std::vector<SignInListRow>> read = cursor_->next(kPageSize); // Result alone is a column here
    if (!read) {
        error_ = read.error().message;
        return page;
    }
    page.reserve(read->size());
    for (const SignInListRow &r : *read)
        page.push_back(rowOf(r));
    return page;
}

SignInsModel::Row SignInsModel::rowOf(const SignInListRow &r) const
{
    Row row;
    row.id = r.id;
    row.failure = r.errorCode != 0;
    auto &c = row.cells;
    c[TimeUtc] = utcText(r.ms);
    c[TimeLocal] = localText(r.ms);
    c[User] = r.upn;
    c[DisplayName] = r.displayName;
    c[App] = r.app;
    c[Ip] = r.ip;
    c[City] = r.city;
    c[Country] = r.country;
    c[Result] = resultText(r.errorCode, r.failureReason);
    c[ClientApp] = r.clientApp;
    c[Os] = r.os;
    c[Browser] = r.browser;
    c[Interactive] = r.interactive ? tr("Yes") : tr("No");
    c[Risk] = r.risk;
    c[Mfa] = r.mfa;
    return row;
}

QString SignInsModel::eventId(int row) const
{
    return row >= 0 && row < int(rows_.size()) ? rows_[size_t(row)].id : QString();
}

bool SignInsModel::isFailure(int row) const
{
    return row >= 0 && row < int(rows_.size()) && rows_[size_t(row)].failure;
}

int SignInsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(rows_.size());
}

int SignInsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SignInsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = rows_[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return row.cells[size_t(index.column())];
    case Qt::ForegroundRole:
        if (row.failure && index.column() == Result)
            return failureTextColor(QGuiApplication::palette());
        return {};
    case EventIdRole: return row.id;
    case FailureRole: return row.failure;
    default: return {};
    }
}

QVariant SignInsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::ToolTipRole && section == TimeLocal)
        return tr("Time in this computer's zone (%1), with its offset from UTC").arg(localZoneName());
    if (role != Qt::DisplayRole)
        return {};
    static const std::array<const char *, ColumnCount> titles = {
        QT_TR_NOOP("Time (UTC)"), QT_TR_NOOP("Time (local)"), QT_TR_NOOP("User (UPN)"), QT_TR_NOOP("Display name"),
        QT_TR_NOOP("App"), QT_TR_NOOP("IP address"), QT_TR_NOOP("City"), QT_TR_NOOP("Country"),
        QT_TR_NOOP("Result"), QT_TR_NOOP("Client app"), QT_TR_NOOP("OS"), QT_TR_NOOP("Browser"),
        QT_TR_NOOP("Interactive"), QT_TR_NOOP("Risk"), QT_TR_NOOP("MFA")};
    return tr(titles[size_t(section)]);
}

bool SignInsModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && cursor_ && !exhausted_ && !changing_;
}

void SignInsModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    const QString errorBefore = error_;
    std::vector<Row> page = nextPage();
    if (int(page.size()) < kPageSize)
        closeCursor();
    if (error_ != errorBefore)
        emit countsChanged();
    if (page.empty())
        return;
    const int first = int(rows_.size());
    changing_ = true; // as in reload()
    beginInsertRows({}, first, first + int(page.size()) - 1);
    std::move(page.begin(), page.end(), std::back_inserter(rows_));
    endInsertRows();
    changing_ = false;
}

} // namespace backsight::ui
