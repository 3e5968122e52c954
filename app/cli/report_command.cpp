#include "cli_command.h"
#include "export/ecs_export.h"
#include "export/timesketch_export.h"
#include "ingest/timestamp.h"
#include "report/report_job.h"
#include "store/database.h"

#include <QDateTime>
#include <QSaveFile>

namespace backsight::cli {
namespace {

bool parseTime(const QString &text, std::optional<qint64> &out, const char *name, Context &ctx)
{
    if (text.isEmpty())
        return true;
    const QByteArray utf8 = text.toUtf8();
    const ParsedTime t = parseTimestamp(std::string_view(utf8.constData(), size_t(utf8.size())), ZonelessTime::Reject);
    if (!t.ok) {
        ctx.err << "backsight-cli report: --" << name << ": "
                << Cli::tr("%1 (write it with a zone, e.g. 2024-11-01T00:00:00Z)").arg(t.error) << "\n";
        return false;
    }
    out = t.ms;
    return true;
}

// --format timesketch|timesketch-csv|ecs: the scope's anomalies and the events they cite in one file.
int writeAnalystExport(Context &ctx, const QString &format, const report::ReportScope &scope, const QString &outPath)
{
    Database db;
    if (!openCase(ctx, db))
        return StorageError;
    QSaveFile file(outPath);
    if (!file.open(QIODevice::WriteOnly)) {
        ctx.err << "backsight-cli report: " << Cli::tr("cannot write %1: %2").arg(outPath, file.errorString()) << "\n";
        return StorageError;
    }
    const Result<qint64> rows = format == QLatin1String("ecs")
        ? exporting::writeReportEcs(db, scope.filter(), file)
        : exporting::writeReportTimesketch(db, scope.filter(), file,
                                           format == QLatin1String("timesketch") ? exporting::TimelineFormat::Jsonl
                                                                                 : exporting::TimelineFormat::Csv);
    if (!rows || !file.commit()) {
        ctx.err << "backsight-cli report: " << (!rows ? rows.error().message : file.errorString()) << "\n";
        return StorageError;
    }
    ctx.err << "backsight-cli report: " << Cli::tr("wrote %1 (%2 rows: anomalies and the events they cite)").arg(outPath).arg(*rows)
            << "\n";
    return Ok;
}

// --user, --anomalies, --from and --to: what to report; false after saying why.
bool readScope(Context &ctx, const QString &user, const QString &ids, const QString &from, const QString &to,
               report::ReportScope &scope)
{
    scope.upn = user.trimmed().toLower();
    for (const QString &id : ids.split(QLatin1Char(','), Qt::SkipEmptyParts))
        scope.anomalyIds << id.trimmed();
    if (!parseTime(from, scope.fromMs, "from", ctx) || !parseTime(to, scope.toMs, "to", ctx))
        return false;
    if (scope.isEmpty()) {
        ctx.err << "backsight-cli report: " << Cli::tr("say what to report: --user UPN, --anomalies ID,ID or --from/--to") << "\n";
        return false;
    }
    return true;
}

void printWritten(Context &ctx, const report::ReportRequest &req, const report::ReportOutcome &outcome)
{
    QString what = Cli::tr("%1 anomalies").arg(outcome.anomalies);
    if (req.format == report::ReportFormat::Pdf)
        what += Cli::tr(", %1 pages").arg(outcome.pages);
    if (!req.eventsOutPath.isEmpty())
        what += Cli::tr("; %1 events to %2").arg(outcome.events).arg(req.eventsOutPath);
    ctx.err << "backsight-cli report: " << Cli::tr("wrote %1 (%2), audit log entry %3").arg(req.outPath, what).arg(outcome.auditId)
            << "\n";
}

} // namespace

int runReport(Context &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption user(QStringLiteral("user"), Cli::tr("The anomalies of this user (UPN)."), QStringLiteral("UPN"));
    const QCommandLineOption anomalies(QStringLiteral("anomalies"), Cli::tr("These anomalies (comma-separated ids)."),
                                       QStringLiteral("ID,ID"));
    const QCommandLineOption from(QStringLiteral("from"), Cli::tr("Anomalies from this time (ISO 8601 with zone)."),
                                  QStringLiteral("ISO"));
    const QCommandLineOption to(QStringLiteral("to"), Cli::tr("Anomalies before this time (ISO 8601 with zone)."),
                                QStringLiteral("ISO"));
    const QCommandLineOption caseName(QStringLiteral("case"), Cli::tr("Case name for the title page."), QStringLiteral("NAME"));
    const QCommandLineOption analyst(QStringLiteral("analyst"),
                                     Cli::tr("Analyst name (default: $USER); also the audit log's author."),
                                     QStringLiteral("NAME"));
    const QCommandLineOption format(QStringLiteral("format"), Cli::tr("pdf, csv, jsonl, timesketch (JSONL), timesketch-csv or ecs (NDJSON)."), QStringLiteral("FORMAT"));
    const QCommandLineOption out(QStringLiteral("out"), Cli::tr("The file to write."), QStringLiteral("FILE"));
    const QCommandLineOption eventsOut(QStringLiteral("events-out"),
                                       Cli::tr("csv/jsonl: also write the log events the anomalies cite to FILE."),
                                       QStringLiteral("FILE"));
    const QCommandLineOption bom(QStringLiteral("bom"), Cli::tr("Start CSV with a UTF-8 byte order mark (Excel)."));
    const QCommandLineOption maxIncidents(QStringLiteral("max-incidents"),
                                          Cli::tr("pdf: incidents with a section of their own (default 200)."),
                                          QStringLiteral("N"), QStringLiteral("200"));
    parser.addOptions({user, anomalies, from, to, caseName, analyst, format, out, eventsOut, bom, maxIncidents});
    const int early = parseOrExit(parser, args, ctx,
                                  Cli::tr("Write an incident report (PDF) or the anomalies (CSV, JSON Lines) for a "
                                                 "user, a set of anomalies or a time range. Each export is audit-logged."));
    if (early >= 0)
        return early;
    report::ReportRequest req;
    const QString analystFormat = parser.value(format);
    const bool analystExport = analystFormat == QLatin1String("timesketch") || analystFormat == QLatin1String("timesketch-csv")
                            || analystFormat == QLatin1String("ecs");
    const auto fmt = analystExport ? std::optional<report::ReportFormat>(report::ReportFormat::Jsonl)
                                   : report::parseReportFormat(analystFormat);
    if (!fmt) {
        ctx.err << "backsight-cli report: " << Cli::tr("--format pdf|csv|jsonl|timesketch|timesketch-csv|ecs is required") << "\n";
        return Usage;
    }
    req.format = *fmt;
    req.outPath = parser.value(out);
    if (req.outPath.isEmpty()) {
        ctx.err << "backsight-cli report: " << Cli::tr("--out FILE is required") << "\n";
        return Usage;
    }
    if (!readScope(ctx, parser.value(user), parser.value(anomalies), parser.value(from), parser.value(to), req.scope))
        return Usage;
    if (analystExport)
        return writeAnalystExport(ctx, analystFormat, req.scope, req.outPath);
    bool numberOk = false;
    req.options.maxIncidents = parser.value(maxIncidents).toInt(&numberOk);
    if (!numberOk || req.options.maxIncidents < 1) {
        ctx.err << "backsight-cli report: " << Cli::tr("--max-incidents is a positive number") << "\n";
        return Usage;
    }
    req.options.caseName = parser.value(caseName);
    req.options.analyst = cases::analystName(parser.value(analyst));
    req.options.generatedAt = QDateTime::currentDateTimeUtc();
    req.byteOrderMark = parser.isSet(bom);
    req.eventsOutPath = parser.value(eventsOut);
    if (!req.eventsOutPath.isEmpty() && req.format == report::ReportFormat::Pdf) {
        ctx.err << "backsight-cli report: "
                << Cli::tr("--events-out goes with --format csv or jsonl (the PDF has them in its appendix)") << "\n";
        return Usage;
    }

    if (const int missing = requireExistingDatabase(ctx); missing >= 0)
        return missing;
    Database db;
    if (!openCase(ctx, db))
        return StorageError;
    report::ReportOutcome outcome;
    QString error;
    if (!report::exportReport(db, req, outcome, error)) {
        ctx.err << "backsight-cli report: " << error << "\n";
        return error.startsWith(QLatin1String("no anomalies")) ? InputRejected : StorageError;
    }
    printWritten(ctx, req, outcome);
    return Ok;
}

} // namespace backsight::cli
