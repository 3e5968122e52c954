#include "store/baseline_queries.h"

#include "store/database.h"
#include "store/sign_in_event_rows.h"
#include "store/sql_query.h"

#include <algorithm>

namespace backsight {

BaselineQueries::BaselineQueries(Database &db, int serverPageRows)
    : db_(db), serverPageRows_(std::max(1, serverPageRows)),
      insert_(db, QStringLiteral("INSERT INTO baselines (upn, window_days, window_start_ms, window_end_ms, events_used, active_days, "
                                 "learning, utc_offset_minutes, home_city, home_country, home_latitude, home_longitude, profile, "
                                 "computed_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"))
{
}

Status BaselineQueries::forEachSignInByUser(const std::function<Status(const SignInEvent &)> &visit)
{
    if (db_.dialect() == SqlDialect::PostgreSQL)
        return scanInPages(visit);
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

Status BaselineQueries::scanInPages(const std::function<Status(const SignInEvent &)> &visit)
{
    const QString select = QStringLiteral("SELECT %1 FROM signins WHERE upn IS NOT NULL AND upn <> ''").arg(signin_event_rows::columns());
    const QString order = QStringLiteral(" ORDER BY upn, created_ms, rowid LIMIT %1").arg(serverPageRows_);
    RowCursor first(db_, select + order);
    RowCursor after(db_, select + QStringLiteral(" AND (upn, created_ms, rowid) > (?, ?, ?)") + order);
    QVariantList last; // the key of the last row read: where the next page starts
    for (;;) {
        RowCursor &page = last.isEmpty() ? first : after;
        if (Status s = page.run(last, QStringLiteral("reading sign-ins")); !s)
            return s;
        int rows = 0;
        while (page.next()) {
            ++rows;
            const SignInEvent event = signin_event_rows::readEvent(page);
            last = {event.upn, event.timeMs, event.rowId};
            if (Status s = visit(event); !s) {
                page.finish();
                return s;
            }
        }
        if (Status s = page.status(); !s)
            return s;
        if (rows < serverPageRows_)
            return {};
    }
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
