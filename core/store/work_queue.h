#pragma once

#include "model/result.h"

#include <QByteArray>
#include <QString>
#include <optional>
#include <vector>

namespace backsight {

class Database;

// The shared case's work queue (PostgreSQL; docs/storage.md "Distributed work"). A coordinator (`train` or `detect`
// with --workers) opens a batch and enqueues one item per unit of work; `backsight-cli worker` processes claim the
// oldest free item with `SELECT … FOR UPDATE SKIP LOCKED`, hold it under a lease they renew while they work, and
// write the result back. An item whose lease ran out (its worker died) is claimed again by the next worker; after
// kMaxAttempts claims it fails. The coordinator takes the results in item order and removes the batch when done. A
// batch whose coordinator's server process is gone (the command was killed) is not worked on, and the next
// coordinator removes it.
class WorkQueue
{
public:
    static constexpr int kMaxAttempts = 3;

    struct Item
    {
        qint64 id = 0, batchId = 0;
        int seq = 0, attempt = 0;   // attempt: this claim's number (1 = first); it fences the result
        QString kind;               // the batch's: "detect", "train"
        QByteArray parameters;      // the batch's
        QByteArray payload;
    };
    struct Outcome
    {
        int seq = 0;
        bool failed = false;
        QByteArray result;
        QString error;
    };
    struct Counts
    {
        int queued = 0, claimed = 0, done = 0, failed = 0;
    };

    explicit WorkQueue(Database &db) : db_(db) {}

    // Whether this case can hold a queue shared with other processes (a PostgreSQL case).
    bool shared() const;

    // Coordinator.
    Result<qint64> openBatch(const QString &kind, const QByteArray &parameters);
    Status enqueue(qint64 batchId, const std::vector<QByteArray> &payloads); // items numbered 0, 1, … in order
    // Finished items (done or failed) numbered fromSeq and on, in order, stopping at the first not finished.
    Result<std::vector<Outcome>> finished(qint64 batchId, int fromSeq, int limit);
    Result<Counts> counts(qint64 batchId);
    Status closeBatch(qint64 batchId);
    Status removeOrphanBatches();

    // Worker. The server's clock times leases, so workers on other machines need not agree on the time.
    Result<std::optional<Item>> claim(const QString &worker, int leaseMs);
    // Items of live batches not finished yet (queued, or claimed: perhaps by a worker that died and must be
    // claimed again): a worker started for one command stays while this is above 0.
    Result<int> unfinished();
    Status renew(const QString &worker, int leaseMs);
    // False when the item is no longer this claim's (its lease ran out and another worker took it, or its batch
    // was closed): the result is dropped.
    Result<bool> complete(const Item &item, const QByteArray &result);
    // `why` is the item's failure as the worker tells it (an input, not an out-parameter).
    Result<bool> fail(const Item &item, const QString &why);

private:
    Status needsServer() const;

    Database &db_;
};

} // namespace backsight
