#pragma once

#include "cases/case_records.h"
#include "model/result.h"
#include "store/anomaly_repository.h"

#include <QIODevice>
#include <QJsonObject>
#include <QStringList>
#include <functional>

namespace backsight {
class Database;
}

// Anomalies as an investigator hands them over: CSV (RFC 4180, UTF-8, ISO 8601 UTC, formula cells
// neutralised) and JSON Lines (one object per anomaly with every field, its notes and tags).
namespace backsight::exporting {

// detect::anomalyToJson plus "notes" [{id, author, at, text}] and "tags" [{tag, author, at}].
QJsonObject anomalyRecordJson(const detect::Anomaly &anomaly, const cases::CaseRecord &record);

QStringList anomalyCsvHeader();
// Lists (kinds, event ids, tags) are joined with "; ", reasons with " | ", notes as "at author: text".
QStringList anomalyCsvRow(const detect::Anomaly &anomaly, const cases::CaseRecord &record);

struct ExportCounts
{
    qint64 rows = 0;
};

// `progress(done)` is called every 256 rows and returns false to cancel (then the call fails with a
// Cancelled error). Returns the number of rows written.
using RowProgress = std::function<bool(qint64 done)>;
Result<qint64> writeAnomaliesCsv(Database &db, const detect::AnomalyFilter &filter, QIODevice &out, bool byteOrderMark,
                                 const RowProgress &progress = {});
Result<qint64> writeAnomaliesJsonl(Database &db, const detect::AnomalyFilter &filter, QIODevice &out,
                                   const RowProgress &progress = {});

} // namespace backsight::exporting
