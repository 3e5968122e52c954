#include "ml/user_models.h"

#include "ml/parallel_for.h"
#include "features/signin_features.h"
#include "ml/autoencoder.h"
#include "ml/isolation_forest.h"

#include <QDataStream>
#include <QElapsedTimer>
#include <QHash>
#include <QIODevice>
#include <QJsonArray>
#include <algorithm>
#include <atomic>
#include <future>
#include <cmath>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

namespace backsight::ml {

// A trained model of one subject: encoder + forest + threshold.
struct SubjectModel
{
    features::SignInEncoder encoder;
    IsolationForest forest;          // kind "iforest"
    DenseAutoencoder autoencoder;    // kind "autoencoder"
    bool isAutoencoder = false;
    double threshold = 1;
    ModelRecord record;
};

namespace {

using features::Context;
using features::SignInEncoder;
using features::SignInRow;

constexpr qint64 kDayMs = 24LL * 3600 * 1000;
constexpr qint64 kContextMs = SignInModels::kContextMs;
constexpr std::size_t kTenantRows = 20000;
const char kUserModelMagic[8] = {'B', 'S', 'U', 'S', 'R', 'M', 'D', 'L'};
constexpr quint32 kUserModelVersion = 1;

QByteArray packModel(const SignInEncoder &encoder, const QByteArray &model)
{
    QByteArray blob;
    QDataStream s(&blob, QIODevice::WriteOnly);
    s.setVersion(QDataStream::Qt_6_4);
    s.writeRawData(kUserModelMagic, 8);
    s << kUserModelVersion << encoder.toJson() << model;
    return blob;
}

bool unpackModel(const QByteArray &blob, SubjectModel &m, QString &error)
{
    if (blob.size() < 12 || std::memcmp(blob.constData(), kUserModelMagic, 8) != 0) {
        error = QStringLiteral("not a sign-in model (bad magic)");
        return false;
    }
    QDataStream s(blob);
    s.setVersion(QDataStream::Qt_6_4);
    s.skipRawData(8);
    quint32 version = 0;
    QByteArray encoder, forest;
    s >> version;
    if (version > kUserModelVersion) {
        error = QStringLiteral("format version %1 is newer than this build reads (%2)").arg(version).arg(kUserModelVersion);
        return false;
    }
    s >> encoder >> forest;
    if (s.status() != QDataStream::Ok) {
        error = QStringLiteral("truncated sign-in model");
        return false;
    }
    if (!m.encoder.fromJson(encoder, error))
        return false;
    if (m.isAutoencoder ? !m.autoencoder.deserialize(forest, error) : !m.forest.deserialize(forest, error))
        return false;
    const int d = m.isAutoencoder ? m.autoencoder.dimensions() : m.forest.dimensions();
    if (d != m.encoder.dimensions()) {
        error = QStringLiteral("model has %1 features, encoder %2").arg(d).arg(m.encoder.dimensions());
        return false;
    }
    return true;
}

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
    if (t.autoencoder) {
        AutoencoderOptions ao;
        const int width = std::min(32, encoder.dimensions());
        ao.hidden = {width, std::min(8, width), width};
        ao.maxEpochs = 20;
        ao.patience = 3;
        ao.learningRate = 2e-3;
        ao.seed = std::uint64_t(o.seed);
        DenseAutoencoder ae;
        if (!ae.fit(x.data(), qint64(rows.size()), encoder.dimensions(), ao, t.error))
            return;
        std::vector<double> errors(rows.size());
        for (std::size_t i = 0; i < rows.size(); ++i)
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
        m.windowStartMs = windowStart;
        m.windowEndMs = windowEnd;
        m.eventsUsed = qint64(rows.size());
        m.data = packModel(encoder, ae.serialize());
        m.trainingMs = timer.elapsed();
        t.done = true;
        return;
    }
    IsolationForestOptions fo;
    fo.trees = o.trees;
    fo.seed = std::uint64_t(o.seed) ^ std::uint64_t(qHash(t.subject));
    fo.threads = 1;
    IsolationForest forest;
    if (!forest.fit(x.data(), qint64(rows.size()), encoder.dimensions(), fo, t.error))
        return;
    std::vector<double> scores(rows.size());
    forest.score(x.data(), qint64(rows.size()), scores.data(), 1);
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
    m.windowStartMs = windowStart;
    m.windowEndMs = windowEnd;
    m.eventsUsed = qint64(rows.size());
    m.data = packModel(encoder, forest.serialize());
    m.trainingMs = timer.elapsed();
    t.done = true;
}

// Scores `rows` (one user's sign-ins by time, the day before the scored ones included for context) whose rowid is in
// (fromRowId, toRowId] with `model`; appends the findings above its threshold, in time order. Safe on any thread:
// it only reads the model.
void scoreUser(const QString &upn, const SubjectModel &model, const std::vector<SignInRow> &rows, qint64 fromRowId,
               qint64 toRowId, std::vector<detect::Finding> &out)
{
    const std::vector<Context> ctx = features::computeContext(rows);
    const int d = model.encoder.dimensions();
    std::vector<std::size_t> scored;
    std::vector<float> x;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (rows[i].rowId <= fromRowId || rows[i].rowId > toRowId)
            continue;
        scored.push_back(i);
        model.encoder.encode(rows[i], ctx[i], x);
    }
    if (scored.empty())
        return;
    std::vector<double> scores(scored.size());
    if (model.isAutoencoder)
        model.autoencoder.score(x.data(), qint64(scored.size()), scores.data());
    else
        model.forest.score(x.data(), qint64(scored.size()), scores.data(), 1);
    for (std::size_t k = 0; k < scored.size(); ++k) {
        const double s = scores[k];
        if (!(s > model.threshold))
            continue;
        const std::size_t i = scored[k];
        const float *row = x.data() + k * std::size_t(d);
        // Why: for the forest, features that isolate early weighted by how far the value sits from the training
        // rows; for the autoencoder, each feature's reconstruction error.
        const std::vector<double> contrib = model.isAutoencoder ? model.autoencoder.featureErrors(row)
                                                                : model.forest.featureContributions(row);
        std::vector<std::pair<double, int>> ranked;
        for (int j = 0; j < d; ++j) {
            const double w = model.isAutoencoder ? contrib[j] : contrib[j] * model.encoder.surprise(j, row[j]);
            if (w > 0)
                ranked.emplace_back(w, j);
        }
        std::sort(ranked.begin(), ranked.end(), std::greater<>());
        QStringList words;
        QJsonArray top;
        for (const auto &[w, j] : ranked) {
            const QString text = model.encoder.describe(j, rows[i], ctx[i]);
            if (text.isEmpty() || words.contains(text))
                continue;
            words << text;
            top.append(QJsonObject{{QStringLiteral("feature"), model.encoder.featureNames().at(j)},
                                   {QStringLiteral("text"), text},
                                   {QStringLiteral("weight"), w}});
            if (words.size() == 3)
                break;
        }
        const bool perUser = model.record.scope == QStringLiteral("user");
        const QString kind = model.isAutoencoder ? QStringLiteral("model_autoencoder") : QStringLiteral("model_iforest");
        // Forest scores are already in (0, 1]; a reconstruction error e above threshold t maps to e / (e + t).
        const double unitScore = model.isAutoencoder ? s / (s + model.threshold) : s;
        detect::Finding f;
        f.kind = kind;
        f.subjectType = QStringLiteral("user");
        f.subject = upn;
        f.upn = upn;
        f.timeMs = rows[i].createdMs;
        f.eventTable = QStringLiteral("signins");
        f.eventIds = {rows[i].id};
        f.score = std::clamp(unitScore, 0.0, 1.0);
        f.success = rows[i].errorCode == 0;
        f.interactive = rows[i].interactive;
        f.modelId = model.record.id;
        f.reason.detector = kind;
        f.reason.text = QStringLiteral("Unusual for %1 (%2 model, score %3 > %4): %5")
                            .arg(perUser ? QStringLiteral("this user") : QStringLiteral("the tenant"),
                                 perUser ? QStringLiteral("per-user") : model.isAutoencoder ? QStringLiteral("tenant autoencoder")
                                                                                           : QStringLiteral("tenant"))
                            .arg(s, 0, 'f', 3)
                            .arg(model.threshold, 0, 'f', 3)
                            .arg(words.isEmpty() ? QStringLiteral("no single feature stands out") : words.join(QStringLiteral(", ")));
        f.reason.evidence = {{QStringLiteral("score"), s},
                             {QStringLiteral("threshold"), model.threshold},
                             {QStringLiteral("model_id"), model.record.id},
                             {QStringLiteral("model_scope"), model.record.scope},
                             {QStringLiteral("model_version"), model.record.version},
                             {QStringLiteral("top_features"), top}};
        out.push_back(std::move(f));
    }
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
    const std::vector<SignInRow> &all = input.rows;
    const QHash<QString, int> &offsets = input.utcOffsets;
    const QHash<QString, qint64> &trainedUntil = input.trainedUntil;
    const qint64 windowStart = input.windowStartMs, windowEnd = input.windowEndMs;
    std::vector<std::unique_ptr<TrainTask>> tasks;
    auto tenant = std::make_unique<TrainTask>();
    tenant->scope = QStringLiteral("tenant");
    tenant->subject = QStringLiteral("all");
    std::vector<Context> allContext(all.size());
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
            const auto it = trainedUntil.constFind(QStringLiteral("user/") + upn);
            if (o.incremental && it != trainedUntil.cend() && newest < it.value()) {
                ++report.skipped;
            } else {
                auto t = std::make_unique<TrainTask>();
                t->scope = QStringLiteral("user");
                t->subject = upn;
                t->utcOffset = offsets.value(upn, 0);
                for (std::size_t i = begin; i < end; ++i)
                    t->rows.push_back(&all[i]);
                t->context = ctx;
                tasks.push_back(std::move(t));
            }
        }
        begin = end;
    }
    // The tenant model learns from everyone (the fallback for users with too little history), in UTC.
    for (std::size_t i = 0; i < all.size(); ++i) {
        tenant->rows.push_back(&all[i]);
        tenant->context.push_back(allContext[i]);
    }
    if (!all.empty()) {
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
        tenant->rows = std::move(rows);
        tenant->context = std::move(ctx);
        const auto it = trainedUntil.constFind(QStringLiteral("tenant/all"));
        if (o.incremental && it != trainedUntil.cend() && newestOverall < it.value()) {
            ++report.skipped;
        } else {
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
    }

    std::atomic<bool> cancelled{false};
    std::atomic<qint64> finished{0};
    std::mutex progressLock;
    // With a userTrainer the users' forests train elsewhere while the tenant models train here.
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
    std::vector<ModelRecord> out;
    out.reserve(tasks.size());
    for (const auto &t : tasks) {
        if (!t->done)
            return Error::badInput(QStringLiteral("Training the model of %1: %2").arg(t->subject, t->error));
        (t->scope == QStringLiteral("user") ? report.userModels : report.tenantModels) += 1;
        out.push_back(std::move(t->record));
    }
    report.eventsUsed = qint64(all.size());
    return out;
}

