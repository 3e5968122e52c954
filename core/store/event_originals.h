#pragma once

#include "store/event_queries.h"

#include <QByteArray>
#include <QSqlRecord>
#include <functional>

namespace backsight {

// Streams every event of `table` with its original record (JSON; CSV rows as an object of their cells), in
// storage order (source file, then record), decompressing each block of originals once. `onRow` returns false
// to stop. An event whose original is missing or damaged gets an empty original. The count of events first
// goes to `total` when it is given.
bool forEachEventWithOriginal(Database &db, EventTable table,
                              const std::function<bool(const QSqlRecord &, const QByteArray &)> &onRow,
                              QString &error);
qint64 countEvents(Database &db, EventTable table, QString &error);

} // namespace backsight
