#pragma once

#include "detect/sensitivity_backtest.h"
#include "jobs/job.h"

#include <optional>

namespace backsight::ui {

// The sensitivity backtest (core detect::backtestSensitivity) on a worker thread with its own connection: what
// `backsight-cli detect --backtest` prints. The case is left as it was. result() is set when finished(true) arrives.
class SensitivityBacktestJob : public Job
{
    Q_OBJECT
public:
    SensitivityBacktestJob(QString databasePath, int windowDays = 60, QObject *parent = nullptr);
    const std::optional<detect::SensitivityBacktest> &result() const { return result_; }

protected:
    bool execute(QString &summary) override;

private:
    QString databasePath_;
    int windowDays_;
    std::optional<detect::SensitivityBacktest> result_;
};

} // namespace backsight::ui
