#include "backup/server_models.h"

#include "backup/server_model.h"
#include "backup/session_findings.h"
#include "store/model_repository.h"
#include "ml/sequence_metrics.h"
#include "store/backup_repository.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <memory>

namespace backsight::backup {

namespace {

using Eigen::MatrixXd;
using Eigen::VectorXd;

const QString modelKind = QStringLiteral("lstm_autoencoder");
constexpr int hiddenUnits = 8;
// Few epochs: with 30-90 sessions per server, longer training memorises the history and every new night looks odd.
constexpr int serverEpochs = 20, fleetEpochs = 10;
constexpr size_t fleetWindowCap = 4000; // enough to learn what a schedule looks like; keeps training short
// The threshold: median + k·1.4826·MAD of the errors on held-back windows (docs/backup-models.md). The spread has a
// floor (half the median), and the threshold one of 1 — every judged feature one robust spread off, or one of
// them about three — so a server whose numbers never move does not flag a night 15 % busier.
constexpr double thresholdK = 10.0, spreadFloor = 0.5, errorFloor = 1.0;
constexpr size_t minCrossFitWindows = 12;

double median(std::vector<double> v)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const size_t m = v.size() / 2;
    return v.size() % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

Calibration calibrate(const std::vector<double> &errors, double sensitivity)
{
    Calibration c;
    c.heldBack = int(errors.size());
    c.median = median(errors);
    std::vector<double> deviations;
    for (double e : errors)
        deviations.push_back(std::abs(e - c.median));
    c.spread = std::max(1.4826 * median(deviations), spreadFloor * c.median);
    c.threshold = std::max(c.median + thresholdK / std::max(sensitivity, 1e-3) * c.spread, errorFloor);
    return c;
}

struct TrainedModel
{
    ServerModel model;
    QJsonObject metrics;
    qint64 firstMs = 0, lastMs = 0, trainingMs = 0;
    int sessions = 0;
};

ml::LstmAutoencoder trainNetwork(const std::vector<MatrixXd> &windows, const ServerTrainOptions &options, int epochs,
                                 const std::function<bool(double)> &progress, bool &cancelled)
{
    ml::LstmAutoencoder net(FeatureCount, hiddenUnits, options.seed);
    ml::LstmTrainOptions train;
    train.epochs = epochs;
    train.seed = options.seed;
    train.progress = progress;
    cancelled = net.train(windows, train).cancelled;
    return net;
}

// Errors of windows no network judging them had learnt: the older half judged by a network trained on the newer
// half and the other way round (cross-fitting), so the threshold is set on errors like a new night's.
bool heldBackErrors(const std::vector<MatrixXd> &windows, const ServerTrainOptions &options, int epochs,
                    const std::function<bool(double)> &progress, std::vector<double> &errors)
{
    errors.clear();
    const size_t half = windows.size() / 2;
    const std::vector<MatrixXd> older(windows.begin(), windows.begin() + std::ptrdiff_t(half));
    const std::vector<MatrixXd> newer(windows.begin() + std::ptrdiff_t(half), windows.end());
    for (int part = 0; part < 2; ++part) {
        bool cancelled = false;
        ServerModel judge;
        judge.network = trainNetwork(part ? newer : older, options, epochs,
                                     [&](double f) { return !progress || progress((part + f) / 3.0); }, cancelled);
        if (cancelled)
            return false;
        for (const MatrixXd &w : part ? older : newer)
            errors.push_back(sessionError(judge.lastStepErrors(w)));
    }
    return true;
}

// Trains on the windows; the threshold comes from held-back errors (in-sample ones only when too few windows).
bool fitModel(const std::vector<MatrixXd> &windows, const ServerTrainOptions &options, int epochs,
              const std::function<bool(double)> &progress, TrainedModel &trained)
{
    QElapsedTimer timer;
    timer.start();
    ServerModel &m = trained.model;
    m.window = options.window;
    std::vector<double> heldBack;
    const bool crossFit = windows.size() >= minCrossFitWindows;
    if (crossFit && !heldBackErrors(windows, options, epochs, progress, heldBack))
        return false;
    bool cancelled = false;
    m.network = trainNetwork(windows, options, epochs,
                             [&](double f) { return !progress || progress(crossFit ? (2.0 + f) / 3.0 : f); }, cancelled);
    if (cancelled)
        return false;
    std::vector<double> inSample;
    double squared = 0, dtw = 0;
    for (const MatrixXd &w : windows) {
        const MatrixXd r = m.network.reconstruct(w);
        squared += (r - w).squaredNorm();
        dtw += ml::dtwDistance(r, w).value_or(0.0);
        inSample.push_back(sessionError(m.lastStepErrors(w)));
    }
    m.calibration = calibrate(crossFit ? heldBack : inSample, options.sensitivity);
    const double cells = double(windows.size()) * double(options.window) * double(FeatureCount);
    trained.metrics = QJsonObject{{QStringLiteral("train_rmse"), std::sqrt(squared / cells)},
                                  {QStringLiteral("train_dtw_mean"), dtw / double(windows.size())},
                                  {QStringLiteral("windows"), int(windows.size())},
                                  {QStringLiteral("held_back_windows"), int(heldBack.size())},
                                  {QStringLiteral("in_sample_median_error"), median(inSample)}};
    trained.trainingMs = timer.elapsed();
    return true;
}

Status storeModel(Database &db, const QString &scope, const QString &subject, const TrainedModel &t,
                  const ServerTrainOptions &options)
{
    QJsonArray names;
    for (const char *n : featureNames)
        names.append(QLatin1String(n));
    ModelRecord r;
    r.scope = scope;
    r.subject = subject;
    r.kind = modelKind;
    r.parameters = QJsonObject{{QStringLiteral("window"), options.window},
                               {QStringLiteral("hidden"), hiddenUnits},
                               {QStringLiteral("seed"), qint64(options.seed)},
                               {QStringLiteral("sensitivity"), options.sensitivity},
                               {QStringLiteral("min_sessions"), options.minSessions},
                               {QStringLiteral("features"), names},
                               {QStringLiteral("threshold_rule"),
                                QStringLiteral("median + %1/sensitivity * max(1.4826 * MAD, %2 * median) of held-back errors")
                                    .arg(thresholdK)
                                    .arg(spreadFloor)}};
    r.windowStartMs = t.firstMs;
    r.windowEndMs = t.lastMs;
    r.eventsUsed = t.sessions;
    r.threshold = t.model.calibration.threshold;
    r.metrics = t.metrics;
    r.scoreDistribution = QJsonObject{{QStringLiteral("median"), t.model.calibration.median},
                                      {QStringLiteral("spread"), t.model.calibration.spread},
                                      {QStringLiteral("held_back"), t.model.calibration.heldBack},
                                      {QStringLiteral("threshold"), t.model.calibration.threshold}};
    r.trainingMs = t.trainingMs;
    r.createdAtMs = QDateTime::currentMSecsSinceEpoch();
    r.data = t.model.serialize();
    // The newest five versions per server stay (like the sign-in models), so old backup models do not pile up.
    if (const Result<qint64> saved = ModelRepository(db).save(r, 5); !saved)
        return saved.error();
    return {};
}

} // namespace

namespace {

// What training has gathered across servers for the fleet model, and where its progress stands.
struct TrainingRun
{
    Database &db;
    const ServerTrainOptions &options;
    const std::function<bool(double)> &progress;
    double units = 1, done = 0;
    std::vector<MatrixXd> fleetWindows;
    std::vector<Session> pooledSessions;
    TrainedModel fleet;
    int modelsTrained = 0;

