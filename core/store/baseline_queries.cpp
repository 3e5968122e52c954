#include "store/baseline_queries.h"

#include "store/sign_in_event_rows.h"
#include "store/sql_query.h"

namespace backsight {

BaselineQueries::BaselineQueries(Database &db)
    : db_(db),
      insert_(db, QStringLiteral("INSERT INTO baselines (upn, window_days, window_start_ms, window_end_ms, events_used, active_days, "
                                 "learning, utc_offset_minutes, home_city, home_country, home_latitude, home_longitude, profile, "
                                 "computed_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"))
{
}

Status BaselineQueries::forEachSignInByUser(const std::function<Status(const SignInEvent &)> &visit)
{
    RowCursor scan(db_, QStringLiteral("SELECT %1 FROM signins WHERE upn IS NOT NULL AND upn <> '' ORDER BY upn, created_ms, rowid")
                            .arg(signin_event_rows::columns()));
    if (Status s = scan.run({}, QStringLiteral("reading sign-ins")); !s)
        return s;
    while (scan.next())
        if (Status s = visit(signin_event_rows::readEvent(scan)); !s) {
            scan.finish();
            return s;
        }
    return scan.status();
}

Status BaselineQueries::insert(const Baseline &b)
{
    const auto orNull = [](const std::optional<double> &v) { return v ? QVariant(*v) : QVariant(); };
    return insert_.run({b.upn, b.windowDays, b.windowStartMs, b.windowEndMs, b.eventsUsed, b.activeDays, b.learning ? 1 : 0,
                        b.utcOffsetMinutes, b.homeCity, b.homeCountry, orNull(b.homeLatitude), orNull(b.homeLongitude),
                        b.profileJson, b.computedAtMs},
                       QStringLiteral("storing the baseline of %1").arg(b.upn));
}

} // namespace backsight
