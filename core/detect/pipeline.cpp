#include "detect/sign_in_model_training.h"
#include "detect/pipeline.h"

#include "baseline/profile.h"
#include "store/anomaly_repository.h"
#include "detect/tenant_detectors.h"
#include "detect/user_detectors.h"
#include "detect/user_examiner.h"
#include "detect/distributed_detection.h"
#include "sigma/sigma_runner.h"
#include "model/sign_in_result.h"
#include "store/database.h"
#include "store/detection_queries.h"
#include "store/detection_run_repository.h"
#include "detect/pipeline_steps.h"
#include "detect/identity_detection.h"
#include "store/identity_queries.h"
#include "store/sign_in_queries.h"
#include "store/user_history_queries.h"
#include "detect/low_digest.h"
#include "detect/stories.h"
#include "features/signin_features.h"
#include "ml/parallel_for.h"
#include "ml/user_models.h"
#include "store/sign_in_feature_queries.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QVariant>
#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <future>
#include <mutex>
#include <optional>
#include <thread>
#include <iterator>
#include <map>

namespace backsight::detect {

using baseline::DayAggregate;
using baseline::kDayMs;
using baseline::dayOf;

using namespace detail;

namespace {

const QString kSignInModelsName = QStringLiteral("sign-in models (isolation forest, autoencoder)");

using Source = DetectionRunRepository::Source;

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

Status readRows(DetectionRunRepository &runs, RunRows &rows)
{
    for (auto [source, range] : {std::pair{Source::SignIns, &rows.signIns}, std::pair{Source::Audits, &rows.audits},
                                 std::pair{Source::BackupSessions, &rows.backups}}) {
        const Result<qint64> from = runs.watermark(source);
        if (!from)
            return from.error();
        const Result<qint64> to = runs.latestRow(source);
        if (!to)
            return to.error();
        *range = {*from, *to};
    }
    return {};
}

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

// One detection run: reads, then writes in one transaction, so a cancelled or failed run leaves no trace but its
// row in detection_runs, which says how it ended.
class DetectionRun
{
public:
    DetectionRun(Database &db, const DetectOptions &o, DetectReport &report, QString &error)
        : db_(db), o_(o), report_(report), error_(error), runs_(db)
    {
    }

    bool run(const RunRows &rows, qint64 nowMs);

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
            error_ = s.error().message;
        return s.ok();
    }
    // Closes the run row; a failure to do so is added to the error, never dropped.
    bool finish(const QString &status)
    {
        if (o_.dryRunFindings)
            return error_.isEmpty();
        const Status s = runs_.finish(report_.runId, status,
                                      report_.signInsExamined + report_.auditsExamined + report_.backupSessionsExamined,
                                      report_.anomaliesAdded);
        if (!s)
            error_ = error_.isEmpty() ? s.error().message : error_ + QStringLiteral("; ") + s.error().message;
        return s.ok();
    }
    bool fail()
    {
        db_.connection().rollback();
        finish(QStringLiteral("failed: ") + error_);
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
    QString &error_;
    DetectionRunRepository runs_;
    std::optional<DetectionQueries> queries_; // prepared once the run has its address index
    RunRows rows_;
    qint64 nowMs_ = 0;
    std::vector<Finding> modelFindings_; // the sign-in models', scored beside the rules, stored after the sprays
    std::unique_ptr<RemoteExaminers> remote_; // with DetectOptions::distribute on a shared case
    QElapsedTimer phase_;
};

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
        error_ = Database::describe(QStringLiteral("starting the detection transaction"), db_.connection().lastError());
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
        error_ = Database::describe(QStringLiteral("committing the detection run"), db_.connection().lastError());
        return fail();
    }
    lap("commit");
    return finish(QStringLiteral("done"));
}

// The sign-in models' share of examineUsers: users' rows gathered into chunks, each chunk scored on worker threads
// while the next users are examined; findings kept in user order.
class ModelChunks
{
public:
    ModelChunks(const ml::SignInModels &models, qint64 fromRowId, qint64 toRowId, std::vector<Finding> &out)
        : models_(models), fromRowId_(fromRowId), toRowId_(toRowId), out_(out)
    {
    }
    ~ModelChunks() { collect(); } // an early return (error, cancel) still waits for the chunk in flight

    void add(const QString &upn, std::vector<features::SignInRow> rows)
    {
        rows_ += qint64(rows.size());
        building_.push_back({upn, std::move(rows), {}});
        if (rows_ >= kChunkRows)
            launch();
    }
    // Scores what is left and waits for it.
    void finish()
    {
        launch();
        collect();
    }

private:
    struct UserWork
    {
        QString upn;
        std::vector<features::SignInRow> rows;
        std::vector<Finding> found;
    };
    static constexpr qint64 kChunkRows = 200'000; // rows held per chunk: two chunks at most are in memory

