#include "ml/user_models.h"

#include "features/signin_features.h"
#include "ml/autoencoder.h"
#include "ml/isolation_forest.h"
#include "ml/parallel_for.h"
#include "ml/subject_model.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <algorithm>
#include <atomic>
#include <cmath>
#include <future>
#include <memory>
#include <mutex>
#include <numeric>

namespace backsight::ml {

namespace {

using features::Context;
using features::SignInEncoder;
using features::SignInRow;

constexpr std::size_t kTenantRows = 20000;

double quantile(std::vector<double> v, double q)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const double pos = q * double(v.size() - 1);
    const auto lo = std::size_t(std::floor(pos));
    const std::size_t hi = std::min(lo + 1, v.size() - 1);
    return v[lo] + (pos - double(lo)) * (v[hi] - v[lo]);
}

// Threshold from the model's own training scores: the larger of the (1 - 0.005 s) quantile and
// median + (5 / s) * 1.4826 * MAD, s = sensitivity. Distribution kept for the registry.
double thresholdFor(const std::vector<double> &scores, double sensitivity, QJsonObject &distribution, bool unitRange = true)
{
    const double s = std::max(sensitivity, 1e-3);
    const double median = quantile(scores, 0.5);
    std::vector<double> dev(scores.size());
    for (std::size_t i = 0; i < scores.size(); ++i)
        dev[i] = std::abs(scores[i] - median);
    const double mad = quantile(dev, 0.5);
    const double q = quantile(scores, std::clamp(1.0 - 0.005 * s, 0.5, 1.0));
    const double raw = std::max(q, median + (5.0 / s) * 1.4826 * mad);
    const double threshold = unitRange ? std::min(1.0, raw) : raw;
    QJsonArray qs;
    for (double p : {0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99, 0.999})
        qs.append(QJsonArray{p, quantile(scores, p)});
    distribution = {{QStringLiteral("median"), median},
                    {QStringLiteral("mad"), mad},
                    {QStringLiteral("max"), scores.empty() ? 0.0 : *std::max_element(scores.begin(), scores.end())},
                    {QStringLiteral("quantiles"), qs},
                    {QStringLiteral("rule"), QStringLiteral("max(q(1-0.005*s), median + 5/s*1.4826*MAD)")},
                    {QStringLiteral("sensitivity"), s}};
    return threshold;
}

struct TrainTask
{
    QString scope, subject;
    std::vector<const SignInRow *> rows;      // by time
    std::vector<Context> context;
    int utcOffset = 0;
    bool autoencoder = false;
    ModelRecord record;
    bool done = false;
    QString error;
};

// The tenant autoencoder of a task; fills t.record but the window, the row count and the time.
bool trainAutoencoder(TrainTask &t, const ModelTrainOptions &o, const SignInEncoder &encoder, const std::vector<float> &x,
                      std::size_t n)
{
    AutoencoderOptions ao;
    const int width = std::min(32, encoder.dimensions());
    ao.hidden = {width, std::min(8, width), width};
    ao.maxEpochs = 20;
    ao.patience = 3;
    ao.learningRate = 2e-3;
    ao.seed = std::uint64_t(o.seed);
    DenseAutoencoder ae;
    if (const Status fitted = ae.fit(x.data(), qint64(n), encoder.dimensions(), ao); !fitted) {
        t.error = fitted.error().message;
        return false;
    }
    std::vector<double> errors(n);
    for (std::size_t i = 0; i < n; ++i)
        errors[i] = ae.score(x.data() + i * std::size_t(encoder.dimensions()));
    QJsonObject distribution;
    ModelRecord &m = t.record;
    m.scope = t.scope;
    m.subject = t.subject;
    m.kind = QStringLiteral("autoencoder");
    m.threshold = thresholdFor(errors, o.sensitivity, distribution, false);
    m.scoreDistribution = distribution;
    QJsonArray hidden;
    for (int h : ao.hidden)
        hidden.append(h);
    m.parameters = {{QStringLiteral("hidden"), hidden},
                    {QStringLiteral("activation"), QStringLiteral("tanh")},
                    {QStringLiteral("learning_rate"), ao.learningRate},
                    {QStringLiteral("batch_size"), ao.batchSize},
                    {QStringLiteral("max_epochs"), ao.maxEpochs},
                    {QStringLiteral("patience"), ao.patience},
                    {QStringLiteral("validation_fraction"), ao.validationFraction},
                    {QStringLiteral("features"), encoder.dimensions()},
                    {QStringLiteral("window_days"), o.windowDays},
                    {QStringLiteral("sensitivity"), o.sensitivity}};
    m.metrics = {{QStringLiteral("epochs"), ae.epochsRun()},
                 {QStringLiteral("validation_loss"), ae.bestValidationLoss()}};
    m.data = packModel(encoder, ae.serialize());
    return true;
}

// The Isolation Forest of a task (a user's or the tenant's); fills t.record but the window, the row count and the time.
bool trainForest(TrainTask &t, const ModelTrainOptions &o, const SignInEncoder &encoder, const std::vector<float> &x,
                 std::size_t n)
{
    IsolationForestOptions fo;
    fo.trees = o.trees;
    fo.seed = std::uint64_t(o.seed) ^ std::uint64_t(qHash(t.subject));
    fo.threads = 1;
    IsolationForest forest;
    if (const Status fitted = forest.fit(x.data(), qint64(n), encoder.dimensions(), fo); !fitted) {
        t.error = fitted.error().message;
        return false;
    }
    std::vector<double> scores(n);
    forest.score(x.data(), qint64(n), scores.data(), 1);
    QJsonObject distribution;
    ModelRecord &m = t.record;
    m.scope = t.scope;
    m.subject = t.subject;
    m.kind = QStringLiteral("iforest");
    m.threshold = thresholdFor(scores, o.sensitivity, distribution);
    m.scoreDistribution = distribution;
    m.parameters = {{QStringLiteral("trees"), o.trees},
                    {QStringLiteral("sample_size"), forest.sampleSize()},
                    {QStringLiteral("seed"), qint64(fo.seed)},
                    {QStringLiteral("features"), encoder.dimensions()},
                    {QStringLiteral("utc_offset_minutes"), t.utcOffset},
                    {QStringLiteral("window_days"), o.windowDays},
                    {QStringLiteral("sensitivity"), o.sensitivity}};
    m.metrics = {{QStringLiteral("training_alarm_rate"),
                  double(std::count_if(scores.begin(), scores.end(), [&](double s) { return s > m.threshold; }))
                      / double(std::max<std::size_t>(1, scores.size()))}};
    m.data = packModel(encoder, forest.serialize());
    return true;
}

void trainTask(TrainTask &t, const ModelTrainOptions &o, qint64 windowStart, qint64 windowEnd)
{
    QElapsedTimer timer;
    timer.start();
    std::vector<SignInRow> rows;
    rows.reserve(t.rows.size());
    for (const SignInRow *r : t.rows)
        rows.push_back(*r);
    SignInEncoder encoder;
    encoder.fit(rows, t.utcOffset, t.scope == QStringLiteral("user") ? 3 : 20);
    std::vector<float> x;
    x.reserve(rows.size() * std::size_t(encoder.dimensions()));
    for (std::size_t i = 0; i < rows.size(); ++i)
        encoder.encode(rows[i], t.context[i], x);
    encoder.calibrate(x, qint64(rows.size()));
    const bool trained = t.autoencoder ? trainAutoencoder(t, o, encoder, x, rows.size())
                                       : trainForest(t, o, encoder, x, rows.size());
    if (!trained)
        return;
    ModelRecord &m = t.record;
    m.windowStartMs = windowStart;
    m.windowEndMs = windowEnd;
    m.eventsUsed = qint64(rows.size());
    m.trainingMs = timer.elapsed();
    t.done = true;
}

// One task per user with enough sign-ins (and not trained since their newest, when incremental); fills `allContext`
// (every row's context, computed per user) and returns the newest sign-in's time.
qint64 addUserTasks(const ModelTrainingInput &input, const ModelTrainOptions &o, std::vector<Context> &allContext,
                    std::vector<std::unique_ptr<TrainTask>> &tasks, ModelTrainReport &report)
{
    const std::vector<SignInRow> &all = input.rows;
    qint64 newestOverall = 0;
    for (std::size_t begin = 0; begin < all.size();) {
        std::size_t end = begin;
        while (end < all.size() && all[end].upn == all[begin].upn)
            ++end;
        std::vector<SignInRow> userRows(all.begin() + qint64(begin), all.begin() + qint64(end));
        const std::vector<Context> ctx = features::computeContext(userRows);
        std::copy(ctx.begin(), ctx.end(), allContext.begin() + qint64(begin));
        const QString upn = all[begin].upn;
        const qint64 newest = all[end - 1].createdMs;
        newestOverall = std::max(newestOverall, newest);
        if (qint64(end - begin) >= o.minUserEvents) {
            const auto it = input.trainedUntil.constFind(QStringLiteral("user/") + upn);
            if (o.incremental && it != input.trainedUntil.cend() && newest < it.value()) {
                ++report.skipped;
            } else {
                auto t = std::make_unique<TrainTask>();
                t->scope = QStringLiteral("user");
                t->subject = upn;
                t->utcOffset = input.utcOffsets.value(upn, 0);
                for (std::size_t i = begin; i < end; ++i)
                    t->rows.push_back(&all[i]);
                t->context = ctx;
                tasks.push_back(std::move(t));
            }
        }
        begin = end;
    }
    return newestOverall;
}

// The tenant's rows by time, with their contexts: an even stride of at most kTenantRows of them.
void tenantRows(const std::vector<SignInRow> &all, const std::vector<Context> &allContext, TrainTask &tenant)
{
    std::vector<std::size_t> order(all.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return all[a].createdMs < all[b].createdMs; });
    std::vector<const SignInRow *> rows;
    std::vector<Context> ctx;
    for (std::size_t i : order) {
        rows.push_back(&all[i]);
        ctx.push_back(allContext[i]);
    }
    // The tenant forest sees psi = 256 rows per tree anyway: an even stride of at most kTenantRows rows
    // (whole window covered) keeps encoding and calibration cheap on large tenants.
    if (rows.size() > kTenantRows) {
        std::vector<const SignInRow *> kept;
        std::vector<Context> keptCtx;
        for (std::size_t k = 0; k < kTenantRows; ++k) {
            const std::size_t i = k * rows.size() / kTenantRows;
            kept.push_back(rows[i]);
            keptCtx.push_back(ctx[i]);
        }
        rows = std::move(kept);
        ctx = std::move(keptCtx);
    }
    tenant.rows = std::move(rows);
    tenant.context = std::move(ctx);
}

