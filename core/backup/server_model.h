#pragma once

#include "backup/session_features.h"
#include "model/result.h"
#include "ml/lstm_autoencoder.h"

#include <QByteArray>
#include <optional>

namespace backsight {
class Database;
}

namespace backsight::backup {

// The error threshold of one model, learnt on held-back history (docs/backup-models.md, "Calibration"): the
// median and spread (1.4826·MAD) of the reconstruction errors of windows the network judging them had not learnt,
// and the threshold median + k·spread.
struct Calibration
{
    double median = 0, spread = 0, threshold = 0;
    int heldBack = 0; // held-back windows it was learnt from
};

// A trained model with what it needs to judge a session: its scalers and its calibrated threshold.
struct ServerModel
{
    int window = 8;
    SessionScaler scaler;
    Calibration calibration;
    ml::LstmAutoencoder network;
    qint64 modelId = 0;
    bool fleet = false;
    qint64 trainedUntilMs = 0; // models.window_end_ms: sessions up to here taught this model

    static constexpr quint32 formatVersion = 2;

    QByteArray serialize() const;
    // A BadInput error when the blob is not a model this build reads (wrong magic, format, corrupt, truncated).
    static Result<ServerModel> deserialize(const QByteArray &blob);

    // Squared reconstruction error per feature of the window's last session (the one being judged).
    Eigen::VectorXd lastStepErrors(const Eigen::MatrixXd &scaledWindow) const;
    // The window's last session as the network reconstructs it (scaled units).
    Eigen::RowVectorXd lastStepReconstruction(const Eigen::MatrixXd &scaledWindow) const;
};

// The mean of the judged features' squared errors: the score a threshold is compared with.
double sessionError(const Eigen::VectorXd &perFeature);

// Where models and sessions are kept: scope "server" (subject = the server) or "fleet" (subject "all").
extern const QString serverScope, fleetScope, fleetSubject;

// The active model of (scope, subject), nullopt when there is none; a Storage error when it cannot be read.
Result<std::optional<ServerModel>> loadServerModel(Database &db, const QString &scope, const QString &subject);
// The server's series (toSessions); the store's error when the database fails.
Result<std::vector<Session>> loadServerSessions(Database &db, const QString &server);

} // namespace backsight::backup
