#pragma once

#include "ingest/import_row.h"
#include "model/result.h"
#include "store/sqlite_statement.h"

#include <QSqlQuery>
#include <QString>
#include <memory>
#include <optional>
#include <vector>

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
// SQLite: statements on SQLite's own handle. PostgreSQL: COPY (addBatch), one import at a time (the event tables
// are locked for the transaction, so their row order is their commit order).
class EventWriter
{
public:
    explicit EventWriter(Database &db);
    ~EventWriter();

    // Every failure here is the database's (Error::Storage).
    Status begin();
    // A flattened row whose text is in `arena`; `inserted` tells whether the event was new. SQLite only.
    Status add(const ImportRow &row, const std::string &arena, bool &inserted);
    // A batch of one file's rows, in record order; `inserted` counts the new events. On PostgreSQL the batch goes
    // in with COPY into a session-private staging table, then one INSERT … SELECT … ON CONFLICT DO NOTHING per
    // event table, in record order.
    Status addBatch(const std::vector<ImportRow> &rows, const std::string &arena, qint64 &inserted);
    // A block of original records built by OriginalBlockBuilder (compressed off the writing thread).
    Status addOriginals(qint64 firstIndex, qint64 lastIndex, const QByteArray &block);
    // Records the source and keeps the file; `sourceId` is the (possibly pre-existing) source row id.
    Status commit(const SourceSummary &summary, qint64 *sourceId = nullptr);
    // Undoes the current file only.
    void rollback();
    // Commits the files kept since the last flush. An error when that failed: they are all gone.
    Status flush();
    qint64 pendingFiles() const { return pendingFiles_; }
    qint64 pendingRecords() const { return pendingRecords_; }


private:
    Error failure() const; // error_, the sentence the failing step left
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
    bool pendingIsSpare_ = false; // the pending row was left by an earlier file of this transaction
    qint64 spareSourceId_ = 0;    // an unused pending row, deleted at flush()
    SqliteStatement insertSignIn_;
    SqliteStatement insertWorkloadSignIn_;
    SqliteStatement insertAudit_;
    SqliteStatement insertBackupSession_;
    SqliteStatement insertOriginal_;
    // PostgreSQL: the originals' insert, and whether the staging tables exist in this session.
    std::unique_ptr<QSqlQuery> serverOriginals_;
    qint64 stagedBatches_ = 0; // batches copied through the staging tables (PostgreSQL): every 16th truncates them
    bool moveToSource(qint64 id);
    bool addBatchOnServer(const std::vector<ImportRow> &rows, const std::string &arena, qint64 &inserted);
    QString error_;
};

} // namespace backsight
