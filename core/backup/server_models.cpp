#include "backup/server_models.h"

#include "ml/lstm_autoencoder.h"
#include "ml/robust_baseline.h"
#include "ml/sequence_metrics.h"
#include "store/database.h"

#include <QDataStream>
#include <QDateTime>
#include <QElapsedTimer>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <algorithm>
#include <cmath>
#include <map>
#include <numbers>

namespace backsight::backup {

namespace {

using Eigen::MatrixXd;
using Eigen::VectorXd;

const QString modelKind = QStringLiteral("lstm_autoencoder");
const QString serverScope = QStringLiteral("server");
const QString fleetScope = QStringLiteral("fleet");
const QString fleetSubject = QStringLiteral("all");
constexpr int hiddenUnits = 8;
// Few epochs: with 30-90 sessions per server, longer training memorises the history and every new night looks odd.
constexpr int serverEpochs = 20, fleetEpochs = 10;
constexpr size_t fleetWindowCap = 4000; // enough to learn what a schedule looks like; keeps training short
// The threshold is learnt on the training windows themselves, whose errors run lower than a new night's: hence a
// wide k and the largest training error as the other bound (tuned on the simulator's histories, docs/backup-models.md).
constexpr double thresholdK = 15.0, thresholdQuantile = 1.0, scaledClip = 12.0;
constexpr double signalZ = 3.0;         // |robust z| at which a feature counts as collapsed / spiked / dropped

// Features per session, in the order the models see them. The first six are measured and robust-scaled; the
// flags and the weekday (a point on a circle, so Sunday sits next to Monday) are given as they are.
enum Feature : int {
    LogTransferred, LogRead, LogUsed, Dedup, Compress, LogDuration, // scaled
    Failed, Full, WeekdaySin, WeekdayCos,                           // as they are
    FeatureCount
};
constexpr int scaledFeatures = Failed;
// The error is measured on what the session did (sizes, ratios, duration, failure); whether it was a full and its
// weekday are context the network reads but is not asked to reproduce.
constexpr int judgedFeatures = Full;

const char *const featureNames[FeatureCount] = {
    "log_transferred_bytes", "log_read_bytes", "log_used_bytes", "dedup_ratio", "compress_ratio",
    "log_duration_s",        "failed",         "full",           "weekday_sin", "weekday_cos"};

VectorXd scaleFloor()
{
    // Smallest scale per feature: 5 % in sizes and duration (log units), 0.05 in ratios.
    VectorXd floor = VectorXd::Constant(FeatureCount, 1.0);
    floor.head(scaledFeatures).setConstant(0.05);
    return floor;
}

struct Session
{
    qint64 rowId = 0;
    QString id;
    qint64 creationMs = 0;
    std::optional<qint64> endMs;
    double transferred = 0, read = 0, used = 0, dedup = 1, compress = 1, durationS = 0;
    bool failed = false, full = false;
    bool sizesKnown = true; // false for a failed session that moved nothing, or one without sizes
    bool usedKnown = true;
};

Eigen::RowVectorXd features(const Session &s)
{
    const double angle = 2.0 * std::numbers::pi * double(QDateTime::fromMSecsSinceEpoch(s.creationMs, Qt::UTC).date().dayOfWeek() - 1) / 7.0;
    Eigen::RowVectorXd f(FeatureCount);
    f << std::log1p(std::max(0.0, s.transferred)), std::log1p(std::max(0.0, s.read)), std::log1p(std::max(0.0, s.used)),
        s.dedup, s.compress, std::log1p(std::max(0.0, s.durationS)), s.failed ? 1.0 : 0.0, s.full ? 1.0 : 0.0,
        std::sin(angle), std::cos(angle);
    return f;
}

MatrixXd featureRows(const std::vector<Session> &sessions)
{
    MatrixXd rows(Eigen::Index(sessions.size()), FeatureCount);
    for (size_t k = 0; k < sessions.size(); ++k)
        rows.row(Eigen::Index(k)) = features(sessions[k]);
    return rows;
}

// Fulls and incrementals of one server differ by orders of magnitude, so each kind is scaled by its own medians
// (fulls by the incrementals' when there are fewer than three fulls to learn from). A session without sizes
// keeps only its flags and weekday: its sizes and duration read as ordinary, so a failure is judged as a failure.
struct SessionScaler
{
    ml::RobustScaler incremental, full;

