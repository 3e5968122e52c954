#pragma once

#include <QSqlQuery>
#include <QSqlRecord>

namespace backsight {

// The current row of a `SELECT *` over an event table, as the analyst sees it: without the row-order column that
// PostgreSQL's event tables carry in place of SQLite's hidden rowid (store/sql_dialect.cpp). The same fields on
// both engines.
inline QSqlRecord eventRecord(const QSqlQuery &q)
{
    QSqlRecord r = q.record();
    if (const int i = r.indexOf(QStringLiteral("rowid")); i >= 0)
        r.remove(i);
    return r;
}

} // namespace backsight
