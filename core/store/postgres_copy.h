#pragma once

#include "model/result.h"

#include <QByteArray>
#include <QString>
#include <cstddef>
#include <vector>

namespace backsight {

class Database;

// Rows for PostgreSQL's COPY … FROM STDIN in its text format: fields separated by tabs, rows by newlines,
// backslash escapes for backslash, tab, newline and carriage return, \N for NULL. Text that is not valid UTF-8
// is stored as Qt decodes it (U+FFFD for each bad sequence), and a NUL byte as U+FFFD: PostgreSQL text holds
// neither. Numbers are written exactly (the shortest form that reads back as the same double).
class CopyRows
{
public:
    void null();
    void text(const char *data, std::size_t size);
    void integer(qint64 value);
    void real(double value);
    void endRow();

    const QByteArray &data() const { return data_; }
    qint64 rows() const { return rows_; }
    bool isEmpty() const { return rows_ == 0; }
    void clear();

private:
    void separate();

    QByteArray data_;
    bool rowStarted_ = false;
    qint64 rows_ = 0;
};

// Rows for COPY … FROM STDIN (FORMAT binary): for values that text would have to escape, like a bytea of
// compressed records. Every row has the same fields, in the table's column order.
class CopyBinaryRows
{
public:
    CopyBinaryRows();
    void beginRow(int fields);
    void bigint(qint64 value);
    void bytes(const char *data, std::size_t size); // text (UTF-8) or bytea
    // The rows with the format's trailer, ready to send.
    QByteArray finish() const;
    qint64 rows() const { return rows_; }
    bool isEmpty() const { return rows_ == 0; }

private:
    QByteArray data_;
    qint64 rows_ = 0;
};

// Runs `copySql` (COPY table (columns) FROM STDIN) on the connection's libpq handle and sends `rows`. QPSQL has no
// COPY; libpq under it does. A storage error with PostgreSQL's message (which names the line) on failure; the
// connection is idle again either way.
Status copyIn(Database &db, const QString &copySql, const QByteArray &data);
inline Status copyIn(Database &db, const QString &copySql, const CopyRows &rows)
{
    return copyIn(db, copySql, rows.data());
}

// Sends `sql` (one or more statements separated by ';', no bound values) and returns without waiting, so the server
// works while the caller goes on. Nothing else may use the connection until collectIntegers() has read every answer.
Status sendStatements(Database &db, const QByteArray &sql);
// Waits for the answers to sendStatements(): the first column of every row of every statement that returned rows,
// as integers; or the first error (PostgreSQL's message). The connection is idle again either way.
Result<std::vector<qint64>> collectIntegers(Database &db);

} // namespace backsight
