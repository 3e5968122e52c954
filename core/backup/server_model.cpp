#include "backup/server_model.h"

#include "store/model_repository.h"

#include <QDataStream>
#include <QIODevice>

namespace backsight::backup {

namespace {

void writeScaler(QDataStream &out, const ml::RobustScaler &s)
{
    for (Eigen::Index k = 0; k < FeatureCount; ++k)
        out << s.center[k] << s.scale[k];
}

void readScaler(QDataStream &in, ml::RobustScaler &s)
{
    s.center.resize(FeatureCount);
    s.scale.resize(FeatureCount);
    for (int k = 0; k < FeatureCount; ++k)
        in >> s.center[k] >> s.scale[k];
}

} // namespace

const QString serverScope = QStringLiteral("server");
const QString fleetScope = QStringLiteral("fleet");
const QString fleetSubject = QStringLiteral("all");

std::optional<ServerModel> loadServerModel(Database &db, const QString &scope, const QString &subject, QString &error)
{
    Result<std::optional<ModelRecord>> active = ModelRepository(db).active(scope, subject, QStringLiteral("lstm_autoencoder"));
    if (!active) {
        error = active.error().message;
        return std::nullopt;
    }
    const std::optional<ModelRecord> &record = *active;
    if (!record)
        return std::nullopt;
    QString why;
    auto model = ServerModel::deserialize(record->data, why);
    if (!model) {
        error = QStringLiteral("Model %1 (%2 %3) cannot be read: %4.").arg(record->id).arg(scope, subject, why);
        return std::nullopt;
    }
    model->modelId = record->id;
    model->fleet = scope == fleetScope;
    model->trainedUntilMs = record->windowEndMs;
    return model;
}

bool loadServerSessions(Database &db, const QString &server, std::vector<Session> &out, QString &error)
{
    auto rows = store::backupSessionsOf(db, server);
    if (!rows) {
        error = rows.error().message;
        return false;
    }
    out = toSessions(*rows);
    return true;
}

double sessionError(const Eigen::VectorXd &perFeature)
{
    return perFeature.head(judgedFeatures).sum() / double(judgedFeatures);
}

QByteArray ServerModel::serialize() const
{
    QByteArray blob;
    QDataStream out(&blob, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_4);
    out.setByteOrder(QDataStream::LittleEndian);
    out.writeRawData("BSSRVMDL", 8);
    out << formatVersion << qint32(window) << qint32(FeatureCount);
    for (const ml::RobustScaler *part : {&scaler.incremental, &scaler.full, &scaler.monthEnd})
        writeScaler(out, *part);
    out << calibration.median << calibration.spread << calibration.threshold << qint32(calibration.heldBack);
    out << network.serialize();
    return blob;
}

std::optional<ServerModel> ServerModel::deserialize(const QByteArray &blob, QString &error)
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
    if (in.status() != QDataStream::Ok || version < formatVersion || version > formatVersion) {
        // Format 1 (in-sample thresholds) is not read: train again to get calibrated thresholds.
        error = QStringLiteral("backup server model format %1 is not readable by this build (reads %2; run train again)")
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
    for (ml::RobustScaler *part : {&m.scaler.incremental, &m.scaler.full, &m.scaler.monthEnd})
        readScaler(in, *part);
    qint32 heldBack = 0;
    in >> m.calibration.median >> m.calibration.spread >> m.calibration.threshold >> heldBack;
    m.calibration.heldBack = heldBack;
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

Eigen::RowVectorXd ServerModel::lastStepReconstruction(const Eigen::MatrixXd &scaledWindow) const
{
    const Eigen::MatrixXd r = network.reconstruct(scaledWindow);
    return r.row(r.rows() - 1);
}

Eigen::VectorXd ServerModel::lastStepErrors(const Eigen::MatrixXd &scaledWindow) const
{
    Eigen::VectorXd e =
        (lastStepReconstruction(scaledWindow) - scaledWindow.row(scaledWindow.rows() - 1)).array().square().transpose();
    e.tail(FeatureCount - judgedFeatures).setZero();
    return e;
}

} // namespace backsight::backup
