#include "cli_command.h"
#include "detect/incidents.h"
#include "model/time_format.h"
#include "store/database.h"
#include "store/incident_store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

namespace backsight::cli {
namespace {

QString severityWord(int rank)
{
    static const char *const words[] = {"low", "medium", "high", "critical"};
    return QString::fromLatin1(words[std::clamp(rank, 1, 4) - 1]);
}

QJsonObject toJson(const Incident &i)
{
    QJsonArray parts;
    for (const IncidentPart &p : i.parts)
        parts.append(QJsonObject{{QStringLiteral("role"), p.role},
                                 {QStringLiteral("source"), p.source},
                                 {QStringLiteral("id"), p.refId},
                                 {QStringLiteral("time"), formatUtcMs(p.timeMs)},
                                 {QStringLiteral("kind"), p.kind},
                                 {QStringLiteral("subject"), p.subject},
                                 {QStringLiteral("severity"), severityWord(p.severityRank)},
                                 {QStringLiteral("threat_score"), p.threatScore ? QJsonValue(*p.threatScore) : QJsonValue()},
                                 {QStringLiteral("summary"), p.summary}});
    return {{QStringLiteral("id"), i.id},
            {QStringLiteral("severity"), severityWord(i.severityRank)},
            {QStringLiteral("identity_time"), formatUtcMs(i.identityMs)},
            {QStringLiteral("backup_time"), formatUtcMs(i.backupMs)},
            {QStringLiteral("first_time"), formatUtcMs(i.firstMs)},
            {QStringLiteral("last_time"), formatUtcMs(i.lastMs)},
            {QStringLiteral("window_hours"), i.windowHours},
            {QStringLiteral("identity_parts"), i.count(QStringLiteral("identity"))},
            {QStringLiteral("backup_parts"), i.count(QStringLiteral("backup"))},
            {QStringLiteral("summary"), i.summary},
            {QStringLiteral("detected_at"), formatUtcMs(i.detectedAtMs)},
            {QStringLiteral("parts"), parts}};
}

} // namespace

int runIncidents(Context &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption json(QStringLiteral("json"), Cli::tr("Print one JSON object."));
    const QCommandLineOption correlate(QStringLiteral("correlate"),
                                       Cli::tr("Correlate again first (detect does it after every run)."));
    const QCommandLineOption window(QStringLiteral("window-hours"),
                                    Cli::tr("With --correlate: how long after an identity event backup anomalies "
                                            "join it (default 72)."),
                                    QStringLiteral("hours"), QStringLiteral("72"));
    parser.addOptions({json, correlate, window});
    const int early = parseOrExit(parser, args, ctx,
                                  Cli::tr("Identity ↔ backup incidents: an anomalous or privileged identity event "
                                          "followed within the window by backup anomalies, with both parts and "
                                          "their times (docs/incidents.md)."));
    if (early >= 0)
        return early;
    bool okWindow = false;
    const int hours = parser.value(window).toInt(&okWindow);
    if (!okWindow || hours <= 0) {
        ctx.err << "backsight-cli: " << Cli::tr("--window-hours must be a positive number of hours") << "\n";
        return Usage;
    }
    if (const int missing = requireExistingDatabase(ctx); missing >= 0)
        return missing;
    Database db;
    if (!openCase(ctx, db))
        return StorageError;
    if (parser.isSet(correlate)) {
        detect::IncidentOptions options;
        options.windowHours = hours;
        if (const Result<detect::IncidentReport> r = detect::correlateIncidents(db, options); !r) {
            ctx.err << "backsight-cli: " << r.error().message << "\n";
            return StorageError;
        }
    }
    const Result<std::vector<Incident>> incidents = store::readIncidents(db);
    if (!incidents) {
        ctx.err << "backsight-cli: " << incidents.error().message << "\n";
        return StorageError;
    }
    if (parser.isSet(json)) {
        QJsonArray list;
        for (const Incident &i : *incidents)
            list.append(toJson(i));
        const QJsonObject o{{QStringLiteral("database"), db.path()}, {QStringLiteral("incidents"), list}};
        ctx.out << QJsonDocument(o).toJson(QJsonDocument::Compact) << "\n";
        return Ok;
    }
    if (incidents->empty()) {
        ctx.out << Cli::tr("No identity ↔ backup incidents in %1").arg(db.path()) << "\n";
        return Ok;
    }
    for (const Incident &i : *incidents) {
        ctx.out << i.id << "  " << severityWord(i.severityRank) << "  " << i.summary << "\n";
        for (const IncidentPart &p : i.parts)
            ctx.out << "    " << QStringLiteral("%1 %2 %3 %4: %5\n")
                                     .arg(p.role, -8)
                                     .arg(formatUtcMs(p.timeMs), -24)
                                     .arg(p.kind, -24)
                                     .arg(p.subject, p.summary);
    }
    return Ok;
}

} // namespace backsight::cli