// The tenant forest and autoencoder, first in `tasks` (unless not trained since the newest sign-in, when incremental).
void addTenantTasks(const ModelTrainingInput &input, const ModelTrainOptions &o, const std::vector<Context> &allContext,
                    qint64 newestOverall, std::vector<std::unique_ptr<TrainTask>> &tasks, ModelTrainReport &report)
{
    const std::vector<SignInRow> &all = input.rows;
    auto tenant = std::make_unique<TrainTask>();
    tenant->scope = QStringLiteral("tenant");
    tenant->subject = QStringLiteral("all");
    // The tenant model learns from everyone (the fallback for users with too little history), in UTC.
    for (std::size_t i = 0; i < all.size(); ++i) {
        tenant->rows.push_back(&all[i]);
        tenant->context.push_back(allContext[i]);
    }
    if (all.empty())
        return;
    tenantRows(all, allContext, *tenant);
    const auto it = input.trainedUntil.constFind(QStringLiteral("tenant/all"));
    if (o.incremental && it != input.trainedUntil.cend() && newestOverall < it.value()) {
        ++report.skipped;
        return;
    }
    // The tenant autoencoder learns from the same rows; it judges users without a model of their own.
    auto ae = std::make_unique<TrainTask>();
    ae->scope = tenant->scope;
    ae->subject = tenant->subject;
    ae->autoencoder = true;
    // Every third of the tenant rows (at most ~6,700): the network's epochs cost rows x width.
    for (std::size_t i = 0; i < tenant->rows.size(); i += 3) {
        ae->rows.push_back(tenant->rows[i]);
        ae->context.push_back(tenant->context[i]);
    }
    tasks.insert(tasks.begin(), std::move(ae)); // the longest task starts first
    tasks.insert(tasks.begin() + 1, std::move(tenant));
}

