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

Result<std::optional<ServerModel>> loadServerModel(Database &db, const QString &scope, const QString &subject)
{
    Result<std::optional<ModelRecord>> active = ModelRepository(db).active(scope, subject, QStringLiteral("lstm_autoencoder"));
    if (!active)
        return active.error();
    const std::optional<ModelRecord> &record = *active;
    if (!record)
        return std::optional<ServerModel>();
    Result<ServerModel> model = ServerModel::deserialize(record->data);
    // A stored model this build cannot read is the case file's problem, not the request's.
    if (!model)
        return Error::storage(QStringLiteral("Model %1 (%2 %3) cannot be read: %4.")
                                  .arg(record->id)
                                  .arg(scope, subject, model.error().message));
    model->modelId = record->id;
    model->fleet = scope == fleetScope;
    model->trainedUntilMs = record->windowEndMs;
    return std::optional<ServerModel>(std::move(*model));
}

Result<std::vector<Session>> loadServerSessions(Database &db, const QString &server)
{
    auto rows = store::backupSessionsOf(db, server);
    if (!rows)
        return rows.error();
    return toSessions(*rows);
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

Result<ServerModel> ServerModel::deserialize(const QByteArray &blob)
{
    QDataStream in(blob);
    in.setVersion(QDataStream::Qt_6_4);
    in.setByteOrder(QDataStream::LittleEndian);
    char head[8] = {};
    if (in.readRawData(head, 8) != 8 || QByteArray(head, 8) != QByteArrayLiteral("BSSRVMDL"))
        return Error::badInput(QStringLiteral("not a backup server model (the blob does not start with BSSRVMDL)"));
    quint32 version = 0;
    qint32 window = 0, columns = 0;
    in >> version >> window >> columns;
    if (in.status() != QDataStream::Ok || version < formatVersion || version > formatVersion) {
        // Format 1 (in-sample thresholds) is not read: train again to get calibrated thresholds.
        return Error::badInput(
            QStringLiteral("backup server model format %1 is not readable by this build (reads %2; run train again)")
                .arg(version)
                .arg(formatVersion));
    }
    if (window < 2 || window > 1000 || columns != FeatureCount)
        return Error::badInput(
            QStringLiteral("backup server model is corrupt (window %1, %2 features)").arg(window).arg(columns));
    ServerModel m;
    m.window = window;
    for (ml::RobustScaler *part : {&m.scaler.incremental, &m.scaler.full, &m.scaler.monthEnd})
        readScaler(in, *part);
    qint32 heldBack = 0;
    in >> m.calibration.median >> m.calibration.spread >> m.calibration.threshold >> heldBack;
    m.calibration.heldBack = heldBack;
    QByteArray network;
    in >> network;
    if (in.status() != QDataStream::Ok)
        return Error::badInput(QStringLiteral("backup server model is truncated"));
    auto lstm = ml::LstmAutoencoder::deserialize(network);
    if (!lstm)
        return lstm.error();
    if (lstm->features() != FeatureCount)
        return Error::badInput(
            QStringLiteral("backup server model is corrupt (network for %1 features)").arg(lstm->features()));
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
