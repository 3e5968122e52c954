#pragma once

#include "features/signin_features.h"
#include "model/result.h"
#include "store/row_cursor.h"

#include <QHash>
#include <QString>
#include <vector>

namespace backsight {

class Database;

// What training and scoring the sign-in models reads (core/ml/user_models.cpp): sign-ins as feature rows (UPNs
// lower-cased) and the users' time zones. The read of one user's recent sign-ins runs once per scored user, so it
// is prepared once, when the object is made.
class SignInFeatureQueries
{
public:
    explicit SignInFeatureQueries(Database &db);

    // Each user's UTC offset in minutes from their baselines, the latest baseline last (and so winning).
    Result<QHash<QString, int>> utcOffsets();
    // Sign-ins that name a user with created_ms in [fromMs, toMs), by user, then time.
    Result<std::vector<features::SignInRow>> ofUsersBetween(qint64 fromMs, qint64 toMs);
    // The sign-ins of `upn` (stored lower-cased) with created_ms in [fromMs, toMs], in time order.
    Result<std::vector<features::SignInRow>> ofUser(const QString &upn, qint64 fromMs, qint64 toMs);

private:
    Database &db_;
    RowCursor ofUser_;
};

} // namespace backsight
