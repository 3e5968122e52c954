#include "detect/training.h"

#include "backup/server_models.h"
#include "store/database.h"

#include <QElapsedTimer>
#include <QSqlQuery>
#include <QVariant>

namespace backsight::detect {

bool trainAll(Database &db, const TrainAllOptions &o, TrainAllReport &report, QString &error)
{
    QElapsedTimer timer;
    timer.start();
    report = {};
    const auto part = [&](double from, double to) {
        return [&, from, to](double p) { return !o.progress || o.progress(from + (to - from) * p); };
    };
    BaselineOptions baselines;
    baselines.windowDays = o.windowDays;
    baselines.progress = part(0.0, 0.5);
    if (!computeBaselines(db, baselines, report.baselines, error))
        return false;

    QSqlQuery q(db.connection());
    if (q.exec(QStringLiteral("SELECT COUNT(*) FROM backup_sessions")) && q.next())
        report.backupSessions = q.value(0).toLongLong();
    if (report.backupSessions > 0) {
        backup::ServerTrainOptions server;
        if (!backup::trainServerModels(db, server, part(0.5, 1.0), report.serverModels, error))
            return false;
    } else {
        report.notes << QStringLiteral("no backup sessions imported: no per-server models");
    }
    report.elapsedMs = timer.elapsed();
    return true;
}

void addModelScorers(DetectOptions &options)
{
    options.backupScorers.emplace_back(QStringLiteral("backup_lstm_autoencoder"), &backup::scoreBackupSessions);
}

} // namespace backsight::detect
