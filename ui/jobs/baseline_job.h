#pragma once

#include "jobs/job.h"

namespace backsight::ui {

// Recomputes every user's baseline (core detect::computeBaselines) on a worker thread with its own
// connection: what `backsight-cli train` does before it trains models.
class BaselineJob : public Job
{
    Q_OBJECT
public:
    BaselineJob(QString databasePath, int windowDays = 60, QObject *parent = nullptr);

protected:
    bool execute(QString &summary) override;

private:
    QString databasePath_;
    int windowDays_;
};

} // namespace backsight::ui
