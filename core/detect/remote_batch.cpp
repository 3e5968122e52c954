#include "detect/remote_batch.h"

#include <QThread>

namespace backsight::detect {

RemoteBatch::~RemoteBatch()
{
    (void)queue_.closeBatch(batchId_); // one left behind is removed by the next command (removeOrphanBatches)
}

Result<std::unique_ptr<RemoteBatch>> RemoteBatch::start(Database &db, const QString &kind, const QByteArray &parameters,
                                                        const std::vector<QByteArray> &payloads)
{
    WorkQueue queue(db);
    if (Status s = queue.removeOrphanBatches(); !s)
        return s.error();
    const Result<qint64> batch = queue.openBatch(kind, parameters);
    if (!batch)
        return batch.error();
    std::unique_ptr<RemoteBatch> remote(new RemoteBatch(db, *batch, payloads.size()));
    if (Status s = queue.enqueue(*batch, payloads); !s)
        return s.error();
    return remote;
}

Result<QByteArray> RemoteBatch::take(const Waiting &waiting, const QString &what)
{
    if (std::size_t(next_) >= size_)
        return Error::badInput(QStringLiteral("Every item of this batch has been taken"));
    int idle = 0;
    while (readyAt_ >= ready_.size()) {
        Result<std::vector<WorkQueue::Outcome>> done = queue_.finished(batchId_, next_, 256);
        if (!done)
            return done.error();
        if (!done->empty()) {
            ready_ = std::move(*done);
            readyAt_ = 0;
            break;
        }
        if (waiting)
            if (Status s = waiting(); !s)
                return s.error();
        // Poll quickly at first (the next item is usually a moment away), then every 50 ms.
        QThread::msleep(++idle < 20 ? 2 : 50);
    }
    WorkQueue::Outcome outcome = std::move(ready_[readyAt_++]);
    ++next_;
    if (outcome.failed)
        return Error::storage(QStringLiteral("A worker could not %1: %2").arg(what, outcome.error));
    return outcome.result;
}

} // namespace backsight::detect
