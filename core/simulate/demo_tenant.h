#pragma once

#include <QDate>
#include <QString>
#include <QStringList>
#include <functional>

namespace backsight {

struct DemoTenantOptions
{
    int users = 300;
    int days = 90;
    quint64 seed = 42;
    QDate start;      // first day (UTC); default: `days` days before 2024-12-01
    QString outDir;   // receives the logs; with "veeam-folder": `<Month YYYY>/<Log type>/<hour>.json`
    QString format = QStringLiteral("veeam-folder"); // or "veeam-zip" (outDir is the .zip), "graph", "diagnostic", "csv"
    QStringList attacks = {QStringLiteral("all")};    // "all", "none", or attack kinds
    // Ground truth, one row per attack. Kept outside outDir so importing outDir rejects nothing;
    // empty means `<outDir>-labels.csv` (without a `.zip` suffix).
    QString labelsPath;
    // Veeam backup histories (core/simulate/backup_history.h) for this many servers, in `<outDir>/Backup sessions`
    // (next to the archive, `<stem>-backup-sessions`, for veeam-zip); their attacks join the labels. 0: none.
    int backupServers = 0;
    QString backupFormat = QStringLiteral("ps-json"); // or "ps-csv"
    // The realism profile (docs/simulation.md): daylight saving in IANA zones, commercial VPNs, carrier jumps, the
    // token-refresh flood, stale-password devices, self-service resets, joiners' MFA registration.
    bool realism = false;
    // The identity ↔ backup incident scenario (docs/simulation.md): each offhours_admin attack (an admin's sign-in
    // from abroad at night, a role assignment, a service-principal credential) is followed by a ransomware-like
    // night on `incidentServers` backup servers of its own. Needs backupServers > 0 and the offhours_admin kind.
    // Labelled as identity_backup_incident rows (user: the admin; event ids: the identity events and the sessions).
    bool backupIncidents = false;
    int incidentServers = 3;
};

struct DemoTenantResult
{
    bool ok = false;
    QString error;
    qint64 signIns = 0;
    qint64 audits = 0;
    int files = 0;
    qint64 nonInteractiveSignIns = 0; // part of signIns
    qint64 failedSignIns = 0;         // error code other than 0 and the MFA interrupts 50074/50076
    qint64 users = 0;                 // accounts with at least one sign-in
    int attacks = 0;
    qint64 attackEvents = 0;
    QString labelsPath;
    qint64 backupSessions = 0;
    int backupAttacks = 0;
    int backupIncidents = 0; // identity_backup_incident labels written
    QString backupDir;
};

// Writes a seeded synthetic tenant's sign-in and audit logs (see docs/simulation.md), day by day, with
// injected attacks and their labels. Same options, same bytes. `progress(dayDone, days)` returns false
// to stop.
DemoTenantResult writeDemoTenant(const DemoTenantOptions &options,
                                 const std::function<bool(int, int)> &progress = {});

// The attack kinds `attacks` may name; "all" means these ...
QStringList demoAttackKinds();
// ... and, with realism, these too (they can also be named without it).
QStringList demoRealismAttackKinds();
// The backup attack kinds `attacks` may also name (they need backupServers > 0).
QStringList demoBackupAttackKinds();

} // namespace backsight