    std::function<bool(double)> step(double weight)
    {
        return [this, weight](double f) { return !progress || progress((done + f * weight) / units); };
    }
};

Error cancelledError()
{
    return Error::cancelled(QStringLiteral("Training was cancelled; no backup model was stored."));
}

// The server's model (when it has minSessions sessions) and its share of the fleet's windows.
Status trainServer(TrainingRun &run, const QString &server)
{
    Result<std::vector<Session>> loaded = loadServerSessions(run.db, server);
    if (!loaded)
        return loaded.error();
    std::vector<Session> &sessions = *loaded;
    if (run.options.trainShare < 1.0) {
        const size_t keep = std::max(size_t(std::max(run.options.minSessions, 0)),
                                     size_t(std::ceil(double(sessions.size()) * run.options.trainShare)));
        if (keep < sessions.size())
            sessions.resize(keep);
    }
    run.pooledSessions.insert(run.pooledSessions.end(), sessions.begin(), sessions.end());
    if (int(sessions.size()) < run.options.window)
        return {};
    const MatrixXd rows = featureRows(sessions);
    const SessionScaler scaler = SessionScaler::fit(sessions, rows);
    const auto windows = ml::slidingWindows(scaler.transform(sessions, rows), run.options.window);
    run.fleetWindows.insert(run.fleetWindows.end(), windows.begin(), windows.end());
    run.fleet.sessions += int(sessions.size());
    run.fleet.firstMs = run.fleet.firstMs == 0 ? sessions.front().creationMs : std::min(run.fleet.firstMs, sessions.front().creationMs);
    run.fleet.lastMs = std::max(run.fleet.lastMs, sessions.back().creationMs);
    if (int(sessions.size()) < run.options.minSessions)
        return {};
    TrainedModel trained;
    trained.model.scaler = scaler;
    trained.sessions = int(sessions.size());
    trained.firstMs = sessions.front().creationMs;
    trained.lastMs = sessions.back().creationMs;
    if (!fitModel(windows, run.options, serverEpochs, run.step(1.0), trained))
        return cancelledError();
    if (Status stored = storeModel(run.db, serverScope, server, trained, run.options); !stored)
        return stored;
    ++run.modelsTrained;
    run.done += 1.0;
    return {};
}

Status trainFleet(TrainingRun &run)
{
    if (run.fleetWindows.empty())
        return {};
    // An even, seed-independent thinning keeps the fleet model's cost bounded on a large estate.
    if (run.fleetWindows.size() > fleetWindowCap) {
        std::vector<MatrixXd> thinned;
        const double stride = double(run.fleetWindows.size()) / double(fleetWindowCap);
        for (size_t k = 0; k < fleetWindowCap; ++k)
            thinned.push_back(run.fleetWindows[size_t(double(k) * stride)]);
        run.fleetWindows.swap(thinned);
    }
    run.fleet.model.scaler = SessionScaler::fit(run.pooledSessions, featureRows(run.pooledSessions));
    if (!fitModel(run.fleetWindows, run.options, fleetEpochs, run.step(2.0), run.fleet))
        return cancelledError();
    if (Status stored = storeModel(run.db, fleetScope, fleetSubject, run.fleet, run.options); !stored)
        return stored;
    ++run.modelsTrained;
    return {};
}

} // namespace

Result<int> trainServerModels(Database &db, const ServerTrainOptions &options, const std::function<bool(double)> &progress)
{
    if (options.window < 2 || options.minSessions < options.window)
        return Error::badInput(QStringLiteral("The window must be at least 2 sessions and no more than the minimum history (%1 < %2).")
                                   .arg(options.minSessions)
                                   .arg(options.window));
    const auto servers = store::backupSessionCounts(db);
    if (!servers)
        return servers.error();
    // On the heap: GCC 12 at -O3 warns of Eigen storage "maybe uninitialized" in a stack TrainingRun's destructor.
    const auto run = std::make_unique<TrainingRun>(db, options, progress);
    // Work units: each server of its own plus the fleet model (counted as two, it sees more windows).
    for (const auto &s : *servers)
        run->units += s.second >= options.minSessions ? 1 : 0;
    run->units += 1;
    if (Status begun = store::beginTransaction(db, QStringLiteral("Starting to store backup models")); !begun)
        return begun.error();
    Status trained;
    for (const auto &entry : *servers)
        if (trained)
            trained = trainServer(*run, entry.first);
    if (trained)
        trained = trainFleet(*run);
    if (trained && progress && !progress(1.0))
        trained = cancelledError();
    if (!trained) {
        store::rollbackTransaction(db);
        return trained.error();
    }
    if (Status committed = store::commitTransaction(db, QStringLiteral("Storing the backup models")); !committed)
        return committed.error();
    return run->modelsTrained;
}

namespace {

// A level shift that persists becomes the new normal (docs/backup-models.md, "Level shifts"): a session is not
// reported when at least kSettleFlagged of the kSettleNights judged sessions before it were over the threshold and
// every feature of it lies within kSettleSpread robust spreads of those sessions' median (scaled units). The first
// nights of the shift are reported; an attack on top of the new level (a dedup collapse) is not within it.
constexpr int kSettleNights = 6, kSettleFlagged = 4;
constexpr double kSettleSpread = 3.0, kSettleSpreadFloor = 0.5;

bool settledShift(const MatrixXd &scaled, const std::vector<int> &judged, const std::vector<char> &flagged, size_t k)
{
    std::vector<Eigen::Index> recent;
    int over = 0, seen = 0;
    for (size_t i = k; i-- > 0 && seen < kSettleNights;) {
        if (!judged[i])
            continue;
        ++seen;
        if (flagged[i]) {
            ++over;
            recent.push_back(Eigen::Index(i));
        }
    }
    if (seen < kSettleNights || over < kSettleFlagged)
        return false;
    for (Eigen::Index f = 0; f < scaled.cols(); ++f) {
        std::vector<double> values;
        for (Eigen::Index i : recent)
            values.push_back(scaled(i, f));
        const double m = median(values);
        std::vector<double> deviations;
        for (double v : values)
            deviations.push_back(std::abs(v - m));
        const double spread = std::max(kSettleSpreadFloor, 1.4826 * median(deviations));
        if (std::abs(scaled(Eigen::Index(k), f) - m) > kSettleSpread * spread)
            return false;
    }
    return true;
}

// How long the departure at `k` has lasted (consecutive judged sessions over the threshold, this one included) and
// whether it comes out of quiet: the `window` judged sessions before it were all under the threshold. Quiet must have
// been seen: the first sessions judged after training have too few judged sessions before them.
void persistence(const std::vector<int> &judged, const std::vector<char> &flagged, size_t k, int window, Judgement &j)
{
    constexpr int longestRun = 64; // enough for the threat (two steps from the fourth); bounds the look-back
    j.run = flagged[k] ? 1 : 0;
    bool running = flagged[k], quiet = true;
    int seen = 0;
    for (size_t i = k; i-- > 0 && ((running && j.run < longestRun) || seen < window);) {
        if (!judged[i])
            continue;
        running = running && flagged[i];
        j.run += running;
        if (seen < window)
            quiet = quiet && !flagged[i];
        ++seen;
    }
    j.afterQuiet = quiet && seen >= window;
}

void scoreServer(const QString &server, const std::vector<Session> &sessions, const ServerModel &model,
                 const SessionScaler &scaler, qint64 fromRowId, qint64 toRowId, std::vector<detect::Finding> &out)
{
    const MatrixXd raw = featureRows(sessions);
    const MatrixXd scaled = scaler.transform(sessions, raw);
    const int w = model.window;
    // Every judgeable session is judged, in range or not, so a level shift's run of flagged nights is known.
    std::vector<int> judged(sessions.size(), 0);
    std::vector<char> flagged(sessions.size(), 0);
    for (size_t k = size_t(std::max(0, w - 1)); k < sessions.size(); ++k) {
        const Session &s = sessions[k];
        if (!model.fleet && s.creationMs <= model.trainedUntilMs)
            continue; // the model learnt from this session: it cannot judge it
        const bool inRange = s.rowId > fromRowId && s.rowId <= toRowId;
        const MatrixXd window = scaled.middleRows(Eigen::Index(k) + 1 - w, w);
        Judgement j;
        j.perFeature = model.lastStepErrors(window);
        j.error = sessionError(j.perFeature);
        j.ratio = j.error / model.calibration.threshold;
        judged[k] = 1;
        flagged[k] = j.ratio > 1.0;
        if (!inRange || !flagged[k] || settledShift(scaled, judged, flagged, k))
            continue;
        persistence(judged, flagged, k, w, j);
        j.z = scaled.row(Eigen::Index(k));
        j.residual = j.z - model.lastStepReconstruction(window);
        out.push_back(makeFinding(server, sessions, k, raw, model, scaler, j));
    }
}

} // namespace

Status scoreBackupSessions(Database &db, qint64 fromRowId, qint64 toRowId, std::vector<detect::Finding> &out)
{
    const auto servers = store::backupServersWithRows(db, fromRowId, toRowId);
    if (!servers)
        return servers.error();
    std::optional<ServerModel> fleet;
    bool fleetLoaded = false;
    for (const QString &server : *servers) {
        Result<std::optional<ServerModel>> loadedModel = loadServerModel(db, serverScope, server);
        if (!loadedModel)
            return loadedModel.error();
        std::optional<ServerModel> &model = *loadedModel;
        const Result<std::vector<Session>> loadedSessions = loadServerSessions(db, server);
        if (!loadedSessions)
            return loadedSessions.error();
        const std::vector<Session> &sessions = *loadedSessions;
        SessionScaler scaler;
        if (model) {
            scaler = model->scaler;
        } else {
            if (!fleetLoaded) {
                Result<std::optional<ServerModel>> loadedFleet = loadServerModel(db, fleetScope, fleetSubject);
                fleetLoaded = true;
                if (!loadedFleet)
                    return loadedFleet.error();
                fleet = std::move(*loadedFleet);
            }
            if (!fleet)
                continue; // nothing trained yet: no opinion
            model = fleet;
            // A new server is scaled by its own history before the sessions judged, when it has a window of it.
            std::vector<Session> before;
            for (const Session &s : sessions)
                if (s.rowId <= fromRowId)
                    before.push_back(s);
            scaler = int(before.size()) >= model->window ? SessionScaler::fit(before, featureRows(before)) : fleet->scaler;
        }
        scoreServer(server, sessions, *model, scaler, fromRowId, toRowId, out);
    }
    return {};
}

} // namespace backsight::backup
