#include "store/evaluation_queries.h"

#include "store/database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace backsight::eval {

Result<std::vector<Anomaly>> readAnomalies(Database &db)
{
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT id, event_id, user_upn, time_ms, kind, severity, score, event_ids FROM anomalies "
                               "ORDER BY time_ms, id")))
        return Error::storage(Database::describe(QStringLiteral("reading the anomalies"), q.lastError()));
    std::vector<Anomaly> anomalies;
    while (q.next()) {
        Anomaly a;
        a.id = q.value(0).toString();
        a.eventId = q.value(1).toString();
        a.upn = q.value(2).toString().toLower();
        a.timeMs = q.value(3).toLongLong();
        a.kind = q.value(4).toString();
        a.severity = severityRank(q.value(5).toString());
        if (!q.value(6).isNull())
            a.score = q.value(6).toDouble();
        for (const QJsonValue &v : QJsonDocument::fromJson(q.value(7).toString().toUtf8()).array())
            a.eventIds << v.toString();
        anomalies.push_back(std::move(a));
    }
    if (q.lastError().isValid())
        return Error::storage(Database::describe(QStringLiteral("reading the anomalies"), q.lastError()));
    return anomalies;
}

Result<EventUniverse> readEventUniverse(Database &db)
{
    QSqlQuery q(db.connection());
    if (!q.exec(QStringLiteral("SELECT (SELECT COUNT(*) FROM signins) + (SELECT COUNT(*) FROM audits), "
                               "(SELECT COUNT(*) FROM (SELECT DISTINCT upn, created_ms / 86400000 FROM signins) AS user_days)"))
        || !q.next())
        return Error::storage(Database::describe(QStringLiteral("counting events and user-days"), q.lastError()));
    EventUniverse universe;
    universe.events = q.value(0).toLongLong();
    universe.userDays = q.value(1).toDouble();
    return universe;
}

} // namespace backsight::eval
