#pragma once

#include "ingest/import_row.h"
#include "store/sqlite_statement.h"

#include <QSqlQuery>
#include <QString>
#include <memory>
#include <optional>

namespace backsight {

class Database;

// Key of an original record in the `originals` table.
inline qint64 originalKey(qint64 sourceId, qint64 recordIndex)
{
    return sourceId * (qint64(1) << 32) + recordIndex;
}

// Facts about one source file, recorded in the `sources` table when its import commits.
struct SourceSummary
{
    QString path;            // file path, or `archive.zip!/entry` for a zip entry
    QString container;       // the zip archive, when the source is one of its entries
    QString containerSha256;
    QString sha256;
    qint64 sizeBytes = 0;
    QString reader;
    qint64 read = 0;
    qint64 inserted = 0;
    qint64 rejected = 0;
};

// Writes source files' events: begin(), add...(), then commit() or rollback() per file. Each file is
// a savepoint, so it lands whole or not at all; files are grouped into one transaction until flush(),
// because a commit per small hourly file rewrote the same index pages thousands of times.
// Events whose id is already stored are skipped (ON CONFLICT DO NOTHING), so re-imports add nothing.
// SQLite: statements on SQLite's own handle. PostgreSQL: the same statements through QSqlQuery, one import at a
// time (the event tables are locked for the transaction, so their row order is their commit order).
class EventWriter
{
public:
    explicit EventWriter(Database &db);
    ~EventWriter();

    bool begin();
    // A flattened row whose text is in `arena`; `inserted` tells whether the event was new.
    bool add(const ImportRow &row, const std::string &arena, bool &inserted);
    // A block of original records built by OriginalBlockBuilder (compressed off the writing thread).
    bool addOriginals(qint64 firstIndex, qint64 lastIndex, const QByteArray &block);
    // Records the source and keeps the file; `sourceId` is the (possibly pre-existing) source row id.
    bool commit(const SourceSummary &summary, qint64 *sourceId = nullptr);
    // Undoes the current file only.
    void rollback();
    // Commits the files kept since the last flush. False when that failed: they are all gone.
    bool flush();
    qint64 pendingFiles() const { return pendingFiles_; }
    qint64 pendingRecords() const { return pendingRecords_; }

    const QString &error() const { return error_; }

private:
    bool prepare(SqliteStatement &statement, const QString &sql);
    bool exec(QSqlQuery &q, const QString &doing);
    bool step(SqliteStatement &statement, const char *what, std::string_view id);

    Database &db_;
    bool run(const char *sql);

    bool inTransaction_ = false;
    bool inFile_ = false;
    qint64 pendingFiles_ = 0;
    qint64 pendingRecords_ = 0;
    qint64 pendingSourceId_ = 0;
    SqliteStatement insertSignIn_;
    SqliteStatement insertWorkloadSignIn_;
    SqliteStatement insertAudit_;
    SqliteStatement insertBackupSession_;
    SqliteStatement insertOriginal_;
    // PostgreSQL: the same five inserts (sign-ins, workload sign-ins, audits, backup sessions, originals).
    std::vector<std::unique_ptr<QSqlQuery>> serverInserts_;
    bool addOnServer(const ImportRow &row, const std::string &arena, bool &inserted);
    QString error_;
};

} // namespace backsight
