#pragma once

// Tests that run on either case engine: SQLite case files, or databases on a throwaway PostgreSQL server
// (CTest runs such an executable twice, e.g. test_detection and test_detection_postgres).

#include "postgres_server.h"

#include <QFile>
#include <QTest>

namespace backsight::test {

// Where one test object's cases live: files in `folder`, or databases on `server` (null: files).
class CaseLocations
{
public:
    CaseLocations(PostgresServer *server, QString folder) : server_(server), folder_(std::move(folder)) {}

    bool onServer() const { return server_ != nullptr; }
    // A new, empty case named `name`: a file, or a database on the server; empty when it cannot be made.
    QString newCase(const QString &name) const
    {
        if (!server_)
            return folder_ + QLatin1Char('/') + name + QStringLiteral(".sqlite");
        return server_->createDatabase(name) ? server_->url(name) : QString();
    }
    // A copy of the closed case `from`, named `name`.
    QString copyCase(const QString &from, const QString &name) const
    {
        if (!server_) {
            const QString path = newCase(name);
            return QFile::copy(from, path) ? path : QString();
        }
        return server_->createDatabase(name, from.section(QLatin1Char('/'), -1)) ? server_->url(name) : QString();
    }

private:
    PostgresServer *server_;
    QString folder_;
};

// Runs the test object `T` (constructed from a PostgresServer *, null for files) on one engine per process: on a
// throwaway server when $variable is "postgresql", else on files. Under ThreadSanitizer a thread started after a
// fork in a threaded process is fatal, so the server starts before QTest's watchdog thread does, and a process never
// runs QTest twice. Call after constructing the QCoreApplication.
template <typename T>
int execOnEngine(const char *variable, int argc, char **argv)
{
    if (qEnvironmentVariable(variable) == QLatin1String("postgresql")) {
        PostgresServer server;
        if (!server.start()) {
            qCritical("the test PostgreSQL server did not start: %s", qPrintable(server.error()));
            return 1;
        }
        T onServer(&server);
        return QTest::qExec(&onServer, argc, argv);
    }
    T onFiles(nullptr);
    return QTest::qExec(&onFiles, argc, argv);
}

} // namespace backsight::test
