#pragma once

#include "jobs/job.h"

namespace backsight {

// `train` then `detect` on a worker thread with its own connection: baselines and the models that have data,
// then every event no earlier run examined, scored by the rules and the models. What the GUI runs after an import
// and from the Training view; the CLI runs the same two steps as two commands.
class AnalysisJob : public Job
{
    Q_OBJECT
public:
    enum class Steps { TrainAndDetect, DetectOnly };
    AnalysisJob(QString databasePath, Steps steps = Steps::TrainAndDetect, int windowDays = 60, QObject *parent = nullptr);

    qint64 anomaliesAdded() const { return anomaliesAdded_; } // after finished()
    // Sigma rules re-run after detection (Settings → rules folder); empty = none.
    void setSigmaRulesFolder(const QString &folder) { sigmaRulesFolder_ = folder; }

protected:
    bool execute(QString &summary) override;

private:
    QString databasePath_;
    Steps steps_;
    int windowDays_;
    qint64 anomaliesAdded_ = 0;
    QString sigmaRulesFolder_;
};

} // namespace backsight