    void collect()
    {
        if (scoring_.valid())
            scoring_.get();
        for (UserWork &w : inFlight_)
            std::move(w.found.begin(), w.found.end(), std::back_inserter(out_));
        inFlight_.clear();
    }
    void launch()
    {
        collect();
        inFlight_ = std::move(building_);
        building_.clear();
        rows_ = 0;
        if (inFlight_.empty())
            return;
        scoring_ = std::async(std::launch::async, [this] {
            ml::parallelFor(0, qint64(inFlight_.size()), [this](std::int64_t u) {
                UserWork &w = inFlight_[std::size_t(u)];
                models_.score(w.upn, w.rows, fromRowId_, toRowId_, w.found);
            });
        });
    }

    const ml::SignInModels &models_;
    const qint64 fromRowId_, toRowId_;
    std::vector<Finding> &out_;
    std::vector<UserWork> building_, inFlight_;
    qint64 rows_ = 0;
    std::future<void> scoring_;
};

// How many threads examine users, each on a connection of its own: SQLite case files only (a PostgreSQL
// connection's password is not kept to open another; an in-memory database is another database on each
// connection), and only when there are users enough to share.
int examinerThreads(const Database &db, std::size_t users)
{
    if (db.dialect() != SqlDialect::SQLite || users < 8 || !QFileInfo(db.path()).isFile())
        return 0;
    return int(std::min<unsigned>(4, std::thread::hardware_concurrency()));
}

// Users examined on worker threads, each with its own connection, handed back in user order: the main thread
// stores each result (one write transaction) while the workers read and examine the next users, at most kAhead
// users ahead of it. Workers take the next user as they come free: a fixed share per thread, each through its own
// BatchQueue (ingest/batch_queue.h), was tried and measured slower (users phase 2.9-3.6 s against 2.5-2.7 s on
// the 300 x 75 tenant), because users' costs differ and the results are taken in order.
class ParallelExaminers
{
public:
    using Examine = std::function<Status(UserExaminer &, std::size_t user, UserResult &, DetectReport &)>;
    struct Done
    {
        Status status;
        UserResult result;
        DetectReport counts; // what examine counted (sign-ins examined, unknown error codes)
    };

    ParallelExaminers(const QString &path, int threads, std::size_t users, const DetectOptions &o,
                      const QHash<QString, std::pair<qint64, qint64>> &baselines, Examine examine)
        : slots_(users), examine_(std::move(examine))
    {
        for (int t = 0; t < threads; ++t)
            threads_.emplace_back([this, path, &o, &baselines] { work(path, o, baselines); });
    }
    ~ParallelExaminers() { stop(); }

    // The next user's result, in order; waits for it.
    Done take(std::size_t user)
    {
        std::unique_lock lock(mutex_);
        ready_.wait(lock, [&] { return slots_[user].has_value(); });
        Done done = std::move(*slots_[user]);
        slots_[user].reset();
        taken_ = user + 1;
        lock.unlock();
        room_.notify_all();
        return done;
    }
    void stop()
    {
        {
            std::lock_guard lock(mutex_);
            stopping_ = true;
        }
        room_.notify_all();
        for (std::thread &t : threads_)
            t.join();
        threads_.clear();
    }

private:
    static constexpr std::size_t kAhead = 64;
    // Each thread's connection reads through plain page reads and a small cache: a memory map per connection would
    // count the case file in RSS once per thread.
    static constexpr qint64 kMapBytes = 0;
    static constexpr int kCacheKiB = 16 * 1024;

    void work(const QString &path, const DetectOptions &o, const QHash<QString, std::pair<qint64, qint64>> &baselines)
    {
        Database db;
        std::optional<DetectionQueries> queries;
        std::optional<StoreTenantFacts> tenant;
        std::optional<UserExaminer> examiner;
        Status opened;
        if (!db.open(path))
            opened = Error::storage(QStringLiteral("opening %1 for a detection thread: %2").arg(path, db.error()));
        else if (const Status sized = db.setReadCaches(kMapBytes, kCacheKiB); !sized)
            opened = sized;
        else if (!db.connection().transaction()) // one snapshot for every read of this thread
            opened = Error::storage(Database::describe(QStringLiteral("starting a detection thread's read"),
                                                       db.connection().lastError()));
        else {
            queries.emplace(db);
            tenant.emplace(db, *queries, o.params.sharedIpMinUsers);
            examiner.emplace(db, o, *tenant, baselines);
        }
        for (;;) {
            const std::size_t user = next_++;
            if (user >= slots_.size())
                break;
            {
                std::unique_lock lock(mutex_);
                room_.wait(lock, [&] { return stopping_ || user < taken_ + kAhead; });
                if (stopping_)
                    break;
            }
            Done done;
            done.status = opened;
            if (done.status.ok()) {
                done.status = examine_(*examiner, user, done.result, done.counts);
                if (done.status.ok())
                    done.status = tenant->status();
            }
            {
                std::lock_guard lock(mutex_);
                slots_[user] = std::move(done);
            }
            ready_.notify_all();
        }
        examiner.reset();
        tenant.reset();
        queries.reset();
        if (db.isOpen())
            db.connection().rollback();
    }

