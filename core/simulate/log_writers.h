#pragma once

#include "model/result.h"
#include "simulate/events.h"
#include "simulate/population.h"

#include <QString>
#include <memory>

namespace backsight::sim {

// Writes one day's events in one of the layouts the importer reads. Each day's files are complete
// when writeDay returns, so memory holds one day at most.
class LogWriter
{
public:
    virtual ~LogWriter();
    // File-system failures are Storage errors naming the file.
    virtual Status writeDay(QDate date, const DayEvents &events, const Tenant &tenant) = 0;
    int files() const { return files_; }
    // Puts the files into the zip archive `path` instead of folders; finish() completes it.
    Status openZip(const QString &path);
    Status finish();

protected:
    Status writeFile(const QString &path, const QByteArray &bytes);
    int files_ = 0;

private:
    struct Zip;
    std::unique_ptr<Zip> zip_;
};

// "veeam-folder", "veeam-zip" (the same layout in a zip archive at `out`), "graph", "diagnostic" or
// "csv"; a BadInput error for anything else (never null on success).
Result<std::unique_ptr<LogWriter>> makeLogWriter(const QString &format, const QString &out);
QStringList logFormats();

} // namespace backsight::sim
