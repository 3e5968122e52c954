#pragma once

#include "detect/pipeline.h"
#include "detect/user_examiner.h"
#include "model/result.h"

#include <QHash>
#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace backsight {
class Database;
}

namespace backsight::detect::detail {

// How many threads examine users, each on a connection of its own: SQLite case files only (a PostgreSQL
// connection's password is not kept to open another; an in-memory database is another database on each
// connection), and only when there are users enough to share.
int examinerThreads(const Database &db, std::size_t users);

// Users examined on worker threads, each with its own connection, handed back in user order: the main thread
// stores each result (one write transaction) while the workers read and examine the next users, at most kAhead
// users ahead of it. Workers take the next user as they come free: a fixed share per thread, each through its own
// BatchQueue (ingest/batch_queue.h), was tried and measured slower (users phase 2.9-3.6 s against 2.5-2.7 s on
// the 300 x 75 tenant), because users' costs differ and the results are taken in order.
class ParallelExaminers
{
public:
    using Examine = std::function<Status(UserExaminer &, std::size_t user, UserResult &, DetectReport &)>;
    struct Done
    {
        Status status;
        UserResult result;
        DetectReport counts; // what examine counted (sign-ins examined, unknown error codes)
    };

    ParallelExaminers(const QString &path, int threads, std::size_t users, const DetectOptions &o,
                      const QHash<QString, std::pair<qint64, qint64>> &baselines, Examine examine);
    ~ParallelExaminers() { stop(); }

    // The next user's result, in order; waits for it.
    Done take(std::size_t user);
    void stop();

private:
    static constexpr std::size_t kAhead = 64;
    // Each thread's connection reads through plain page reads and a small cache: a memory map per connection would
    // count the case file in RSS once per thread.
    static constexpr qint64 kMapBytes = 0;
    static constexpr int kCacheKiB = 16 * 1024;

    void work(const QString &path, const DetectOptions &o,
              const QHash<QString, std::pair<qint64, qint64>> &baselines);

    std::vector<std::optional<Done>> slots_;
    Examine examine_;
    std::vector<std::thread> threads_;
    std::atomic<std::size_t> next_{0};
    std::mutex mutex_;
    std::condition_variable ready_, room_;
    std::size_t taken_ = 0;
    bool stopping_ = false;
};

} // namespace backsight::detect::detail