// Trains every task: here on o.threads, or, with a userTrainer, the users' forests elsewhere while the tenant models
// train here.
Status trainAll(const std::vector<std::unique_ptr<TrainTask>> &tasks, const ModelTrainOptions &o, qint64 windowStart,
                qint64 windowEnd, const std::function<bool(double)> &progress, ModelTrainReport &report)
{
    std::atomic<bool> cancelled{false};
    std::atomic<qint64> finished{0};
    std::mutex progressLock;
    std::vector<TrainTask *> here, elsewhere;
    for (const auto &t : tasks)
        (o.userTrainer && t->scope == QStringLiteral("user") ? elsewhere : here).push_back(t.get());
    const qint64 count = qint64(here.size());
    const auto trainHere = [&] {
        parallelFor(o.threads, count, [&](std::int64_t i) {
            if (cancelled.load())
                return;
            trainTask(*here[std::size_t(i)], o, windowStart, windowEnd);
            const qint64 n = ++finished;
            if (progress) {
                std::lock_guard lock(progressLock);
                if (!cancelled.load() && !progress(0.1 + 0.8 * double(n) / double(std::max<qint64>(1, count))))
                    cancelled.store(true);
            }
        });
    };
    if (elsewhere.empty()) {
        trainHere();
    } else {
        std::future<void> local = std::async(std::launch::async, trainHere);
        std::vector<UserTrainRequest> requests;
        for (const TrainTask *t : elsewhere)
            requests.push_back({t->subject, t->utcOffset});
        std::vector<ModelRecord> records;
        const Status remote = o.userTrainer(requests, windowStart, windowEnd, records);
        if (!remote)
            cancelled.store(true);
        local.get();
        if (!remote)
            return remote.error();
        if (records.size() != elsewhere.size())
            return Error::storage(QStringLiteral("The workers handed back %1 user models for %2 users")
                                      .arg(records.size()).arg(elsewhere.size()));
        for (std::size_t k = 0; k < elsewhere.size(); ++k) {
            elsewhere[k]->record = std::move(records[k]);
            elsewhere[k]->done = true;
        }
        report.userModelsElsewhere = int(elsewhere.size());
    }
    if (cancelled.load())
        return Error::cancelled(QStringLiteral("Model training cancelled; the previous models stay in force"));
    return {};
}

} // namespace