    const ml::RobustScaler &of(const Session &s) const { return s.full ? full : incremental; }

    static ml::RobustScaler fitRows(const std::vector<Session> &sessions, const MatrixXd &raw, int wantFull)
    {
        std::vector<Eigen::Index> rows;
        for (size_t k = 0; k < sessions.size(); ++k)
            if (sessions[k].sizesKnown && (wantFull < 0 || int(sessions[k].full) == wantFull))
                rows.push_back(Eigen::Index(k));
        MatrixXd picked(Eigen::Index(rows.size()), FeatureCount);
        for (size_t k = 0; k < rows.size(); ++k)
            picked.row(Eigen::Index(k)) = raw.row(rows[k]);
        ml::RobustScaler scaler = ml::RobustScaler::fit(picked, scaleFloor());
        scaler.center.tail(FeatureCount - scaledFeatures).setZero();
        scaler.scale.tail(FeatureCount - scaledFeatures).setOnes();
        return scaler;
    }

    static SessionScaler fit(const std::vector<Session> &sessions, const MatrixXd &raw)
    {
        int fulls = 0, incrementals = 0;
        for (const Session &s : sessions)
            (s.full ? fulls : incrementals) += s.sizesKnown ? 1 : 0;
        SessionScaler scaler;
        scaler.incremental = fitRows(sessions, raw, incrementals >= 3 ? 0 : -1);
        scaler.full = fulls >= 3 ? fitRows(sessions, raw, 1) : scaler.incremental;
        // A handful of fulls gives medians but not a spread: borrow the incrementals' where it is wider.
        if (fulls < 12)
            scaler.full.scale = scaler.full.scale.cwiseMax(scaler.incremental.scale);
        return scaler;
    }

    MatrixXd transform(const std::vector<Session> &sessions, const MatrixXd &raw) const
    {
        MatrixXd scaled(raw.rows(), raw.cols());
        for (size_t k = 0; k < sessions.size(); ++k) {
            const Eigen::Index r = Eigen::Index(k);
            scaled.row(r) = of(sessions[k]).transform(raw.row(r), scaledClip);
            if (!sessions[k].sizesKnown)
                scaled.row(r).head(Failed).setZero();
            else if (!sessions[k].usedKnown)
                scaled(r, LogUsed) = 0;
        }
        return scaled;
    }
};

// A trained model with what it needs to judge a session: its scaler and its error threshold.
struct ServerModel
{
    int window = 8;
    SessionScaler scaler;
    ml::ScoreThreshold threshold;
    ml::LstmAutoencoder network;
    qint64 modelId = 0;
    bool fleet = false;
    qint64 trainedUntilMs = 0; // models.window_end_ms: sessions up to here taught this model

    static constexpr quint32 formatVersion = 1;

    QByteArray serialize() const
    {
        QByteArray blob;
        QDataStream out(&blob, QIODevice::WriteOnly);
        out.setVersion(QDataStream::Qt_6_4);
        out.setByteOrder(QDataStream::LittleEndian);
        out.writeRawData("BSSRVMDL", 8);
        out << formatVersion << qint32(window) << qint32(FeatureCount);
        for (const ml::RobustScaler *part : {&scaler.incremental, &scaler.full})
            for (Eigen::Index k = 0; k < FeatureCount; ++k)
                out << part->center[k] << part->scale[k];
        out << threshold.median << threshold.mad << threshold.quantileValue << threshold.threshold;
        out << network.serialize();
        return blob;
    }

