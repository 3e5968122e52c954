#pragma once

#include "jobs/job.h"
#include "sigma/sigma_runner.h"

namespace backsight::ui {

// Loads a Sigma rules folder and runs it over the case on a worker thread (its own connection), storing the
// matches as anomalies; progress in events, cancel at batch boundaries (nothing stored then).
class SigmaJob : public Job
{
    Q_OBJECT
public:
    SigmaJob(QString databasePath, QString rulesFolder, QObject *parent = nullptr);

    // After finished(): every rule with its status and matches (empty when loading failed).
    const std::vector<sigma::RuleStatus> &rules() const { return rules_; }

protected:
    bool execute(QString &summary) override;

private:
    QString databasePath_, rulesFolder_;
    std::vector<sigma::RuleStatus> rules_;
};

} // namespace backsight::ui
