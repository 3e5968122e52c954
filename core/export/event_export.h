#pragma once

#include "export/anomaly_export.h"
#include "store/event_queries.h"

#include <QIODevice>
#include <QSqlRecord>
#include <QStringList>

namespace backsight {
class Database;
}

// Stored log events as CSV (RFC 4180, UTF-8, formula cells neutralised) or JSON Lines. Columns ending
// in _ms are written as ISO 8601 UTC and renamed _utc in CSV; JSON keeps both.
namespace backsight::exporting {

// One table, filtered, in time order (the shape of `backsight-cli events`). Returns the rows written.
Result<qint64> writeEventsCsv(Database &db, EventTable table, const EventFilter &filter, QIODevice &out,
                              bool byteOrderMark, const RowProgress &progress = {});
Result<qint64> writeEventsJsonl(Database &db, EventTable table, const EventFilter &filter, QIODevice &out,
                                const RowProgress &progress = {});

// The events with these ids from every table (the events a set of anomalies cites), in time order.
// CSV has a first column "table" and the union of the sign-in and audit columns; JSONL has "table" too.
// Ids not found are skipped and counted in `missing`.
Result<qint64> writeEventsByIdCsv(Database &db, const QStringList &eventIds, QIODevice &out, bool byteOrderMark,
                                  qint64 &missing);
Result<qint64> writeEventsByIdJsonl(Database &db, const QStringList &eventIds, QIODevice &out, qint64 &missing);

// A record as a JSON object (the JSONL shape): _ms columns also as _utc text.
QJsonObject eventRecordJson(const QSqlRecord &record);

} // namespace backsight::exporting
