#include "store/database.h"

#include "store/migrations.h"
#include "store/session_passwords.h"

#include <QDateTime>
#include <algorithm>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUrl>
#include <QUrlQuery>
#include <QUuid>

namespace backsight {
namespace {

constexpr int kConnectTimeoutSeconds = 10;

// A server URL taken apart: the URL as it may be shown (no password), the password, the other parameters for libpq.
struct ServerAddress
{
    QUrl url;
    QString password;
    QStringList options;
};

ServerAddress parseServerUrl(const QString &text)
{
    ServerAddress out;
    out.url = QUrl(text, QUrl::StrictMode);
    QUrlQuery query(out.url);
    // A password may come as the URL's or as a parameter; either is used to connect and then forgotten.
    out.password = query.hasQueryItem(QStringLiteral("password"))
        ? query.queryItemValue(QStringLiteral("password"), QUrl::FullyDecoded)
        : out.url.password();
    query.removeAllQueryItems(QStringLiteral("password"));
    out.url.setPassword(QString());
    out.url.setQuery(query);
    for (const auto &[name, value] : query.queryItems(QUrl::FullyDecoded))
        out.options << name + QLatin1Char('=') + value;
    return out;
}

// The address as `path()` shows it: percent-encoded, so that opening it again (a view's read, a job) parses
// a database or user name with a space or an '@' the same way.
QString shownAddress(const ServerAddress &server)
{
    return server.url.toString(QUrl::FullyEncoded);
}

} // namespace

Database::Database()
    : connectionName_(QStringLiteral("backsight-%1").arg(QUuid::createUuid().toString(QUuid::WithoutBraces)))
{
}

Database::~Database()
{
    close();
}

void Database::close()
{
    if (!db_.isValid())
        return;
    db_.close();
    db_ = QSqlDatabase();
    QSqlDatabase::removeDatabase(connectionName_);
}

bool Database::isOpen() const
{
    return db_.isValid() && db_.isOpen();
}

QString Database::defaultPath()
{
    const QString fromEnv = qEnvironmentVariable("BACKSIGHT_DB");
    if (!fromEnv.isEmpty())
        return fromEnv;
    QString dir = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    if (dir.isEmpty())
        dir = QDir::homePath() + QStringLiteral("/.local/share");
    return dir + QStringLiteral("/backsight/backsight.sqlite");
}

QString serverAddressWithoutPassword(const QString &serverUrl)
{
    return shownAddress(parseServerUrl(serverUrl));
}

bool Database::isServerUrl(const QString &location)
{
    return location.startsWith(QLatin1String("postgresql://"), Qt::CaseInsensitive)
        || location.startsWith(QLatin1String("postgres://"), Qt::CaseInsensitive);
}

QString Database::describe(const QString &doing, const QSqlError &error)
{
    QString said = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    if (said.contains(QLatin1String("readonly"), Qt::CaseInsensitive)
        || said.contains(QLatin1String("read-only"), Qt::CaseInsensitive))
        said += QStringLiteral(" (the database file or its folder is read-only)");
    else if (said.contains(QLatin1String("locked"), Qt::CaseInsensitive)
             || said.contains(QLatin1String("busy"), Qt::CaseInsensitive))
        said += QStringLiteral(" (another program holds a lock on the database)");
    return QStringLiteral("%1: %2").arg(doing, said);
}

Result<void> Database::setAutoCheckpoint(int pages)
{
    if (dialect_ == SqlDialect::PostgreSQL)
        return {};
    QSqlQuery q(db_);
    if (!q.exec(QStringLiteral("PRAGMA wal_autocheckpoint = %1").arg(std::max(0, pages))))
        return Error::storage(describe(QStringLiteral("cannot set the checkpoint interval of %1").arg(path_), q.lastError()));
    return {};
}

Result<void> Database::setReadCaches(qint64 memoryMapBytes, int pageCacheKiB)
{
    if (dialect_ == SqlDialect::PostgreSQL)
        return {};
    QSqlQuery q(db_);
    if (!q.exec(QStringLiteral("PRAGMA mmap_size = %1").arg(std::max<qint64>(0, memoryMapBytes)))
        || !q.exec(QStringLiteral("PRAGMA cache_size = -%1").arg(std::max(0, pageCacheKiB))))
        return Error::storage(describe(QStringLiteral("cannot size the read caches of %1").arg(path_), q.lastError()));
    return {};
}

Result<void> Database::checkpoint()
{
    if (dialect_ == SqlDialect::PostgreSQL)
        return {};
    QSqlQuery q(db_);
    if (!q.exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)")))
        return Error::storage(describe(QStringLiteral("cannot write the log of %1 into the database").arg(path_), q.lastError()));
    return {};
}

bool Database::open(const QString &location, int busyTimeoutMs)
{
    close();
    error_.clear();
    readOnly_ = false;
    if (isServerUrl(location)) {
        dialect_ = SqlDialect::PostgreSQL;
        return openPostgres(location, busyTimeoutMs);
    }
    dialect_ = SqlDialect::SQLite;
    return openSqlite(location, busyTimeoutMs);
}

bool Database::openPostgres(const QString &url, int busyTimeoutMs)
{
    ServerAddress server = parseServerUrl(url);
    path_ = shownAddress(server);
    if (server.password.isEmpty())
        server.password = sessionPassword(path_);
    if (!server.url.isValid() || server.url.host().isEmpty()) {
        error_ = QStringLiteral("%1 is not a PostgreSQL address; write postgresql://user@host:port/database")
                     .arg(server.url.isValid() ? path_ : QStringLiteral("the database address"));
        return false;
    }
    db_ = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName_);
    if (!db_.isValid()) {
        error_ = QStringLiteral("cannot open %1: Qt's PostgreSQL driver (QPSQL, Debian package libqt6sql6-psql) "
                                "is not installed").arg(path_);
        close();
        return false;
    }
    db_.setHostName(server.url.host());
    db_.setPort(server.url.port(5432));
    db_.setUserName(server.url.userName());
    db_.setDatabaseName(server.url.path().mid(1));
    // An unreachable host fails with a message after this long instead of the system's TCP timeout (minutes);
    // an address may set its own (?connect_timeout=N).
    if (!std::any_of(server.options.cbegin(), server.options.cend(),
                     [](const QString &option) { return option.startsWith(QLatin1String("connect_timeout=")); }))
        server.options << QStringLiteral("connect_timeout=%1").arg(kConnectTimeoutSeconds);
    db_.setConnectOptions(server.options.join(QLatin1Char(';')));
    const bool opened = db_.open(server.url.userName(), server.password);
    if (!opened) {
        error_ = describe(QStringLiteral("cannot open database %1").arg(path_), db_.lastError());
        if (!server.password.isEmpty())
            error_.replace(server.password, QStringLiteral("(password)"));
        close();
        return false;
    }
    // The SQLite busy timeout's counterpart: how long a statement waits for another connection's lock. Notices
    // ("already exists, skipping") are not for the analyst.
    if (!exec(QStringLiteral("SET lock_timeout = %1").arg(std::max(0, busyTimeoutMs)))
        || !exec(QStringLiteral("SET client_min_messages = warning"))) {
        close();
        return false;
    }
    QSqlQuery readOnly(db_);
    readOnly_ = readOnly.exec(QStringLiteral("SHOW transaction_read_only")) && readOnly.next()
        && readOnly.value(0).toString() == QLatin1String("on");
    if (readOnly_)
        return checkReadableSchema();
    if (!migrate()) {
        close();
        return false;
    }
    return true;
}

