#include "report/import_summary.h"

#include "store/database.h"
#include "store/sign_in_queries.h"

namespace backsight::ui {
namespace {

constexpr int kTopCount = 10;

bool readRanking(Database &db, SignInQueries::RankBy by, bool byFailures, std::vector<RankedName> &out, QString &error)
{
    const Result<std::vector<ValueCount>> ranked = SignInQueries(db).ranking(by, byFailures, kTopCount);
    if (!ranked) {
        error = ranked.error().message;
        return false;
    }
    for (const ValueCount &r : *ranked)
        out.push_back({r.value, r.count, r.failures});
    return true;
}

bool readSources(Database &db, std::vector<SourceFileRow> &out, QString &error)
{
    const Result<std::vector<SourceFile>> sources = SignInQueries(db).sources();
    if (!sources) {
        error = sources.error().message + QStringLiteral(" (%1)").arg(db.path());
        return false;
    }
    for (const SourceFile &f : *sources)
        out.push_back({f.path, f.reader, f.recordsRead, f.recordsNew, f.recordsRejected, f.sha256});
    return true;
}

} // namespace

std::optional<ImportSummary> readImportSummary(Database &db, const QDateTime &generatedAt, QString &error)
{
    ImportSummary summary;
    summary.generatedAt = generatedAt.toUTC();
    summary.databasePath = db.path();
    const Result<StoreStats> stats = readStats(db);
    if (!stats) {
        error = stats.error().message;
        return std::nullopt;
    }
    summary.stats = *stats;
    const bool ok = readSources(db, summary.sources, error)
                    && readRanking(db, SignInQueries::RankBy::User, false, summary.topUsers, error)
                    && readRanking(db, SignInQueries::RankBy::User, true, summary.usersWithMostFailures, error)
                    && readRanking(db, SignInQueries::RankBy::Country, false, summary.topCountries, error)
                    && readRanking(db, SignInQueries::RankBy::App, false, summary.topApps, error);
    if (!ok)
        return std::nullopt;
    return summary;
}

} // namespace backsight::ui
