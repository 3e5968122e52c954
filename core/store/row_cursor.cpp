#include "store/row_cursor.h"

#include "store/database.h"
#include "store/sqlite_statement.h"

#include <QVariant>
#include <sqlite3.h>

namespace backsight {
namespace {

constexpr std::size_t kMaxInterned = 1 << 16; // per column; past it, values are not shared (addresses, ids)

QString sqliteError(sqlite3 *db, int rc)
{
    QString said = QString::fromUtf8(sqlite3_errmsg(db));
    if (rc == SQLITE_READONLY)
        said += QStringLiteral(" (the database file or its folder is read-only)");
    else if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        said += QStringLiteral(" (another program holds a lock on the database)");
    return said;
}

} // namespace

RowCursor::RowCursor(Database &db, const QString &sql)
{
    if (sqlite3 *handle = SqliteStatement::handleOf(db)) {
        const QByteArray utf8 = sql.toUtf8();
        if (const int rc = sqlite3_prepare_v3(handle, utf8.constData(), int(utf8.size()), SQLITE_PREPARE_PERSISTENT,
                                              &stmt_, nullptr);
            rc != SQLITE_OK) {
            prepareError_ = sqliteError(handle, rc);
            sqlite3_finalize(stmt_);
            stmt_ = nullptr;
        }
        return;
    }
    query_ = std::make_unique<QSqlQuery>(db.connection());
    // Read whole: QPSQL streams a forward-only result and drops the rest of it when another statement runs on the
    // connection, which training and detection do between rows ("Unable to get result"). The client holds the
    // result meanwhile: the whole-tenant baseline scan is the read to page (docs/storage.md).
    query_->setForwardOnly(false);
    if (!query_->prepare(sql))
        prepareError_ = Database::describe(QStringLiteral("the statement did not prepare"), query_->lastError());
}

RowCursor::~RowCursor()
{
    if (stmt_)
        sqlite3_finalize(stmt_);
}

Status RowCursor::run(const QVariantList &binds, const QString &doing)
{
    doing_ = doing;
    runError_.clear();
    if (!prepareError_.isEmpty())
        return Error::storage(QStringLiteral("%1: %2").arg(doing, prepareError_));
    if (query_) {
        query_->finish();
        for (int i = 0; i < binds.size(); ++i)
            query_->bindValue(i, binds[i]);
        if (!query_->exec())
            return Error::storage(Database::describe(doing, query_->lastError()));
        return {};
    }
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    for (int i = 0; i < binds.size(); ++i) {
        const QVariant &v = binds[i];
        int rc = SQLITE_OK;
        if (v.isNull())
            rc = sqlite3_bind_null(stmt_, i + 1);
        else if (v.typeId() == QMetaType::Double || v.typeId() == QMetaType::Float)
            rc = sqlite3_bind_double(stmt_, i + 1, v.toDouble());
        else if (v.typeId() == QMetaType::QString) {
            const QByteArray utf8 = v.toString().toUtf8();
            rc = sqlite3_bind_text(stmt_, i + 1, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
        } else if (v.typeId() == QMetaType::QByteArray) {
            const QByteArray bytes = v.toByteArray();
            rc = sqlite3_bind_blob(stmt_, i + 1, bytes.constData(), int(bytes.size()), SQLITE_TRANSIENT);
        } else if (v.canConvert<qlonglong>())
            rc = sqlite3_bind_int64(stmt_, i + 1, v.toLongLong());
        else
            return Error::storage(QStringLiteral("%1: cannot bind a value of type %2").arg(doing, QString::fromLatin1(v.typeName())));
        if (rc != SQLITE_OK)
            return Error::storage(QStringLiteral("%1: %2").arg(doing, sqliteError(sqlite3_db_handle(stmt_), rc)));
    }
    return {};
}

bool RowCursor::next()
{
    if (query_)
        return query_->next();
    if (!stmt_)
        return false;
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW)
        return true;
    if (rc != SQLITE_DONE)
        runError_ = sqliteError(sqlite3_db_handle(stmt_), rc);
    sqlite3_reset(stmt_);
    return false;
}

Status RowCursor::status() const
{
    if (query_ && query_->lastError().isValid())
        return Error::storage(Database::describe(doing_, query_->lastError()));
    if (!runError_.isEmpty())
        return Error::storage(QStringLiteral("%1: %2").arg(doing_, runError_));
    return {};
}

void RowCursor::finish()
{
    if (query_)
        query_->finish();
    else if (stmt_)
        sqlite3_reset(stmt_);
}

bool RowCursor::isNull(int column) const
{
    if (query_)
        return query_->isNull(column);
    return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

qint64 RowCursor::int64(int column) const
{
    if (query_)
        return query_->value(column).toLongLong();
    return sqlite3_column_int64(stmt_, column);
}

double RowCursor::real(int column) const
{
    if (query_)
        return query_->value(column).toDouble();
    return sqlite3_column_double(stmt_, column);
}

QString RowCursor::text(int column) const
{
    if (query_)
        return query_->value(column).toString();
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(stmt_, column));
    if (!p)
        return {};
    return QString::fromUtf8(p, sqlite3_column_bytes(stmt_, column));
}

QString RowCursor::sharedText(int column)
{
    if (query_)
        return query_->value(column).toString();
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(stmt_, column));
    if (!p)
        return {};
    const std::string_view bytes(p, std::size_t(sqlite3_column_bytes(stmt_, column)));
    if (std::size_t(column) >= interned_.size())
        interned_.resize(std::size_t(column) + 1);
    Interned &values = interned_[std::size_t(column)];
    if (const auto it = values.find(bytes); it != values.end())
        return it->second;
    QString value = QString::fromUtf8(bytes.data(), qsizetype(bytes.size()));
    if (values.size() < kMaxInterned)
        values.emplace(std::string(bytes), value);
    return value;
}

} // namespace backsight
