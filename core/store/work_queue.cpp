#include "store/work_queue.h"

#include "store/database.h"
#include "store/sql_query.h"

#include <QDateTime>

namespace backsight {
namespace {

// The server's clock in epoch milliseconds: one clock for every worker's lease.
const QString kNow = QStringLiteral("CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)");
// A batch is alive while its coordinator's server process is.
const QString kAlive = QStringLiteral("coordinator IN (SELECT pid FROM pg_stat_activity)");

} // namespace

bool WorkQueue::shared() const
{
    return db_.dialect() == SqlDialect::PostgreSQL;
}

Status WorkQueue::needsServer() const
{
    if (shared())
        return {};
    return Error::badInput(QStringLiteral("Workers share a case on a PostgreSQL server; a case file is worked on by "
                                          "the command itself (leave out --workers or use a postgresql:// case)"));
}

Result<qint64> WorkQueue::openBatch(const QString &kind, const QByteArray &parameters)
{
    if (Status s = needsServer(); !s)
        return s.error();
    SqlQuery q(db_);
    if (Status s = q.run(QStringLiteral("INSERT INTO work_batches (kind, parameters, coordinator, created_ms) "
                                        "VALUES (?, ?, pg_backend_pid(), ?) RETURNING id"),
                         {kind, parameters, QDateTime::currentMSecsSinceEpoch()}, QStringLiteral("opening a work batch"));
        !s)
        return s.error();
    if (!q.next())
        return Error::storage(QStringLiteral("opening a work batch: the server returned no id"));
    return q.value(0).toLongLong();
}

Status WorkQueue::enqueue(qint64 batchId, const std::vector<QByteArray> &payloads)
{
    if (Status s = needsServer(); !s)
        return s;
    constexpr std::size_t kRows = 500; // rows per statement
    for (std::size_t begin = 0; begin < payloads.size(); begin += kRows) {
        const std::size_t end = std::min(payloads.size(), begin + kRows);
        QString sql = QStringLiteral("INSERT INTO work_items (batch_id, seq, payload, state, attempts) VALUES ");
        QVariantList binds;
        for (std::size_t i = begin; i < end; ++i) {
            sql += i == begin ? QStringLiteral("(?, ?, ?, 'queued', 0)") : QStringLiteral(", (?, ?, ?, 'queued', 0)");
            binds << batchId << qint64(i) << payloads[i];
        }
        SqlQuery q(db_);
        if (Status s = q.run(sql, binds, QStringLiteral("queueing work items")); !s)
            return s;
    }
    return {};
}

Result<std::vector<WorkQueue::Outcome>> WorkQueue::finished(qint64 batchId, int fromSeq, int limit)
{
    SqlQuery q(db_);
    if (Status s = q.run(QStringLiteral("SELECT seq, state, result, error FROM work_items WHERE batch_id = ? AND seq >= ? "
                                        "ORDER BY seq LIMIT ?"),
                         {batchId, fromSeq, limit}, QStringLiteral("reading finished work items"));
        !s)
        return s.error();
    std::vector<Outcome> out;
    int expected = fromSeq;
    while (q.next()) {
        const QString state = q.value(1).toString();
        if (q.value(0).toInt() != expected || (state != QLatin1String("done") && state != QLatin1String("failed")))
            break;
        Outcome o;
        o.seq = expected++;
        o.failed = state == QLatin1String("failed");
        o.result = q.value(2).toByteArray();
        o.error = q.value(3).toString();
        out.push_back(std::move(o));
    }
    return out;
}

Result<WorkQueue::Counts> WorkQueue::counts(qint64 batchId)
{
    SqlQuery q(db_);
    if (Status s = q.run(QStringLiteral("SELECT state, COUNT(*) FROM work_items WHERE batch_id = ? GROUP BY state"),
                         {batchId}, QStringLiteral("counting work items"));
        !s)
        return s.error();
    Counts c;
    while (q.next()) {
        const QString state = q.value(0).toString();
        const int n = q.value(1).toInt();
        (state == QLatin1String("queued") ? c.queued : state == QLatin1String("claimed") ? c.claimed
                                                   : state == QLatin1String("done")    ? c.done
                                                                                        : c.failed) += n;
    }
    return c;
}

Status WorkQueue::closeBatch(qint64 batchId)
{
    SqlQuery q(db_);
    if (Status s = q.run(QStringLiteral("DELETE FROM work_items WHERE batch_id = ?"), {batchId},
                         QStringLiteral("removing a finished work batch"));
        !s)
        return s;
    return q.run(QStringLiteral("DELETE FROM work_batches WHERE id = ?"), {batchId},
                 QStringLiteral("removing a finished work batch"));
}

Status WorkQueue::removeOrphanBatches()
{
    if (!shared())
        return {};
    SqlQuery q(db_);
    return q.run(QStringLiteral("DELETE FROM work_batches WHERE NOT (%1)").arg(kAlive),
                 QStringLiteral("removing the work of commands that are gone"));
}

Result<std::optional<WorkQueue::Item>> WorkQueue::claim(const QString &worker, int leaseMs)
{
    if (Status s = needsServer(); !s)
        return s.error();
    SqlQuery expire(db_);
    if (Status s = expire.run(QStringLiteral("UPDATE work_items SET state = 'failed', worker = NULL, lease_until_ms = NULL, "
                                             "error = ? WHERE state = 'claimed' AND lease_until_ms < %1 AND attempts >= ?")
                                  .arg(kNow),
                              {QStringLiteral("%1 workers stopped while working on this item").arg(kMaxAttempts), kMaxAttempts},
                              QStringLiteral("failing work items whose workers kept stopping"));
        !s)
        return s.error();
    // The oldest free item of a live batch: never claimed, or claimed under a lease that ran out. SKIP LOCKED lets
    // every worker take a different one at once.
    SqlQuery q(db_);
    if (Status s = q.run(QStringLiteral(
                             "UPDATE work_items SET state = 'claimed', worker = ?, attempts = attempts + 1, "
                             "lease_until_ms = %1 + ? WHERE id = (SELECT i.id FROM work_items i "
                             "JOIN work_batches b ON b.id = i.batch_id WHERE b.%2 AND (i.state = 'queued' OR "
                             "(i.state = 'claimed' AND i.lease_until_ms < %1)) ORDER BY i.id LIMIT 1 "
                             "FOR UPDATE OF i SKIP LOCKED) RETURNING id, batch_id, seq, attempts, payload")
                             .arg(kNow, kAlive),
                         {worker, leaseMs}, QStringLiteral("claiming a work item"));
        !s)
        return s.error();
    if (!q.next())
        return std::optional<Item>();
    Item item;
    item.id = q.value(0).toLongLong();
    item.batchId = q.value(1).toLongLong();
    item.seq = q.value(2).toInt();
    item.attempt = q.value(3).toInt();
    item.payload = q.value(4).toByteArray();
    SqlQuery batch(db_);
    if (Status s = batch.run(QStringLiteral("SELECT kind, parameters FROM work_batches WHERE id = ?"), {item.batchId},
                             QStringLiteral("reading a work batch"));
        !s)
        return s.error();
    if (!batch.next())
        return std::optional<Item>(); // closed meanwhile
    item.kind = batch.value(0).toString();
    item.parameters = batch.value(1).toByteArray();
    return std::optional<Item>(std::move(item));
}

Result<int> WorkQueue::unfinished()
{
    if (Status s = needsServer(); !s)
        return s.error();
    SqlQuery q(db_);
    if (Status s = q.run(QStringLiteral("SELECT COUNT(*) FROM work_items i JOIN work_batches b ON b.id = i.batch_id "
                                        "WHERE b.%1 AND i.state IN ('queued', 'claimed')").arg(kAlive),
                         QStringLiteral("counting unfinished work items"));
        !s)
        return s.error();
    return q.next() ? q.value(0).toInt() : 0;
}

Status WorkQueue::renew(const QString &worker, int leaseMs)
{
    SqlQuery q(db_);
    return q.run(QStringLiteral("UPDATE work_items SET lease_until_ms = %1 + ? WHERE worker = ? AND state = 'claimed'")
                     .arg(kNow),
                 {leaseMs, worker}, QStringLiteral("renewing a work lease"));
}

Result<bool> WorkQueue::complete(const Item &item, const QByteArray &result)
{
    SqlQuery q(db_);
    if (Status s = q.run(QStringLiteral("UPDATE work_items SET state = 'done', result = ?, lease_until_ms = NULL "
                                        "WHERE id = ? AND attempts = ? AND state = 'claimed'"),
                         {result, item.id, item.attempt}, QStringLiteral("handing in a work item"));
        !s)
        return s.error();
    return q.rowsAffected() == 1;
}

Result<bool> WorkQueue::fail(const Item &item, const QString &why)
{
    SqlQuery q(db_);
    if (Status s = q.run(QStringLiteral("UPDATE work_items SET state = 'failed', error = ?, lease_until_ms = NULL "
                                        "WHERE id = ? AND attempts = ? AND state = 'claimed'"),
                         {why, item.id, item.attempt}, QStringLiteral("handing in a failed work item"));
        !s)
        return s.error();
    return q.rowsAffected() == 1;
}

} // namespace backsight
