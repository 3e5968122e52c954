#include "views/signins/sign_ins_model.h"

#include "accent_colors.h"
#include "store/database.h"
#include "model/time_format.h"

#include <QFuture>
#include <QFutureWatcher>
#include <QGuiApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QtConcurrent>

namespace backsight::ui {
namespace {

// Columns the cursor selects, in this order; readRow() reads them by position.
const QString kSelect = QStringLiteral(
    "SELECT id, created_ms, upn, display_name, app_name, ip, city, country, error_code, failure_reason, "
    "client_app, os, browser, interactive, risk_level, mfa_method, mfa_result FROM signins");

// The only expressions that ever reach ORDER BY: one per column, chosen by column number.
QString sortExpression(int column)
{
    switch (column) {
    case SignInsModel::User: return QStringLiteral("upn");
    case SignInsModel::DisplayName: return QStringLiteral("display_name");
    case SignInsModel::App: return QStringLiteral("app_name");
    case SignInsModel::Ip: return QStringLiteral("ip");
    case SignInsModel::City: return QStringLiteral("city");
    case SignInsModel::Country: return QStringLiteral("country");
    case SignInsModel::Result: return QStringLiteral("error_code");
    case SignInsModel::ClientApp: return QStringLiteral("client_app");
    case SignInsModel::Os: return QStringLiteral("os");
    case SignInsModel::Browser: return QStringLiteral("browser");
    case SignInsModel::Interactive: return QStringLiteral("interactive");
    case SignInsModel::Risk: return QStringLiteral("risk_level");
    case SignInsModel::Mfa: return QStringLiteral("mfa_method");
    default: return QStringLiteral("created_ms");
    }
}

// Columns the free-text filter searches; each gets its own bound LIKE parameter.
constexpr int kTextColumns = 6;
const QString kTextMatch = QStringLiteral(
    "(upn LIKE ? ESCAPE '\\' OR display_name LIKE ? ESCAPE '\\' OR ip LIKE ? ESCAPE '\\' "
    "OR app_name LIKE ? ESCAPE '\\' OR city LIKE ? ESCAPE '\\' OR country LIKE ? ESCAPE '\\')");

// The analyst types text, not patterns: % and _ match themselves.
QString likePattern(const QString &text)
{
    QString escaped = text.trimmed();
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    escaped.replace(QLatin1Char('%'), QStringLiteral("\\%"));
    escaped.replace(QLatin1Char('_'), QStringLiteral("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

struct CountResult
{
    qint64 count = -1;
    qint64 total = -1; // every sign-in, when asked for
    QString error;
};

// Runs on a pool thread with its own connection: a filtered count scans every row, which on a
// million sign-ins takes longer than the GUI thread may be busy.
CountResult countOnWorker(const QString &databasePath, const QString &sql, const QVariantList &binds, bool total)
{
    CountResult result;
    Database db;
    if (!db.open(databasePath)) {
        result.error = db.error();
        return result;
    }
    QSqlQuery q(db.connection());
    if (total) {
        // Even unfiltered, counting a million rows from a cold cache takes SQLite a second: never on the GUI thread.
        if (!q.exec(QStringLiteral("SELECT count(*) FROM signins")) || !q.next()) {
            result.error = Database::describe(SignInsModel::tr("cannot count the sign-ins in %1").arg(databasePath), q.lastError());
            return result;
        }
        result.total = q.value(0).toLongLong();
        if (sql.isEmpty()) {
            result.count = result.total;
            return result;
        }
    }
    q.prepare(sql);
    for (const QVariant &value : binds)
        q.addBindValue(value);
    if (!q.exec() || !q.next())
        result.error = Database::describe(SignInsModel::tr("cannot count the matching sign-ins in %1").arg(databasePath),
                                          q.lastError());
    else
        result.count = q.value(0).toLongLong();
    return result;
}

QString resultText(const QVariant &errorCode, const QString &reason)
{
    const qint64 code = errorCode.toLongLong();
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
        while (int(rows_.size()) < kPageSize && cursor_->next())
            rows_.push_back(readRow(*cursor_));
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
    // A QString, not a QStringBuilder: the worker must not hold references to these temporaries.
    const QString sql = matchesLoaded || filter_.isEmpty() ? QString() : QStringLiteral("SELECT count(*) FROM signins") + whereClause();
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
        error_ = result.error;
        emit countsChanged();
    });
    watcher->setFuture(QtConcurrent::run(&pool_, countOnWorker, db_->path(), sql, filterBinds(), true));
}

QString SignInsModel::whereClause() const
{
    QStringList conditions;
    if (!filter_.text.trimmed().isEmpty())
        conditions << kTextMatch;
    if (filter_.kind != SignInFilter::Kind::All)
        conditions << QStringLiteral("interactive = ?");
    if (filter_.failuresOnly)
        conditions << QStringLiteral("coalesce(error_code, 0) <> 0");
    return conditions.isEmpty() ? QString() : QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
}

QVariantList SignInsModel::filterBinds() const
{
    QVariantList binds;
    if (!filter_.text.trimmed().isEmpty()) {
        const QString pattern = likePattern(filter_.text);
        for (int i = 0; i < kTextColumns; ++i)
            binds << pattern;
    }
    if (filter_.kind != SignInFilter::Kind::All)
        binds << (filter_.kind == SignInFilter::Kind::Interactive ? 1 : 0);
    return binds;
}

bool SignInsModel::openCursor()
{
    const QString direction = sortOrder_ == Qt::AscendingOrder ? QStringLiteral(" ASC") : QStringLiteral(" DESC");
    // id breaks ties so the order is the same every time the query runs.
    const QString sql = kSelect + whereClause() + QStringLiteral(" ORDER BY ") + sortExpression(sortColumn_)
                        + direction + QStringLiteral(", id") + direction;
    cursor_ = std::make_unique<QSqlQuery>(db_->connection());
    cursor_->setForwardOnly(true);
    cursor_->prepare(sql);
    for (const QVariant &value : filterBinds())
        cursor_->addBindValue(value);
    if (!cursor_->exec()) {
        error_ = Database::describe(tr("cannot read the sign-ins in %1").arg(db_->path()), cursor_->lastError());
        closeCursor();
        return false;
    }
    exhausted_ = false;
    return true;
}

void SignInsModel::closeCursor()
{
    // finish() ends SQLite's read snapshot, so the WAL can be checkpointed behind us.
    if (cursor_)
        cursor_->finish();
    cursor_.reset();
    exhausted_ = true;
}

SignInsModel::Row SignInsModel::readRow(const QSqlQuery &q) const
{
    Row row;
    row.id = q.value(0).toString();
    const qint64 ms = q.value(1).toLongLong();
    row.failure = q.value(8).toLongLong() != 0;
    auto &c = row.cells;
    c[TimeUtc] = utcText(ms);
    c[TimeLocal] = localText(ms);
    c[User] = q.value(2).toString();
    c[DisplayName] = q.value(3).toString();
    c[App] = q.value(4).toString();
    c[Ip] = q.value(5).toString();
    c[City] = q.value(6).toString();
    c[Country] = q.value(7).toString();
    c[Result] = resultText(q.value(8), q.value(9).toString());
    c[ClientApp] = q.value(10).toString();
    c[Os] = q.value(11).toString();
    c[Browser] = q.value(12).toString();
    c[Interactive] = q.value(13).toInt() != 0 ? tr("Yes") : tr("No");
    c[Risk] = q.value(14).toString();
    c[Mfa] = q.value(15).isNull() ? q.value(16).toString() : q.value(15).toString();
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
    std::vector<Row> page;
    page.reserve(kPageSize);
    while (int(page.size()) < kPageSize && cursor_->next())
        page.push_back(readRow(*cursor_));
    if (int(page.size()) < kPageSize)
        closeCursor();
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
