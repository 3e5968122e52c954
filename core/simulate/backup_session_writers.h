#pragma once

#include <QByteArray>
#include <QtGlobal>

// The generated backup history's servers and sessions, and how they are written as Veeam exports (Windows
// PowerShell ConvertTo-Json, PowerShell 7 Export-Csv). Internal to simulate/backup_history.cpp.
namespace backsight::sim::backup_writers {

struct Server
{
    QByteArray name, jobId;
    int hour = 0, minute = 0, fullWeekday = 6;
    bool monthEndFull = false; // a GFS monthly full on the last day of the month
    bool monthEndRun = false;  // month-end processing (ERP, finance): busier incrementals on the last two days
    double wobble = 0.35;      // day-to-day spread of the changed data (log units)
    double totalBytes = 0, usedBytes = 0, growthPerDay = 0, changeRate = 0, dedup = 0, compress = 0, speed = 0;
};

struct Session
{
    QByteArray id;
    int server = 0;
    qint64 startMs = 0, endMs = 0;
    bool full = false;
    QByteArray result = "Success";
    qint64 total = 0, processedUsed = 0, read = 0, transferred = 0;
    int dedupPct = 0, compressPct = 0; // Veeam's BackupStats percentages (0 when nothing was read)
    qint64 durationS = 0;
};

void appendPsJson(QByteArray &out, const Session &x, const Server &s, bool first);
QByteArray psCsvHeader();
void appendPsCsv(QByteArray &out, const Session &x, const Server &s);

} // namespace backsight::sim::backup_writers
