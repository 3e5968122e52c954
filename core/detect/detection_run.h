#pragma once

// Internal to the detection pipeline (pipeline.cpp, detection_run.cpp, examine_users.cpp): one detection run and the
// rows it examines.

#include "detect/distributed_detection.h"
#include "detect/pipeline.h"
#include "store/detection_queries.h"
#include "store/detection_run_repository.h"
#include "store/database.h"

#include <QElapsedTimer>
#include <memory>
#include <optional>

namespace backsight::detect::detail {

// The same error with what was being done in front: "sign-in models: no such table".
inline Error prefixed(const Error &e, const QString &context)
{
    return {e.category, context + QStringLiteral(": ") + e.message};
}

inline const QString kSignInModelsName = QStringLiteral("sign-in models (isolation forest, autoencoder)");

// The rows (from, to] of each event source that a run examines.
struct RowRange
{
    qint64 from = 0, to = 0;
    bool hasNew() const { return to > from; }
};

struct RunRows
{
    RowRange signIns, audits, backups;
};

// One detection run: reads, then writes in one transaction, so a cancelled or failed run leaves no trace but its
// row in detection_runs, which says how it ended.
class DetectionRun
{
public:
    DetectionRun(Database &db, const DetectOptions &o, DetectReport &report) : db_(db), o_(o), report_(report), runs_(db)
    {
    }

    // False when the run failed (error() says why); a cancelled run returns true with report.cancelled set.
    bool run(const RunRows &rows, qint64 nowMs);
    const std::optional<Error> &error() const { return error_; }

private:
    bool examineUsers(const std::vector<UserRange> &users, std::vector<Finding> &findings);
    bool examineRemotely(const std::vector<UserRange> &users, std::vector<Finding> &findings);
    bool scoreSignIns(const std::vector<UserRange> &users, std::vector<Finding> &findings);
    bool scoreBackups(std::vector<Finding> &findings);
    bool store(const std::vector<Finding> &batch);
    bool moveWatermarks();
    bool progress(double value) const { return !o_.progress || o_.progress(value); }
    void lap(const char *name) { report_.phaseMs[QString::fromLatin1(name)] += phase_.restart(); }
    bool take(const Status &s)
    {
        if (!s)
            error_ = s.error();
        return s.ok();
    }
    // Closes the run row; a failure to do so is added to the error, never dropped.
    bool finish(const QString &status)
    {
        if (o_.dryRunFindings)
            return !error_;
        const Status s = runs_.finish(report_.runId, status,
                                      report_.signInsExamined + report_.auditsExamined + report_.backupSessionsExamined,
                                      report_.anomaliesAdded);
        if (!s)
            error_ = error_ ? Error{error_->category, error_->message + QStringLiteral("; ") + s.error().message} : s.error();
        return s.ok();
    }
    bool fail()
    {
        db_.connection().rollback();
        finish(QStringLiteral("failed: ") + (error_ ? error_->message : QString()));
        return false;
    }
    bool cancelled()
    {
        db_.connection().rollback();
        report_.cancelled = true;
        return finish(QStringLiteral("cancelled"));
    }

    Database &db_;
    const DetectOptions &o_;
    DetectReport &report_;
    std::optional<Error> error_; // why the run failed
    DetectionRunRepository runs_;
    std::optional<DetectionQueries> queries_; // prepared once the run has its address index
    RunRows rows_;
    qint64 nowMs_ = 0;
    std::vector<Finding> modelFindings_; // the sign-in models', scored beside the rules, stored after the sprays
    std::unique_ptr<RemoteExaminers> remote_; // with DetectOptions::distribute on a shared case
    QElapsedTimer phase_;
};

} // namespace backsight::detect::detail
