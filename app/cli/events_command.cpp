#include "cli_command.h"
#include "export/csv_writer.h"
#include "export/ecs_export.h"
#include "export/timesketch_export.h"
#include "ingest/timestamp.h"
#include "model/time_format.h"
#include "store/database.h"
#include "store/event_queries.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlField>

namespace backsight::cli {
namespace {

bool parseBound(const QString &text, std::optional<qint64> &out, const char *name, Context &ctx)
{
    if (text.isEmpty())
        return true;
    const QByteArray utf8 = text.toUtf8();
    const ParsedTime t = parseTimestamp(std::string_view(utf8.constData(), size_t(utf8.size())), ZonelessTime::Reject);
    if (!t.ok) {
        ctx.err << "backsight-cli events: --" << name << ": "
                << Cli::tr("%1 (write it with a zone, e.g. 2024-11-01T00:00:00Z)").arg(t.error) << "\n";
        return false;
    }
    out = t.ms;
    return true;
}

// Every column as stored, except that each `*_ms` time is written as ISO 8601 UTC and named `*_utc`.
Status writeEventsCsv(Database &db, EventTable which, const EventFilter &filter, QIODevice &out, bool bom)
{
    CsvWriter writer(out, bom);
    bool header = false;
    return forEachEvent(db, which, filter, [&](const QSqlRecord &r) {
        QStringList cells;
        if (!header) {
            for (int i = 0; i < r.count(); ++i)
                cells << (r.fieldName(i).endsWith(QLatin1String("_ms")) ? r.fieldName(i).chopped(3) + QStringLiteral("_utc")
                                                                        : r.fieldName(i));
            writer.writeRow(cells);
            cells.clear();
            header = true;
        }
        for (int i = 0; i < r.count(); ++i) {
            const QVariant v = r.value(i);
            cells << (r.fieldName(i).endsWith(QLatin1String("_ms")) ? formatUtcMs(v.toLongLong()) : v.toString());
        }
        writer.writeRow(cells);
        return true;
    });
}

// One JSON object per event: every column, and `*_utc` beside each `*_ms` time.
Status writeEventsJsonl(Database &db, EventTable which, const EventFilter &filter, QIODevice &out)
{
    return forEachEvent(db, which, filter, [&](const QSqlRecord &r) {
        QJsonObject o;
        for (int i = 0; i < r.count(); ++i) {
            const QVariant v = r.value(i);
            if (r.fieldName(i).endsWith(QLatin1String("_ms")))
                o.insert(r.fieldName(i).chopped(3) + QStringLiteral("_utc"), formatUtcMs(v.toLongLong()));
            o.insert(r.fieldName(i), v.isNull() ? QJsonValue() : QJsonValue::fromVariant(v));
        }
        out.write(QJsonDocument(o).toJson(QJsonDocument::Compact));
        out.write("\n");
        return true;
    });
}

} // namespace

int runEvents(Context &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption user(QStringLiteral("user"), Cli::tr("Only this user (UPN)."), QStringLiteral("UPN"));
    const QCommandLineOption from(QStringLiteral("from"), Cli::tr("From this time (ISO 8601 with zone), inclusive."),
                                  QStringLiteral("ISO"));
    const QCommandLineOption to(QStringLiteral("to"), Cli::tr("Up to this time (ISO 8601 with zone), exclusive."),
                                QStringLiteral("ISO"));
    const QCommandLineOption format(QStringLiteral("format"), Cli::tr("csv, jsonl, timesketch (JSONL), timesketch-csv or ecs (NDJSON)."), QStringLiteral("FORMAT"));
    const QCommandLineOption table(QStringLiteral("table"),
                                   Cli::tr("signins (default: user sign-ins), service (service principals and "
                                                  "managed identities) or audits."),
                                   QStringLiteral("TABLE"), QStringLiteral("signins"));
    const QCommandLineOption bom(QStringLiteral("bom"), Cli::tr("Start CSV with a UTF-8 byte order mark (Excel)."));
    parser.addOptions({user, from, to, format, table, bom});
    const int early = parseOrExit(parser, args, ctx, Cli::tr("Print stored events in time order."));
    if (early >= 0)
        return early;
    const QString fmt = parser.value(format);
    const QStringList formats = {QStringLiteral("csv"), QStringLiteral("jsonl"), QStringLiteral("timesketch"),
                                 QStringLiteral("timesketch-csv"), QStringLiteral("ecs")};
    if (!formats.contains(fmt)) {
        ctx.err << "backsight-cli events: " << Cli::tr("--format csv|jsonl|timesketch|timesketch-csv|ecs is required") << "\n";
        return Usage;
    }
    EventTable which;
    const QString t = parser.value(table);
    if (t == QLatin1String("signins"))
        which = EventTable::SignIns;
    else if (t == QLatin1String("service"))
        which = EventTable::WorkloadSignIns;
    else if (t == QLatin1String("audits"))
        which = EventTable::Audits;
    else {
        ctx.err << "backsight-cli events: " << Cli::tr("--table is signins, service or audits") << "\n";
        return Usage;
    }
    EventFilter filter;
    filter.upn = parser.value(user);
    if (!parseBound(parser.value(from), filter.fromMs, "from", ctx) || !parseBound(parser.value(to), filter.toMs, "to", ctx))
        return Usage;

    if (const int missing = requireExistingDatabase(ctx); missing >= 0)
        return missing;
    Database db;
    if (!openCase(ctx, db))
        return StorageError;
    ctx.out.flush();
    QFile out;
    if (!out.open(stdout, QIODevice::WriteOnly)) {
        ctx.err << "backsight-cli: " << Cli::tr("cannot write to standard output") << "\n";
        return StorageError;
    }
    if (fmt != QLatin1String("csv") && fmt != QLatin1String("jsonl")) {
        const Result<qint64> rows = fmt == QLatin1String("ecs")
            ? exporting::writeEventsEcs(db, which, filter, out)
            : exporting::writeEventsTimesketch(db, which, filter, out,
                                               fmt == QLatin1String("timesketch") ? exporting::TimelineFormat::Jsonl
                                                                                  : exporting::TimelineFormat::Csv);
        out.flush();
        if (!rows) {
            ctx.err << "backsight-cli: " << rows.error().message << "\n";
            return StorageError;
        }
        return Ok;
    }
    const Status read = fmt == QLatin1String("csv") ? writeEventsCsv(db, which, filter, out, parser.isSet(bom))
                                                     : writeEventsJsonl(db, which, filter, out);
    out.flush();
    if (!read) {
        ctx.err << "backsight-cli: " << read.error().message << "\n";
        return StorageError;
    }
    return Ok;
}

} // namespace backsight::cli
