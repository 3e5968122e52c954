#include "cli_command.h"
#include "simulate/demo_tenant.h"

#include <QElapsedTimer>

namespace backsight::cli {
namespace {

// generate's options.
struct GenerateFlags
{
    const QCommandLineOption users{QStringLiteral("users"), Cli::tr("Number of users (default 300)."),
                                   QStringLiteral("N"), QStringLiteral("300")};
    const QCommandLineOption days{QStringLiteral("days"), Cli::tr("Number of days (default 90)."),
                                  QStringLiteral("D"), QStringLiteral("90")};
    const QCommandLineOption seed{QStringLiteral("seed"), Cli::tr("Random seed (default 42)."),
                                  QStringLiteral("S"), QStringLiteral("42")};
    const QCommandLineOption start{QStringLiteral("start"), Cli::tr("First day, YYYY-MM-DD (UTC)."),
                                   QStringLiteral("DATE")};
    const QCommandLineOption attacks{QStringLiteral("attacks"),
                                     Cli::tr("all, none, or a comma-separated list of: %1; with --realism "
                                                    "all adds %2 (default all).")
                                         .arg(demoAttackKinds().join(QStringLiteral(", ")),
                                              demoRealismAttackKinds().join(QStringLiteral(", "))),
                                     QStringLiteral("KINDS"), QStringLiteral("all")};
    const QCommandLineOption format{QStringLiteral("format"),
                                    Cli::tr("veeam-folder (default), veeam-zip (--out is the .zip file), graph, "
                                                   "diagnostic or csv."),
                                    QStringLiteral("FORMAT"), QStringLiteral("veeam-folder")};
    const QCommandLineOption labels{QStringLiteral("labels"),
                                    Cli::tr("Where to write labels.csv (default: DIR-labels.csv next to DIR)."),
                                    QStringLiteral("FILE")};
    const QCommandLineOption out{QStringLiteral("out"), Cli::tr("Folder to write the logs to."),
                                 QStringLiteral("DIR")};
    const QCommandLineOption backupServers{QStringLiteral("backup-servers"),
                                           Cli::tr("Also write Veeam backup session histories of N servers in "
                                                          "DIR/Backup sessions, with attacks %1 (default 0).")
                                               .arg(demoBackupAttackKinds().join(QStringLiteral(", "))),
                                           QStringLiteral("N"), QStringLiteral("0")};
    const QCommandLineOption backupFormat{QStringLiteral("backup-format"),
                                          Cli::tr("ps-json (default, Windows PowerShell ConvertTo-Json) or ps-csv "
                                                         "(PowerShell 7 Export-Csv)."),
                                          QStringLiteral("FORMAT"), QStringLiteral("ps-json")};
    const QCommandLineOption realism{QStringLiteral("realism"),
                                     Cli::tr("Messy-tenant profile: daylight saving, commercial VPNs, carrier jumps, "
                                                    "token-refresh flood, stale-password devices (docs/simulation.md).")};
    const QCommandLineOption backupIncidents{QStringLiteral("backup-incidents"),
                                             Cli::tr("The identity ↔ backup incident scenario: every offhours_admin "
                                                     "attack is followed by a ransomware-like night on N backup "
                                                     "servers (needs --backup-servers; labelled "
                                                     "identity_backup_incident)."),
                                             QStringLiteral("N"), QStringLiteral("0")};

    QList<QCommandLineOption> all() const
    {
        return {users, days, seed, start, attacks, format, labels, out, backupServers, backupFormat, realism, backupIncidents};
    }
};

// The options given, or nullopt when one is out of range.
std::optional<DemoTenantOptions> generateOptions(const QCommandLineParser &parser, const GenerateFlags &f)
{
    DemoTenantOptions options;
    bool ok1 = true, ok2 = true, ok3 = true;
    options.users = parser.value(f.users).toInt(&ok1);
    options.days = parser.value(f.days).toInt(&ok2);
    options.seed = parser.value(f.seed).toULongLong(&ok3);
    options.outDir = parser.value(f.out);
    options.format = parser.value(f.format);
    options.attacks = parser.value(f.attacks).split(QLatin1Char(','), Qt::SkipEmptyParts);
    options.labelsPath = parser.value(f.labels);
    bool ok4 = true;
    options.backupServers = parser.value(f.backupServers).toInt(&ok4);
    options.backupFormat = parser.value(f.backupFormat);
    options.realism = parser.isSet(f.realism);
    bool ok5 = true;
    options.incidentServers = parser.value(f.backupIncidents).toInt(&ok5);
    options.backupIncidents = ok5 && options.incidentServers > 0;
    if (parser.isSet(f.start))
        options.start = QDate::fromString(parser.value(f.start), Qt::ISODate);
    if (!ok1 || !ok2 || !ok3 || !ok4 || !ok5 || options.incidentServers < 0 || options.backupServers < 0 || options.users <= 0 || options.days <= 0 || options.outDir.isEmpty()
        || (parser.isSet(f.start) && !options.start.isValid()))
        return std::nullopt;
    return options;
}

} // namespace

int runGenerate(Context &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    const GenerateFlags f;
    parser.addOptions(f.all());
    const int early = parseOrExit(parser, args, ctx,
                                  Cli::tr("Write a seeded synthetic tenant's Entra ID sign-in and audit logs, with "
                                                 "injected attacks and their labels (docs/simulation.md). Same seed, "
                                                 "same bytes."));
    if (early >= 0)
        return early;
    const std::optional<DemoTenantOptions> parsed = generateOptions(parser, f);
    if (!parsed) {
        ctx.err << "backsight-cli generate: "
                << Cli::tr("--out DIR is required; --users and --days are positive numbers, --backup-servers is 0 or more, "
                           "--start is YYYY-MM-DD")
                << "\n";
        return Usage;
    }
    const DemoTenantOptions &options = *parsed;
    QElapsedTimer timer;
    timer.start();
    const DemoTenantResult result = writeDemoTenant(options, [&](int done, int total) {
        ctx.err << "\r" << Cli::tr("generating day %1 of %2").arg(done).arg(total);
        ctx.err.flush();
        return true;
    });
    ctx.err << "\n";
    if (!result.ok) {
        ctx.err << "backsight-cli generate: " << result.error << "\n";
        return result.error.startsWith(QLatin1String("unknown")) ? Usage : StorageError;
    }
    // The first line's words 1 and 4 are the counts (the CLI test reads them).
    ctx.out << Cli::tr("Wrote %1 sign-ins and %2 audit events in %3 files under %4\n")
                   .arg(result.signIns)
                   .arg(result.audits)
                   .arg(result.files)
                   .arg(options.outDir);
    ctx.out << Cli::tr("%1 non-interactive, %2 failed; %3 attacks (%4 events) labelled in %5; %6 s\n")
                   .arg(result.nonInteractiveSignIns)
                   .arg(result.failedSignIns)
                   .arg(result.attacks)
                   .arg(result.attackEvents)
                   .arg(result.labelsPath)
                   .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 1);
    if (result.backupSessions > 0)
        ctx.out << Cli::tr("Wrote %1 backup sessions of %2 servers under %3; %4 backup attacks labelled\n")
                       .arg(result.backupSessions)
                       .arg(options.backupServers)
                       .arg(result.backupDir)
                       .arg(result.backupAttacks);
    if (options.backupIncidents)
        ctx.out << QStringLiteral("%1 identity ↔ backup incidents labelled (identity_backup_incident)\n").arg(result.backupIncidents);
    return Ok;
}

} // namespace backsight::cli
