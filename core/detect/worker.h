#pragma once

#include "model/result.h"

#include <QString>
#include <functional>

namespace backsight::detect {

struct WorkerOptions
{
    int leaseMs = 30'000;          // an item claimed and not renewed for this long is another worker's to take
    int pollMs = 200;              // how often an idle worker looks for work
    // Stop once no live batch has unfinished items (a worker a command started for itself); false: serve the
    // case until stopped.
    bool untilIdle = false;
    QString name;                  // this worker in the queue (host:pid when empty)
    std::function<void(const QString &line)> log; // one line per item, for the analyst
};

struct WorkerReport
{
    qint64 done = 0, failed = 0, lost = 0; // lost: finished after the lease ran out and another worker took it
};

// `backsight-cli worker`: serves the case's work queue (store/work_queue.h) — per-user detection items (detect/
// distributed_detection.h) and per-user training items (detect/distributed_training.h) — until stopped (or idle,
// with untilIdle). A second connection renews the leases every leaseMs / 3 while an item is worked on.
// Returns an error when the case cannot be opened or the server goes away; an item that fails is handed in as
// failed (the command that queued it reports why) and the worker goes on.
Status runWorker(const QString &location, const WorkerOptions &options, WorkerReport &report);

} // namespace backsight::detect
