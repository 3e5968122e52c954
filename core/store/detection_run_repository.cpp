#include "store/detection_run_repository.h"
#include "store/database.h"

#include "store/predicates.h"
#include "store/row_cursor.h"
#include "store/sql_query.h"

#include <QDateTime>
#include <QHash>
#include <algorithm>
#include <QJsonDocument>

namespace backsight {

QString DetectionRunRepository::sourceName(Source source)
{
    switch (source) {
    case Source::SignIns: return QStringLiteral("signins");
    case Source::Audits: return QStringLiteral("audits");
    case Source::BackupSessions: return QStringLiteral("backup_sessions");
    }
    return QStringLiteral("signins");
}

Result<qint64> DetectionRunRepository::watermark(Source source)
{
    SqlQuery q(db_);
    if (Status s = q.run(QStringLiteral("SELECT value FROM watermarks WHERE name = ?"), {sourceName(source)},
                         QStringLiteral("reading the detection watermark"));
        !s)
        return s.error();
    return q.next() && !q.value(0).isNull() ? q.value(0).toLongLong() : 0;
}

Result<qint64> DetectionRunRepository::latestRow(Source source)
{
    // The table name is one of three fixed names, never input.
    SqlQuery q(db_);
    if (Status s = q.run(QStringLiteral("SELECT MAX(rowid) FROM %1").arg(sourceName(source)),
                         QStringLiteral("reading %1").arg(sourceName(source)));
        !s)
        return s.error();
    return q.next() && !q.value(0).isNull() ? q.value(0).toLongLong() : 0;
}

Result<std::optional<qint64>> DetectionRunRepository::newestExaminedSignInMs()
{
    const Result<qint64> examined = watermark(Source::SignIns);
    if (!examined)
        return examined.error();
    if (*examined <= 0)
        return std::optional<qint64>();
    const Result<qint64> newest = latestRow(Source::SignIns);
    if (!newest)
        return newest.error();
    // Everything examined (the usual case after a run): the index on created_ms answers without a scan.
    SqlQuery q(db_);
    const Status read = *examined >= *newest
                            ? q.run(QStringLiteral("SELECT MAX(created_ms) FROM signins"), QStringLiteral("reading the examined sign-ins"))
                            : q.run(QStringLiteral("SELECT MAX(created_ms) FROM signins WHERE rowid <= ?"), {*examined},
                                    QStringLiteral("reading the examined sign-ins"));
    if (!read)
        return read.error();
    if (!q.next() || q.value(0).isNull())
        return std::optional<qint64>();
    return std::optional<qint64>(q.value(0).toLongLong());
}

Status DetectionRunRepository::setWatermark(Source source, qint64 row)
{
    SqlQuery q(db_);
    return q.run(QStringLiteral("INSERT INTO watermarks (name, value) VALUES (?, ?) "
                                "ON CONFLICT (name) DO UPDATE SET value = excluded.value"), {sourceName(source), row},
                 QStringLiteral("moving the detection watermark"));
}

Status DetectionRunRepository::ensureAddressIndex()
{
    SqlQuery q(db_);
    if (db_.dialect() == SqlDialect::PostgreSQL) {
        // CREATE INDEX IF NOT EXISTS needs the table's ownership even when the index exists: an analyst role that
        // does not own the case (store/analyst_roles.h, which makes them at the grant) asks first.
        if (Status s = q.run(QStringLiteral("SELECT to_regclass('signins_ip') IS NOT NULL AND to_regclass('signins_ip_failures') IS NOT NULL"),
                             QStringLiteral("looking for the address indexes"));
            !s)
            return s;
        if (q.next() && q.value(0).toBool())
            return {};
    }
    if (Status s = q.run(QStringLiteral("CREATE INDEX IF NOT EXISTS signins_ip ON signins(ip, created_ms)"),
                         QStringLiteral("indexing sign-ins by address"));
        !s)
        return s;
    // The credential failures alone, with the user: the spray search first asks whether a source's failures could
    // reach the user threshold, from this small index only (no table row read), before it reads the source's
    // whole traffic. Partial, so the WHERE of DetectionQueries::credentialFailuresFromPrefix must repeat it.
    return q.run(QStringLiteral("CREATE INDEX IF NOT EXISTS signins_ip_failures ON signins(ip, created_ms, upn, error_code) WHERE %1")
                     .arg(predicate::credentialFailure()),
                 QStringLiteral("indexing failed sign-ins by address"));
}

Result<qint64> DetectionRunRepository::start(qint64 startedMs, const QJsonObject &parameters)
{
    SqlQuery q(db_);
    if (Status s = q.run(QStringLiteral("INSERT INTO detection_runs (started_ms, parameters, status) VALUES (?, ?, 'running')"),
                         {startedMs, QString::fromUtf8(QJsonDocument(parameters).toJson(QJsonDocument::Compact))},
                         QStringLiteral("starting a detection run"));
        !s)
        return s.error();
    return q.lastInsertId().toLongLong();
}

Status DetectionRunRepository::finish(qint64 runId, const QString &status, qint64 eventsExamined, qint64 anomaliesAdded)
{
    SqlQuery q(db_);
    return q.run(QStringLiteral("UPDATE detection_runs SET finished_ms = ?, events_examined = ?, anomalies_added = ?, "
                                "status = ? WHERE id = ?"),
                 {QDateTime::currentMSecsSinceEpoch(), eventsExamined, anomaliesAdded, status, runId},
                 QStringLiteral("recording the end of detection run %1").arg(runId));
}

Result<std::vector<UserSignInRange>> DetectionRunRepository::usersWithNewSignIns(qint64 fromRow, qint64 toRow)
{
    // The new rows in rowid order (a range of the table, read in order) folded per user here: SQLite's GROUP BY
    // sorted every new row by user first, once for the rules and once for the models.
    RowCursor q(db_, QStringLiteral("SELECT upn, created_ms FROM signins WHERE rowid > ? AND rowid <= ? "
                                    "AND upn IS NOT NULL AND upn <> ''"));
    if (Status s = q.run({fromRow, toRow}, QStringLiteral("listing users with new sign-ins")); !s)
        return s.error();
    QHash<QString, std::pair<qint64, qint64>> spans;
    while (q.next()) {
        const qint64 ms = q.int64(1);
        const QString upn = q.sharedText(0);
        if (auto it = spans.find(upn); it != spans.end()) {
            it->first = std::min(it->first, ms);
            it->second = std::max(it->second, ms);
        } else {
            spans.insert(upn, {ms, ms});
        }
    }
    if (Status s = q.status(); !s)
        return s.error();
    std::vector<std::pair<QByteArray, UserSignInRange>> keyed;
    keyed.reserve(std::size_t(spans.size()));
    for (auto it = spans.cbegin(); it != spans.cend(); ++it)
        keyed.push_back({it.key().toUtf8(), {it.key(), it->first, it->second}});
    // By UPN as SQLite orders text (its bytes), as `ORDER BY upn` did.
    std::sort(keyed.begin(), keyed.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    std::vector<UserSignInRange> out;
    out.reserve(keyed.size());
    for (auto &k : keyed)
        out.push_back(std::move(k.second));
    return out;
}

Result<QHash<QString, std::pair<qint64, qint64>>> DetectionRunRepository::newestBaselines()
{
    SqlQuery q(db_);
    if (Status s = q.run(QStringLiteral("SELECT upn, id, window_end_ms FROM baselines ORDER BY id"), QStringLiteral("reading baselines"));
        !s)
        return s.error();
    QHash<QString, std::pair<qint64, qint64>> out;
    while (q.next())
        out.insert(q.value(0).toString(), {q.value(1).toLongLong(), q.value(2).toLongLong()});
    return out;
}

Result<qint64> DetectionRunRepository::activeUsersSince(qint64 day)
{
    SqlQuery q(db_);
    if (Status s = q.run(QStringLiteral("SELECT COUNT(DISTINCT upn) FROM user_days WHERE day >= ?"), {day},
                         QStringLiteral("counting active users"));
        !s)
        return s.error();
    return q.next() ? q.value(0).toLongLong() : 0;
}

Status DetectionRunRepository::saveUserDays(const QString &upn, const std::map<qint64, QByteArray> &days)
{
    SqlQuery q(db_);
    QSqlQuery &insert = q.query();
    if (!insert.prepare(QStringLiteral("INSERT INTO user_days (upn, day, data) VALUES (?, ?, ?) "
                                            "ON CONFLICT (upn, day) DO UPDATE SET data = excluded.data")))
        return q.failed(QStringLiteral("storing the day aggregates of %1").arg(upn));
    for (const auto &[day, data] : days) {
        insert.bindValue(0, upn);
        insert.bindValue(1, day);
        insert.bindValue(2, data);
        if (!insert.exec())
            return q.failed(QStringLiteral("storing the day aggregates of %1").arg(upn));
    }
    return {};
}

Status DetectionRunRepository::saveUserWindow(const QString &upn, int windowDays, qint64 endDay, const QByteArray &data)
{
    SqlQuery q(db_);
    return q.run(QStringLiteral("INSERT INTO user_windows (upn, window_days, end_day, data) VALUES (?, ?, ?, ?) "
                                "ON CONFLICT (upn) DO UPDATE SET window_days = excluded.window_days, end_day = excluded.end_day, "
                                "data = excluded.data"),
                 {upn, windowDays, endDay, data}, QStringLiteral("storing the running baseline of %1").arg(upn));
}

} // namespace backsight