    static std::optional<ServerModel> deserialize(const QByteArray &blob, QString &error)
    {
        QDataStream in(blob);
        in.setVersion(QDataStream::Qt_6_4);
        in.setByteOrder(QDataStream::LittleEndian);
        char head[8] = {};
        if (in.readRawData(head, 8) != 8 || QByteArray(head, 8) != QByteArrayLiteral("BSSRVMDL")) {
            error = QStringLiteral("not a backup server model (the blob does not start with BSSRVMDL)");
            return std::nullopt;
        }
        quint32 version = 0;
        qint32 window = 0, columns = 0;
        in >> version >> window >> columns;
        if (in.status() != QDataStream::Ok || version == 0 || version > formatVersion) {
            error = QStringLiteral("backup server model format %1 is not readable by this build (reads up to %2)")
                        .arg(version)
                        .arg(formatVersion);
            return std::nullopt;
        }
        if (window < 2 || window > 1000 || columns != FeatureCount) {
            error = QStringLiteral("backup server model is corrupt (window %1, %2 features)").arg(window).arg(columns);
            return std::nullopt;
        }
        ServerModel m;
        m.window = window;
        for (ml::RobustScaler *part : {&m.scaler.incremental, &m.scaler.full}) {
            part->center.resize(columns);
            part->scale.resize(columns);
            for (int k = 0; k < columns; ++k)
                in >> part->center[k] >> part->scale[k];
        }
        in >> m.threshold.median >> m.threshold.mad >> m.threshold.quantileValue >> m.threshold.threshold;
        QByteArray network;
        in >> network;
        if (in.status() != QDataStream::Ok) {
            error = QStringLiteral("backup server model is truncated");
            return std::nullopt;
        }
        auto lstm = ml::LstmAutoencoder::deserialize(network, error);
        if (!lstm)
            return std::nullopt;
        if (lstm->features() != FeatureCount) {
            error = QStringLiteral("backup server model is corrupt (network for %1 features)").arg(lstm->features());
            return std::nullopt;
        }
        m.network = std::move(*lstm);
        return m;
    }

    // Squared reconstruction error per feature of the window's last session (the one being judged).
    VectorXd lastStepErrors(const MatrixXd &scaledWindow) const
    {
        const MatrixXd r = network.reconstruct(scaledWindow);
        VectorXd e = (r.row(r.rows() - 1) - scaledWindow.row(scaledWindow.rows() - 1)).array().square().transpose();
        e.tail(FeatureCount - judgedFeatures).setZero();
        return e;
    }
};

bool fail(QString &error, const QString &doing, const QSqlQuery &q)
{
    error = Database::describe(doing, q.lastError());
    return false;
}

bool loadSessions(Database &db, const QString &server, std::vector<Session> &out, QString &error)
{
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT rowid, id, creation_ms, end_ms, result, transferred_bytes, read_bytes, dedup_ratio, compress_ratio, "
        "duration_s, processed_used_bytes, is_full, level FROM backup_sessions WHERE server = ? ORDER BY creation_ms, rowid"));
    q.addBindValue(server);
    if (!q.exec())
        return fail(error, QStringLiteral("Reading the backup sessions of %1").arg(server), q);
    out.clear();
    std::vector<bool> task;
    while (q.next()) {
        task.push_back(q.value(12).toString() == QLatin1String("task"));
        Session s;
        s.rowId = q.value(0).toLongLong();
        s.id = q.value(1).toString();
        s.creationMs = q.value(2).toLongLong();
        if (!q.value(3).isNull())
            s.endMs = q.value(3).toLongLong();
        s.failed = q.value(4).toString().compare(QLatin1String("Failed"), Qt::CaseInsensitive) == 0;
        s.transferred = q.value(5).toDouble();
        s.read = q.value(6).toDouble();
        s.sizesKnown = !q.value(5).isNull() && !q.value(6).isNull() && (s.transferred > 0 || s.read > 0 || !s.failed);
        s.used = q.value(10).toDouble();
        s.usedKnown = !q.value(10).isNull() && s.used > 0;
        s.full = q.value(11).toInt() == 1;
        s.dedup = q.value(7).isNull() ? 1.0 : q.value(7).toDouble();
        s.compress = q.value(8).isNull() ? 1.0 : q.value(8).toDouble();
        if (!q.value(9).isNull())
            s.durationS = q.value(9).toDouble();
        else if (s.endMs)
            s.durationS = double(*s.endMs - s.creationMs) / 1000.0;
        out.push_back(s);
    }
    // A job named after its only VM gives that name to a job session and a task session each night: the task
    // sessions (per machine) are the series then, and the job sessions are left out.
    if (std::count(task.begin(), task.end(), true) > 0 && std::count(task.begin(), task.end(), false) > 0) {
        std::vector<Session> tasks;
        for (size_t k = 0; k < out.size(); ++k)
            if (task[k])
                tasks.push_back(out[k]);
        out.swap(tasks);
    }
    return true;
}