    std::vector<std::optional<Done>> slots_;
    Examine examine_;
    std::vector<std::thread> threads_;
    std::atomic<std::size_t> next_{0};
    std::mutex mutex_;
    std::condition_variable ready_, room_;
    std::size_t taken_ = 0;
    bool stopping_ = false;
};

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
    ml::SignInModels models;
    if (o_.signInModels && rows_.signIns.hasNew() && !loadSignInModels(db_, models, error_)) {
        error_ = QStringLiteral("%1: %2").arg(kSignInModelsName, error_);
        return false;
    }
    std::optional<ModelChunks> chunks;
    if (!models.empty())
        chunks.emplace(models, rows_.signIns.from, rows_.signIns.to, modelFindings_);
    const auto wantsModelRows = [&](std::size_t u) { return chunks && models.judges(users[u].upn); };
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
        if (wantsModelRows(u))
            chunks->add(users[u].upn, std::move(result.modelRows));
        if ((u & 15) == 0 && !progress(0.8 * double(u) / double(users.size()))) {
            cancelled();
            return false;
        }
    }
    if (chunks)
        chunks->finish();
    return true;
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
        if (!scorer(db_, rows_.signIns.from, rows_.signIns.to, findings, error_)) {
            error_ = QStringLiteral("%1: %2").arg(name, error_);
            return false;
        }
    }
    return true;
}

bool DetectionRun::scoreBackups(std::vector<Finding> &findings)
{
    if (!rows_.backups.hasNew())
        return true;
    report_.backupSessionsExamined = rows_.backups.to - rows_.backups.from;
    for (const auto &[name, scorer] : o_.backupScorers) {
        if (!scorer(db_, rows_.backups.from, rows_.backups.to, findings, error_)) {
            error_ = QStringLiteral("%1: %2").arg(name, error_);
            return false;
        }
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
    const qint64 added = insertAnomalies(db_, anomalies, error_);
    if (added < 0)
        return false;
    report_.anomaliesAdded += added;
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

} // namespace

static bool runDetectionOnly(Database &db, const DetectOptions &o, DetectReport &report, QString &error)
{
    QElapsedTimer timer;
    timer.start();
    report = {};
    DetectionRunRepository runs(db);
    RunRows rows;
    if (const Status s = readRows(runs, rows); !s) {
        error = s.error().message;
        return false;
    }
    if (o.dryRunFindings) // the whole case, as if never examined
        for (RowRange *r : {&rows.signIns, &rows.audits, &rows.backups})
            r->from = 0;
    if (!rows.signIns.hasNew() && !rows.audits.hasNew() && !rows.backups.hasNew()) {
        report.nothingNew = true;
        report.elapsedMs = timer.elapsed();
        return true;
    }
    const qint64 now = o.nowMs ? o.nowMs : QDateTime::currentMSecsSinceEpoch();
    DetectionRun run(db, o, report, error);
    const bool ok = run.run(rows, now);
    if (ok && !report.cancelled) {
        report.elapsedMs = timer.elapsed();
        if (o.progress)
            o.progress(1.0);
    }
    return ok;
}


// Detection, then the Sigma rules folder when one is set (all events each time; stable ids keep it idempotent),
// then the identity ↔ backup incidents over everything stored.
bool runDetection(Database &db, const DetectOptions &options, DetectReport &report, QString &error)
{
    if (!runDetectionOnly(db, options, report, error))
        return false;
    if (report.cancelled || options.dryRunFindings) // a dry run leaves the case as it was: no Sigma, no incidents
        return true;
    const qint64 now = options.nowMs ? options.nowMs : QDateTime::currentMSecsSinceEpoch();
    if (!options.sigmaRulesFolder.isEmpty()) {
        const Status sigma = sigma::runRulesFolder(db, options.sigmaRulesFolder, now, report.sigmaMatches,
                                                   report.sigmaAnomaliesAdded);
        if (!sigma) {
            error = sigma.error().message;
            return false;
        }
    }
    IncidentOptions incidentOptions = options.incidents;
    if (!incidentOptions.nowMs)
        incidentOptions.nowMs = now;
    QElapsedTimer correlating;
    correlating.start();
    const Result<IncidentReport> incidents = correlateIncidents(db, incidentOptions);
    if (!incidents) {
        error = incidents.error().message;
        return false;
    }
    report.incidents = *incidents;
    report.phaseMs[QStringLiteral("incidents")] += correlating.elapsed();
    report.elapsedMs += correlating.elapsed();
    return true;
}

} // namespace backsight::detect
