#pragma once

#include "model/result.h"

#include <QSqlRecord>
#include <QString>
#include <functional>
#include <optional>

namespace backsight {

class Database;

struct StoreStats
{
    qint64 interactiveSignIns = 0;
    qint64 nonInteractiveSignIns = 0;
    qint64 workloadSignIns = 0; // service principals and managed identities
    qint64 audits = 0;
    qint64 users = 0;           // distinct UPNs with a sign-in
    qint64 sources = 0;
    qint64 backupSessions = 0;  // Veeam job and task sessions (not part of the event times below)
    std::optional<qint64> firstEventMs;
    std::optional<qint64> lastEventMs;
};

Result<StoreStats> readStats(Database &db);

enum class EventTable { SignIns, WorkloadSignIns, Audits };

struct EventFilter
{
    QString upn;                   // lower-cased before matching
    std::optional<qint64> fromMs;  // inclusive
    std::optional<qint64> toMs;    // exclusive
    qint64 limit = -1;
};

QString tableName(EventTable table);

// Streams matching events in time order; `onRow` returns false to stop (still a success).
Status forEachEvent(Database &db, EventTable table, const EventFilter &filter,
                    const std::function<bool(const QSqlRecord &)> &onRow);

// The event `id` from whichever event table holds it, with that table; empty when no table has it.
struct StoredEvent
{
    EventTable table = EventTable::SignIns;
    qint64 timeMs = 0;
    QSqlRecord record;
};
Result<std::optional<StoredEvent>> eventById(Database &db, const QString &id);

// How many Veeam backup sessions are stored.
Result<qint64> countBackupSessions(Database &db);

// The original record of an event as it was read (JSON; CSV rows as a JSON object of their cells). NotFound when no
// event with that id has an original stored; Storage when it cannot be read (damaged, or in a newer encoding).
Result<QByteArray> originalRecord(Database &db, const QString &eventId);

} // namespace backsight
