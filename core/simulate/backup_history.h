#pragma once

#include <QByteArray>
#include <QDate>
#include <QString>
#include <QStringList>

namespace backsight::sim {

// The backup attack kinds, as labels.csv names them.
const QStringList &backupAttackKinds();
// "ps-json" (Windows PowerShell 5.1 ConvertTo-Json) or "ps-csv" (PowerShell 7 Export-Csv).
const QStringList &backupFormats();

struct BackupHistoryOptions
{
    int servers = 0;
    int days = 90;
    QDate start;
    quint64 seed = 42;
    QString format = QStringLiteral("ps-json");
    QStringList attackKinds;  // which of backupAttackKinds() to inject
    QString outDir;           // receives one file per month
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
};

// Writes a seeded nightly backup history for `servers` servers (one Veeam job per VM / agent, named after it:
// the pattern under which Veeam reports dedup and compression per server), with weekly fulls, incrementals,
// occasional warnings and failures, and labelled ransomware, exfiltration and mass-deletion sessions.
// Same options, same bytes. See docs/simulation.md.
BackupHistoryResult writeBackupHistory(const BackupHistoryOptions &options);

} // namespace backsight::sim