bool sessionCounts(Database &db, std::vector<std::pair<QString, int>> &servers, QString &error)
{
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT server, COUNT(*) FROM backup_sessions WHERE server IS NOT NULL AND server <> '' "
                               "GROUP BY server ORDER BY server")))
        return fail(error, QStringLiteral("Listing the backup servers"), q);
    while (q.next())
        servers.emplace_back(q.value(0).toString(), q.value(1).toInt());
    return true;
}

struct TrainedModel
{
    ServerModel model;
    QJsonObject metrics, distribution;
    qint64 firstMs = 0, lastMs = 0, trainingMs = 0;
    int sessions = 0;
};

// Trains on the windows and learns the threshold from the last-session errors of the same windows.
bool fitModel(const std::vector<MatrixXd> &windows, const ServerTrainOptions &options, int epochs,
              const std::function<bool(double)> &progress, TrainedModel &trained)
{
    QElapsedTimer timer;
    timer.start();
    ServerModel &m = trained.model;
    m.window = options.window;
    m.network = ml::LstmAutoencoder(FeatureCount, hiddenUnits, options.seed);
    ml::LstmTrainOptions train;
    train.epochs = epochs;
    train.seed = options.seed;
    train.progress = progress;
    const ml::LstmTrainReport report = m.network.train(windows, train);
    if (report.cancelled)
        return false;
    std::vector<double> errors;
    double squared = 0, dtw = 0;
    for (const MatrixXd &w : windows) {
        const MatrixXd r = m.network.reconstruct(w);
        squared += (r - w).squaredNorm();
        dtw += ml::dtwDistance(r, w).value_or(0.0);
        errors.push_back(m.lastStepErrors(w).sum() / double(judgedFeatures));
    }
    m.threshold = ml::ScoreThreshold::fit(errors, thresholdK, thresholdQuantile, options.sensitivity);
    const double cells = double(windows.size()) * double(options.window) * double(FeatureCount);
    trained.metrics = QJsonObject{{QStringLiteral("train_rmse"), std::sqrt(squared / cells)},
                                  {QStringLiteral("train_dtw_mean"), dtw / double(windows.size())},
                                  {QStringLiteral("final_loss"), report.lossPerEpoch.back()},
                                  {QStringLiteral("windows"), int(windows.size())}};
    trained.distribution = QJsonObject{{QStringLiteral("median"), m.threshold.median},
                                       {QStringLiteral("mad"), m.threshold.mad},
                                       {QStringLiteral("quantile"), m.threshold.quantileValue},
                                       {QStringLiteral("threshold"), m.threshold.threshold}};
    trained.trainingMs = timer.elapsed();
    return true;
}

bool storeModel(Database &db, const QString &scope, const QString &subject, const TrainedModel &t,
                const ServerTrainOptions &options, QString &error)
{
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM models WHERE scope = ? AND subject = ? AND kind = ?"));
    q.addBindValue(scope);
    q.addBindValue(subject);
    q.addBindValue(modelKind);
    if (!q.exec() || !q.next())
        return fail(error, QStringLiteral("Reading the model versions of %1").arg(subject), q);
    const int version = q.value(0).toInt() + 1;
    q.prepare(QStringLiteral("UPDATE models SET active = 0 WHERE scope = ? AND subject = ? AND kind = ?"));
    q.addBindValue(scope);
    q.addBindValue(subject);
    q.addBindValue(modelKind);
    if (!q.exec())
        return fail(error, QStringLiteral("Retiring the older models of %1").arg(subject), q);
    QJsonArray names;
    for (const char *n : featureNames)
        names.append(QLatin1String(n));
    const QJsonObject parameters{{QStringLiteral("window"), options.window},
                                 {QStringLiteral("hidden"), hiddenUnits},
                                 {QStringLiteral("seed"), qint64(options.seed)},
                                 {QStringLiteral("sensitivity"), options.sensitivity},
                                 {QStringLiteral("min_sessions"), options.minSessions},
                                 {QStringLiteral("features"), names},
                                 {QStringLiteral("threshold_rule"),
                                  QStringLiteral("max(median + %1/sensitivity * 1.4826 * MAD, quantile %2)")
                                      .arg(thresholdK)
                                      .arg(thresholdQuantile)}};
    q.prepare(QStringLiteral(
        "INSERT INTO models (scope, subject, kind, version, parameters, window_start_ms, window_end_ms, events_used, "
        "threshold, metrics, score_distribution, training_ms, created_at_ms, active, data) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)"));
    q.addBindValue(scope);
    q.addBindValue(subject);
    q.addBindValue(modelKind);
    q.addBindValue(version);
    q.addBindValue(QString::fromUtf8(QJsonDocument(parameters).toJson(QJsonDocument::Compact)));
    q.addBindValue(t.firstMs);
    q.addBindValue(t.lastMs);
    q.addBindValue(t.sessions);
    q.addBindValue(t.model.threshold.threshold);
    q.addBindValue(QString::fromUtf8(QJsonDocument(t.metrics).toJson(QJsonDocument::Compact)));
    q.addBindValue(QString::fromUtf8(QJsonDocument(t.distribution).toJson(QJsonDocument::Compact)));
    q.addBindValue(t.trainingMs);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(t.model.serialize());
    if (!q.exec())
        return fail(error, QStringLiteral("Storing the backup model of %1").arg(subject), q);
    return true;
}

