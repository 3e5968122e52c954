#include "cli_command.h"

#include "export/csv_writer.h"
#include "export/ecs_export.h"
#include "export/timesketch_export.h"
#include "model/time_format.h"
#include "store/anomaly_repository.h"
#include "store/database.h"

#include <QFile>
#include <QJsonDocument>

namespace backsight::cli {
namespace {

const QStringList &anomalyFormats()
{
    static const QStringList formats = {QStringLiteral("jsonl"),      QStringLiteral("csv"),
                                        QStringLiteral("table"),      QStringLiteral("timesketch"),
                                        QStringLiteral("timesketch-csv"), QStringLiteral("ecs")};
    return formats;
}

// Standard output as a QIODevice, for the writers that take one (CSV, Timesketch, ECS).
Result<std::unique_ptr<QFile>> standardOutput(Context &ctx)
{
    ctx.out.flush();
    auto out = std::make_unique<QFile>();
    if (!out->open(stdout, QIODevice::WriteOnly))
        return Error::storage(Cli::tr("cannot write to standard output"));
    return out;
}

Status writeTimeline(Context &ctx, Database &db, const detect::AnomalyFilter &filter, const QString &format)
{
    Result<std::unique_ptr<QFile>> out = standardOutput(ctx);
    if (!out)
        return out.error();
    const Result<qint64> rows = format == QLatin1String("ecs")
        ? exporting::writeAnomaliesEcs(db, filter, **out)
        : exporting::writeAnomaliesTimesketch(db, filter, **out,
                                              format == QLatin1String("timesketch") ? exporting::TimelineFormat::Jsonl
                                                                                    : exporting::TimelineFormat::Csv);
    if (!rows)
        return rows.error();
    return {};
}

Status writeCsv(Context &ctx, Database &db, const detect::AnomalyFilter &filter, bool bom)
{
    Result<std::unique_ptr<QFile>> out = standardOutput(ctx);
    if (!out)
        return out.error();
    CsvWriter csv(**out, bom);
    csv.writeRow({QStringLiteral("id"), QStringLiteral("event_time"), QStringLiteral("severity"), QStringLiteral("score"),
                  QStringLiteral("user_principal_name"), QStringLiteral("subject"), QStringLiteral("kinds"),
                  QStringLiteral("summary"), QStringLiteral("event_ids"), QStringLiteral("status")});
    return detect::forEachAnomaly(db, filter, [&](const detect::Anomaly &a) {
        csv.writeRow({a.id, formatUtcMs(a.timeMs), detect::severityName(a.severity),
                      a.score ? QString::number(*a.score, 'f', 3) : QString(), a.upn, a.subject,
                      a.kinds.join(QLatin1Char(';')), a.summary, a.eventIds.join(QLatin1Char(';')), a.status});
        return true;
    });
}

Status writeAnomalies(Context &ctx, Database &db, const detect::AnomalyFilter &filter, const QString &format, bool bom)
{
    if (format == QLatin1String("timesketch") || format == QLatin1String("timesketch-csv") || format == QLatin1String("ecs"))
        return writeTimeline(ctx, db, filter, format);
    if (format == QLatin1String("csv"))
        return writeCsv(ctx, db, filter, bom);
    if (format == QLatin1String("jsonl"))
        return detect::forEachAnomaly(db, filter, [&](const detect::Anomaly &a) {
            ctx.out << QJsonDocument(detect::anomalyToJson(a)).toJson(QJsonDocument::Compact) << "\n";
            return true;
        });
    return detect::forEachAnomaly(db, filter, [&](const detect::Anomaly &a) { // table
        ctx.out << formatUtcMs(a.timeMs) << "  " << detect::severityName(a.severity).leftJustified(8) << " "
                << a.subject.leftJustified(34) << " " << a.summary << "\n";
        return true;
    });
}

} // namespace

int runAnomalies(Context &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption format(QStringLiteral("format"), Cli::tr("jsonl (default), csv, table, timesketch (JSONL), timesketch-csv or ecs (NDJSON)."),
                                    QStringLiteral("FORMAT"), QStringLiteral("jsonl"));
    const QCommandLineOption minSeverity(QStringLiteral("min-severity"), Cli::tr("low, medium, high or critical."),
                                         QStringLiteral("SEVERITY"));
    const QCommandLineOption user(QStringLiteral("user"), Cli::tr("Only this user's anomalies."), QStringLiteral("UPN"));
    const QCommandLineOption kind(QStringLiteral("kind"), Cli::tr("Only these primary kinds (comma-separated)."),
                                  QStringLiteral("KINDS"));
    const QCommandLineOption bom(QStringLiteral("bom"), Cli::tr("Start CSV with a UTF-8 byte order mark (Excel)."));
    parser.addOption(format);
    parser.addOption(minSeverity);
    parser.addOption(user);
    parser.addOption(kind);
    parser.addOption(bom);
    const int early = parseOrExit(parser, args, ctx, Cli::tr("Print the stored anomalies."));
    if (early >= 0)
        return early;
    const QString fmt = parser.value(format);
    if (!anomalyFormats().contains(fmt)) {
        ctx.err << "backsight-cli: " << Cli::tr("--format must be jsonl, csv, table, timesketch, timesketch-csv or ecs") << "\n";
        return Usage;
    }
    detect::AnomalyFilter filter;
    if (parser.isSet(minSeverity)) {
        filter.minSeverity = detect::parseSeverity(parser.value(minSeverity));
        if (!filter.minSeverity) {
            ctx.err << "backsight-cli: " << Cli::tr("--min-severity must be low, medium, high or critical") << "\n";
            return Usage;
        }
    }
    filter.upn = parser.value(user).toLower();
    if (parser.isSet(kind))
        filter.kinds = parser.value(kind).split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (const int missing = requireExistingDatabase(ctx); missing >= 0)
        return missing;
    Database db;
    if (!openCase(ctx, db))
        return StorageError;
    if (const Status written = writeAnomalies(ctx, db, filter, fmt, parser.isSet(bom)); !written) {
        ctx.err << "backsight-cli: " << written.error().message << "\n";
        return StorageError;
    }
    return Ok;
}

} // namespace backsight::cli
