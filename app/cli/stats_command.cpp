#include "cli_command.h"
#include "model/time_format.h"
#include "store/database.h"
#include "store/event_queries.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace backsight::cli {

int runStats(Context &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption json(QStringLiteral("json"), Cli::tr("Print one JSON object."));
    parser.addOption(json);
    const int early = parseOrExit(parser, args, ctx, Cli::tr("Counts of what the case database holds."));
    if (early >= 0)
        return early;
    if (const int missing = requireExistingDatabase(ctx); missing >= 0)
        return missing;
    Database db;
    if (!openCase(ctx, db))
        return StorageError;
    const Result<StoreStats> stats = readStats(db);
    if (!stats) {
        ctx.err << "backsight-cli: " << stats.error().message << "\n";
        return StorageError;
    }
    const QJsonValue first = stats->firstEventMs ? QJsonValue(formatUtcMs(*stats->firstEventMs)) : QJsonValue();
    const QJsonValue last = stats->lastEventMs ? QJsonValue(formatUtcMs(*stats->lastEventMs)) : QJsonValue();
    if (parser.isSet(json)) {
        const QJsonObject o{{QStringLiteral("database"), db.path()},
                            {QStringLiteral("signins"), stats->interactiveSignIns},
                            {QStringLiteral("noninteractive_signins"), stats->nonInteractiveSignIns},
                            {QStringLiteral("service_signins"), stats->workloadSignIns},
                            {QStringLiteral("audits"), stats->audits},
                            {QStringLiteral("users"), stats->users},
                            {QStringLiteral("sources"), stats->sources},
                            {QStringLiteral("backup_sessions"), stats->backupSessions},
                            {QStringLiteral("first_event_utc"), first},
                            {QStringLiteral("last_event_utc"), last}};
        ctx.out << QJsonDocument(o).toJson(QJsonDocument::Compact) << "\n";
        return Ok;
    }
    const QList<std::pair<QString, QString>> lines{
        {Cli::tr("Database:"), db.path()},
        {Cli::tr("Interactive sign-ins:"), QString::number(stats->interactiveSignIns)},
        {Cli::tr("Non-interactive sign-ins:"), QString::number(stats->nonInteractiveSignIns)},
        {Cli::tr("Workload sign-ins:"), QString::number(stats->workloadSignIns)},
        {Cli::tr("Audit events:"), QString::number(stats->audits)},
        {Cli::tr("Users:"), QString::number(stats->users)},
        {Cli::tr("Source files:"), QString::number(stats->sources)},
        {Cli::tr("Backup sessions:"), QString::number(stats->backupSessions)},
        {Cli::tr("First event (UTC):"), first.toString()},
        {Cli::tr("Last event (UTC):"), last.toString()}};
    qsizetype width = 25; // the values line up, in any language
    for (const auto &line : lines)
        width = std::max(width, line.first.size());
    for (const auto &[label, value] : lines)
        ctx.out << label.leftJustified(width + 1) << value << "\n";
    return Ok;
}

} // namespace backsight::cli
