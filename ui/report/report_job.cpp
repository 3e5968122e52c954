#include "report/report_job.h"

#include "cases/case_records.h"
#include "export/anomaly_export.h"
#include "export/event_export.h"
#include "report/incident_report_pdf.h"
#include "store/database.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QSaveFile>

namespace backsight::report {
namespace {

QString fileSha256(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&f);
    return QString::fromLatin1(hash.result().toHex());
}

bool openSave(QSaveFile &file, QString &error)
{
    QDir().mkpath(QFileInfo(file.fileName()).absolutePath());
    if (file.open(QIODevice::WriteOnly))
        return true;
    error = ReportJob::tr("cannot write %1: %2").arg(file.fileName(), file.errorString());
    return false;
}

bool commitSave(QSaveFile &file, QString &error)
{
    if (file.commit())
        return true;
    error = ReportJob::tr("cannot write %1: %2").arg(file.fileName(), file.errorString());
    return false;
}

bool writeTable(Database &db, const ReportRequest &req, ReportOutcome &outcome, QString &error,
                const std::function<bool(qint64, qint64, const QString &)> &progress)
{
    QSaveFile out(req.outPath);
    if (!openSave(out, error))
        return false;
    const auto rowProgress = [&](qint64 done) { return !progress || progress(done, 0, ReportJob::tr("anomalies")); };
    const Result<qint64> rows = req.format == ReportFormat::Csv
                                    ? exporting::writeAnomaliesCsv(db, req.scope.filter(), out, req.byteOrderMark, rowProgress)
                                    : exporting::writeAnomaliesJsonl(db, req.scope.filter(), out, rowProgress);
    if (!rows) {
        error = rows.error().message;
        return false;
    }
    if (*rows == 0) {
        // English, like the report itself: the CLI reads it to tell bad input from a storage failure.
        error = QStringLiteral("no anomalies for %1 in %2").arg(req.scope.describe(), db.path());
        return false;
    }
    outcome.anomalies = *rows;
    if (!commitSave(out, error))
        return false;
    if (req.eventsOutPath.isEmpty())
        return true;
    QStringList eventIds;
    if (const Status read = detect::forEachAnomaly(db, req.scope.filter(), [&](const detect::Anomaly &a) {
            eventIds << a.eventIds;
            return true;
        });
        !read) {
        error = read.error().message;
        return false;
    }
    QSaveFile events(req.eventsOutPath);
    if (!openSave(events, error))
        return false;
    qint64 missing = 0;
    const Result<qint64> written = req.format == ReportFormat::Csv
                                       ? exporting::writeEventsByIdCsv(db, eventIds, events, req.byteOrderMark, missing)
                                       : exporting::writeEventsByIdJsonl(db, eventIds, events, missing);
    if (!written) {
        outcome.events = -1;
        error = written.error().message;
        return false;
    }
    outcome.events = *written;
    return commitSave(events, error);
}

} // namespace

std::optional<ReportFormat> parseReportFormat(const QString &text)
{
    const QString t = text.trimmed().toLower();
    for (ReportFormat f : {ReportFormat::Pdf, ReportFormat::Csv, ReportFormat::Jsonl})
        if (t == reportFormatName(f))
            return f;
    return std::nullopt;
}

QString reportFormatName(ReportFormat format)
{
    switch (format) {
    case ReportFormat::Pdf: return QStringLiteral("pdf");
    case ReportFormat::Csv: return QStringLiteral("csv");
    case ReportFormat::Jsonl: return QStringLiteral("jsonl");
    }
    return {};
}

bool exportReport(Database &db, const ReportRequest &req, ReportOutcome &outcome, QString &error,
                  const std::function<bool(qint64, qint64, const QString &)> &progress)
{
    outcome = {};
    if (req.outPath.isEmpty()) {
        error = ReportJob::tr("no output file given");
        return false;
    }
    if (req.format == ReportFormat::Pdf) {
        const auto report = readIncidentReport(db, req.scope, req.options, error, [&](qint64 done, qint64 total) {
            return !progress || progress(done, total, ReportJob::tr("reading incidents"));
        });
        if (!report)
            return false;
        outcome.anomalies = qint64(report->anomalies.size());
        if (!writeIncidentReportPdf(*report, req.outPath, error, [&](int page, int pages) {
                outcome.pages = pages;
                return !progress || progress(page, pages, ReportJob::tr("writing pages"));
            }))
            return false;
    } else if (!writeTable(db, req, outcome, error, progress)) {
        return false;
    }
    QJsonObject detail{{QStringLiteral("format"), reportFormatName(req.format)},
                       {QStringLiteral("file"), QFileInfo(req.outPath).absoluteFilePath()},
                       {QStringLiteral("sha256"), fileSha256(req.outPath)},
                       {QStringLiteral("scope"), req.scope.describe()},
                       {ReportJob::tr("anomalies"), outcome.anomalies}};
    if (!req.options.caseName.isEmpty())
        detail.insert(QStringLiteral("case"), req.options.caseName);
    if (req.format == ReportFormat::Pdf)
        detail.insert(QStringLiteral("pages"), outcome.pages);
    if (!req.eventsOutPath.isEmpty()) {
        detail.insert(QStringLiteral("events_file"), QFileInfo(req.eventsOutPath).absoluteFilePath());
        detail.insert(QStringLiteral("events_sha256"), fileSha256(req.eventsOutPath));
        detail.insert(QStringLiteral("events"), outcome.events);
    }
    const auto auditId = cases::appendAudit(db, cases::action::exportReport, req.scope.auditTarget(), detail,
                                            cases::analystName(req.options.analyst));
    if (!auditId) {
        error = ReportJob::tr("the report %1 was written but the audit log could not record it: %2")
                    .arg(req.outPath, auditId.error().message);
        return false;
    }
    outcome.auditId = *auditId;
    return true;
}

ReportJob::ReportJob(QString databasePath, ReportRequest request, QObject *parent)
    : Job(ReportJob::tr("Report to %1").arg(QFileInfo(request.outPath).fileName()), parent),
      databasePath_(std::move(databasePath)), request_(std::move(request))
{
}

bool ReportJob::execute(QString &summary)
{
    Database db;
    if (!db.open(databasePath_)) {
        summary = db.error();
        return false;
    }
    QString error;
    const bool ok = exportReport(db, request_, outcome_, error, [this](qint64 done, qint64 total, const QString &detail) {
        emit progress(done, total, detail);
        return !isCancelled();
    });
    if (!ok) {
        summary = isCancelled() ? ReportJob::tr("Report cancelled") : error;
        return false;
    }
    summary = request_.format == ReportFormat::Pdf
                  ? ReportJob::tr("Wrote %1 (%2 anomalies, %3 pages)").arg(request_.outPath).arg(outcome_.anomalies).arg(outcome_.pages)
                  : ReportJob::tr("Wrote %1 (%2 anomalies)").arg(request_.outPath).arg(outcome_.anomalies);
    return true;
}

} // namespace backsight::report
