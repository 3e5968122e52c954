#include "report/import_summary.h"

#include "store/database.h"

#include <QSqlError>
#include <QSqlQuery>

namespace backsight::ui {
namespace {

constexpr int kTopCount = 10;

// `column` is one of the fixed names below, never input.
bool readRanking(Database &db, const QString &column, bool byFailures, std::vector<RankedName> &out, QString &error)
{
    const QString order = byFailures ? QStringLiteral("3 DESC, 2 DESC") : QStringLiteral("2 DESC, 3 DESC");
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1, count(*), sum(coalesce(error_code, 0) <> 0) FROM signins "
                             "WHERE %1 IS NOT NULL AND %1 <> '' GROUP BY %1 ORDER BY %2, 1 LIMIT ?")
                  .arg(column, order));
    q.addBindValue(kTopCount);
    if (!q.exec()) {
        error = Database::describe(QStringLiteral("cannot rank sign-ins by %1 in %2").arg(column, db.path()),
                                   q.lastError());
        return false;
    }
    while (q.next()) {
        if (byFailures && q.value(2).toLongLong() == 0)
            break; // "most failures" lists only people who failed
        out.push_back({q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toLongLong()});
    }
    return true;
}

bool readSources(Database &db, std::vector<SourceFileRow> &out, QString &error)
{
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT path, reader, records_read, records_new, records_rejected, sha256 "
                               "FROM sources ORDER BY path, id"))) {
        error = Database::describe(QStringLiteral("cannot list the source files in %1").arg(db.path()), q.lastError());
        return false;
    }
    while (q.next()) {
        out.push_back({q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong(), q.value(3).toLongLong(),
                       q.value(4).toLongLong(), q.value(5).toString()});
    }
    return true;
}

} // namespace

std::optional<ImportSummary> readImportSummary(Database &db, const QDateTime &generatedAt, QString &error)
{
    ImportSummary summary;
    summary.generatedAt = generatedAt.toUTC();
    summary.databasePath = db.path();
    const std::optional<StoreStats> stats = readStats(db, error);
    if (!stats)
        return std::nullopt;
    summary.stats = *stats;
    const bool ok = readSources(db, summary.sources, error)
                    && readRanking(db, QStringLiteral("upn"), false, summary.topUsers, error)
                    && readRanking(db, QStringLiteral("upn"), true, summary.usersWithMostFailures, error)
                    && readRanking(db, QStringLiteral("country"), false, summary.topCountries, error)
                    && readRanking(db, QStringLiteral("app_name"), false, summary.topApps, error);
    if (!ok)
        return std::nullopt;
    return summary;
}

} // namespace backsight::ui