bool Database::openSqlite(const QString &path, int busyTimeoutMs)
{
    path_ = path;
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath())) {
        error_ = QStringLiteral("cannot create the folder %1 for the database").arg(info.absolutePath());
        return false;
    }
    // A file without write permission is opened for reading only, even by root (who could write it
    // anyway): an analyst who marked a case file read-only means it.
    const bool markedReadOnly =
        info.exists() && !(info.permissions() & (QFile::WriteOwner | QFile::WriteGroup | QFile::WriteOther));
    readOnly_ = markedReadOnly;
    db_ = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName_);
    db_.setDatabaseName(path);
    db_.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1%2")
                              .arg(busyTimeoutMs)
                              .arg(markedReadOnly ? QStringLiteral(";QSQLITE_OPEN_READONLY") : QString()));
    if (!db_.open()) {
        error_ = describe(QStringLiteral("cannot open database %1").arg(path), db_.lastError());
        close();
        return false;
    }
    // WAL lets views read while an import writes; NORMAL sync is durable at each commit in WAL mode
    // except against power loss, which a re-import repairs (imports are idempotent).
    for (const char *pragma : {"PRAGMA foreign_keys = ON", "PRAGMA synchronous = NORMAL", "PRAGMA cache_size = -65536",
                               "PRAGMA temp_store = MEMORY",
                               // No memory map: every mapped page of the case file counted in the process's RSS (1.46 GB
                               // of detect's peak on a 921 MB case, where 580 MB without), and since detection reads on
                               // worker connections the map no longer made it faster (docs/performance.md, stop 34).
                               "PRAGMA mmap_size = 0"}) {
        if (!exec(QString::fromLatin1(pragma)))
            return false;
    }
    if (markedReadOnly)
        return checkReadableSchema();
    {
        QSqlQuery wal(db_);
        if (!wal.exec(QStringLiteral("PRAGMA journal_mode = WAL"))) {
            error_ = describe(QStringLiteral("cannot use database %1").arg(path), wal.lastError());
            close();
            return false;
        }
    }
    if (!migrate()) {
        close();
        return false;
    }
    return true;
}

