#pragma once

#include "model/result.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <optional>

namespace backsight {

class Database;

// The users an analyst looks at first: those with interactive sign-ins before those with none (service accounts
// that only refresh tokens have no hour-of-week habits to show), then by their worst anomaly, then by activity.
Result<QStringList> usersByInterest(Database &db, int limit = 20000);

// Where a user lives, from their latest baseline: the usual UTC offset and home place.
struct UserHome
{
    std::optional<int> utcOffsetMinutes;
    QString city, country;
};

// The latest baseline's home of each of these users; users without a baseline are left out.
Result<QHash<QString, UserHome>> userHomes(Database &db, const QStringList &upns);

} // namespace backsight
