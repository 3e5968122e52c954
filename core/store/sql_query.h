#pragma once

#include "model/result.h"

#include <QSqlQuery>
#include <QString>
#include <QVariantList>

namespace backsight {

class Database;

// Inside core/store only: one statement with bound parameters, its failure as a Storage error that says what we
// were doing and what the database said.
class SqlQuery
{
public:
    explicit SqlQuery(Database &db, bool forwardOnly = true);

    // Prepares `sql`, binds `binds` in order and runs it; `doing` names the action for the error message.
    Status run(const QString &sql, const QVariantList &binds, const QString &doing);
    Status run(const QString &sql, const QString &doing) { return run(sql, {}, doing); }

    // The last statement's failure as a Storage error (for statements prepared once and run many times).
    Error failed(const QString &doing) const;

    bool next() { return q_.next(); }
    QVariant value(int i) const { return q_.value(i); }
    QSqlQuery &query() { return q_; }
    QVariant lastInsertId() const { return q_.lastInsertId(); }
    int rowsAffected() const { return q_.numRowsAffected(); }

private:
    QSqlQuery q_;
};

} // namespace backsight
