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
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print one JSON object."));
    parser.addOption(json);
    const int early = parseOrExit(parser, args, ctx, QStringLiteral("Counts of what the case database holds."));
    if (early >= 0)
        return early;
    if (const int missing = requireExistingDatabase(ctx); missing >= 0)
        return missing;
    Database db;
    if (!db.open(ctx.databasePath)) {
        ctx.err << "backsight-cli: " << db.error() << "\n";
        return StorageError;
    }
    QString error;
    const auto stats = readStats(db, error);
    if (!stats) {
        ctx.err << "backsight-cli: " << error << "\n";
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
    ctx.out << "Database:                 " << db.path() << "\n"
            << "Interactive sign-ins:     " << stats->interactiveSignIns << "\n"
            << "Non-interactive sign-ins: " << stats->nonInteractiveSignIns << "\n"
            << "Workload sign-ins:        " << stats->workloadSignIns << "\n"
            << "Audit events:             " << stats->audits << "\n"
            << "Users:                    " << stats->users << "\n"
            << "Source files:             " << stats->sources << "\n"
            << "Backup sessions:          " << stats->backupSessions << "\n"
            << "First event (UTC):        " << first.toString() << "\n"
            << "Last event (UTC):         " << last.toString() << "\n";
    return Ok;
}

} // namespace backsight::cli
