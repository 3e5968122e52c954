#include "jobs/analysis_job.h"

#include "store/case_settings.h"

#include "detect/training.h"
#include "store/database.h"

#include <QLocale>

namespace backsight {

AnalysisJob::AnalysisJob(QString databasePath, Steps steps, int windowDays, QObject *parent)
    : Job(steps == Steps::TrainAndDetect ? tr("Train and detect") : tr("Detect"), parent),
      databasePath_(std::move(databasePath)), steps_(steps), windowDays_(windowDays)
{
}

bool AnalysisJob::execute(QString &summary)
{
    Database db;
    if (!db.open(databasePath_)) {
        summary = db.error();
        return false;
    }
    const QLocale locale;
    QString trained;
    const double detectFrom = steps_ == Steps::TrainAndDetect ? 0.4 : 0.0;
    if (steps_ == Steps::TrainAndDetect) {
        detect::TrainAllOptions options;
        options.windowDays = windowDays_;
        options.progress = [this, detectFrom](double f) {
            emit progress(qint64(f * detectFrom * 1000), 1000, tr("training… %1 %").arg(int(f * 100)));
            return !isCancelled();
        };
        const Result<detect::TrainAllReport> report = detect::trainAll(db, options);
        if (!report) {
            summary = isCancelled() ? tr("Training cancelled; the previous baselines and models stay") : report.error().message;
            return false;
        }
        trained = tr("baselines for %1 users").arg(locale.toString(report->baselines.users));
        if (report->serverModels > 0)
            trained += tr(", %1 backup models").arg(report->serverModels);
        trained += QStringLiteral("; ");
    }
    detect::DetectOptions options;
    options.params.windowDays = windowDays_;
    options.sigmaRulesFolder = sigmaRulesFolder_;
    const Result<int> sensitivity = caseSensitivity(db); // the case's setting (Settings > Detection sensitivity)
    if (!sensitivity) {
        summary = sensitivity.error().message;
        return false;
    }
    options.policy = options.policy.withSensitivity(*sensitivity);
    detect::addModelScorers(options);
    options.progress = [this, detectFrom](double f) {
        emit progress(qint64((detectFrom + (1 - detectFrom) * f) * 1000), 1000, tr("detecting… %1 %").arg(int(f * 100)));
        return !isCancelled();
    };
    const Result<detect::DetectReport> detected = detect::runDetection(db, options);
    if (!detected) {
        summary = detected.error().message;
        return false;
    }
    const detect::DetectReport &report = *detected;
    if (report.cancelled) {
        summary = tr("Detection cancelled; nothing of this run was stored");
        return false;
    }
    anomaliesAdded_ = report.anomaliesAdded;
    if (report.nothingNew) {
        summary = trained + tr("nothing new to examine");
        return true;
    }
    summary = trained + tr("%1 new anomalies from %2 sign-ins, %3 audit records and %4 backup sessions in %5 ms")
                            .arg(locale.toString(report.anomaliesAdded), locale.toString(report.signInsExamined),
                                 locale.toString(report.auditsExamined), locale.toString(report.backupSessionsExamined),
                                 locale.toString(report.elapsedMs));
    return true;
}

} // namespace backsight
