#include "cases/case_records.h"
#include "cli_command.h"
#include "model/time_format.h"
#include "store/database.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace backsight::cli {
namespace {

const char kUsage[] = QT_TRANSLATE_NOOP(
    "Cli",
    "Record an analyst's work on anomalies (each action is committed and audit-logged at once).\n\n"
    "  case status --id ID[,ID...] --set new|investigating|confirmed|dismissed [--note TEXT]\n"
    "  case note   --id ID[,ID...] --text TEXT\n"
    "  case tag    --id ID[,ID...] (--add TAG | --remove TAG)\n"
    "  case show   --id ID[,ID...]         status, notes and tags as JSON Lines\n"
    "  case log    [--id ID] [--action NAME] [--json]   the audit log, oldest first\n\n"
    "--author NAME (default: $USER) names who acted. On a case on a server the author recorded is the database\n"
    "role you signed in as; a different NAME is kept beside it in the audit log (display_name).");

void printJsonLine(Context &ctx, const QJsonObject &o)
{
    ctx.out << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)) << "\n";
}

// `act` on each id in turn; the first failure stops.
template <typename Act>
Status forEachId(const QStringList &ids, Act act)
{
    for (const QString &i : ids)
        if (const auto acted = act(i); !acted)
            return acted.error();
    return {};
}

// case show: each anomaly's status, notes and tags as a JSON line; `unknownAnomaly` when an id is not in the case.
Status showRecords(Context &ctx, Database &db, const QStringList &ids, bool &unknownAnomaly)
{
    const auto records = cases::readCaseRecords(db, ids);
    if (!records)
        return records.error();
    for (const QString &i : ids) {
        const auto it = records->find(i);
        if (it == records->end()) {
            unknownAnomaly = true;
            return Error::badInput(Cli::tr("no anomaly %1 in %2").arg(i, db.path()));
        }
        QJsonArray notes, tags;
        for (const auto &n : it->second.notes)
            notes.append(cases::noteToJson(n));
        for (const auto &t : it->second.tags)
            tags.append(cases::tagToJson(t));
        const auto &r = it->second;
        printJsonLine(ctx, {{QStringLiteral("id"), i},
                            {QStringLiteral("status"), r.status},
                            {QStringLiteral("status_by"), r.statusBy.isEmpty() ? QJsonValue() : QJsonValue(r.statusBy)},
                            {QStringLiteral("status_at"), r.statusAtMs ? QJsonValue(formatUtcMs(*r.statusAtMs)) : QJsonValue()},
                            {QStringLiteral("notes"), notes},
                            {QStringLiteral("tags"), tags}});
    }
    return {};
}

// case log: the audit log, oldest first, as a table or JSON lines.
Status printAuditLog(Context &ctx, Database &db, const QString &target, const QString &action, bool json)
{
    cases::AuditFilter filter;
    filter.target = target;
    filter.action = action;
    const auto log = cases::readAuditLog(db, filter);
    if (!log)
        return log.error();
    for (const cases::AuditEntry &e : *log) {
        if (json)
            printJsonLine(ctx, cases::auditEntryToJson(e));
        else
            ctx.out << e.id << "  " << formatUtcMs(e.atMs) << "  " << e.author << "  " << e.action << "  " << e.target
                    << "  " << QString::fromUtf8(QJsonDocument(e.detail).toJson(QJsonDocument::Compact)) << "\n";
    }
    return {};
}

} // namespace

