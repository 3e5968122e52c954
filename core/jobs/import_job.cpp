#include "jobs/import_job.h"

#include "store/database.h"

#include <QElapsedTimer>
#include <QLocale>

namespace backsight {

ImportJob::ImportJob(QString databasePath, QStringList paths, ImportLimits limits, QObject *parent)
    : Job(QStringLiteral("Import"), parent), databasePath_(std::move(databasePath)), paths_(std::move(paths)),
      limits_(limits)
{
}

bool ImportJob::execute(QString &summary)
{
    Database db;
    if (!db.open(databasePath_)) {
        report_.storageError = db.error();
        summary = db.error();
        return false;
    }
    Importer importer(db, limits_);
    QElapsedTimer timer;
    timer.start();
    qint64 lastEmit = -1000;
    report_ = importer.run(paths_, [&](const ImportProgress &p) {
        if (timer.elapsed() - lastEmit >= 100) { // ten updates a second is plenty for a progress bar
            lastEmit = timer.elapsed();
            const double seconds = std::max(0.001, double(timer.elapsed()) / 1000.0);
            emit progress(p.bytesDone, p.bytesTotal,
                          QStringLiteral("%1 (%2/%3) · %4 events/s")
                              .arg(p.currentPath.section(QLatin1Char('/'), -1))
                              .arg(p.sourceIndex + 1)
                              .arg(p.sourceCount)
                              .arg(QLocale().toString(qint64(double(p.records) / seconds))));
        }
        return !isCancelled();
    });
    summary = describeImport(report_);
    return report_.storageError.isEmpty() && !report_.cancelled;
}

QString describeImport(const ImportReport &report)
{
    const QLocale locale;
    qint64 failedFiles = qint64(report.problems.size());
    for (const SourceReport &s : report.sources)
        failedFiles += s.error.isEmpty() ? 0 : 1;
    QString text = QStringLiteral("Imported %1 new events from %2 files")
                       .arg(locale.toString(report.totalInserted()))
                       .arg(locale.toString(qint64(report.sources.size()) + qint64(report.problems.size()) - failedFiles));
    if (report.totalRead() > report.totalInserted() + report.totalRejected())
        text += QStringLiteral(" (%1 already stored)").arg(locale.toString(report.totalRead() - report.totalInserted() - report.totalRejected()));
    if (failedFiles > 0)
        text += failedFiles == 1 ? QStringLiteral("; 1 file rejected") : QStringLiteral("; %1 files rejected").arg(failedFiles);
    if (report.totalRejected() > 0)
        text += QStringLiteral("; %1 records rejected").arg(locale.toString(report.totalRejected()));
    if (report.cancelled)
        text += QStringLiteral("; cancelled");
    if (!report.storageError.isEmpty())
        text += QStringLiteral("; stopped: %1").arg(report.storageError);
    return text;
}

} // namespace backsight
