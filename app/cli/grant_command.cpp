#include "cli_command.h"
#include "store/analyst_roles.h"
#include "store/database.h"

namespace backsight::cli {

int runGrant(Context &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("role"), Cli::tr("An existing PostgreSQL login role."));
    const int early = parseOrExit(parser, args, ctx,
                                  Cli::tr("Let a database role work on this shared case without owning it: import, train, detect "
                                          "and triage, append to the audit log but never change, delete or truncate it. Run it as "
                                          "the case's owner."));
    if (early >= 0)
        return early;
    const QStringList roles = parser.positionalArguments();
    if (roles.size() != 1 || roles.front().trimmed().isEmpty()) {
        ctx.err << "backsight-cli grant: " << Cli::tr("name one role") << "\n";
        return Usage;
    }
    Database db;
    if (!openCase(ctx, db))
        return StorageError;
    if (const Status granted = grantAnalystRole(db, roles.front()); !granted) {
        ctx.err << "backsight-cli: " << granted.error().message << "\n";
        return granted.error().category == Error::Category::Storage ? StorageError : Usage;
    }
    ctx.out << Cli::tr("%1 may now work on %2 as an analyst (the audit log stays append-only)").arg(roles.front(), db.path())
            << "\n";
    return Ok;
}

} // namespace backsight::cli
