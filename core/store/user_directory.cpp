#include "store/user_directory.h"

#include "store/database.h"

#include <QSqlError>
#include <QSqlQuery>

namespace backsight {

Result<QStringList> usersByInterest(Database &db, int limit)
{
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT s.upn FROM (SELECT upn, count(*) AS n, max(interactive) AS human FROM signins WHERE upn IS NOT NULL "
        "GROUP BY upn) s LEFT JOIN (SELECT user_upn, max(severity_rank) AS worst FROM anomalies GROUP BY user_upn) a "
        "ON a.user_upn = s.upn ORDER BY coalesce(s.human, 0) DESC, coalesce(a.worst, 0) DESC, s.n DESC LIMIT ?"));
    q.addBindValue(limit);
    if (!q.exec())
        return Error::storage(Database::describe(QStringLiteral("cannot list the users in %1").arg(db.path()), q.lastError()));
    QStringList upns;
    while (q.next())
        upns << q.value(0).toString();
    return upns;
}

Result<QHash<QString, UserHome>> userHomes(Database &db, const QStringList &upns)
{
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    if (!q.prepare(QStringLiteral("SELECT utc_offset_minutes, home_city, home_country FROM baselines WHERE upn = ? "
                                  "ORDER BY window_end_ms DESC, id DESC LIMIT 1")))
        return Error::storage(Database::describe(QStringLiteral("cannot read the users' baselines in %1").arg(db.path()), q.lastError()));
    QHash<QString, UserHome> homes;
    for (const QString &upn : upns) {
        if (upn.isEmpty() || homes.contains(upn))
            continue;
        q.bindValue(0, upn);
        if (!q.exec())
            return Error::storage(Database::describe(QStringLiteral("cannot read the baseline of %1").arg(upn), q.lastError()));
        if (!q.next())
            continue;
        UserHome home;
        if (!q.value(0).isNull())
            home.utcOffsetMinutes = q.value(0).toInt();
        home.city = q.value(1).toString();
        home.country = q.value(2).toString();
        homes.insert(upn, home);
    }
    return homes;
}

} // namespace backsight
