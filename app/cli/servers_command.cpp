#include "backup/backup_series.h"
#include "cli_command.h"
#include "model/time_format.h"
#include "store/database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace backsight::cli {
namespace {

QJsonObject toJson(const backup::ServerSummary &s)
{
    QJsonValue model;
    if (s.modelVersion) {
        model = QJsonObject{{QStringLiteral("scope"), s.modelScope},
                            {QStringLiteral("kind"), s.modelKind},
                            {QStringLiteral("version"), *s.modelVersion}};
    }
    const bool object = s.level == QLatin1String("task");
    return {{QStringLiteral("server"), s.server},
            {QStringLiteral("object"), object ? QJsonValue(s.server) : QJsonValue()},
            {QStringLiteral("job"), s.jobs.isEmpty() ? QJsonValue() : QJsonValue(s.jobs)},
            {QStringLiteral("level"), s.level},
            {QStringLiteral("sessions"), s.sessions},
            {QStringLiteral("first_session_utc"), formatUtcMs(s.firstMs)},
            {QStringLiteral("last_session_utc"), formatUtcMs(s.lastMs)},
            {QStringLiteral("last_result"), s.lastResult.isEmpty() ? QJsonValue() : QJsonValue(s.lastResult)},
            {QStringLiteral("failed"), s.failed},
            {QStringLiteral("warnings"), s.warnings},
            {QStringLiteral("threat_score"), s.threatScore ? QJsonValue(*s.threatScore) : QJsonValue()},
            {QStringLiteral("threat_severity"), s.threatMs ? QJsonValue(s.threatSeverity) : QJsonValue()},
            {QStringLiteral("threat_utc"), s.threatMs ? QJsonValue(formatUtcMs(*s.threatMs)) : QJsonValue()},
            {QStringLiteral("model"), model}};
}

} // namespace

int runServers(Context &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption json(QStringLiteral("json"), Cli::tr("Print one JSON object."));
    parser.addOption(json);
    const int early = parseOrExit(parser, args, ctx,
                                  Cli::tr("Servers (VMs, agents, or jobs that name none) with backup sessions: "
                                                 "session count, first and last session, latest threat score and "
                                                 "the model that judges them."));
    if (early >= 0)
        return early;
    if (const int missing = requireExistingDatabase(ctx); missing >= 0)
        return missing;
    Database db;
    if (!openCase(ctx, db))
        return StorageError;
    const Result<std::vector<backup::ServerSummary>> listed = backup::listServers(db);
    if (!listed) {
        ctx.err << "backsight-cli: " << listed.error().message << "\n";
        return StorageError;
    }
    const std::vector<backup::ServerSummary> &servers = *listed;
    if (parser.isSet(json)) {
        QJsonArray list;
        for (const backup::ServerSummary &s : servers)
            list.append(toJson(s));
        const QJsonObject o{{QStringLiteral("database"), db.path()}, {QStringLiteral("servers"), list}};
        ctx.out << QJsonDocument(o).toJson(QJsonDocument::Compact) << "\n";
        return Ok;
    }
    if (servers.empty()) {
        ctx.out << Cli::tr("No backup sessions in %1").arg(db.path()) << "\n";
        return Ok;
    }
    ctx.out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7\n")
                   .arg(Cli::tr("Server (object or job)"), -24)
                   .arg(Cli::tr("Job"), -20)
                   .arg(Cli::tr("Sessions"), 8)
                   .arg(Cli::tr("Last session (UTC)"), -24)
                   .arg(Cli::tr("Last result"), -11)
                   .arg(Cli::tr("Threat"), 6)
                   .arg(Cli::tr("Model"));
    for (const backup::ServerSummary &s : servers) {
        const QString model = s.modelVersion ? QStringLiteral("%1 v%2 (%3)").arg(s.modelKind).arg(*s.modelVersion).arg(s.modelScope)
                                             : QStringLiteral("-");
        ctx.out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7\n")
                       .arg(s.server, -24)
                       .arg(s.level == QLatin1String("task") ? s.jobs : Cli::tr("(job)"), -20)
                       .arg(s.sessions, 8)
                       .arg(formatUtcMs(s.lastMs), -24)
                       .arg(s.lastResult, -11)
                       .arg(s.threatScore ? QString::number(*s.threatScore) : QStringLiteral("-"), 6)
                       .arg(model);
    }
    return Ok;
}

} // namespace backsight::cli
