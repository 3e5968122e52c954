#include "store/sqlite_statement.h"

#include "store/database.h"

#include <QSqlDriver>
#include <QVariant>
#include <sqlite3.h>

namespace backsight {

SqliteStatement::~SqliteStatement()
{
    if (stmt_)
        sqlite3_finalize(stmt_);
}

sqlite3 *SqliteStatement::handleOf(Database &db)
{
    const QVariant handle = db.connection().driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

bool SqliteStatement::prepare(sqlite3 *db, const QString &sql, QString &error)
{
    if (stmt_)
        sqlite3_finalize(stmt_);
    stmt_ = nullptr;
    db_ = db;
    const QByteArray utf8 = sql.toUtf8();
    if (sqlite3_prepare_v2(db, utf8.constData(), int(utf8.size()), &stmt_, nullptr) != SQLITE_OK) {
        error = QString::fromUtf8(sqlite3_errmsg(db));
        stmt_ = nullptr;
        return false;
    }
    return true;
}

void SqliteStatement::bind(int index, const QString &text)
{
    if (text.isEmpty())
        sqlite3_bind_null(stmt_, index);
    else
        sqlite3_bind_text16(stmt_, index, text.utf16(), int(text.size() * 2), SQLITE_STATIC);
}

void SqliteStatement::bind(int index, qint64 value)
{
    sqlite3_bind_int64(stmt_, index, value);
}

void SqliteStatement::bind(int index, const std::optional<qint64> &value)
{
    if (value)
        sqlite3_bind_int64(stmt_, index, *value);
    else
        sqlite3_bind_null(stmt_, index);
}

void SqliteStatement::bind(int index, const std::optional<double> &value)
{
    if (value)
        sqlite3_bind_double(stmt_, index, *value);
    else
        sqlite3_bind_null(stmt_, index);
}

void SqliteStatement::bind(int index, const std::optional<bool> &value)
{
    if (value)
        sqlite3_bind_int(stmt_, index, *value ? 1 : 0);
    else
        sqlite3_bind_null(stmt_, index);
}

void SqliteStatement::bindBlob(int index, const QByteArray &bytes)
{
    sqlite3_bind_blob(stmt_, index, bytes.constData(), int(bytes.size()), SQLITE_STATIC);
}

void SqliteStatement::bindUtf8(int index, const char *text, int length)
{
    sqlite3_bind_text(stmt_, index, text, length, SQLITE_STATIC);
}

void SqliteStatement::bindReal(int index, double value)
{
    sqlite3_bind_double(stmt_, index, value);
}

void SqliteStatement::bindNull(int index)
{
    sqlite3_bind_null(stmt_, index);
}

bool SqliteStatement::step(QString &error)
{
    const int rc = sqlite3_step(stmt_);
    const bool ok = rc == SQLITE_DONE || rc == SQLITE_ROW;
    if (!ok) {
        error = QString::fromUtf8(sqlite3_errmsg(db_));
        if (rc == SQLITE_READONLY)
            error += QStringLiteral(" (the database file or its folder is read-only)");
        else if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
            error += QStringLiteral(" (another program holds a lock on the database)");
        else if (rc == SQLITE_FULL)
            error += QStringLiteral(" (the disk is full)");
    }
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    return ok;
}

int SqliteStatement::changes() const
{
    return sqlite3_changes(db_);
}

void SqliteStatement::reset()
{
    if (stmt_)
        sqlite3_reset(stmt_);
}

} // namespace backsight
