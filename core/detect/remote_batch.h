#pragma once

#include "model/result.h"
#include "store/work_queue.h"

#include <QByteArray>
#include <functional>
#include <memory>
#include <vector>

namespace backsight {
class Database;
}

namespace backsight::detect {

// A command's batch of work in the case's work queue (store/work_queue.h): queued at once, its results taken back in
// item order, removed when this object goes. `backsight-cli worker` processes do the work (detect/worker.h).
class RemoteBatch
{
public:
    // Asked while waiting: an error ends the wait (every worker the command started has stopped; cancelled).
    using Waiting = std::function<Status()>;

    ~RemoteBatch();
    // Call outside a transaction: the workers must see the items. Batches whose commands are gone are removed first.
    static Result<std::unique_ptr<RemoteBatch>> start(Database &db, const QString &kind, const QByteArray &parameters,
                                                      const std::vector<QByteArray> &payloads);
    // The next item's result, in order; waits for a worker to hand it in. A failed item is an error naming `what`.
    Result<QByteArray> take(const Waiting &waiting, const QString &what);
    std::size_t size() const { return size_; }

private:
    RemoteBatch(Database &db, qint64 batchId, std::size_t size) : queue_(db), batchId_(batchId), size_(size) {}

    WorkQueue queue_;
    qint64 batchId_ = 0;
    std::size_t size_ = 0;
    std::vector<WorkQueue::Outcome> ready_; // fetched, not yet taken
    std::size_t readyAt_ = 0;
    int next_ = 0;
};

} // namespace backsight::detect
