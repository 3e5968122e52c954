#include "simulate/backup_session_writers.h"

#include <QDateTime>

namespace backsight::sim::backup_writers {
namespace {

QByteArray timeSpan(qint64 seconds)
{
    const qint64 h = seconds / 3600, m = seconds % 3600 / 60, s = seconds % 60;
    QByteArray out = QByteArray::number(h).rightJustified(2, '0') + ':' + QByteArray::number(m).rightJustified(2, '0')
                     + ':' + QByteArray::number(s).rightJustified(2, '0');
    return h >= 24 ? QByteArray::number(h / 24) + '.' + QByteArray::number(h % 24).rightJustified(2, '0') + out.mid(out.indexOf(':'))
                   : out;
}

int resultCode(const QByteArray &result)
{
    return result == "Success" ? 0 : result == "Warning" ? 1 : 2;
}

} // namespace

// Windows PowerShell 5.1: Get-VBRBackupSession | Select-Object Id, JobId, JobName, JobType, Name, CreationTime,
// EndTime, Result, State, IsFullMode, Progress, BackupStats | ConvertTo-Json (enums as numbers, /Date(ms)/).
void appendPsJson(QByteArray &out, const Session &x, const Server &s, bool first)
{
    out += first ? "[\r\n" : ",\r\n";
    const qint64 avgSpeed = x.durationS > 0 ? x.read / x.durationS : 0;
    out += "    {\r\n        \"Id\":  \"" + x.id + "\",\r\n        \"JobId\":  \"" + s.jobId + "\",\r\n        \"JobName\":  \""
           + s.name + "\",\r\n        \"JobType\":  0,\r\n        \"Name\":  \"" + s.name + (x.full ? " (Full)" : " (Incremental)")
           + "\",\r\n        \"CreationTime\":  \"\\/Date(" + QByteArray::number(x.startMs) + ")\\/\",\r\n        \"EndTime\":  \"\\/Date("
           + QByteArray::number(x.endMs ? x.endMs : x.startMs + x.durationS * 1000) + ")\\/\",\r\n        \"Result\":  "
           + QByteArray::number(resultCode(x.result)) + ",\r\n        \"State\":  -1,\r\n        \"IsFullMode\":  "
           + (x.full ? "true" : "false") + ",\r\n        \"Progress\":  {\r\n                         \"TotalSize\":  "
           + QByteArray::number(x.total) + ",\r\n                         \"ProcessedSize\":  "
           + QByteArray::number(x.read ? x.total : 0) + ",\r\n                         \"ProcessedUsedSize\":  "
           + QByteArray::number(x.processedUsed) + ",\r\n                         \"ReadSize\":  " + QByteArray::number(x.read)
           + ",\r\n                         \"TransferedSize\":  " + QByteArray::number(x.transferred)
           + ",\r\n                         \"AvgSpeed\":  " + QByteArray::number(avgSpeed)
           + ",\r\n                         \"Duration\":  \"" + timeSpan(x.durationS)
           + "\"\r\n                     },\r\n        \"BackupStats\":  {\r\n                            \"BackupSize\":  "
           + QByteArray::number(x.transferred) + ",\r\n                            \"DataSize\":  " + QByteArray::number(x.read)
           + ",\r\n                            \"DedupRatio\":  " + QByteArray::number(x.dedupPct)
           + ",\r\n                            \"CompressRatio\":  " + QByteArray::number(x.compressPct)
           + "\r\n                        }\r\n    }";
}

static QByteArray usTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("M/d/yyyy h:mm:ss AP")).toLatin1();
}

QByteArray psCsvHeader()
{
    return "\"Id\",\"JobId\",\"JobName\",\"JobType\",\"Name\",\"CreationTime\",\"CreationTimeUTC\",\"EndTime\","
           "\"EndTimeUTC\",\"Result\",\"State\",\"IsFullMode\",\"Progress.TotalSize\",\"Progress.ProcessedSize\","
           "\"Progress.ProcessedUsedSize\",\"Progress.ReadSize\",\"Progress.TransferedSize\",\"Progress.AvgSpeed\","
           "\"Progress.Duration\",\"BackupStats.BackupSize\",\"BackupStats.DataSize\",\"BackupStats.DedupRatio\","
           "\"BackupStats.CompressRatio\"\n";
}

// PowerShell 7 Export-Csv of the same selection, with the Progress.* and BackupStats.* columns a report
// script adds; CreationTime/EndTime are the backup server's local time (UTC+13), the *UTC columns UTC.
void appendPsCsv(QByteArray &out, const Session &x, const Server &s)
{
    constexpr qint64 local = 13 * 3600000LL;
    const qint64 end = x.endMs ? x.endMs : x.startMs + x.durationS * 1000;
    const qint64 avgSpeed = x.durationS > 0 ? x.read / x.durationS : 0;
    const QByteArray cells[] = {
        x.id, s.jobId, s.name, "Backup", s.name + (x.full ? " (Full)" : " (Incremental)"), usTime(x.startMs + local),
        usTime(x.startMs), usTime(end + local), usTime(end), x.result, "Stopped", x.full ? "True" : "False",
        QByteArray::number(x.total), QByteArray::number(x.read ? x.total : 0), QByteArray::number(x.processedUsed),
        QByteArray::number(x.read), QByteArray::number(x.transferred), QByteArray::number(avgSpeed), timeSpan(x.durationS),
        QByteArray::number(x.transferred), QByteArray::number(x.read), QByteArray::number(x.dedupPct),
        QByteArray::number(x.compressPct)};
    bool first = true;
    for (const QByteArray &c : cells) {
        out += first ? "\"" : ",\"";
        out += c;
        out += '"';
        first = false;
    }
    out += '\n';
}

} // namespace backsight::sim::backup_writers
