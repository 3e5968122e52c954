#pragma once

#include "model/result.h"
#include "model/sign_in_rows.h"
#include "model/user_activity.h"

#include <QSqlRecord>
#include <optional>
#include <vector>

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

} // namespace backsight
