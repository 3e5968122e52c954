#pragma once

#include "ingest/importer.h"
#include "jobs/job.h"

#include <QStringList>

namespace backsight {

// Imports files on a worker thread with its own database connection.
class ImportJob : public Job
{
    Q_OBJECT
public:
    ImportJob(QString databasePath, QStringList paths, ImportLimits limits = {}, QObject *parent = nullptr);

    // Valid after finished().
    const ImportReport &report() const { return report_; }

protected:
    bool execute(QString &summary) override;

private:
    QString databasePath_;
    QStringList paths_;
    ImportLimits limits_;
    ImportReport report_;
};

// One sentence for people: "Imported 1,204 new events from 12 files; 2 files rejected".
QString describeImport(const ImportReport &report);

} // namespace backsight
