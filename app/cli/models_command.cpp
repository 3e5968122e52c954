#include "cli_command.h"
#include "model/time_format.h"
#include "store/model_repository.h"
#include "store/database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace backsight::cli {
namespace {

QJsonObject toJson(const ModelRecord &m)
{
    return {{QStringLiteral("id"), m.id},
            {QStringLiteral("scope"), m.scope},
            {QStringLiteral("subject"), m.subject},
            {QStringLiteral("kind"), m.kind},
            {QStringLiteral("version"), m.version},
            {QStringLiteral("active"), m.active},
            {QStringLiteral("parameters"), m.parameters},
            {QStringLiteral("window_start_utc"), formatUtcMs(m.windowStartMs)},
            {QStringLiteral("window_end_utc"), formatUtcMs(m.windowEndMs)},
            {QStringLiteral("events_used"), m.eventsUsed},
            {QStringLiteral("threshold"), m.threshold},
            {QStringLiteral("metrics"), m.metrics},
            {QStringLiteral("score_distribution"), m.scoreDistribution},
            {QStringLiteral("training_ms"), m.trainingMs},
            {QStringLiteral("created_utc"), formatUtcMs(m.createdAtMs)}};
}

// --rollback ID: that version in force for its subject.
int rollBack(Context &ctx, Database &db, const QString &idText, bool json)
{
    bool ok = false;
    const qint64 id = idText.toLongLong(&ok);
    if (!ok) {
        ctx.err << "backsight-cli models: " << Cli::tr("--rollback takes a model id (see models --json)") << "\n";
        return Usage;
    }
    ModelRepository models(db);
    if (const Status s = models.activate(id); !s) {
        ctx.err << "backsight-cli models: " << s.error().message << "\n";
        return s.error().category == Error::Category::NotFound ? Usage : StorageError;
    }
    const Result<ModelRecord> m = models.byId(id);
    if (!m) {
        ctx.err << "backsight-cli models: " << m.error().message << "\n";
        return StorageError;
    }
    if (json) {
        ModelRecord shown = *m;
        shown.data.clear();
        ctx.out << QJsonDocument(QJsonObject{{QStringLiteral("rolled_back_to"), toJson(shown)}}).toJson(QJsonDocument::Compact)
                << "\n";
    } else {
        ctx.out << Cli::tr("%1 %2 model of %3: version %4 is now in force\n").arg(m->scope, m->kind, m->subject).arg(m->version);
    }
    return Ok;
}

void printModelTable(Context &ctx, const std::vector<ModelRecord> &models)
{
    ctx.out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8\n")
                   .arg(Cli::tr("Id"), 6)
                   .arg(Cli::tr("Scope"), -7)
                   .arg(Cli::tr("Subject"), -36)
                   .arg(Cli::tr("Kind"), -17)
                   .arg(Cli::tr("Ver"), 4)
                   .arg(Cli::tr("Events"), 7)
                   .arg(Cli::tr("Threshold"), 10)
                   .arg(Cli::tr("Trained (UTC)"));
    for (const ModelRecord &m : models) {
        ctx.out << QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8%9\n")
                       .arg(m.id, 6)
                       .arg(m.scope, -7)
                       .arg(m.subject, -36)
                       .arg(m.kind, -17)
                       .arg(m.version, 4)
                       .arg(m.eventsUsed, 7)
                       .arg(m.threshold, 10, 'f', 4)
                       .arg(formatUtcMs(m.createdAtMs))
                       .arg(m.active ? QStringLiteral("  *") : QString());
    }
}

} // namespace

int runModels(Context &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption user(QStringLiteral("user"), Cli::tr("Only this user's models."), QStringLiteral("UPN"));
    const QCommandLineOption scope(QStringLiteral("scope"), Cli::tr("Only this scope (user, tenant, server, fleet)."),
                                   QStringLiteral("SCOPE"));
    const QCommandLineOption active(QStringLiteral("active"), Cli::tr("Only the versions in force."));
    const QCommandLineOption rollback(QStringLiteral("rollback"),
                                      Cli::tr("Make model ID (models.id) the version in force for its subject."),
                                      QStringLiteral("ID"));
    const QCommandLineOption json(QStringLiteral("json"), Cli::tr("Print one JSON object."));
    parser.addOptions({user, scope, active, rollback, json});
    const int early = parseOrExit(parser, args, ctx,
                                  Cli::tr("Trained models and their versions (threshold, events used, score "
                                                 "distribution); --rollback ID puts an older version back in force."));
    if (early >= 0)
        return early;
    if (const int missing = requireExistingDatabase(ctx); missing >= 0)
        return missing;
    Database db;
    if (!openCase(ctx, db))
        return StorageError;
    if (parser.isSet(rollback))
        return rollBack(ctx, db, parser.value(rollback), parser.isSet(json));
    ModelFilter filter;
    if (parser.isSet(user)) {
        filter.scope = QStringLiteral("user");
        filter.subject = parser.value(user).toLower();
    }
    if (parser.isSet(scope))
        filter.scope = parser.value(scope);
    filter.activeOnly = parser.isSet(active);
    const Result<std::vector<ModelRecord>> listed = ModelRepository(db).list(filter);
    if (!listed) {
        ctx.err << "backsight-cli: " << listed.error().message << "\n";
        return StorageError;
    }
    const std::vector<ModelRecord> &models = *listed;
    if (parser.isSet(json)) {
        QJsonArray list;
        for (const ModelRecord &m : models)
            list.append(toJson(m));
        ctx.out << QJsonDocument(QJsonObject{{QStringLiteral("database"), db.path()}, {QStringLiteral("models"), list}})
                       .toJson(QJsonDocument::Compact)
                << "\n";
        return Ok;
    }
    if (models.empty()) {
        ctx.out << Cli::tr("No models in %1 (run train)").arg(db.path()) << "\n";
        return Ok;
    }
    printModelTable(ctx, models);
    return Ok;
}

} // namespace backsight::cli
