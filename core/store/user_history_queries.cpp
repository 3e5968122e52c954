#include "store/user_history_queries.h"

#include "store/predicates.h"
#include "store/sign_in_event_rows.h"

namespace backsight {

using signin_event_rows::readEvent;

UserHistoryQueries::UserHistoryQueries(Database &db)
    : window_(db, QStringLiteral("SELECT window_days, end_day, data FROM user_windows WHERE upn = ?")),
      days_(db, QStringLiteral("SELECT day, data FROM user_days WHERE upn = ? AND day >= ? AND day < ?")),
      events_(db, QStringLiteral("SELECT %1 FROM signins WHERE upn = ? AND created_ms >= ? AND created_ms < ? "
                                 "ORDER BY created_ms, id")
                      .arg(signin_event_rows::columns())),
      lastLocated_(db, QStringLiteral("SELECT %1 FROM signins WHERE upn = ? AND created_ms < ? AND %2 "
                                      "AND latitude IS NOT NULL ORDER BY created_ms DESC LIMIT 1")
                           .arg(signin_event_rows::columns(), predicate::succeededSignIn())),
      previous_(db, QStringLiteral("SELECT MAX(created_ms) FROM signins WHERE upn = ? AND created_ms < ? AND %1")
                        .arg(predicate::succeededSignIn()))
{
}

Result<std::optional<UserHistoryQueries::RunningWindow>> UserHistoryQueries::runningWindow(const QString &upn)
{
    if (Status s = window_.run({upn}, QStringLiteral("reading the running baseline of %1").arg(upn)); !s)
        return s.error();
    std::optional<RunningWindow> w;
    if (window_.next())
        w = RunningWindow{window_.value(0).toInt(), window_.value(1).toLongLong(), window_.value(2).toByteArray()};
    window_.finish();
    return w;
}

Result<std::vector<std::pair<qint64, QByteArray>>> UserHistoryQueries::days(const QString &upn, qint64 fromDay, qint64 toDay)
{
    if (Status s = days_.run({upn, fromDay, toDay}, QStringLiteral("reading day aggregates of %1").arg(upn)); !s)
        return s.error();
    std::vector<std::pair<qint64, QByteArray>> out;
    while (days_.next())
        out.emplace_back(days_.value(0).toLongLong(), days_.value(1).toByteArray());
    return out;
}

Result<std::vector<SignInEvent>> UserHistoryQueries::signIns(const QString &upn, qint64 fromMs, qint64 toMs)
{
    if (Status s = events_.run({upn, fromMs, toMs}, QStringLiteral("reading the sign-ins of %1").arg(upn)); !s)
        return s.error();
    std::vector<SignInEvent> out;
    while (events_.next())
        out.push_back(readEvent(events_));
    if (Status s = events_.status(); !s)
        return s.error();
    return out;
}

Result<std::optional<SignInEvent>> UserHistoryQueries::lastLocatedSuccessBefore(const QString &upn, qint64 beforeMs)
{
    if (Status s = lastLocated_.run({upn, beforeMs}, QStringLiteral("finding the last located sign-in of %1").arg(upn)); !s)
        return s.error();
    std::optional<SignInEvent> e;
    if (lastLocated_.next())
        e = readEvent(lastLocated_);
    else if (Status s = lastLocated_.status(); !s)
        return s.error();
    lastLocated_.finish();
    return e;
}

Result<std::optional<qint64>> UserHistoryQueries::lastSuccessBefore(const QString &upn, qint64 beforeMs)
{
    if (Status s = previous_.run({upn, beforeMs}, QStringLiteral("finding the previous successful sign-in of %1").arg(upn)); !s)
        return s.error();
    std::optional<qint64> ms;
    if (previous_.next() && !previous_.value(0).isNull())
        ms = previous_.value(0).toLongLong();
    previous_.finish();
    return ms;
}

} // namespace backsight
