#include "cli_command.h"

namespace backsight::cli {

int runGenerate(Context &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    const int early = parseOrExit(parser, args, ctx, QStringLiteral("Write a synthetic tenant."));
    if (early >= 0)
        return early;
    ctx.err << "backsight-cli generate: not built yet\n";
    return Usage;
}

} // namespace backsight::cli
