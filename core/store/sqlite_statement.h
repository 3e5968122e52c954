#pragma once

#include <QByteArray>
#include <QString>
#include <optional>

struct sqlite3;
struct sqlite3_stmt;

namespace backsight {

class Database;

// A prepared statement on the SQLite handle underneath a Qt connection. The import's inserts use it
// because QSqlQuery::bindValue's QVariant round trips cost more than SQLite's own work per row.
class SqliteStatement
{
public:
    SqliteStatement() = default;
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    // The raw handle of a QSQLITE connection, or null for another driver.
    static sqlite3 *handleOf(Database &db);

    bool prepare(sqlite3 *db, const QString &sql, QString &error);
    bool isPrepared() const { return stmt_ != nullptr; }

    // Text must outlive step(): SQLite reads it in place.
    void bind(int index, const QString &text);
    void bind(int index, qint64 value);
    void bind(int index, const std::optional<qint64> &value);
    void bind(int index, const std::optional<double> &value);
    void bind(int index, const std::optional<bool> &value);
    void bindBlob(int index, const QByteArray &bytes);
    // UTF-8 text that outlives step().
    void bindUtf8(int index, const char *text, int length);
    void bindReal(int index, double value);
    void bindNull(int index);

    // Runs the statement and resets it for the next row. False with `error` on failure.
    bool step(QString &error);
    // Rows changed by the last step().
    int changes() const;
    void reset();

private:
    sqlite3 *db_ = nullptr;
    sqlite3_stmt *stmt_ = nullptr;
};

} // namespace backsight