Result<ModelRecord> trainUserModel(const QString &upn, const std::vector<SignInRow> &rows, int utcOffsetMinutes,
                                   const ModelTrainOptions &o, qint64 windowStartMs, qint64 windowEndMs)
{
    TrainTask t;
    t.scope = QStringLiteral("user");
    t.subject = upn;
    t.utcOffset = utcOffsetMinutes;
    for (const SignInRow &r : rows)
        t.rows.push_back(&r);
    t.context = features::computeContext(rows);
    trainTask(t, o, windowStartMs, windowEndMs);
    if (!t.done)
        return Error::badInput(QStringLiteral("Training the model of %1: %2").arg(upn, t.error));
    return t.record;
}

Result<std::vector<ModelRecord>> trainModelsFrom(const ModelTrainingInput &input, const ModelTrainOptions &o,
                                                 const std::function<bool(double)> &progress, ModelTrainReport &report)
{
    std::vector<std::unique_ptr<TrainTask>> tasks;
    std::vector<Context> allContext(input.rows.size());
    const qint64 newestOverall = addUserTasks(input, o, allContext, tasks, report);
    addTenantTasks(input, o, allContext, newestOverall, tasks, report);
    if (const Status trained = trainAll(tasks, o, input.windowStartMs, input.windowEndMs, progress, report); !trained)
        return trained.error();
    std::vector<ModelRecord> out;
    out.reserve(tasks.size());
    for (const auto &t : tasks) {
        if (!t->done)
            return Error::badInput(QStringLiteral("Training the model of %1: %2").arg(t->subject, t->error));
        (t->scope == QStringLiteral("user") ? report.userModels : report.tenantModels) += 1;
        out.push_back(std::move(t->record));
    }
    report.eventsUsed = qint64(input.rows.size());
    return out;
}

} // namespace backsight::ml
