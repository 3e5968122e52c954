#pragma once

#include "ingest/import_row.h"
#include "model/result.h"
#include "store/postgres_copy.h"
#include "store/sqlite_statement.h"

#include <QSqlQuery>
#include <QString>
#include <array>
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
    qint64 rejected = 0;
};

// Writes source files' events: begin(), addBatch()…, then commit() or rollback() per file. Each file is
// a savepoint, so it lands whole or not at all; files are grouped into one transaction until flush(),
// because a commit per small hourly file rewrote the same index pages thousands of times.
// Events whose id is already stored are skipped (ON CONFLICT DO NOTHING), so re-imports add nothing.
// SQLite: statements on SQLite's own handle, row by row. PostgreSQL: a file's rows wait in memory until
// kServerRowsPerSend of them are waiting or the file commits, then go in with COPY; one import at a time (the
// event tables are locked for the transaction, so their row order is their commit order).
class EventWriter
{
public:
    explicit EventWriter(Database &db);
    ~EventWriter();

    // Every failure here is the database's (Error::Storage).
    Status begin();
    // A batch of one file's rows, in record order, with the block of their original records (OriginalBlockBuilder,
    // compressed off the writing thread; records firstIndex..lastIndex). The block is kept only when one of its
    // records was new: re-imports add nothing. On PostgreSQL the rows go in with COPY into a session-private staging
    // table, then one INSERT … SELECT … ON CONFLICT DO NOTHING per event table in record order, which answers the
    // record indexes it stored; the blocks with new records follow in one binary COPY.
    Status addBatch(const std::vector<ImportRow> &rows, const std::string &arena, qint64 firstIndex,
                    qint64 lastIndex, const QByteArray &originals);
    // Records the source and keeps the file; `sourceId` is the (possibly pre-existing) source row id. Its count
    // of new events is fileInserted().
    Status commit(const SourceSummary &summary, qint64 *sourceId = nullptr);
    // The current (or just committed) file's new events; final once commit() succeeded.
    qint64 fileInserted() const { return fileInserted_; }
    // Undoes the current file only.
    void rollback();
    // Commits the files kept since the last flush. An error when that failed: they are all gone.
    Status flush();
    qint64 pendingFiles() const { return pendingFiles_; }
    qint64 pendingRecords() const { return pendingRecords_; }


    // Rows a file keeps waiting on PostgreSQL before they are sent: a send costs a dozen round trips and one
    // statement per event table, so batches of 128 records paid them 1,078 times for one 138k-record file.
    static constexpr qint64 kServerRowsPerSend = 16384;

private:
    // A block of original records waiting with its rows for the server.
    struct ServerBlock
    {
        qint64 firstIndex = 0, lastIndex = 0;
        QByteArray data;
    };

    Error failure() const; // error_, the sentence the failing step left
    bool add(const ImportRow &row, const std::string &arena, bool &inserted); // SQLite
    // A sign-in's event type as the `event_type` column holds it, for both engines' rows (converted once).
    static const QByteArray &eventTypeUtf8(SignInEventType type);
    bool storeOriginals(qint64 firstIndex, qint64 lastIndex, const QByteArray &block); // SQLite
    // The statements on `sources` that run per file, prepared once (on PostgreSQL a prepare and its release are
    // round trips of their own); null, with error_ set, when the prepare failed.
    enum SourceStatement { NewSource, FindSource, TouchSource, RecordSource, SourceStatementCount };
    QSqlQuery *statement(SourceStatement which, const char *sql);
    std::array<std::unique_ptr<QSqlQuery>, SourceStatementCount> sourceStatements_;
    bool prepareServer();
    void bufferForServer(const std::vector<ImportRow> &rows, const std::string &arena);
    bool sendToServer(); // the waiting rows, without waiting for the server
    bool collectSent();  // the answer to the last send; stores its blocks that hold new records
    void dropWaiting();
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
    qint64 fileInserted_ = 0;
    // PostgreSQL: whether the staging tables exist in this session, the rows and blocks waiting to be sent.
    bool serverReady_ = false;
    std::array<CopyRows, 4> serverRows_; // signins, service_signins, audits, backup_sessions
    std::vector<ServerBlock> serverBlocks_;
    qint64 serverRowsWaiting_ = 0;
    struct InFlight // a send whose answer is not read yet; commit() and rollback() always read it
    {
        bool active = false;
        std::vector<ServerBlock> blocks;
        qint64 sourceId = 0;
        qint64 rows = 0;
    } inFlight_;
    qint64 stagedBatches_ = 0; // sends through the staging tables: every 16th truncates them
    bool moveToSource(qint64 id);
    QString error_;
};

} // namespace backsight
