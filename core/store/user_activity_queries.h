#pragma once

#include "model/result.h"
#include "model/user_activity.h"

#include <QStringList>
#include <optional>
#include <vector>

namespace backsight {

class Database;

// Questions about one user (or every user) in the investigator's words: their latest baseline, their sign-ins,
// what they use most, their anomalies.
class UserActivityQueries
{
public:
    explicit UserActivityQueries(Database &db) : db_(db) {}

    // The baseline whose window ends last; empty when the user has none yet.
    Result<std::optional<BaselineSnapshot>> latestBaseline(const QString &upn);
    // The latest baseline of every user.
    Result<std::vector<BaselineSnapshot>> latestBaselines();
    // All sign-ins of `upn`, oldest first.
    Result<std::vector<UserSignInPoint>> signIns(const QString &upn);

    enum class Field { Place, IpAddress, App, OperatingSystem, Browser };
    // The `topN` most frequent values of `field` among the user's sign-ins, with their failures and first/last use.
    Result<std::vector<ValueCount>> topValues(const QString &upn, Field field, int topN);
    // The networks (ASN) of the user's sign-ins, most used first; sign-ins without an ASN share one row with asn 0.
    Result<std::vector<UserNetwork>> networks(const QString &upn);
    // The user's anomalies, newest first.
    Result<std::vector<AnomalyBrief>> anomalies(const QString &upn, int limit);
    // Users with a sign-in: those with the worst anomalies first, then the most active.
    Result<QStringList> usersByConcern(int limit);

private:
    Database &db_;
};

} // namespace backsight