std::optional<ServerModel> loadModel(Database &db, const QString &scope, const QString &subject, QString &error)
{
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral("SELECT id, data, window_end_ms FROM models WHERE scope = ? AND subject = ? AND kind = ? AND active = 1 "
                             "ORDER BY version DESC LIMIT 1"));
    q.addBindValue(scope);
    q.addBindValue(subject);
    q.addBindValue(modelKind);
    if (!q.exec()) {
        fail(error, QStringLiteral("Reading the backup model of %1").arg(subject), q);
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    const qint64 id = q.value(0).toLongLong();
    QString why;
    auto model = ServerModel::deserialize(q.value(1).toByteArray(), why);
    if (!model) {
        error = QStringLiteral("Model %1 (%2 %3) cannot be read: %4.").arg(id).arg(scope, subject, why);
        return std::nullopt;
    }
    model->modelId = id;
    model->fleet = scope == fleetScope;
    model->trainedUntilMs = q.value(2).isNull() ? 0 : q.value(2).toLongLong();
    return model;
}

} // namespace

bool trainServerModels(Database &db, const ServerTrainOptions &options, const std::function<bool(double)> &progress,
                       int &modelsTrained, QString &error)
{
    modelsTrained = 0;
    if (options.window < 2 || options.minSessions < options.window) {
        error = QStringLiteral("The window must be at least 2 sessions and no more than the minimum history (%1 < %2).")
                    .arg(options.minSessions)
                    .arg(options.window);
        return false;
    }
    std::vector<std::pair<QString, int>> servers;
    if (!sessionCounts(db, servers, error))
        return false;
    // Work units: each server of its own plus the fleet model (counted as two, it sees more windows).
    int own = 0;
    for (const auto &s : servers)
        own += s.second >= options.minSessions ? 1 : 0;
    const double units = double(own) + 2.0;
    double done = 0;
    bool cancelled = false;
    auto stepProgress = [&](double fraction, double weight) {
        if (progress && !progress((done + fraction * weight) / units)) {
            cancelled = true;
            return false;
        }
        return true;
    };
    if (!db.connection().transaction()) {
        error = Database::describe(QStringLiteral("Starting to store backup models"), db.connection().lastError());
        return false;
    }
    auto abort = [&](const QString &why) {
        db.connection().rollback();
        error = why;
        modelsTrained = 0;
        return false;
    };

    std::vector<MatrixXd> fleetWindows;
    std::vector<Session> pooledSessions;
    std::vector<Eigen::RowVectorXd> pooled;
    TrainedModel fleet;
    for (const auto &entry : servers) {
        const QString &server = entry.first;
        std::vector<Session> sessions;
        if (!loadSessions(db, server, sessions, error))
            return abort(error);
        if (options.trainShare < 1.0) {
            const size_t keep = std::max(size_t(std::max(options.minSessions, 0)),
                                         size_t(std::ceil(double(sessions.size()) * options.trainShare)));
            if (keep < sessions.size())
                sessions.resize(keep);
        }
        const MatrixXd rows = featureRows(sessions);
        for (Eigen::Index r = 0; r < rows.rows(); ++r)
            pooled.push_back(rows.row(r));
        pooledSessions.insert(pooledSessions.end(), sessions.begin(), sessions.end());
        if (int(sessions.size()) < options.window)
            continue;
        const SessionScaler scaler = SessionScaler::fit(sessions, rows);
        const auto windows = ml::slidingWindows(scaler.transform(sessions, rows), options.window);
        fleetWindows.insert(fleetWindows.end(), windows.begin(), windows.end());
        fleet.sessions += int(sessions.size());
        fleet.firstMs = fleet.firstMs == 0 ? sessions.front().creationMs : std::min(fleet.firstMs, sessions.front().creationMs);
        fleet.lastMs = std::max(fleet.lastMs, sessions.back().creationMs);
        if (int(sessions.size()) < options.minSessions)
            continue;
        TrainedModel trained;
        trained.model.scaler = scaler;
        trained.sessions = int(sessions.size());
        trained.firstMs = sessions.front().creationMs;
        trained.lastMs = sessions.back().creationMs;
        if (!fitModel(windows, options, serverEpochs, [&](double f) { return stepProgress(f, 1.0); }, trained))
            return abort(QStringLiteral("Training was cancelled; no backup model was stored."));
        if (!storeModel(db, serverScope, server, trained, options, error))
            return abort(error);
        ++modelsTrained;
        done += 1.0;
    }
    if (!fleetWindows.empty()) {
        // An even, seed-independent thinning keeps the fleet model's cost bounded on a large estate.
        if (fleetWindows.size() > fleetWindowCap) {
            std::vector<MatrixXd> thinned;
            const double stride = double(fleetWindows.size()) / double(fleetWindowCap);
            for (size_t k = 0; k < fleetWindowCap; ++k)
                thinned.push_back(fleetWindows[size_t(double(k) * stride)]);
            fleetWindows.swap(thinned);
        }
        MatrixXd all(Eigen::Index(pooled.size()), FeatureCount);
        for (size_t k = 0; k < pooled.size(); ++k)
            all.row(Eigen::Index(k)) = pooled[k];
        fleet.model.scaler = SessionScaler::fit(pooledSessions, all);
        if (!fitModel(fleetWindows, options, fleetEpochs, [&](double f) { return stepProgress(f, 2.0); }, fleet))
            return abort(QStringLiteral("Training was cancelled; no backup model was stored."));
        if (!storeModel(db, fleetScope, fleetSubject, fleet, options, error))
            return abort(error);
        ++modelsTrained;
    }
    if (cancelled)
        return abort(QStringLiteral("Training was cancelled; no backup model was stored."));
    if (!db.connection().commit())
        return abort(Database::describe(QStringLiteral("Storing the backup models"), db.connection().lastError()));
    if (progress)
        progress(1.0);
    return true;
}

