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

// Timelines for Timesketch (docs/exports.md): JSON Lines or CSV with the three fields Timesketch requires —
// `message`, `datetime` (ISO 8601, UTC) and `timestamp_desc` — plus `timestamp` (microseconds) and every field
// of the event. Anomalies are rows of their own (data_type backsight:anomaly) with severity and reasons.
namespace backsight::exporting {

enum class TimelineFormat { Jsonl, Csv };

QJsonObject timesketchEvent(const QSqlRecord &record, EventTable table);
QJsonObject timesketchAnomaly(const detect::Anomaly &anomaly);
// CSV columns: the required ones first, then the event's or the anomaly's fields.
QStringList timesketchEventColumns(EventTable table);
QStringList timesketchAnomalyColumns();

// Writes rows as JSON Lines or as CSV with a fixed header (cells neutralised as in every CSV export).
class TimelineWriter
{
public:
    TimelineWriter(QIODevice &out, TimelineFormat format, QStringList csvColumns, bool byteOrderMark = false);
    void write(const QJsonObject &row);

private:
    QIODevice &out_;
    TimelineFormat format_;
    QStringList columns_;
};

// `events`, `anomalies` and `report` (the anomalies of a scope and the events they cite, in one timeline).
// Each returns the rows written.
Result<qint64> writeEventsTimesketch(Database &db, EventTable table, const EventFilter &filter, QIODevice &out,
                                     TimelineFormat format);
Result<qint64> writeAnomaliesTimesketch(Database &db, const detect::AnomalyFilter &filter, QIODevice &out,
                                        TimelineFormat format);
Result<qint64> writeReportTimesketch(Database &db, const detect::AnomalyFilter &filter, QIODevice &out,
                                     TimelineFormat format);

} // namespace backsight::exporting
