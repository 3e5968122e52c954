#pragma once

#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace backsight::test {

// A throwaway PostgreSQL server for one test executable: a fresh cluster in a temporary folder (initdb run as
// the `postgres` user when the test runs as root, which PostgreSQL refuses to be), trusting local connections
// only, listening on 127.0.0.1 at a free port and on a socket in that folder. Stopped and removed with this
// object. The binaries come from $BACKSIGHT_PG_BINDIR, PATH, or the newest /usr/lib/postgresql/*/bin.
class PostgresServer
{
public:
    PostgresServer() = default;
    ~PostgresServer();
    PostgresServer(const PostgresServer &) = delete;
    PostgresServer &operator=(const PostgresServer &) = delete;

    // Starts the server and creates `database`. False with `error()` (holding the server's log) otherwise.
    bool start(const QString &database = QStringLiteral("backsight_test"));
    // Creates another empty database on the running server, or a copy of `copyOf` (no one may be connected to it).
    bool createDatabase(const QString &name, const QString &copyOf = {});
    // Runs statements as the superuser on `database` (default: postgres), one by one. False with `error()`.
    bool runStatements(const QStringList &statements, const QString &database = QStringLiteral("postgres"));
    // A superuser role that must give `password` when it connects over TCP (scram-sha-256); every other
    // connection stays trusted. Returns once the server asks that role for its password.
    bool addPasswordRole(const QString &role, const QString &password);

    // postgresql://postgres@127.0.0.1:PORT/DATABASE (the started one when `database` is empty).
    QString url(const QString &database = {}) const;
    int port() const { return port_; }
    const QString &error() const { return error_; }

private:
    static QString folderTemplate();
    bool run(const QString &program, const QStringList &arguments, int timeoutMs);
    QString log() const;

    QTemporaryDir dir_{folderTemplate()};
    QString bindir_;
    QString database_;
    QString error_;
    int port_ = 0;
    bool running_ = false;
};

} // namespace backsight::test
