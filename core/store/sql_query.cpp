#include "store/sql_query.h"

#include "store/database.h"

#include <QSqlError>

namespace backsight {

SqlQuery::SqlQuery(Database &db, bool forwardOnly) : q_(db.connection())
{
    q_.setForwardOnly(forwardOnly);
}

Status SqlQuery::run(const QString &sql, const QVariantList &binds, const QString &doing)
{
    q_.finish();
    if (binds.isEmpty()) {
        // Run as it is: QPSQL would wrap a prepared statement in PREPARE, which PostgreSQL refuses for DDL.
        if (!q_.exec(sql))
            return Error::storage(Database::describe(doing, q_.lastError()));
        return {};
    }
    if (!q_.prepare(sql))
        return Error::storage(Database::describe(doing, q_.lastError()));
    for (const QVariant &value : binds)
        q_.addBindValue(value);
    if (!q_.exec())
        return Error::storage(Database::describe(doing, q_.lastError()));
    return {};
}

Error SqlQuery::failed(const QString &doing) const
{
    return Error::storage(Database::describe(doing, q_.lastError()));
}

} // namespace backsight
