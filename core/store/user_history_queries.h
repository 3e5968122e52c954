#pragma once

#include "model/result.h"
#include "model/sign_in_event.h"
#include "store/prepared_query.h"
#include "store/row_cursor.h"

#include <QByteArray>
#include <QString>
#include <optional>
#include <utility>
#include <vector>

namespace backsight {

class Database;

// What a detection run reads about one user before examining their new sign-ins (core/detect/pipeline.cpp): the
// running baseline, the day aggregates, the sign-ins around the new ones. Run once per user, so every statement is
// prepared once, when the object is made.
class UserHistoryQueries
{
public:
    // The running baseline a previous run left: its window length, the day after its end, and the profile.
    struct RunningWindow
    {
        int windowDays = 0;
        qint64 endDay = 0;
        QByteArray data; // baseline::Profile::serialize
    };

    explicit UserHistoryQueries(Database &db);

    Result<std::optional<RunningWindow>> runningWindow(const QString &upn);
    // The stored day aggregates (DayAggregate::serialize) of `upn` for days in [fromDay, toDay).
    Result<std::vector<std::pair<qint64, QByteArray>>> days(const QString &upn, qint64 fromDay, qint64 toDay);
    // The sign-ins of `upn` with created_ms in [fromMs, toMs), in time order.
    Result<std::vector<SignInEvent>> signIns(const QString &upn, qint64 fromMs, qint64 toMs);
    // The last successful sign-in of `upn` with a location before `beforeMs`.
    Result<std::optional<SignInEvent>> lastLocatedSuccessBefore(const QString &upn, qint64 beforeMs);
    // When `upn` last signed in successfully before `beforeMs`.
    Result<std::optional<qint64>> lastSuccessBefore(const QString &upn, qint64 beforeMs);

private:
    PreparedQuery window_, days_;
    RowCursor events_, lastLocated_;
    PreparedQuery previous_;
};

} // namespace backsight