int runCase(Context &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("action"), Cli::tr("status, note, tag, show or log"));
    const QCommandLineOption id(QStringLiteral("id"), Cli::tr("Anomaly ids, comma-separated."), QStringLiteral("ID,ID"));
    const QCommandLineOption set(QStringLiteral("set"), Cli::tr("The new status."), QStringLiteral("STATUS"));
    const QCommandLineOption note(QStringLiteral("note"), Cli::tr("A note to add with the status."), QStringLiteral("TEXT"));
    const QCommandLineOption text(QStringLiteral("text"), Cli::tr("The note's text."), QStringLiteral("TEXT"));
    const QCommandLineOption add(QStringLiteral("add"), Cli::tr("Tag to add."), QStringLiteral("TAG"));
    const QCommandLineOption remove(QStringLiteral("remove"), Cli::tr("Tag to remove."), QStringLiteral("TAG"));
    const QCommandLineOption author(QStringLiteral("author"), Cli::tr("Who acted (default: $USER)."), QStringLiteral("NAME"));
    const QCommandLineOption actionFilter(QStringLiteral("action"), Cli::tr("log: only this action."), QStringLiteral("NAME"));
    const QCommandLineOption json(QStringLiteral("json"), Cli::tr("log: JSON Lines instead of a table."));
    parser.addOptions({id, set, note, text, add, remove, author, actionFilter, json});
    const int early = parseOrExit(parser, args, ctx, Cli::tr(kUsage));
    if (early >= 0)
        return early;
    const QString what = parser.positionalArguments().value(0);
    QStringList ids;
    for (const QString &i : parser.value(id).split(QLatin1Char(','), Qt::SkipEmptyParts))
        ids << i.trimmed();
    const QStringList known{QStringLiteral("status"), QStringLiteral("note"), QStringLiteral("tag"), QStringLiteral("show"),
                            QStringLiteral("log")};
    if (!known.contains(what)) {
        ctx.err << "backsight-cli case: " << Cli::tr("say status, note, tag, show or log") << "\n\n" << Cli::tr(kUsage) << "\n";
        return Usage;
    }
    if (what != QLatin1String("log") && ids.isEmpty()) {
        ctx.err << "backsight-cli case " << what << ": " << Cli::tr("--id is required") << "\n";
        return Usage;
    }
    std::optional<cases::Status> status;
    if (what == QLatin1String("status") && !(status = cases::parseStatus(parser.value(set)))) {
        ctx.err << "backsight-cli case status: " << Cli::tr("--set is one of %1").arg(cases::statusNames().join(QStringLiteral(", ")))
                << "\n";
        return Usage;
    }
    if (what == QLatin1String("note") && parser.value(text).trimmed().isEmpty()) {
        ctx.err << "backsight-cli case note: " << Cli::tr("--text is required") << "\n";
        return Usage;
    }
    if (what == QLatin1String("tag") && parser.isSet(add) == parser.isSet(remove)) {
        ctx.err << "backsight-cli case tag: " << Cli::tr("give --add TAG or --remove TAG") << "\n";
        return Usage;
    }
    if (const int missing = requireExistingDatabase(ctx); missing >= 0)
        return missing;
    Database db;
    if (!openCase(ctx, db))
        return StorageError;
    const QString who = cases::analystName(parser.value(author));
    bool unknownAnomaly = false; // an id the case does not hold: bad input, not a storage failure
    Status done;
    if (what == QLatin1String("status")) {
        const Result<int> changed = cases::setStatus(db, ids, *status, who, parser.value(note));
        if (changed)
            ctx.err << "backsight-cli case: "
                    << Cli::tr("%1 of %2 anomalies now %3").arg(*changed).arg(ids.size()).arg(cases::statusName(*status)) << "\n";
        else
            done = changed.error();
    } else if (what == QLatin1String("note")) {
        done = forEachId(ids, [&](const QString &i) { return cases::addNote(db, i, parser.value(text), who); });
    } else if (what == QLatin1String("tag")) {
        done = forEachId(ids, [&](const QString &i) {
            return parser.isSet(add) ? cases::addTag(db, i, parser.value(add), who) : cases::removeTag(db, i, parser.value(remove), who);
        });
    } else if (what == QLatin1String("show")) {
        done = showRecords(ctx, db, ids, unknownAnomaly);
    } else {
        done = printAuditLog(ctx, db, ids.value(0), parser.value(actionFilter), parser.isSet(json));
    }
    const bool ok = done.ok();
    const QString error = ok ? QString() : done.error().message;
    if (!ok) {
        ctx.err << "backsight-cli case " << what << ": " << error << "\n";
        // The case records' own "no anomaly …" (core, untranslated) is bad input too.
        return unknownAnomaly || error.startsWith(QLatin1String("no anomaly")) ? InputRejected : StorageError;
    }
    return Ok;
}

} // namespace backsight::cli
