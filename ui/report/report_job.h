#pragma once

#include "jobs/job.h"
#include "report/incident_report.h"

#include <QString>
#include <functional>

namespace backsight {
class Database;
}

namespace backsight::report {

enum class ReportFormat { Pdf, Csv, Jsonl };
std::optional<ReportFormat> parseReportFormat(const QString &text); // "pdf", "csv", "jsonl"
QString reportFormatName(ReportFormat format);

struct ReportRequest
{
    ReportScope scope;
    ReportOptions options;       // options.analyst is also the audit log's author
    ReportFormat format = ReportFormat::Pdf;
    QString outPath;
    bool byteOrderMark = false;  // CSV only
    QString eventsOutPath;       // CSV/JSONL: also write the events the anomalies cite here (optional)
};

struct ReportOutcome
{
    qint64 anomalies = 0;
    qint64 events = 0;           // written to eventsOutPath
    int pages = 0;               // PDF
    qint64 auditId = 0;          // the audit log entry of the export
};

// Writes the report and appends an "export" entry to the audit log (format, file, its SHA-256, scope,
// anomaly ids count). `progress(done, total, detail)` returns false to cancel. False with `error`.
bool exportReport(Database &db, const ReportRequest &request, ReportOutcome &outcome, QString &error,
                  const std::function<bool(qint64, qint64, const QString &)> &progress = {});

// The same on a worker thread with its own connection to `databasePath`, for the GUI's Export menu.
class ReportJob : public Job
{
    Q_OBJECT
public:
    ReportJob(QString databasePath, ReportRequest request, QObject *parent = nullptr);
    const ReportOutcome &outcome() const { return outcome_; }
    const ReportRequest &request() const { return request_; }

protected:
    bool execute(QString &summary) override;

private:
    QString databasePath_;
    ReportRequest request_;
    ReportOutcome outcome_;
};

} // namespace backsight::report
