#include "cli_command.h"
#include "store/evaluation_queries.h"
#include "store/database.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace backsight::cli {
namespace {

QJsonValue optionalNumber(const std::optional<double> &v)
{
    return v ? QJsonValue(*v) : QJsonValue();
}

QJsonValue seconds(const std::optional<qint64> &ms)
{
    return ms ? QJsonValue(double(*ms) / 1000.0) : QJsonValue();
}

QString duration(const std::optional<qint64> &ms)
{
    if (!ms)
        return QStringLiteral("-");
    const qint64 s = *ms / 1000;
    return s < 3600 ? Cli::tr("%1 min").arg(s / 60) : Cli::tr("%1 h").arg(double(s) / 3600.0, 0, 'f', 1);
}

QString ratio(const std::optional<double> &v)
{
    return v ? QString::number(*v, 'f', 3) : QStringLiteral("n/a");
}

QJsonObject toJson(const eval::EvaluationReport &r, const QString &labels, const QString &database)
{
    QJsonArray kinds;
    for (const eval::KindResult &k : r.kinds) {
        kinds.append(QJsonObject{{QStringLiteral("kind"), k.kind},
                                 {QStringLiteral("attacks"), k.attacks},
                                 {QStringLiteral("detected"), k.detected},
                                 {QStringLiteral("recall"), k.recall},
                                 {QStringLiteral("median_time_to_detect_s"), seconds(k.medianTimeToDetectMs)}});
    }
    return {{QStringLiteral("labels"), labels},
            {QStringLiteral("database"), database},
            {QStringLiteral("attacks"), r.attacks},
            {QStringLiteral("detected"), r.detected},
            {QStringLiteral("recall"), r.recall},
            {QStringLiteral("kinds"), kinds},
            {QStringLiteral("anomalies"), r.anomalies},
            {QStringLiteral("anomalies_medium_or_higher"), r.anomaliesMediumUp},
            {QStringLiteral("precision"), optionalNumber(r.precision)},
            {QStringLiteral("user_days"), r.userDays},
            {QStringLiteral("false_high_critical"), r.falseHighCritical},
            {QStringLiteral("false_high_critical_per_1000_user_days"), r.falseHighCriticalPer1000UserDays},
            {QStringLiteral("pr_auc"), optionalNumber(r.prAuc)},
            {QStringLiteral("median_time_to_detect_s"), seconds(r.medianTimeToDetectMs)},
            {QStringLiteral("note"), r.note.isEmpty() ? QJsonValue() : QJsonValue(r.note)}};
}

void printTable(QTextStream &out, const eval::EvaluationReport &r)
{
    out << QStringLiteral("%1%2%3%4  %5\n")
               .arg(Cli::tr("kind"), -26)
               .arg(Cli::tr("attacks"), 8)
               .arg(Cli::tr("detected"), 9)
               .arg(Cli::tr("recall"), 8)
               .arg(Cli::tr("time to detection (median)"));
    auto row = [&](const QString &kind, int attacks, int detected, double recall, const std::optional<qint64> &ttd) {
        out << QStringLiteral("%1%2%3%4  %5\n")
                   .arg(kind, -26)
                   .arg(attacks, 8)
                   .arg(detected, 9)
                   .arg(QString::number(recall, 'f', 2), 8)
                   .arg(duration(ttd));
    };
    for (const eval::KindResult &k : r.kinds)
        row(k.kind, k.attacks, k.detected, k.recall, k.medianTimeToDetectMs);
    row(Cli::tr("all"), r.attacks, r.detected, r.recall, r.medianTimeToDetectMs);
    out << Cli::tr("\nanomalies: %1 (severity >= medium: %2), precision %3\n")
               .arg(r.anomalies)
               .arg(r.anomaliesMediumUp)
               .arg(ratio(r.precision));
    out << Cli::tr("false high/critical: %1 in %2 user-days = %3 per 1,000 user-days\n")
               .arg(r.falseHighCritical)
               .arg(r.userDays, 0, 'f', 0)
               .arg(r.falseHighCriticalPer1000UserDays, 0, 'f', 2);
    out << Cli::tr("PR-AUC of per-event scores: %1\n").arg(ratio(r.prAuc));
    if (!r.note.isEmpty())
        out << Cli::tr("note: %1").arg(r.note) << "\n";
}

} // namespace

int runEval(Context &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption labels(QStringLiteral("labels"), Cli::tr("labels.csv written by generate."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption json(QStringLiteral("json"), Cli::tr("Print one JSON object."));
    parser.addOptions({labels, json});
    const int early = parseOrExit(parser, args, ctx,
                                  Cli::tr("Score the database's anomalies against the ground truth of a "
                                                 "generated tenant: recall per attack kind, precision, false "
                                                 "alarms per 1,000 user-days, PR-AUC (docs/simulation.md)."));
    if (early >= 0)
        return early;
    if (!parser.isSet(labels)) {
        ctx.err << "backsight-cli eval: " << Cli::tr("--labels FILE is required") << "\n";
        return Usage;
    }
    const Result<std::vector<eval::AttackLabel>> labelsRead = eval::readLabels(parser.value(labels));
    if (!labelsRead) {
        ctx.err << "backsight-cli eval: " << labelsRead.error().message << "\n";
        return InputRejected;
    }
    const std::vector<eval::AttackLabel> &attackLabels = *labelsRead;
    if (const int missing = requireExistingDatabase(ctx); missing >= 0)
        return missing;
    Database db;
    if (!db.open(ctx.databasePath)) {
        ctx.err << "backsight-cli eval: " << db.error() << "\n";
        return StorageError;
    }
    const Result<std::vector<eval::Anomaly>> anomalies = eval::readAnomalies(db);
    const Result<eval::EventUniverse> universe = anomalies ? eval::readEventUniverse(db) : Result<eval::EventUniverse>(anomalies.error());
    if (!universe) {
        ctx.err << "backsight-cli eval: " << universe.error().message << "\n";
        return StorageError;
    }
    const eval::EvaluationReport report = eval::evaluate(attackLabels, *anomalies, *universe);
    if (parser.isSet(json))
        ctx.out << QJsonDocument(toJson(report, parser.value(labels), db.path())).toJson(QJsonDocument::Compact) << "\n";
    else
        printTable(ctx.out, report);
    return Ok;
}

} // namespace backsight::cli
