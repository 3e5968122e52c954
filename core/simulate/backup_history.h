#pragma once

#include <QByteArray>
#include <QDate>
#include <QString>
#include <QStringList>
#include <vector>

namespace backsight::sim {

// The backup attack kinds, as labels.csv names them.
const QStringList &backupAttackKinds();
// "ps-json" (Windows PowerShell 5.1 ConvertTo-Json) or "ps-csv" (PowerShell 7 Export-Csv).
const QStringList &backupFormats();

// An identity attack the backups should answer (the identity ↔ backup incident scenario): a ransomware-like night
// on `servers` servers, the first nightly session that starts at least two hours after `afterMs`.
struct BackupIncidentSeed
{
    QByteArray identityAttackId; // the tenant's label id (offhours_admin: the admin's foreign sign-in, role, credential)
    qint64 afterMs = 0;
    int servers = 3;
};

struct BackupHistoryOptions
{
    int servers = 0;
    int days = 90;
    QDate start;
    quint64 seed = 42;
    QString format = QStringLiteral("ps-json");
    QStringList attackKinds;  // which of backupAttackKinds() to inject
    QString outDir;           // receives one file per month
    std::vector<BackupIncidentSeed> incidents; // ransomware nights after identity attacks, on servers of their own
};

struct BackupHistoryResult
{
    bool ok = false;
    QString error;
    qint64 sessions = 0;
    qint64 failed = 0, warnings = 0;
    int files = 0;
    int attacks = 0;
    qint64 attackSessions = 0;
    // labels.csv rows (no header): attack_id,kind,server,start_utc,end_utc,session ids
    QByteArray labelRows;
    // Per incident seed (same order; empty when its night fell after the last day): the labels of its ransomware
    // nights and the ids of their sessions.
    struct IncidentNight
    {
        QByteArray identityAttackId;
        QList<QByteArray> backupAttackIds, sessionIds;
        qint64 firstMs = 0, lastMs = 0;
    };
    std::vector<IncidentNight> incidents;
};

// Writes a seeded nightly backup history for `servers` servers (one Veeam job per VM / agent, named after it:
// the pattern under which Veeam reports dedup and compression per server), with weekly fulls, incrementals,
// occasional warnings and failures, and labelled ransomware, exfiltration and mass-deletion sessions.
// Same options, same bytes. See docs/simulation.md.
BackupHistoryResult writeBackupHistory(const BackupHistoryOptions &options);

} // namespace backsight::sim
