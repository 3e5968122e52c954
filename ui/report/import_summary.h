#pragma once

#include "store/event_queries.h"

#include <QDateTime>
#include <QString>
#include <optional>
#include <vector>

namespace backsight {
class Database;
}

namespace backsight::ui {

// One imported file as the sources table recorded it.
struct SourceFileRow
{
    QString path;
    QString reader;
    qint64 read = 0;
    qint64 inserted = 0;
    qint64 rejected = 0;
    QString sha256;
};

// A user, country or app with its number of user sign-ins and how many of them failed.
struct RankedName
{
    QString name;
    qint64 signIns = 0;
    qint64 failures = 0;
};

// What a reviewer needs to trust an import: what went in (files and their hashes), what came out
// (counts, time span) and where the activity concentrates.
struct ImportSummary
{
    QDateTime generatedAt; // UTC
    QString databasePath;
    StoreStats stats;
    std::vector<SourceFileRow> sources;
    std::vector<RankedName> topUsers;
    std::vector<RankedName> usersWithMostFailures;
    std::vector<RankedName> topCountries;
    std::vector<RankedName> topApps;
};

// Reads the summary from the case database. `generatedAt` comes from the caller's clock.
std::optional<ImportSummary> readImportSummary(Database &db, const QDateTime &generatedAt, QString &error);

} // namespace backsight::ui