namespace {

QString bytesText(double bytes)
{
    const char *units[] = {"B", "KB", "MB", "GB", "TB", "PB"};
    int u = 0;
    while (bytes >= 1000 && u < 5) {
        bytes /= 1000;
        ++u;
    }
    return QStringLiteral("%1 %2").arg(bytes < 10 && u > 0 ? QString::number(bytes, 'f', 1) : QString::number(qRound64(bytes)),
                                       QLatin1String(units[u]));
}

QString durationText(double seconds)
{
    const qint64 s = qRound64(seconds);
    if (s < 60)
        return QStringLiteral("%1 s").arg(s);
    if (s < 3600)
        return QStringLiteral("%1 min").arg(s / 60);
    return QStringLiteral("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
}

// "dedup ratio 1.1 vs usual 3.8": the observed raw value against the server's median.
QString signalText(int feature, const Session &s, const SessionScaler &scalers)
{
    const double usual = scalers.of(s).center[feature];
    switch (feature) {
    case LogTransferred:
        return QStringLiteral("transferred %1 vs usual %2").arg(bytesText(s.transferred), bytesText(std::expm1(usual)));
    case LogRead:
        return QStringLiteral("read %1 vs usual %2").arg(bytesText(s.read), bytesText(std::expm1(usual)));
    case LogUsed:
        return QStringLiteral("used data %1 vs usual %2").arg(bytesText(s.used), bytesText(std::expm1(usual)));
    case Dedup:
        return QStringLiteral("dedup ratio %1 vs usual %2").arg(s.dedup, 0, 'f', 1).arg(usual, 0, 'f', 1);
    case Compress:
        return QStringLiteral("compression ratio %1 vs usual %2").arg(s.compress, 0, 'f', 1).arg(usual, 0, 'f', 1);
    case LogDuration:
        return QStringLiteral("duration %1 vs usual %2").arg(durationText(s.durationS), durationText(std::expm1(usual)));
    case Failed:
        return s.failed ? QStringLiteral("session failed") : QStringLiteral("session succeeded where it usually fails");
    case Full:
        return s.full ? QStringLiteral("an unscheduled full backup") : QStringLiteral("an incremental where a full was due");
    default:
        return QStringLiteral("ran on an unusual weekday");
    }
}

// A kind needs both a robust z beyond signalZ (unusual for this server) and a change large in absolute terms
// (`delta` = observed − usual in feature units: log sizes, plain ratios).
QString classify(const Eigen::RowVectorXd &z, const Eigen::RowVectorXd &delta, const Eigen::RowVectorXd &usual)
{
    auto collapsed = [&](int f) { return z[f] < -signalZ && usual[f] + delta[f] <= 0.75 * usual[f]; };
    auto grew = [&](int f, double factor) { return z[f] > signalZ && delta[f] >= std::log(factor); };
    auto shrank = [&](int f) { return z[f] < -signalZ && delta[f] <= std::log(0.5); };
    if ((collapsed(Dedup) || collapsed(Compress)) && grew(LogTransferred, 1.5))
        return QStringLiteral("backup_ransomware");
    if (grew(LogRead, 2.0))
        return QStringLiteral("backup_exfiltration");
    if (shrank(LogUsed) || shrank(LogTransferred) || shrank(LogRead))
        return QStringLiteral("backup_mass_deletion");
    return QStringLiteral("backup_anomaly");
}

QString kindWords(const QString &kind)
{
    if (kind == QLatin1String("backup_ransomware"))
        return QStringLiteral("Backup looks like encrypted data (ratios collapsed, size spiked)");
    if (kind == QLatin1String("backup_exfiltration"))
        return QStringLiteral("Backup read far more data than usual");
    if (kind == QLatin1String("backup_mass_deletion"))
        return QStringLiteral("Backup shrank far below its usual size");
    return QStringLiteral("Backup session unlike this server's history");
}

// The signals named in the reason: those that define the kind first, then the others that carry at least a
// tenth of the error or sit beyond signalZ, by their share of the error; four at most.
std::vector<int> signalOrder(const QString &kind, const VectorXd &perFeature, const Eigen::RowVectorXd &z)
{
    std::vector<int> order;
    if (kind == QLatin1String("backup_ransomware"))
        order = {z[Dedup] <= z[Compress] ? int(Dedup) : int(Compress), LogTransferred};
    else if (kind == QLatin1String("backup_exfiltration"))
        order = {LogRead};
    else if (kind == QLatin1String("backup_mass_deletion"))
        order = {int(std::min({LogUsed, LogTransferred, LogRead}, [&](int a, int b) { return z[a] < z[b]; }))};
    std::vector<int> rest;
    for (int i = 0; i < FeatureCount; ++i)
        if (std::find(order.begin(), order.end(), i) == order.end()
            && (perFeature[i] >= 0.1 * perFeature.sum() || std::abs(z[i]) >= signalZ))
            rest.push_back(i);
    std::stable_sort(rest.begin(), rest.end(), [&](int a, int b) { return perFeature[a] > perFeature[b]; });
    order.insert(order.end(), rest.begin(), rest.end());
    if (order.size() > 4)
        order.resize(4);
    return order;
}

void scoreServer(const QString &server, const std::vector<Session> &sessions, const ServerModel &model,
                 const SessionScaler &scaler, qint64 fromRowId, qint64 toRowId, std::vector<detect::Finding> &out)
{
    const MatrixXd raw = featureRows(sessions);
    const MatrixXd scaled = scaler.transform(sessions, raw);
    const int w = model.window;
    for (size_t k = size_t(std::max(0, w - 1)); k < sessions.size(); ++k) {
        const Session &s = sessions[k];
        if (s.rowId <= fromRowId || s.rowId > toRowId)
            continue;
        if (!model.fleet && s.creationMs <= model.trainedUntilMs)
            continue; // the model learnt from this session: it cannot judge it
        const MatrixXd window = scaled.middleRows(Eigen::Index(k) + 1 - w, w);
        const VectorXd perFeature = model.lastStepErrors(window);
        const double error = perFeature.sum() / double(judgedFeatures);
        const double ratio = error / model.threshold.threshold;
        if (!(ratio > 1.0))
            continue;
        const Eigen::RowVectorXd z = scaled.row(Eigen::Index(k));
        detect::Finding f;
        const Eigen::RowVectorXd usualRow = scaler.of(s).center.transpose();
        f.kind = s.sizesKnown ? classify(z, raw.row(Eigen::Index(k)) - usualRow, usualRow) : QStringLiteral("backup_anomaly");
        f.subjectType = QStringLiteral("server");
        f.subject = server;
        f.timeMs = s.creationMs;
        f.endMs = s.endMs;
        f.eventTable = QStringLiteral("backup_sessions");
        f.eventIds.append(s.id);
        for (size_t j = k + 1 - size_t(w); j < k; ++j)
            f.eventIds.append(sessions[j].id);
        // How far beyond the threshold, plus what the signals say: a named pattern (each needs a large z and a
        // large absolute change, see classify) is worth more than an unexplained departure, ransomware most.
        const int named = f.kind == QLatin1String("backup_ransomware") ? 4
                          : f.kind == QLatin1String("backup_anomaly")   ? 0
                                                                        : 3;
        f.threatScore = std::clamp(1 + int(std::floor(3.0 * std::log2(ratio))) + named, 1, 10);
        f.score = std::clamp(1.0 - 1.0 / ratio, 0.0, 1.0);
        f.modelId = model.modelId;

        QStringList signalList;
        QJsonObject observed, usual, share;
        for (int i : signalOrder(f.kind, perFeature, z))
            signalList.append(signalText(i, s, scaler));
        for (int i = 0; i < FeatureCount; ++i) {
            const QString name = QLatin1String(featureNames[i]);
            observed.insert(name, raw(Eigen::Index(k), i));
            usual.insert(name, scaler.of(s).center[i]);
            share.insert(name, perFeature[i] / perFeature.sum());
        }
        f.reason.detector = modelKind;
        f.reason.text = kindWords(f.kind) + QStringLiteral(": ") + signalList.join(QStringLiteral("; "));
        f.reason.evidence = QJsonObject{{QStringLiteral("observed"), observed},
                                        {QStringLiteral("baseline"), usual},
                                        {QStringLiteral("error_share"), share},
                                        {QStringLiteral("reconstruction_error"), error},
                                        {QStringLiteral("threshold"), model.threshold.threshold},
                                        {QStringLiteral("ratio"), ratio},
                                        {QStringLiteral("fleet_model"), model.fleet},
                                        {QStringLiteral("window"), w}};
        out.push_back(std::move(f));
    }
}

} // namespace

bool scoreBackupSessions(Database &db, qint64 fromRowId, qint64 toRowId, std::vector<detect::Finding> &out,
                         QString &error)
{
    error.clear();
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT DISTINCT server FROM backup_sessions WHERE rowid > ? AND rowid <= ? "
                             "AND server IS NOT NULL AND server <> '' ORDER BY server"));
    q.addBindValue(fromRowId);
    q.addBindValue(toRowId);
    if (!q.exec())
        return fail(error, QStringLiteral("Finding the backup sessions to score"), q);
    QStringList servers;
    while (q.next())
        servers.append(q.value(0).toString());
    std::optional<ServerModel> fleet;
    bool fleetLoaded = false;
    for (const QString &server : servers) {
        std::optional<ServerModel> model = loadModel(db, serverScope, server, error);
        if (!error.isEmpty())
            return false;
        std::vector<Session> sessions;
        if (!loadSessions(db, server, sessions, error))
            return false;
        SessionScaler scaler;
        if (model) {
            scaler = model->scaler;
        } else {
            if (!fleetLoaded) {
                fleet = loadModel(db, fleetScope, fleetSubject, error);
                fleetLoaded = true;
                if (!error.isEmpty())
                    return false;
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
    return true;
}

} // namespace backsight::backup
