#pragma once

#include <QSqlError>
#include <QSqlQuery>
#include <QString>

namespace backsight {

class Database;

// The rows of one SELECT, read in order while other statements run on the same connection between them (a
// lookup per row). SQLite: one forward-only statement, stepped as it goes. PostgreSQL: QPSQL streams a
// forward-only result row by row and drops the rest of it when another statement runs ("Query results lost"),
// so the rows come from a server-side cursor (WITH HOLD: inside or outside a transaction), kPage at a time.
class StreamedRows
{
public:
    explicit StreamedRows(Database &db);
    ~StreamedRows();
    StreamedRows(const StreamedRows &) = delete;
    StreamedRows &operator=(const StreamedRows &) = delete;

    // `sql` has no parameters. False with lastError() when it cannot run.
    bool exec(const QString &sql);
    // The next row; false at the end or on an error (lastError() then says which).
    bool next();
    // The current row.
    const QSqlQuery &row() const { return rows_; }
    QSqlError lastError() const { return error_; }

    static constexpr int kPage = 1000;

private:
    bool fetch();

    Database &db_;
    QSqlQuery rows_;
    QString cursor_;  // PostgreSQL: the open cursor's name
    int inPage_ = 0;  // rows the last fetch returned
    bool ended_ = false;
    QSqlError error_;
};

} // namespace backsight