SignInModels::SignInModels() = default;
SignInModels::~SignInModels() = default;

bool SignInModels::load(std::vector<ModelRecord> active, QString &error)
{
    users_.clear();
    tenant_.reset();
    tenantAutoencoder_.reset();
    for (ModelRecord &r : active) {
        if (r.kind != QStringLiteral("iforest") && r.kind != QStringLiteral("autoencoder"))
            continue; // other helpers' models (backup servers) share the table
        if (r.scope != QStringLiteral("user") && r.scope != QStringLiteral("tenant"))
            continue;
        auto m = std::make_unique<SubjectModel>();
        m->isAutoencoder = r.kind == QStringLiteral("autoencoder");
        QString why;
        if (!unpackModel(r.data, *m, why)) {
            error = QStringLiteral("Model %1 (%2 %3 v%4): %5").arg(r.id).arg(r.scope, r.subject).arg(r.version).arg(why);
            users_.clear();
            tenant_.reset();
            tenantAutoencoder_.reset();
            return false;
        }
        m->threshold = r.threshold;
        r.data.clear();
        m->record = r;
        if (r.scope == QStringLiteral("user"))
            users_[r.subject] = std::move(m);
        else if (m->isAutoencoder)
            tenantAutoencoder_ = std::move(m);
        else
            tenant_ = std::move(m);
    }
    return true;
}

bool SignInModels::empty() const
{
    return users_.empty() && !tenant_ && !tenantAutoencoder_;
}

const SubjectModel *SignInModels::modelFor(const QString &upn) const
{
    if (const auto it = users_.find(upn); it != users_.end())
        return it->second.get();
    return tenantAutoencoder_ ? tenantAutoencoder_.get() : tenant_.get();
}

bool SignInModels::judges(const QString &upn) const
{
    return modelFor(upn) != nullptr;
}

void SignInModels::score(const QString &upn, const std::vector<SignInRow> &rows, qint64 fromRowId, qint64 toRowId,
                         std::vector<detect::Finding> &out) const
{
    if (const SubjectModel *model = modelFor(upn))
        scoreUser(upn, *model, rows, fromRowId, toRowId, out);
}

} // namespace backsight::ml
