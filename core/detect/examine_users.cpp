// The users phase of a detection run: each user with new sign-ins examined against their own history (here, on
// worker threads, or by worker processes) and their results stored in user order.

#include "detect/detection_run.h"

#include "detect/model_chunks.h"
#include "detect/parallel_examiners.h"
#include "detect/pipeline_steps.h"
#include "detect/user_examiner.h"
#include "detect/sign_in_model_training.h"
#include "ml/user_models.h"

#include <iterator>
#include <optional>

namespace backsight::detect::detail {

// Each user with new sign-ins against their own history, and with the sign-in models (DetectOptions::signInModels)
// from the same read; returns false on error or cancel (report_.cancelled). Users are read and examined on worker
// threads where the case allows (examinerThreads); results are stored here, in user order, either way.
bool DetectionRun::examineUsers(const std::vector<UserRange> &users, std::vector<Finding> &findings)
{
    if (remote_)
        return examineRemotely(users, findings);
    const Result<QHash<QString, std::pair<qint64, qint64>>> baselines = runs_.newestBaselines();
    if (!baselines)
        return take(baselines.error());
    ml::SignInModels tenantModels;  // users' own models are read a chunk of users at a time (ModelChunks)
    QSet<QString> usersWithOwnModel;
    if (o_.signInModels && rows_.signIns.hasNew())
        if (const Status loaded = loadTenantSignInModels(db_, tenantModels, usersWithOwnModel); !loaded)
            return take(prefixed(loaded.error(), kSignInModelsName));
    std::optional<ModelChunks> chunks;
    if (!tenantModels.empty() || !usersWithOwnModel.isEmpty())
        chunks.emplace(db_, tenantModels, o_.modelChunkRows, rows_.signIns.from, rows_.signIns.to, modelFindings_);
    const auto wantsModelRows = [&](std::size_t u) {
        return chunks && (usersWithOwnModel.contains(users[u].upn) || tenantModels.judges(users[u].upn));
    };
    const auto modelsFailed = [&](const Status &s) { return !s && !take(prefixed(s.error(), kSignInModelsName)); };
    const qint64 from = rows_.signIns.from, to = rows_.signIns.to;
    const auto examine = [&](UserExaminer &examiner, std::size_t u, UserResult &result, DetectReport &counts) {
        return examiner.examine(users[u], from, to, wantsModelRows(u), result, counts);
    };
    std::optional<ParallelExaminers> parallel;
    std::optional<StoreTenantFacts> tenant;
    std::optional<UserExaminer> examiner;
    if (const int threads = examinerThreads(db_, users.size()); threads > 1)
        parallel.emplace(db_.path(), threads, users.size(), o_, *baselines, examine);
    else {
        tenant.emplace(db_, *queries_, o_.params.sharedIpMinUsers);
        examiner.emplace(db_, o_, *tenant, *baselines);
    }
    for (size_t u = 0; u < users.size(); ++u) {
        ParallelExaminers::Done done;
        if (parallel) {
            done = parallel->take(u);
        } else {
            done.status = examine(*examiner, u, done.result, done.counts);
            if (done.status.ok())
                done.status = tenant->status();
        }
        if (!take(done.status))
            return false;
        report_.signInsExamined += done.counts.signInsExamined;
        for (auto it = done.counts.unknownErrorCodes.cbegin(); it != done.counts.unknownErrorCodes.cend(); ++it)
            report_.unknownErrorCodes[it.key()] += it.value();
        UserResult &result = done.result;
        if (!take(storeDays(runs_, users[u].upn, result.days))
            || !take(runs_.saveUserWindow(users[u].upn, o_.params.windowDays, result.windowEndDay, result.window)))
            return false;
        for (Finding &f : result.findings)
            findings.push_back(std::move(f));
        if (wantsModelRows(u) && modelsFailed(chunks->add(users[u].upn, std::move(result.modelRows))))
            return false;
        if ((u & 15) == 0 && !progress(0.8 * double(u) / double(users.size()))) {
            cancelled();
            return false;
        }
    }
    return !chunks || !modelsFailed(chunks->finish());
}

// examineUsers with the users examined by workers: their results stored here in user order, as examineUsers does.
bool DetectionRun::examineRemotely(const std::vector<UserRange> &users, std::vector<Finding> &findings)
{
    bool stop = false;
    double at = 0; // progress so far: the share of users taken
    const RemoteExaminers::Waiting waiting = [&]() -> Status {
        if (!progress(at)) {
            stop = true;
            return Error::cancelled(QStringLiteral("Detection cancelled"));
        }
        return o_.waitingForWorkers ? o_.waitingForWorkers() : Status();
    };
    for (size_t u = 0; u < users.size(); ++u) {
        Result<ExaminedUser> done = remote_->take(waiting);
        if (!done) {
            if (stop) {
                cancelled();
                return false;
            }
            return take(done.error());
        }
        ++report_.usersByWorkers;
        report_.signInsExamined += done->signInsExamined;
        for (auto it = done->unknownErrorCodes.cbegin(); it != done->unknownErrorCodes.cend(); ++it)
            report_.unknownErrorCodes[it.key()] += it.value();
        UserResult &result = done->result;
        if (!take(storeDays(runs_, users[u].upn, result.days))
            || !take(runs_.saveUserWindow(users[u].upn, o_.params.windowDays, result.windowEndDay, result.window)))
            return false;
        std::move(result.findings.begin(), result.findings.end(), std::back_inserter(findings));
        std::move(done->modelFindings.begin(), done->modelFindings.end(), std::back_inserter(modelFindings_));
        at = 0.8 * double(u + 1) / double(users.size());
        if ((u & 15) == 0 && !progress(at)) {
            cancelled();
            return false;
        }
    }
    return true;
}

} // namespace backsight::detect::detail
