#include "views/signins/sign_ins_model.h"

#include "accent_colors.h"
#include "store/database.h"
#include "time_text.h"

#include <QGuiApplication>
#include <QSqlError>
#include <QSqlQuery>

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

QString resultText(const QVariant &errorCode, const QString &reason)
{
    const qint64 code = errorCode.toLongLong();
    if (code == 0) // Graph writes a reason such as "Other." even for successes
        return SignInsModel::tr("Success");
    return reason.isEmpty() ? QString::number(code) : QStringLiteral("%1 · %2").arg(code).arg(reason);
}

} // namespace

SignInsModel::SignInsModel(QObject *parent) : QAbstractTableModel(parent) {}

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
    rows_.clear();
    error_.clear();
    totalCount_ = matchingCount_ = 0;
    if (db_ && db_->isOpen() && readCounts() && openCursor()) {
        const int before = int(rows_.size());
        while (int(rows_.size()) - before < kPageSize && cursor_->next())
            rows_.push_back(readRow(*cursor_));
        exhausted_ = int(rows_.size()) - before < kPageSize;
        if (exhausted_)
            closeCursor();
    }
    endResetModel();
    changing_ = false;
    emit countsChanged();
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

void SignInsModel::bindFilter(QSqlQuery &query) const
{
    if (!filter_.text.trimmed().isEmpty()) {
        const QString pattern = likePattern(filter_.text);
        for (int i = 0; i < kTextColumns; ++i)
            query.addBindValue(pattern);
    }
    if (filter_.kind != SignInFilter::Kind::All)
        query.addBindValue(filter_.kind == SignInFilter::Kind::Interactive ? 1 : 0);
}

bool SignInsModel::readCounts()
{
    QSqlQuery total(db_->connection());
    if (!total.exec(QStringLiteral("SELECT count(*) FROM signins")) || !total.next()) {
        error_ = Database::describe(tr("cannot count the sign-ins in %1").arg(db_->path()), total.lastError());
        return false;
    }
    totalCount_ = total.value(0).toLongLong();
    if (filter_.isEmpty()) {
        matchingCount_ = totalCount_;
        return true;
    }
    QSqlQuery matching(db_->connection());
    matching.prepare(QStringLiteral("SELECT count(*) FROM signins") + whereClause());
    bindFilter(matching);
    if (!matching.exec() || !matching.next()) {
        error_ = Database::describe(tr("cannot filter the sign-ins in %1").arg(db_->path()), matching.lastError());
        return false;
    }
    matchingCount_ = matching.value(0).toLongLong();
    return true;
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
    bindFilter(*cursor_);
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
