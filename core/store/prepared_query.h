#pragma once

#include "model/result.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

namespace backsight {

class Database;

// Inside core/store only: one statement prepared once and run many times with new bound values, for the reads the
// detection path repeats per user or per row (preparing again each time would cost more than the read).
class PreparedQuery
{
public:
    PreparedQuery(Database &db, const QString &sql);

    // Binds `binds` in order and runs the statement; `doing` names the action for the error message (a statement
    // that failed to prepare fails here, with what the database said then).
    Status run(const QVariantList &binds, const QString &doing);

    bool next() { return q_.next(); }
    QVariant value(int i) const { return q_.value(i); }
    const QSqlQuery &query() const { return q_; }
    // Ends the read (and SQLite's snapshot) before the statement runs again.
    void finish() { q_.finish(); }

private:
    QSqlQuery q_;
    bool prepared_ = false;
    QSqlError prepareError_;
};

} // namespace backsight
