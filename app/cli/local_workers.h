#pragma once

#include "model/result.h"

#include <QProcess>
#include <QString>
#include <memory>
#include <vector>

namespace backsight::cli {

// The worker processes `detect --workers N` starts for itself on this machine (`backsight-cli worker --until-idle`,
// the case in BACKSIGHT_DB, so a password in the URL never shows in a process list). They start when the command
// first waits for its work, and stop with it. Workers started elsewhere by hand serve the same queue beside them.
class LocalWorkers
{
public:
    LocalWorkers(QString location, int count, int leaseMs);
    ~LocalWorkers();

    // Called while the command waits: starts the workers the first time; an error once every one of them has
    // stopped (with N = 0 the command waits for workers started elsewhere and this never fails).
    Status check();

private:
    QString location_;
    int count_ = 0, leaseMs_ = 0;
    bool started_ = false;
    std::vector<std::unique_ptr<QProcess>> processes_;
};

} // namespace backsight::cli
