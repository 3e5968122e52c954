#pragma once

#include "model/result.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QString>
#include <map>
#include <optional>
#include <utility>
#include <vector>

namespace backsight {

class Database;

// A user with sign-ins in the rows a detection run examines, and their time span.
struct UserSignInRange
{
    QString upn;
    qint64 minMs = 0, maxMs = 0;
};

// Detection runs, their watermarks (the last row of each event source a run has examined) and the per-user
// running state a run keeps (day aggregates, the running baseline window). Watermarks are row ids: SQLite's rowid,
// or the `rowid` column the event tables carry on PostgreSQL (store/sql_dialect.cpp, docs/storage.md).
class DetectionRunRepository
{
public:
    enum class Source { SignIns, Audits, BackupSessions };
    static QString sourceName(Source source); // "signins", "audits", "backup_sessions"

    explicit DetectionRunRepository(Database &db) : db_(db) {}

    // The last examined row of `source`; 0 before the first run.
    Result<qint64> watermark(Source source);
    // The newest stored row of `source`; 0 when empty.
    Result<qint64> latestRow(Source source);
    // Moves the watermark of `source` to `row` (inside the run's transaction).
    Status setWatermark(Source source, qint64 row);

    // Sprays and shared addresses look sign-ins up by address: the index is made at the first detection, so
    // imports without detection do not pay for it.
    Status ensureAddressIndex();

    // A new run row with status "running"; returns its id.
    Result<qint64> start(qint64 startedMs, const QJsonObject &parameters);
    // Closes the run: finish time now, what it examined and added, and "done", "cancelled" or "failed: …".
    Status finish(qint64 runId, const QString &status, qint64 eventsExamined, qint64 anomaliesAdded);

    // The time of the newest sign-in a detection run has examined (rowid at or below the sign-in watermark); empty
    // before the first run. Models learn up to here, so they judge only what comes after (detect/sign_in_model_training.h).
    Result<std::optional<qint64>> newestExaminedSignInMs();
    // Users with sign-ins in rows (fromRow, toRow], by UPN.
    Result<std::vector<UserSignInRange>> usersWithNewSignIns(qint64 fromRow, qint64 toRow);
    // Each user's newest stored baseline: upn -> (baseline id, window end).
    Result<QHash<QString, std::pair<qint64, qint64>>> newestBaselines();
    // Users with any sign-in day since `day` (UTC day number).
    Result<qint64> activeUsersSince(qint64 day);

    // The user's day aggregates (day -> serialised aggregate), replacing those days.
    Status saveUserDays(const QString &upn, const std::map<qint64, QByteArray> &days);
    // The user's running baseline window.
    Status saveUserWindow(const QString &upn, int windowDays, qint64 endDay, const QByteArray &data);

private:
    Database &db_;
};

} // namespace backsight
