#pragma once

#include "model/result.h"

#include <QSqlDatabase>
#include <QString>

namespace backsight {

// One connection to the case database. A connection belongs to the thread that opened it: every job
// opens its own. Opening creates the file if needed, switches SQLite to WAL and runs the migrations.
class Database
{
public:
    Database();
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // `path` is an SQLite file. False with `error()` set when it cannot be opened or migrated.
    bool open(const QString &path, int busyTimeoutMs = 5000);
    void close();
    bool isOpen() const;

    QSqlDatabase &connection() { return db_; }
    const QString &path() const { return path_; }
    const QString &error() const { return error_; }
    // Opened for reading only, because the file has no write permission.
    bool isReadOnly() const { return readOnly_; }
    int schemaVersion();

    // Automatic WAL checkpoints every `pages` pages; 0 turns them off (a bulk import checkpoints once at its end).
    Result<void> setAutoCheckpoint(int pages);
    // Copies the WAL into the database file now, without waiting for readers.
    Result<void> checkpoint();

    // ~/.local/share/backsight/backsight.sqlite (XDG data location), or $BACKSIGHT_DB when set.
    static QString defaultPath();

    // A readable sentence for a failed statement: what we were doing and what the database said.
    static QString describe(const QString &doing, const class QSqlError &error);

private:
    bool migrate();
    bool checkReadableSchema();
    bool exec(const QString &sql);

    QString connectionName_;
    QString path_;
    QSqlDatabase db_;
    QString error_;
    bool readOnly_ = false;
};

} // namespace backsight
