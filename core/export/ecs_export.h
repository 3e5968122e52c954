#pragma once

#include "detect/anomaly_repository.h"
#include "model/result.h"
#include "store/event_queries.h"

#include <QIODevice>
#include <QJsonObject>
#include <QSqlRecord>

namespace backsight {
class Database;
}

// Elastic Common Schema documents (NDJSON, one per line) shaped like Elastic's Azure integration
// (docs/exports.md): @timestamp, event.kind/category/type/outcome, user.*, source.ip/geo/as, user_agent.*, and
// the original record under azure.signinlogs.properties / azure.auditlogs.properties with snake_case names.
namespace backsight::exporting {

inline constexpr const char *kEcsVersion = "8.11.0";

// Fields an event may carry beyond its stored columns (ASN enrichment fills them when it exists).
struct EcsEnrichment
{
    std::optional<qint64> asNumber;   // source.as.number; the row's `asn` column is used when this is empty
    QString asOrganization;           // source.as.organization.name; also read from an `as_org` column when present
};

QJsonObject ecsEvent(const QSqlRecord &record, EventTable table, const QByteArray &original,
                     const EcsEnrichment &enrichment = {});
QJsonObject ecsAnomaly(const detect::Anomaly &anomaly);
// "createdDateTime" → "created_date_time", "IPAddress" → "ip_address", "Date (UTC)" → "date_utc"; JSON text in
// Log Analytics columns becomes objects; the key conversion is applied at every level.
QJsonValue snakeCaseRecord(const QJsonValue &value);
QString snakeCase(const QString &key);

// Each returns the documents written.
Result<qint64> writeEventsEcs(Database &db, EventTable table, const EventFilter &filter, QIODevice &out);
Result<qint64> writeAnomaliesEcs(Database &db, const detect::AnomalyFilter &filter, QIODevice &out);
// The anomalies of a scope and the events they cite.
Result<qint64> writeReportEcs(Database &db, const detect::AnomalyFilter &filter, QIODevice &out);

} // namespace backsight::exporting
