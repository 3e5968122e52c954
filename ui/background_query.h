#pragma once

#include "store/database.h"

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QThreadPool>
#include <QtConcurrent>
#include <functional>
#include <memory>

namespace backsight::ui {

// Runs a read on a pool thread with its own connection and hands the result to `context` on the GUI
// thread. Starting another read makes the previous one stale: its result is dropped, so a view always
// shows what it asked for last. `Result` must have a `QString error` member (set when the database
// cannot be opened). This is how every view loads: the GUI thread never runs a query that can touch
// more than a page of rows.
template <typename Result>
class BackgroundQuery
{
public:
    BackgroundQuery(QThreadPool &pool, QObject *context) : pool_(pool), context_(context) {}

    void run(const QString &databasePath, std::function<Result(Database &)> work, std::function<void(Result &)> done)
    {
        const quint64 generation = ++*generation_;
        running_ = true;
        auto live = generation_;
        // A watcher owned by the context, not QFuture::then(context): when the view goes away first, the
        // watcher goes with it and the finished read is simply dropped.
        auto *watcher = new QFutureWatcher<Result>(context_);
        QObject::connect(watcher, &QFutureWatcher<Result>::finished, context_,
                         [this, watcher, live, generation, done = std::move(done)] {
                             watcher->deleteLater();
                             if (generation != *live)
                                 return;
                             running_ = false;
                             Result result = watcher->result();
                             done(result);
                         });
        watcher->setFuture(QtConcurrent::run(&pool_, [databasePath, work = std::move(work)] {
            Database db;
            if (!db.open(databasePath)) {
                Result failed{};
                failed.error = db.error();
                return failed;
            }
            return work(db);
        }));
    }
    // Drops whatever is running (its result will be ignored).
    void abandon()
    {
        ++*generation_;
        running_ = false;
    }
    bool isRunning() const { return running_; }

private:
    QThreadPool &pool_;
    QObject *context_;
    std::shared_ptr<quint64> generation_ = std::make_shared<quint64>(0);
    bool running_ = false;
};

} // namespace backsight::ui
