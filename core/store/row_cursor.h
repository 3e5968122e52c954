#pragma once

#include "model/result.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

struct sqlite3_stmt;

namespace backsight {

class Database;

// Inside core/store only: a read statement prepared once and run many times, for the bulk reads of sign-ins
// (the baseline scan, model training and scoring, each user's history in detection). On SQLite it steps the
// statement on the connection's own handle and reads columns as UTF-8: QSqlQuery's cached row of QVariants and
// SQLite's UTF-16 conversion of every text cell cost more than SQLite's own work there (perf on `train`: half of
// the scan). On another engine it reads through QSqlQuery, each result read whole (row_cursor.cpp says why); the
// accessors answer the same either way (NULL reads as 0 or an empty string, as QVariant's conversions do).
class RowCursor
{
public:
    RowCursor(Database &db, const QString &sql);
    ~RowCursor();
    RowCursor(const RowCursor &) = delete;
    RowCursor &operator=(const RowCursor &) = delete;

    // Binds `binds` in order (integers, doubles, text, null) and starts the statement; `doing` names the action for
    // the error message (a statement that failed to prepare fails here, with what the database said then).
    Status run(const QVariantList &binds, const QString &doing);
    // The next row; false at the end or on a failure, which status() then reports.
    bool next();
    Status status() const;
    // Ends the read (and SQLite's snapshot) before the statement runs again; next() does it at the end.
    void finish();

    bool isNull(int column) const;
    qint64 int64(int column) const;
    double real(int column) const;
    QString text(int column) const;
    // The same text, one QString per distinct value of the column while it has few (apps, clients, places,
    // user names): a million rows then share a few thousand strings instead of holding a million copies.
    QString sharedText(int column);

private:
    struct ViewHash
    {
        using is_transparent = void;
        std::size_t operator()(std::string_view v) const { return std::hash<std::string_view>()(v); }
    };
    using Interned = std::unordered_map<std::string, QString, ViewHash, std::equal_to<>>;

    sqlite3_stmt *stmt_ = nullptr;           // SQLite
    std::unique_ptr<QSqlQuery> query_;        // other engines
    QString prepareError_, runError_, doing_;
    std::vector<Interned> interned_;
};

} // namespace backsight
