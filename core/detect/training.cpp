#include "detect/sign_in_model_training.h"
#include "detect/training.h"

#include "backup/server_models.h"
#include "ml/user_models.h"
#include "detect/distributed_training.h"
#include "store/database.h"
#include "store/event_queries.h"
#include "baseline/day_aggregate.h"

#include <QElapsedTimer>
#include <QVariant>

namespace backsight::detect {

Result<TrainAllReport> trainAll(Database &db, const TrainAllOptions &o)
{
    QElapsedTimer timer;
    timer.start();
    TrainAllReport report;
    const auto part = [&](double from, double to) {
        return [&, from, to](double p) { return !o.progress || o.progress(from + (to - from) * p); };
    };
    // The models' window (signInModelWindow: before what detection judges next). The baseline scan reads every
    // sign-in by user and time once; the models' window is kept from it, not read again.
    const Result<std::optional<SignInModelWindow>> window = signInModelWindow(db, o.windowDays);
    if (!window)
        return window.error();
    const qint64 windowStart = *window ? (*window)->startMs : 0, windowEnd = *window ? (*window)->endMs : 0;
    std::vector<features::SignInRow> windowRows;
    BaselineOptions baselines;
    baselines.windowDays = o.windowDays;
    baselines.progress = part(0.0, 0.3);
    baselines.alsoRead = [&](const SignInEvent &e) {
        if (e.timeMs >= windowStart && e.timeMs < windowEnd)
            windowRows.push_back(features::rowOf(e));
    };
    const Result<BaselineReport> baselineReport = computeBaselines(db, baselines);
    if (!baselineReport)
        return baselineReport.error();
    report.baselines = *baselineReport;
    if (report.baselines.users > 0) {
        ml::ModelTrainOptions models;
        models.windowDays = o.windowDays;
        models.nowMs = windowEnd;
        models.windowRows = &windowRows;
        if (o.distribute && db.dialect() == SqlDialect::PostgreSQL)
            models.userTrainer = trainUsersOnWorkers(db, models, o.waitingForWorkers);
        const Result<ml::ModelTrainReport> trained = trainSignInModels(db, models, part(0.3, 0.8));
        if (!trained)
            return trained.error();
        report.userModels = trained->userModels;
        report.userModelsByWorkers = trained->userModelsElsewhere;
        report.tenantModels = trained->tenantModels;
        if (report.userModels + report.tenantModels > 0)
            report.modelWindowEndMs = windowEnd;
    }

    const Result<qint64> sessions = countBackupSessions(db);
    if (!sessions)
        return sessions.error();
    report.backupSessions = *sessions;
    if (report.backupSessions > 0) {
        backup::ServerTrainOptions server;
        const Result<int> serverModels = backup::trainServerModels(db, server, part(0.8, 1.0));
        if (!serverModels)
            return serverModels.error();
        report.serverModels = *serverModels;
    } else {
        report.notes << QStringLiteral("no backup sessions imported: no per-server models");
    }
    report.elapsedMs = timer.elapsed();
    return report;
}

void addModelScorers(DetectOptions &options)
{
    options.signInModels = true;
    options.backupScorers.emplace_back(QStringLiteral("backup_lstm_autoencoder"), &backup::scoreBackupSessions);
}

} // namespace backsight::detect
