#include "detect/detection_run.h"

#include "detect/identity_detection.h"
#include "detect/low_digest.h"
#include "detect/pipeline_steps.h"
#include "detect/stories.h"
#include "store/anomaly_repository.h"

#include <QJsonArray>
#include <QSqlError>
#include <algorithm>
#include <iterator>
#include <limits>

namespace backsight::detect::detail {

using baseline::dayOf;
using Source = DetectionRunRepository::Source;

namespace {

QJsonObject runParameters(const DetectOptions &o, const RunRows &rows)
{
    QJsonObject parameters = o.params.toJson();
    parameters.insert(QStringLiteral("severity_policy"), o.policy.toJson());
    parameters.insert(QStringLiteral("sensitivity"), o.policy.sensitivity());
    QJsonArray scorers;
    if (o.signInModels)
        scorers.append(kSignInModelsName);
    for (const auto &s : o.signInScorers)
        scorers.append(s.first);
    for (const auto &s : o.backupScorers)
        scorers.append(s.first);
    parameters.insert(QStringLiteral("scorers"), scorers);
    const auto pair = [](const RowRange &r) { return QJsonArray{r.from, r.to}; };
    parameters.insert(QStringLiteral("examined_rowids"), QJsonObject{{QStringLiteral("signins"), pair(rows.signIns)},
                                                                     {QStringLiteral("audits"), pair(rows.audits)},
                                                                     {QStringLiteral("backup_sessions"), pair(rows.backups)}});
    return parameters;
}

} // namespace

bool DetectionRun::run(const RunRows &rows, qint64 nowMs)
{
    rows_ = rows;
    nowMs_ = nowMs;
    phase_.start(); // setup: the address indexes (built by the first run of a case) and the users with new sign-ins
    if (!take(runs_.ensureAddressIndex()))
        return false;
    queries_.emplace(db_);
    if (!o_.dryRunFindings) {
        const Result<qint64> runId = runs_.start(nowMs, runParameters(o_, rows));
        if (!runId)
            return take(runId.error());
        report_.runId = *runId;
    }
    Result<std::vector<UserRange>> users = runs_.usersWithNewSignIns(rows.signIns.from, rows.signIns.to);
    if (!users)
        return take(users.error()) || fail();
    // Work for the workers is queued before the transaction, so they see it.
    if (o_.distribute && db_.dialect() == SqlDialect::PostgreSQL && !users->empty()) {
        Result<std::unique_ptr<RemoteExaminers>> remote =
            RemoteExaminers::start(db_, o_.params, rows.signIns.from, rows.signIns.to,
                                   o_.signInModels && rows.signIns.hasNew(), *users);
        if (!remote)
            return take(remote.error()) || fail();
        remote_ = std::move(*remote);
    }
    if (!db_.connection().transaction()) {
        error_ = Error::storage(Database::describe(QStringLiteral("starting the detection transaction"),
                                                   db_.connection().lastError()));
        return fail();
    }
    report_.users = qint64(users->size());
    lap("setup");
    std::vector<Finding> findings;
    if (!examineUsers(*users, findings))
        return report_.cancelled || fail();
    lap("users");
    if (rows.signIns.hasNew() && !scoreSignIns(*users, findings))
        return fail();
    if (!progress(0.85))
        return cancelled();
    if (!scoreBackups(findings))
        return fail();
    lap("scorers");
    report_.findings = qint64(findings.size());
    if (!store(findings))
        return fail();
    lap("store");
    // Audits last: they link to the sign-in anomalies just stored.
    if (rows.audits.hasNew()) {
        std::vector<Finding> auditFindings;
        if (!take(detectPrivilegedAudits(*queries_, o_, rows.audits.from, rows.audits.to, auditFindings, report_.auditsExamined)))
            return fail();
        if (!take(detectIdentityAudits(db_, o_.params, rows.audits.from, rows.audits.to, auditFindings)))
            return fail();
        report_.findings += qint64(auditFindings.size());
        if (!store(auditFindings))
            return fail();
    }
    lap("audits");
    if (!progress(0.95))
        return cancelled();
    if (o_.dryRunFindings) { // the backtest: everything it wrote (days, windows, anomalies) goes
        db_.connection().rollback();
        return finish(QStringLiteral("done"));
    }
    if (!moveWatermarks())
        return fail();
    if (!db_.connection().commit()) {
        error_ = Error::storage(Database::describe(QStringLiteral("committing the detection run"), db_.connection().lastError()));
        return fail();
    }
    lap("commit");
    return finish(QStringLiteral("done"));
}

bool DetectionRun::scoreSignIns(const std::vector<UserRange> &users, std::vector<Finding> &findings)
{
    qint64 minMs = std::numeric_limits<qint64>::max();
    for (const UserRange &u : users)
        minMs = std::min(minMs, u.minMs);
    const qint64 firstDay = users.empty() ? 0 : dayOf(minMs);
    const Result<qint64> active = runs_.activeUsersSince(firstDay - o_.params.windowDays);
    if (!active)
        return take(active.error());
    if (!take(detectSprays(*queries_, o_, rows_.signIns.from, rows_.signIns.to, std::max(int(*active), int(users.size())),
                           findings)))
        return false;
    lap("sprays");
    if (!take(detectDistributedSprays(db_, o_.params, rows_.signIns.from, rows_.signIns.to,
                                      std::max(int(*active), int(users.size())), findings)))
        return false;
    lap("distributed_sprays");
    std::move(modelFindings_.begin(), modelFindings_.end(), std::back_inserter(findings));
    modelFindings_.clear();
    for (const auto &[name, scorer] : o_.signInScorers) {
        if (const Status s = scorer(db_, rows_.signIns.from, rows_.signIns.to, findings); !s)
            return take(prefixed(s.error(), name));
    }
    return true;
}

bool DetectionRun::scoreBackups(std::vector<Finding> &findings)
{
    if (!rows_.backups.hasNew())
        return true;
    report_.backupSessionsExamined = rows_.backups.to - rows_.backups.from;
    for (const auto &[name, scorer] : o_.backupScorers) {
        if (const Status s = scorer(db_, rows_.backups.from, rows_.backups.to, findings); !s)
            return take(prefixed(s.error(), name));
    }
    return true;
}

bool DetectionRun::store(const std::vector<Finding> &batch)
{
    if (o_.dryRunFindings)
        o_.dryRunFindings(batch);
    // Follow-on anomalies fold into the story they continue, which may have been stored earlier (this run's sign-ins
    // before its audits, or an earlier run): such a head is updated in place (detect/stories.h).
    const StoryWindow window;
    Result<FoldedStories> stories = foldStories(o_.policy.apply(batch, nowMs_, report_.runId), window,
                                                [&](const Anomaly &next, const StoryLeadCheck &mayLead) { return storedStoryHead(db_, next, window.spanMs, mayLead); });
    if (!stories)
        return take(stories.error());
    for (size_t i = 0; i < stories->extended.size(); ++i)
        if (!take(updateStoryHead(db_, stories->extended[i], stories->severityRose[i])))
            return false;
    report_.followOnsFolded += stories->folded;
    std::vector<Anomaly> anomalies = groupLowsIntoDigests(std::move(stories->anomalies));
    const Result<qint64> added = insertAnomalies(db_, anomalies);
    if (!added)
        return take(added.error());
    report_.anomaliesAdded += *added;
    for (const Anomaly &a : anomalies) {
        ++report_.anomaliesByKind[a.kinds.value(0)];
        ++report_.anomaliesBySeverity[severityName(a.severity)];
    }
    return true;
}

bool DetectionRun::moveWatermarks()
{
    for (const auto &[source, range] : {std::pair{Source::SignIns, rows_.signIns}, std::pair{Source::Audits, rows_.audits},
                                        std::pair{Source::BackupSessions, rows_.backups}})
        if (!take(runs_.setWatermark(source, std::max(range.to, range.from))))
            return false;
    return true;
}

} // namespace backsight::detect::detail
