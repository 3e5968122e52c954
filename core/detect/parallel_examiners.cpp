#include "detect/parallel_examiners.h"

#include "store/database.h"
#include "store/detection_queries.h"

#include <QFileInfo>
#include <QSqlError>
#include <algorithm>

namespace backsight::detect::detail {

int examinerThreads(const Database &db, std::size_t users)
{
    if (db.dialect() != SqlDialect::SQLite || users < 8 || !QFileInfo(db.path()).isFile())
        return 0;
    return int(std::min<unsigned>(4, std::thread::hardware_concurrency()));
}

ParallelExaminers::ParallelExaminers(const QString &path, int threads, std::size_t users, const DetectOptions &o,
                                     const QHash<QString, std::pair<qint64, qint64>> &baselines, Examine examine)
    : slots_(users), examine_(std::move(examine))
{
    for (int t = 0; t < threads; ++t)
        threads_.emplace_back([this, path, &o, &baselines] { work(path, o, baselines); });
}

ParallelExaminers::Done ParallelExaminers::take(std::size_t user)
{
    std::unique_lock lock(mutex_);
    ready_.wait(lock, [&] { return slots_[user].has_value(); });
    Done done = std::move(*slots_[user]);
    slots_[user].reset();
    taken_ = user + 1;
    lock.unlock();
    room_.notify_all();
    return done;
}

void ParallelExaminers::stop()
{
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    room_.notify_all();
    for (std::thread &t : threads_)
        t.join();
    threads_.clear();
}

void ParallelExaminers::work(const QString &path, const DetectOptions &o,
                             const QHash<QString, std::pair<qint64, qint64>> &baselines)
{
    Database db;
    std::optional<DetectionQueries> queries;
    std::optional<StoreTenantFacts> tenant;
    std::optional<UserExaminer> examiner;
    Status opened;
    if (!db.open(path))
        opened = Error::storage(QStringLiteral("opening %1 for a detection thread: %2").arg(path, db.error()));
    else if (const Status sized = db.setReadCaches(kMapBytes, kCacheKiB); !sized)
        opened = sized;
    else if (!db.connection().transaction()) // one snapshot for every read of this thread
        opened = Error::storage(Database::describe(QStringLiteral("starting a detection thread's read"),
                                                   db.connection().lastError()));
    else {
        queries.emplace(db);
        tenant.emplace(db, *queries, o.params.sharedIpMinUsers);
        examiner.emplace(db, o, *tenant, baselines);
    }
    for (;;) {
        const std::size_t user = next_++;
        if (user >= slots_.size())
            break;
        {
            std::unique_lock lock(mutex_);
            room_.wait(lock, [&] { return stopping_ || user < taken_ + kAhead; });
            if (stopping_)
                break;
        }
        Done done;
        done.status = opened;
        if (done.status.ok()) {
            done.status = examine_(*examiner, user, done.result, done.counts);
            if (done.status.ok())
                done.status = tenant->status();
        }
        {
            std::lock_guard lock(mutex_);
            slots_[user] = std::move(done);
        }
        ready_.notify_all();
    }
    examiner.reset();
    tenant.reset();
    queries.reset();
    if (db.isOpen())
        db.connection().rollback();
}

} // namespace backsight::detect::detail
