#include "cli_command.h"
#include "simulate/demo_tenant.h"

namespace backsight::cli {

int runGenerate(Context &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption users(QStringLiteral("users"), QStringLiteral("Number of users (default 300)."),
                                   QStringLiteral("N"), QStringLiteral("300"));
    const QCommandLineOption days(QStringLiteral("days"), QStringLiteral("Number of days (default 90)."),
                                  QStringLiteral("D"), QStringLiteral("90"));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("Random seed (default 42)."),
                                  QStringLiteral("S"), QStringLiteral("42"));
    const QCommandLineOption start(QStringLiteral("start"), QStringLiteral("First day, YYYY-MM-DD (UTC)."),
                                   QStringLiteral("DATE"));
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("Folder to write (Veeam restore layout)."),
                                 QStringLiteral("DIR"));
    parser.addOptions({users, days, seed, start, out});
    const int early = parseOrExit(parser, args, ctx,
                                  QStringLiteral("Write a seeded synthetic tenant's Entra ID sign-in and audit logs in "
                                                 "the folder layout of a Veeam file-level restore. Same seed, same bytes."));
    if (early >= 0)
        return early;
    DemoTenantOptions options;
    bool ok1 = true, ok2 = true, ok3 = true;
    options.users = parser.value(users).toInt(&ok1);
    options.days = parser.value(days).toInt(&ok2);
    options.seed = parser.value(seed).toULongLong(&ok3);
    options.outDir = parser.value(out);
    if (parser.isSet(start))
        options.start = QDate::fromString(parser.value(start), Qt::ISODate);
    if (!ok1 || !ok2 || !ok3 || options.users <= 0 || options.days <= 0 || options.outDir.isEmpty()
        || (parser.isSet(start) && !options.start.isValid())) {
        ctx.err << "backsight-cli generate: --out DIR is required; --users and --days are positive numbers, "
                   "--start is YYYY-MM-DD\n";
        return Usage;
    }
    const DemoTenantResult result = writeDemoTenant(options);
    if (!result.ok) {
        ctx.err << "backsight-cli generate: " << result.error << "\n";
        return StorageError;
    }
    ctx.out << QStringLiteral("Wrote %1 sign-ins and %2 audit events in %3 hourly files under %4\n")
                   .arg(result.signIns)
                   .arg(result.audits)
                   .arg(result.files)
                   .arg(options.outDir);
    return Ok;
}

} // namespace backsight::cli
