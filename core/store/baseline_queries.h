#pragma once

#include "model/result.h"
#include "model/sign_in_event.h"
#include "store/prepared_query.h"

#include <QString>
#include <functional>
#include <optional>

namespace backsight {

class Database;

// What computing baselines reads and writes (core/detect/baseline_computation.cpp): every sign-in by user, and one
// `baselines` row per user (the insert is prepared once and run for every user).
class BaselineQueries
{
public:
    struct Baseline
    {
        QString upn;
        int windowDays = 0;
        qint64 windowStartMs = 0, windowEndMs = 0;
        qint64 eventsUsed = 0;
        int activeDays = 0;
        bool learning = false;
        int utcOffsetMinutes = 0;
        QString homeCity, homeCountry;
        std::optional<double> homeLatitude, homeLongitude;
        QString profileJson;
        qint64 computedAtMs = 0;
    };

    // Rows a PostgreSQL scan reads at a time (see forEachSignInByUser).
    static constexpr int kServerPageRows = 20000;

    explicit BaselineQueries(Database &db, int serverPageRows = kServerPageRows);

    // Every sign-in that names a user, by user then time (then insertion order). `visit` stops the scan with an
    // error (or a cancel), which is returned as it is. SQLite steps one statement through the table. PostgreSQL
    // reads pages of `serverPageRows` rows, each starting after the last row of the one before (keyset paging on
    // the (upn, created_ms) index): its driver holds a whole result in memory, and the whole tenant is too much.
    Status forEachSignInByUser(const std::function<Status(const SignInEvent &)> &visit);
    Status insert(const Baseline &b);

private:
    Status scanInPages(const std::function<Status(const SignInEvent &)> &visit);

    Database &db_;
    int serverPageRows_;
    PreparedQuery insert_;
};

} // namespace backsight
