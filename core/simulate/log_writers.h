#pragma once

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
    virtual bool writeDay(QDate date, const DayEvents &events, const Tenant &tenant, QString &error) = 0;
    int files() const { return files_; }
    // Puts the files into the zip archive `path` instead of folders; finish() completes it.
    bool openZip(const QString &path, QString &error);
    bool finish(QString &error);

protected:
    bool writeFile(const QString &path, const QByteArray &bytes, QString &error);
    int files_ = 0;

private:
    struct Zip;
    std::unique_ptr<Zip> zip_;
};

// "veeam-folder", "veeam-zip" (the same layout in a zip archive at `out`), "graph", "diagnostic" or
// "csv"; nullptr for anything else.
std::unique_ptr<LogWriter> makeLogWriter(const QString &format, const QString &out, QString &error);
QStringList logFormats();

} // namespace backsight::sim
