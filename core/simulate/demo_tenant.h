#pragma once

#include <QDate>
#include <QString>
#include <functional>

namespace backsight {

struct DemoTenantOptions
{
    int users = 300;
    int days = 90;
    quint64 seed = 42;
    QDate start;      // first day (UTC); default: `days` days before 2024-12-01
    QString outDir;   // receives the Veeam restore layout: `<Month YYYY>/<Log type>/<hour>.json`
};

struct DemoTenantResult
{
    bool ok = false;
    QString error;
    qint64 signIns = 0;
    qint64 audits = 0;
    int files = 0;
};

// Writes a seeded synthetic tenant's sign-in and audit logs as Veeam Backup for Microsoft Entra ID's
// file-level restore lays them out (month folders, per-log-type subfolders, hourly Graph JSON files).
// Same options, same bytes. `progress(dayDone, days)` returns false to stop.
DemoTenantResult writeDemoTenant(const DemoTenantOptions &options,
                                 const std::function<bool(int, int)> &progress = {});

} // namespace backsight
