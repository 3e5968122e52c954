#include "detect/sign_in_model_training.h"
#include "jobs/train_job.h"

#include "store/database.h"

namespace backsight {

TrainModelsJob::TrainModelsJob(QString databasePath, ml::ModelTrainOptions options, QObject *parent)
    : Job(QStringLiteral("Training sign-in models"), parent), databasePath_(std::move(databasePath)), options_(options)
{
}

bool TrainModelsJob::execute(QString &summary)
{
    Database db;
    if (!db.open(databasePath_)) {
        summary = db.error();
        return false;
    }
    const Result<ml::ModelTrainReport> trained = detect::trainSignInModels(db, options_, [this](double p) {
        emit progress(qint64(p * 1000), 1000, QStringLiteral("Training sign-in models"));
        return !isCancelled();
    });
    if (!trained) {
        summary = trained.error().message;
        return false;
    }
    report_ = *trained;
    summary = QStringLiteral("Trained %1 per-user and %2 tenant models from %3 sign-ins in %4 s (%5 unchanged)")
                  .arg(report_.userModels)
                  .arg(report_.tenantModels)
                  .arg(report_.eventsUsed)
                  .arg(double(report_.elapsedMs) / 1000.0, 0, 'f', 1)
                  .arg(report_.skipped);
    return true;
}

} // namespace backsight