bool Database::exec(const QString &sql)
{
    QSqlQuery q(db_);
    if (!q.exec(sql)) {
        error_ = describe(QStringLiteral("database %1").arg(path_), q.lastError());
        return false;
    }
    return true;
}

bool Database::checkReadableSchema()
{
    const int version = schemaVersion();
    if (version == int(schemaMigrations().size()))
        return true;
    error_ = QStringLiteral("database %1 is read-only and has schema version %2, not %3; make it writable once so "
                            "Backsight can upgrade it")
                 .arg(path_)
                 .arg(version)
                 .arg(schemaMigrations().size());
    close();
    return false;
}

int Database::schemaVersion()
{
    QSqlQuery q(db_);
    if (!q.exec(schemaVersionQuery(dialect_)) || !q.next())
        return -1;
    return q.value(0).toInt();
}

bool Database::migrate()
{
    if (dialect_ == SqlDialect::PostgreSQL && schemaVersion() < 0) {
        // Only when there is no version yet: an analyst role that does not own the case (store/analyst_roles.h)
        // may not create a table, not even one that exists (PostgreSQL checks the right first).
        for (const QString &sql : postgresVersionTableStatements()) {
            if (!exec(sql))
                return false;
        }
    }
    const auto &migrations = schemaMigrations();
    const int current = schemaVersion();
    if (current < 0) {
        error_ = describe(QStringLiteral("cannot read the schema version of %1").arg(path_), db_.lastError());
        return false;
    }
    if (current > int(migrations.size())) {
        error_ = QStringLiteral("database %1 has schema version %2, newer than this Backsight understands (%3); "
                                "use a newer Backsight")
                     .arg(path_)
                     .arg(current)
                     .arg(migrations.size());
        return false;
    }
    for (int version = current + 1; version <= int(migrations.size()); ++version) {
        if (!migrateTo(version))
            return false;
    }
    return true;
}

bool Database::migrateTo(int version)
{
    if (!db_.transaction()) {
        error_ = describe(QStringLiteral("cannot write to database %1").arg(path_), db_.lastError());
        return false;
    }
    QStringList statements = migrationStatements(version, dialect_);
    if (dialect_ == SqlDialect::PostgreSQL) {
        // Two analysts opening a shared case at once: the second waits here, then finds the step done.
        QSqlQuery lock(db_);
        if (!lock.exec(QStringLiteral("LOCK TABLE schema_version IN EXCLUSIVE MODE"))) {
            if (lock.lastError().nativeErrorCode() == QLatin1String("42501")) // insufficient_privilege
                error_ = QStringLiteral("database %1 has schema version %2 and this Backsight needs %3; the role you "
                                        "signed in as does not own the case, so its owner must open it once with this "
                                        "Backsight to upgrade it")
                             .arg(path_)
                             .arg(version - 1)
                             .arg(schemaMigrations().size());
            else
                error_ = describe(QStringLiteral("cannot lock the schema of %1").arg(path_), lock.lastError());
            db_.rollback();
            return false;
        }
        if (schemaVersion() >= version)
            statements.clear();
    }
    for (const QString &sql : std::as_const(statements)) {
        QSqlQuery q(db_);
        if (!q.exec(sql)) {
            error_ = describe(QStringLiteral("cannot migrate database %1 to schema version %2").arg(path_).arg(version),
                              q.lastError());
            db_.rollback();
            return false;
        }
    }
    if (!db_.commit()) {
        error_ = describe(QStringLiteral("cannot migrate database %1").arg(path_), db_.lastError());
        db_.rollback();
        return false;
    }
    return true;
}

} // namespace backsight
