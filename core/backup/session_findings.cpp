#include "backup/session_findings.h"

#include <QJsonObject>
#include <QStringList>
#include <algorithm>
#include <cmath>

namespace backsight::backup {

namespace {

constexpr double signalZ = 3.0; // |robust z| at which a feature counts as collapsed / spiked / dropped
// Threat: a named pattern's run of consecutive sessions over the threshold adds at most this many steps; an
// unexplained departure this many doublings beyond the threshold (8×), out of quiet and with a changed shape, is
// high (docs/backup-models.md).
constexpr int maxPersistenceSteps = 2, extremeSteps = 3;

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

// "dedup ratio 1.1 vs usual 3.8": the observed raw value against the server's median for this class of night.
QString signalText(int feature, const Session &s, const SessionScaler &scalers)
{
    const double usual = scalers.of(s).center[feature];
    switch (feature) {
    case LogTransferred:
        return QStringLiteral("transferred %1 vs usual %2").arg(bytesText(s.transferred), bytesText(std::expm1(usual)));
    case LogRead: return QStringLiteral("read %1 vs usual %2").arg(bytesText(s.read), bytesText(std::expm1(usual)));
    case LogUsed: return QStringLiteral("used data %1 vs usual %2").arg(bytesText(s.used), bytesText(std::expm1(usual)));
    case Dedup: return QStringLiteral("dedup ratio %1 vs usual %2").arg(s.dedup, 0, 'f', 1).arg(usual, 0, 'f', 1);
    case Compress:
        return QStringLiteral("compression ratio %1 vs usual %2").arg(s.compress, 0, 'f', 1).arg(usual, 0, 'f', 1);
    case LogDuration:
        return QStringLiteral("duration %1 vs usual %2").arg(durationText(s.durationS), durationText(std::expm1(usual)));
    case LogReadPerWritten:
        return QStringLiteral("read %1× what was written vs usual %2×")
            .arg(s.transferred > 0 ? s.read / s.transferred : 0.0, 0, 'f', 1)
            .arg(std::exp(usual), 0, 'f', 1);
    case Failed:
        return s.failed ? QStringLiteral("session failed") : QStringLiteral("session succeeded where it usually fails");
    case Full:
        return s.full ? QStringLiteral("an unscheduled full backup") : QStringLiteral("an incremental where a full was due");
    default: return QStringLiteral("ran on an unusual weekday");
    }
}

// The signals named in the reason: those that define the kind first, then the others that carry at least a
// tenth of the error or sit beyond signalZ, by their share of the error; four at most.
std::vector<int> signalOrder(const QString &kind, const Eigen::VectorXd &perFeature, const Eigen::RowVectorXd &z)
{
    std::vector<int> order;
    if (kind == QLatin1String("backup_ransomware"))
        order = {z[Dedup] <= z[Compress] ? int(Dedup) : int(Compress), LogTransferred};
    else if (kind == QLatin1String("backup_exfiltration"))
        order = {LogRead, LogReadPerWritten};
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

} // namespace

QString classify(const Judgement &j, const Eigen::RowVectorXd &delta, const Eigen::RowVectorXd &usual, bool usedKnown)
{
    const auto &z = j.z;
    const auto &res = j.residual;
    // Beyond |3| against the class and the reconstruction; or beyond |6| against the class alone, since after a first
    // attacked night the network partly expects the second.
    auto high = [&](int f) { return z[f] > signalZ && (res[f] > signalZ || z[f] > 2 * signalZ); };
    auto low = [&](int f) { return z[f] < -signalZ && (res[f] < -signalZ || z[f] < -2 * signalZ); };
    auto collapsed = [&](int f) { return low(f) && usual[f] + delta[f] <= 0.75 * usual[f]; };
    auto grew = [&](int f, double factor) { return high(f) && delta[f] >= std::log(factor); };
    auto shrank = [&](int f) { return low(f) && delta[f] <= std::log(0.5); };
    // Encrypted blocks neither dedupe nor compress and all of them changed: the ratios collapse, more is written,
    // and what is read is written almost byte for byte (read per written collapses too).
    if ((collapsed(Dedup) || collapsed(Compress)) && delta[LogTransferred] >= std::log(1.5)
        && (high(LogTransferred) || low(LogReadPerWritten)))
        return QStringLiteral("backup_ransomware");
    // Read far more than usual without writing as much more: data left the disk without becoming backup. A busy
    // night (patches, month-end) reads and writes more together, so its read per written byte stays as usual.
    if (delta[LogRead] >= std::log(2.0) && grew(LogReadPerWritten, 2.0))
        return QStringLiteral("backup_exfiltration");
    // The protected data itself shrank; without a used-data figure, read and transferred both collapsed.
    if ((usedKnown && shrank(LogUsed)) || (!usedKnown && shrank(LogTransferred) && shrank(LogRead)))
        return QStringLiteral("backup_mass_deletion");
    return QStringLiteral("backup_anomaly");
}

bool shapeChanged(const Judgement &j)
{
    for (int f : {int(Dedup), int(Compress), int(LogReadPerWritten)})
        if (std::abs(j.z[f]) > signalZ && std::abs(j.residual[f]) > signalZ && j.z[f] * j.residual[f] > 0)
            return true;
    return false;
}

int threatScore(const QString &kind, double ratio, bool failureOnly, const ThreatContext &context)
{
    // One step per doubling of the error beyond the calibrated threshold, from a floor set by what the signals say.
    const int steps = int(std::floor(std::log2(std::max(ratio, 1.0))));
    // A named pattern that goes on: one more from the second consecutive session over the threshold, two from the
    // fourth (each doubling of the run adds one, at most maxPersistenceSteps).
    const int persistence =
        std::clamp(int(std::floor(std::log2(double(std::max(context.run, 1))))), 0, maxPersistenceSteps);
    if (kind == QLatin1String("backup_ransomware"))
        return std::clamp(7 + steps + persistence, 7, 10);
    if (kind == QLatin1String("backup_exfiltration") || kind == QLatin1String("backup_mass_deletion"))
        return std::clamp(5 + steps + persistence, 5, 8);
    // An unexplained departure is at most low: a medium or higher threat needs a named pattern — unless it is
    // extreme (extremeSteps doublings beyond the threshold), comes out of quiet rather than amid a run of odd
    // sessions, and changed how the data reduces rather than only how much there was: then it is high whatever
    // pattern it falls short of, though never critical.
    if (!failureOnly && context.afterQuiet && context.shapeChanged && steps >= extremeSteps)
        return std::clamp(4 + steps, 7, 8);
    return std::clamp(1 + steps, 1, failureOnly ? 2 : 3);
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

detect::Finding makeFinding(const QString &server, const std::vector<Session> &sessions, size_t k,
                            const Eigen::MatrixXd &raw, const ServerModel &model, const SessionScaler &scaler,
                            const Judgement &j)
{
    const Session &s = sessions[k];
    const Eigen::RowVectorXd usualRow = scaler.of(s).center.transpose();
    detect::Finding f;
    f.kind = s.sizesKnown ? classify(j, raw.row(Eigen::Index(k)) - usualRow, usualRow, s.usedKnown)
                          : QStringLiteral("backup_anomaly");
    f.subjectType = QStringLiteral("server");
    f.subject = server;
    f.timeMs = s.creationMs;
    f.endMs = s.endMs;
    f.eventTable = QStringLiteral("backup_sessions");
    f.eventIds.append(s.id);
    for (size_t i = k + 1 - size_t(model.window); i < k; ++i)
        f.eventIds.append(sessions[i].id);
    const ThreatContext context{j.run, j.afterQuiet, s.sizesKnown && shapeChanged(j)};
    f.threatScore = threatScore(f.kind, j.ratio, !s.sizesKnown, context);
    f.score = std::clamp(1.0 - 1.0 / j.ratio, 0.0, 1.0);
    f.modelId = model.modelId;
    QStringList signalList;
    QJsonObject observed, usual, share, expected;
    for (int i : signalOrder(f.kind, j.perFeature, j.z))
        signalList.append(signalText(i, s, scaler));
    const Eigen::RowVectorXd reconstructed = (raw.row(Eigen::Index(k)).array()
                                              - j.residual.array() * scaler.of(s).scale.transpose().array()).matrix();
    for (int i = 0; i < FeatureCount; ++i) {
        const QString name = QLatin1String(featureNames[i]);
        observed.insert(name, raw(Eigen::Index(k), i));
        usual.insert(name, usualRow[i]);
        expected.insert(name, reconstructed[i]);
        share.insert(name, j.perFeature[i] / std::max(j.perFeature.sum(), 1e-12));
    }
    f.reason.detector = QStringLiteral("lstm_autoencoder");
    f.reason.text = kindWords(f.kind) + QStringLiteral(": ") + signalList.join(QStringLiteral("; "));
    f.reason.evidence = QJsonObject{{QStringLiteral("observed"), observed},
                                    {QStringLiteral("baseline"), usual},
                                    {QStringLiteral("reconstructed"), expected},
                                    {QStringLiteral("error_share"), share},
                                    {QStringLiteral("reconstruction_error"), j.error},
                                    {QStringLiteral("threshold"), model.calibration.threshold},
                                    {QStringLiteral("ratio"), j.ratio},
                                    {QStringLiteral("consecutive_over_threshold"), j.run},
                                    {QStringLiteral("after_quiet"), j.afterQuiet},
                                    {QStringLiteral("shape_changed"), context.shapeChanged},
                                    {QStringLiteral("fleet_model"), model.fleet},
                                    {QStringLiteral("window"), model.window}};
    return f;
}

} // namespace backsight::backup
