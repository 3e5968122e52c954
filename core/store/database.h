#pragma once

#include "model/result.h"
#include "store/sql_dialect.h"

#include <QSqlDatabase>
#include <QString>

namespace backsight {

// One connection to the case database. A connection belongs to the thread that opened it: every job
// opens its own. Opening creates the file if needed, switches SQLite to WAL and runs the migrations.
// A case can also live in PostgreSQL (in progress: only opening and the migrations so far, docs/storage.md).
class Database
{
public:
    Database();
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // `location` is an SQLite file, or a PostgreSQL server as postgresql://user[:password]@host[:port]/database
    // (libpq reads ~/.pgpass or $PGPASSFILE when no password is given; one that is given is used to connect
    // and never kept in `path()` or an error; a server that does not answer within 10 s, or the address's
    // connect_timeout, is an error). False with `error()` set when it cannot be opened or migrated.
    bool open(const QString &location, int busyTimeoutMs = 5000);
    void close();
    bool isOpen() const;

    QSqlDatabase &connection() { return db_; }
    // The file, or the server's URL without its password.
    const QString &path() const { return path_; }
    SqlDialect dialect() const { return dialect_; }
    const QString &error() const { return error_; }
    // Opened for reading only, because the file has no write permission.
    bool isReadOnly() const { return readOnly_; }
    int schemaVersion();

    // Automatic WAL checkpoints every `pages` pages; 0 turns them off (a bulk import checkpoints once at its end).
    // PostgreSQL checkpoints on its own: both succeed there doing nothing.
    Result<void> setAutoCheckpoint(int pages);
    // A connection's own caches: the file's memory map (its pages count in the process's RSS once per mapping)
    // and SQLite's page cache. Defaults: no map and 64 MiB of cache. PostgreSQL: nothing to set.
    Result<void> setReadCaches(qint64 memoryMapBytes, int pageCacheKiB);
    // Copies the WAL into the database file now, without waiting for readers.
    Result<void> checkpoint();

    // Whether `location` names a PostgreSQL server (postgresql:// or postgres://) rather than a file.
    static bool isServerUrl(const QString &location);

    // ~/.local/share/backsight/backsight.sqlite (XDG data location), or $BACKSIGHT_DB when set.
    static QString defaultPath();

    // A readable sentence for a failed statement: what we were doing and what the database said.
    static QString describe(const QString &doing, const class QSqlError &error);

private:
    bool openSqlite(const QString &path, int busyTimeoutMs);
    bool openPostgres(const QString &url, int busyTimeoutMs);
    bool migrate();
    bool migrateTo(int version);
    bool checkReadableSchema();
    bool exec(const QString &sql);

    QString connectionName_;
    QString path_;
    QSqlDatabase db_;
    QString error_;
    bool readOnly_ = false;
    SqlDialect dialect_ = SqlDialect::SQLite;
};

} // namespace backsight
