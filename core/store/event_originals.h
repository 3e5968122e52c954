#pragma once

#include "store/event_queries.h"

#include <QByteArray>
#include <QSqlRecord>
#include <functional>

namespace backsight {

// Streams every event of `table` with its original record (JSON; CSV rows as an object of their cells), in
// storage order (source file, then record), decompressing each block of originals once. `onRow` returns false
// to stop (still a success). An event whose original is missing or damaged gets an empty original.
Status forEachEventWithOriginal(Database &db, EventTable table,
                                const std::function<bool(const QSqlRecord &, const QByteArray &)> &onRow);
Result<qint64> countEvents(Database &db, EventTable table);

// The events with these ids from the sign-in, workload sign-in and audit tables, in time order. Ids not found are
// counted in `missing`.
Status forEachEventById(Database &db, const QStringList &eventIds,
                        const std::function<void(EventTable, const QSqlRecord &)> &onRow, qint64 &missing);

} // namespace backsight
