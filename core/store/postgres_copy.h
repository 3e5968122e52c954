#pragma once

#include "model/result.h"

#include <QByteArray>
#include <QString>
#include <cstddef>

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

// Runs `copySql` (COPY table (columns) FROM STDIN) on the connection's libpq handle and sends `rows`. QPSQL has no
// COPY; libpq under it does. A storage error with PostgreSQL's message (which names the line) on failure; the
// connection is idle again either way.
Status copyIn(Database &db, const QString &copySql, const CopyRows &rows);

} // namespace backsight
