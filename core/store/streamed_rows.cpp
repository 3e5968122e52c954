#include "store/streamed_rows.h"

#include "store/database.h"

#include <QSqlError>
#include <atomic>

namespace backsight {

StreamedRows::StreamedRows(Database &db) : db_(db), rows_(db.connection()) {}

StreamedRows::~StreamedRows()
{
    if (!cursor_.isEmpty()) {
        rows_.finish();
        QSqlQuery close(db_.connection());
        close.exec(QStringLiteral("CLOSE %1").arg(cursor_));
    }
}

bool StreamedRows::exec(const QString &sql)
{
    if (db_.dialect() == SqlDialect::SQLite) {
        rows_.setForwardOnly(true);
        if (rows_.exec(sql))
            return true;
        error_ = rows_.lastError();
        return false;
    }
    // A name of our own making, never input; unique on this connection.
    static std::atomic<qint64> counter{0};
    const QString name = QStringLiteral("backsight_rows_%1").arg(++counter);
    QSqlQuery declare(db_.connection());
    if (!declare.exec(QStringLiteral("DECLARE %1 NO SCROLL CURSOR WITH HOLD FOR %2").arg(name, sql))) {
        error_ = declare.lastError();
        return false;
    }
    cursor_ = name;
    return fetch();
}

bool StreamedRows::fetch()
{
    // Not forward-only: the page is read whole, so statements run between its rows do not cut it short.
    if (!rows_.exec(QStringLiteral("FETCH FORWARD %1 FROM %2").arg(kPage).arg(cursor_))) {
        error_ = rows_.lastError();
        ended_ = true;
        return false;
    }
    inPage_ = rows_.size();
    return true;
}

bool StreamedRows::next()
{
    if (ended_)
        return false;
    if (rows_.next())
        return true;
    if (cursor_.isEmpty() || inPage_ < kPage || !fetch() || !rows_.next()) {
        if (cursor_.isEmpty() && rows_.lastError().isValid())
            error_ = rows_.lastError();
        ended_ = true;
        return false;
    }
    return true;
}

} // namespace backsight
