#include "store/prepared_query.h"

#include "store/database.h"

namespace backsight {

PreparedQuery::PreparedQuery(Database &db, const QString &sql) : q_(db.connection())
{
    q_.setForwardOnly(true);
    prepared_ = q_.prepare(sql);
    if (!prepared_)
        prepareError_ = q_.lastError();
}

Status PreparedQuery::run(const QVariantList &binds, const QString &doing)
{
    if (!prepared_)
        return Error::storage(Database::describe(doing, prepareError_));
    q_.finish();
    for (int i = 0; i < binds.size(); ++i)
        q_.bindValue(i, binds[i]);
    if (!q_.exec())
        return Error::storage(Database::describe(doing, q_.lastError()));
    return {};
}

} // namespace backsight
