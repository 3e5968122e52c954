#include "store/evaluation_queries.h"

#include "store/database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace backsight::eval {

bool readAnomalies(Database &db, std::vector<Anomaly> &anomalies, bool &tablePresent, QString &error)
{
    QSqlQuery q(db.connection());
    if (!q.exec(QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'anomalies'"))) {
        error = Database::describe(QStringLiteral("looking for the anomalies table"), q.lastError());
        return false;
    }
    tablePresent = q.next();
    if (!tablePresent)
        return true;
    // Anomalies that name several events list them all in event_ids (a JSON array), when the column exists.
    bool hasEventIds = false;
    if (q.exec(QStringLiteral("PRAGMA table_info(anomalies)"))) {
        while (q.next())
            hasEventIds = hasEventIds || q.value(1).toString() == QLatin1String("event_ids");
    }
    if (!q.exec(QStringLiteral("SELECT id, event_id, user_upn, time_ms, kind, severity, score, %1 FROM anomalies ORDER BY time_ms, id")
                    .arg(hasEventIds ? QStringLiteral("event_ids") : QStringLiteral("NULL")))) {
        error = Database::describe(QStringLiteral("reading the anomalies"), q.lastError());
        return false;
    }
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
    return true;
}

bool readEventUniverse(Database &db, EventUniverse &universe, QString &error)
{
    QSqlQuery q(db.connection());
    if (!q.exec(QStringLiteral("SELECT (SELECT COUNT(*) FROM signins) + (SELECT COUNT(*) FROM audits), "
                               "(SELECT COUNT(*) FROM (SELECT DISTINCT upn, created_ms / 86400000 FROM signins) AS user_days)"))
        || !q.next()) {
        error = Database::describe(QStringLiteral("counting events and user-days"), q.lastError());
        return false;
    }
    universe.events = q.value(0).toLongLong();
    universe.userDays = q.value(1).toDouble();
    return true;
}

} // namespace backsight::eval
