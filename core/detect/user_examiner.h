#pragma once

#include "baseline/day_aggregate.h"
#include "detect/pipeline.h"
#include "features/signin_features.h"
#include "model/result.h"
#include "store/detection_queries.h"
#include "store/detection_run_repository.h"
#include "store/identity_queries.h"
#include "store/sign_in_feature_queries.h"
#include "store/sign_in_queries.h"
#include "store/user_history_queries.h"

#include <QHash>
#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace backsight::detect {

class UserDetector;

// The tenant facts the user detectors ask for, read from the store. TenantFacts answers plain values, so a failed
// read is kept here and ends the run after the user (status()), rather than passing for "none".
class StoreTenantFacts : public TenantFacts
{
public:
    StoreTenantFacts(Database &db, DetectionQueries &queries, int limit) : db_(db), queries_(queries), limit_(limit) {}
    int usersWithSuccessFrom(const QString &ip, qint64 fromMs, qint64 toMs) override
    {
        if (ip.isEmpty())
            return 0;
        const QString key = ip + QLatin1Char('|') + QString::number(baseline::dayOf(fromMs));
        if (const auto it = cache_.constFind(key); it != cache_.cend())
            return *it;
        // Only "at least sharedIpMinUsers" matters: the store stops counting there.
        const int n = valueOf(queries_.usersWithSuccessFrom(ip, fromMs, toMs, limit_), 0);
        cache_.insert(key, n);
        return n;
    }

    std::optional<qint64> coverageStartMs() override
    {
        if (!coverageRead_) {
            coverageRead_ = true;
            coverage_ = valueOf(SignInQueries(db_).firstMs(), std::optional<qint64>());
        }
        return coverage_;
    }

    bool accountCreatedBefore(const QString &upn, qint64 beforeMs) override
    {
        return valueOf(queries_.accountCreatedBefore(upn, beforeMs), false);
    }

    int protocolSignIns(const QString &upn, const QString &protocol, qint64 fromMs, qint64 toMs) override
    {
        return valueOf(IdentityQueries(db_).protocolSignIns(upn, protocol, fromMs, toMs), 0);
    }

    // The first read that failed, if any.
    Status status() const { return error_ ? Status(*error_) : Status(); }

private:
    template <typename T>
    T valueOf(Result<T> r, T fallback)
    {
        if (r)
            return std::move(*r);
        if (!error_)
            error_ = r.error();
        return fallback;
    }

    Database &db_;
    DetectionQueries &queries_;
    int limit_;
    QHash<QString, int> cache_;
    bool coverageRead_ = false;
    std::optional<qint64> coverage_;
    std::optional<Error> error_;
};

using UserRange = UserSignInRange;

// What one user's examination produced.
struct UserResult
{
    std::vector<Finding> findings;
    std::map<qint64, baseline::DayAggregate> days; // recomputed days to store
    qint64 windowEndDay = 0;             // the running baseline after the run ...
    QByteArray window;                   // ... (baseline::Profile::serialize)
    // With UserExaminer's model rows asked for: the user's sign-ins the models score, from
    // ml::SignInModels::kContextMs before the first new one to the last new one, by time then rowid.
    std::vector<features::SignInRow> modelRows;
};

// One user's new sign-ins judged against their own history: reads the running baseline window, the day aggregates
// and the sign-ins around the new ones, runs the user detectors, and returns what to store (pipeline.cpp stores it,
// in user order). The same on a detection thread, in the command, or in a `backsight-cli worker` process.
class UserExaminer
{
public:
    UserExaminer(Database &db, const DetectOptions &o, TenantFacts &tenant, const QHash<QString, std::pair<qint64, qint64>> &baselines);
    ~UserExaminer();

    Status examine(const UserRange &user, qint64 fromRowId, qint64 toRowId, bool modelRows, UserResult &result,
                   DetectReport &report);

private:
    const DetectOptions &o_;
    TenantFacts &tenant_;
    const QHash<QString, std::pair<qint64, qint64>> &storedBaselines_;
    std::vector<std::unique_ptr<UserDetector>> detectors_;
    UserHistoryQueries history_; // prepared once, run for every user
    SignInFeatureQueries features_;
};

} // namespace backsight::detect
