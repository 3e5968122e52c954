#pragma once

#include "jobs/job.h"
#include "ml/user_models.h"

namespace backsight {

// Trains the sign-in models (per-user Isolation Forests, tenant fallback) on a worker thread with its own
// database connection. Progress is reported in thousandths; cancel() stops it and the previous model versions
// stay in force (nothing is stored).
class TrainModelsJob : public Job
{
    Q_OBJECT
public:
    TrainModelsJob(QString databasePath, ml::ModelTrainOptions options, QObject *parent = nullptr);
    const ml::ModelTrainReport &report() const { return report_; }

protected:
    bool execute(QString &summary) override;

private:
    QString databasePath_;
    ml::ModelTrainOptions options_;
    ml::ModelTrainReport report_;
};

} // namespace backsight
