#include "detect/worker.h"

#include "detect/distributed_detection.h"
#include "detect/distributed_training.h"
#include "store/database.h"
#include "store/work_queue.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSysInfo>
#include <QThread>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace backsight::detect {
namespace {

// Renews this worker's leases on a connection of its own while the worker is busy with an item.
class Heartbeat
{
public:
    Heartbeat(const QString &location, const QString &worker, int leaseMs)
        : thread_([this, location, worker, leaseMs] { beat(location, worker, leaseMs); })
    {
    }
    ~Heartbeat()
    {
        {
            std::lock_guard lock(mutex_);
            stop_ = true;
        }
        wake_.notify_all();
        thread_.join();
    }
    // The first renewal that failed, if any (read on the worker's thread).
    QString error()
    {
        std::lock_guard lock(mutex_);
        return error_;
    }

private:
    void beat(const QString &location, const QString &worker, int leaseMs)
    {
        Database db;
        if (!db.open(location)) {
            std::lock_guard lock(mutex_);
            error_ = db.error();
            return;
        }
        WorkQueue queue(db);
        std::unique_lock lock(mutex_);
        while (!wake_.wait_for(lock, std::chrono::milliseconds(std::max(100, leaseMs / 3)), [&] { return stop_; })) {
            lock.unlock();
            const Status s = queue.renew(worker, leaseMs);
            lock.lock();
            if (!s && error_.isEmpty())
                error_ = s.error().message;
        }
    }

    std::mutex mutex_;
    std::condition_variable wake_;
    bool stop_ = false;
    QString error_;
    std::thread thread_;
};

} // namespace

Status runWorker(const QString &location, const WorkerOptions &o, WorkerReport &report)
{
    Database db;
    if (!db.open(location))
        return Error::storage(db.error());
    WorkQueue queue(db);
    if (!queue.shared())
        return Error::badInput(QStringLiteral("A worker serves a case on a PostgreSQL server (--db postgresql://…); a "
                                              "case file is worked on by the command itself"));
    const QString name = o.name.isEmpty()
                             ? QStringLiteral("%1:%2").arg(QSysInfo::machineHostName()).arg(QCoreApplication::applicationPid())
                             : o.name;
    Heartbeat heartbeat(location, name, o.leaseMs);
    DetectionWork detection(db);
    TrainingWork training(db);
    const auto say = [&](const QString &line) {
        if (o.log)
            o.log(line);
    };
    for (;;) {
        if (const QString beat = heartbeat.error(); !beat.isEmpty())
            return Error::storage(QStringLiteral("Renewing this worker's leases: %1").arg(beat));
        Result<std::optional<WorkQueue::Item>> claimed = queue.claim(name, o.leaseMs);
        if (!claimed)
            return claimed.error();
        if (!*claimed) {
            if (o.untilIdle) {
                const Result<int> left = queue.unfinished();
                if (!left)
                    return left.error();
                if (*left == 0)
                    return {};
            }
            QThread::msleep(unsigned(o.pollMs));
            continue;
        }
        const WorkQueue::Item &item = **claimed;
        QElapsedTimer timer;
        timer.start();
        Result<QByteArray> result =
            item.kind == DetectionWork::kKind
                ? detection.process(item.batchId, item.parameters, item.payload)
            : item.kind == TrainingWork::kKind
                ? training.process(item.parameters, item.payload)
                : Result<QByteArray>(Error::badInput(QStringLiteral("This worker does not know work of kind '%1': is it "
                                                                    "an older version of Backsight?").arg(item.kind)));
        const Result<bool> handed = result ? queue.complete(item, *result) : queue.fail(item, result.error().message);
        if (!handed)
            return handed.error();
        if (!*handed)
            ++report.lost;
        else if (result)
            ++report.done;
        else
            ++report.failed;
        say(QStringLiteral("%1 batch %2 item %3 (attempt %4): %5 in %6 ms")
                .arg(item.kind)
                .arg(item.batchId)
                .arg(item.seq)
                .arg(item.attempt)
                .arg(!*handed ? QStringLiteral("taken by another worker meanwhile")
                     : result ? QStringLiteral("done")
                              : QStringLiteral("failed: ") + result.error().message)
                .arg(timer.elapsed()));
    }
}

} // namespace backsight::detect
