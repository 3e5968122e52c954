#pragma once

#include "model/result.h"
#include "model/sign_in_rows.h"
#include "model/user_activity.h"

#include <QSqlRecord>
#include <memory>
#include <optional>
#include <vector>

class QSqlQuery;

namespace backsight {

class Database;

// Questions about sign-ins for the detail panes, the map and the triage context.
class SignInQueries
{
public:
    explicit SignInQueries(Database &db) : db_(db) {}

    // Every stored column of one sign-in, by name; empty when there is no such sign-in.
    Result<std::optional<QSqlRecord>> record(const QString &id);
    // The sign-ins of `upn` with created_ms in [fromMs, toMs], oldest first.
    Result<std::vector<SignInBrief>> ofUserBetween(const QString &upn, qint64 fromMs, qint64 toMs, int limit);
    // The time of the first / the latest sign-in of everyone; each a query by itself, which SQLite answers from the
    // index on created_ms without a scan.
    Result<std::optional<qint64>> firstMs();
    Result<std::optional<qint64>> latestMs();
    // How many sign-ins are stored.
    Result<qint64> count();
    // How many sign-ins the sign-in list's `filter` leaves (a scan of every row: for a worker thread).
    Result<qint64> count(const SignInListFilter &filter);
    // First and last sign-in of `upn` (or of everyone when empty).
    Result<TimeExtent> extent(const QString &upn = {});
    // Places with located sign-ins up to `untilMs`, most sign-ins first.
    Result<std::vector<PlaceCount>> places(qint64 untilMs, int limit);
    // The located sign-ins of `upn`, oldest first (limit + 1 rows tell the caller there are more).
    Result<std::vector<SignInBrief>> locatedOfUser(const QString &upn, int limit);
    // The latest located sign-ins at `place` ("City, CC" or "CC"), newest first.
    Result<std::vector<SignInBrief>> atPlace(const QString &place, int limit);
    enum class RankBy { User, Country, App };
    // The `limit` users, countries or apps with the most sign-ins, or (byFailures) the most failed sign-ins; with
    // byFailures, only those that failed at least once. `value` is the name, `count` sign-ins, `failures` failed.
    Result<std::vector<ValueCount>> ranking(RankBy by, bool byFailures, int limit);
    // Whether any detection run has finished (so an empty result means "nothing found", not "never looked").
    Result<bool> detectionHasRun();
    // The source file `id`; empty when unknown.
    Result<std::optional<SourceFile>> source(qint64 id);
    // Every source file, by path.
    Result<std::vector<SourceFile>> sources();

private:
    Database &db_;
};

// The sign-in list (the GUI's table), read through one forward-only cursor per filter and order and stepped a page
// at a time, so a million rows cost one page. Filter and order run in SQL with bound parameters; each order is one
// fixed column, and the id breaks ties so the order is the same every time.
class SignInCursor
{
public:
    explicit SignInCursor(Database &db);
    ~SignInCursor();
    SignInCursor(const SignInCursor &) = delete;
    SignInCursor &operator=(const SignInCursor &) = delete;

    Status open(const SignInListFilter &filter, SignInListOrder order, bool ascending);
    // Up to `count` more rows; fewer when the list ends, and then the cursor closes.
    Result<std::vector<SignInListRow>> next(int count);
    bool isOpen() const { return q_ != nullptr; }
    // Ends the read, and with it SQLite's read snapshot, so the WAL can be checkpointed behind it.
    void close();

private:
    Database &db_;
    std::unique_ptr<QSqlQuery> q_;
};

} // namespace backsight
