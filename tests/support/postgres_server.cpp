#include "postgres_server.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QThread>
#include <QUuid>

#include <algorithm>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

namespace backsight::test {
namespace {

QString findBindir()
{
    const QString fromEnv = qEnvironmentVariable("BACKSIGHT_PG_BINDIR");
    if (!fromEnv.isEmpty())
        return fromEnv;
    const QString onPath = QStandardPaths::findExecutable(QStringLiteral("initdb"));
    if (!onPath.isEmpty())
        return QFileInfo(onPath).absolutePath();
    // Debian keeps the server binaries off PATH, one folder per major version.
    QStringList versions = QDir(QStringLiteral("/usr/lib/postgresql")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    std::sort(versions.begin(), versions.end(), [](const QString &a, const QString &b) { return a.toInt() < b.toInt(); });
    for (auto it = versions.crbegin(); it != versions.crend(); ++it) {
        const QString bin = QStringLiteral("/usr/lib/postgresql/%1/bin").arg(*it);
        if (QFileInfo::exists(bin + QStringLiteral("/initdb")))
            return bin;
    }
    return {};
}

// A port nobody listens on now (the kernel's pick for an ephemeral bind); the server takes it a moment later.
int freePort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return 0;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof(address);
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)) == 0
        && ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) == 0)
        port = ntohs(address.sin_port);
    ::close(fd);
    return port;
}

// PostgreSQL refuses to run as root: as root, the cluster belongs to (and runs as) the `postgres` user.
const passwd *serverUser()
{
    return ::geteuid() == 0 ? ::getpwnam("postgres") : nullptr;
}

} // namespace

// Under /tmp when there is one: the postgres user must reach the folder (a root $TMPDIR such as /root/tmp is
// closed to it), and the socket's path must stay under the kernel's 107 characters.
QString PostgresServer::folderTemplate()
{
    const QString base = QFileInfo(QStringLiteral("/tmp")).isWritable() ? QStringLiteral("/tmp") : QDir::tempPath();
    return base + QStringLiteral("/backsight-pg-XXXXXX");
}

PostgresServer::~PostgresServer()
{
    if (running_)
        run(bindir_ + QStringLiteral("/pg_ctl"),
            {QStringLiteral("stop"), QStringLiteral("-D"), dir_.filePath(QStringLiteral("data")), QStringLiteral("-m"),
             QStringLiteral("fast"), QStringLiteral("-w")},
            60000);
    // QTemporaryDir removes the folder; as root it may remove the postgres user's files.
}

QString PostgresServer::log() const
{
    QFile file(dir_.filePath(QStringLiteral("server.log")));
    const QString text = file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    return text.isEmpty() ? QStringLiteral("(the server wrote no log)") : text;
}

bool PostgresServer::run(const QString &program, const QStringList &arguments, int timeoutMs)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    if (serverUser())
        process.start(QStringLiteral("runuser"),
                      QStringList{QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--"), program} + arguments);
    else
        process.start(program, arguments);
    const bool finished = process.waitForFinished(timeoutMs);
    if (finished && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0)
        return true;
    QString why = QStringLiteral("exit code %1").arg(process.exitCode());
    if (process.error() == QProcess::FailedToStart)
        why = QStringLiteral("cannot start it: %1").arg(process.errorString());
    else if (!finished)
        why = QStringLiteral("timed out");
    process.kill();
    error_ = QStringLiteral("%1 %2 failed (%3):\n%4\nserver log:\n%5")
                 .arg(program, arguments.join(QLatin1Char(' ')), why, QString::fromLocal8Bit(process.readAll()), log());
    return false;
}

bool PostgresServer::start(const QString &database)
{
    bindir_ = findBindir();
    if (bindir_.isEmpty()) {
        error_ = QStringLiteral("no PostgreSQL server binaries (initdb, pg_ctl): install the Debian package postgresql "
                                "(installer/install-deps.sh) or set BACKSIGHT_PG_BINDIR");
        return false;
    }
    if (!dir_.isValid()) {
        error_ = QStringLiteral("cannot create a temporary folder for the server: %1").arg(dir_.errorString());
        return false;
    }
    if (const passwd *user = serverUser(); user && ::chown(QFile::encodeName(dir_.path()).constData(), user->pw_uid,
                                                            user->pw_gid) != 0) {
        error_ = QStringLiteral("cannot give %1 to the postgres user").arg(dir_.path());
        return false;
    }
    const QString data = dir_.filePath(QStringLiteral("data"));
    if (!run(bindir_ + QStringLiteral("/initdb"),
             {QStringLiteral("-D"), data, QStringLiteral("-U"), QStringLiteral("postgres"), QStringLiteral("-A"),
              QStringLiteral("trust"), QStringLiteral("-E"), QStringLiteral("UTF8"), QStringLiteral("--locale=C"),
              QStringLiteral("--no-sync")},
             120000))
        return false;
    // A port can be taken between our pick and the server's bind: try a few.
    for (int attempt = 0; attempt < 3 && !running_; ++attempt) {
        port_ = freePort();
        // Durability settings off: a test server's data dies with it.
        const QString options = QStringLiteral("-c listen_addresses=127.0.0.1 -p %1 -k %2 -c fsync=off "
                                               "-c synchronous_commit=off -c full_page_writes=off")
                                    .arg(port_)
                                    .arg(dir_.path());
        running_ = run(bindir_ + QStringLiteral("/pg_ctl"),
                       {QStringLiteral("start"), QStringLiteral("-D"), data, QStringLiteral("-l"),
                        dir_.filePath(QStringLiteral("server.log")), QStringLiteral("-w"), QStringLiteral("-t"),
                        QStringLiteral("60"), QStringLiteral("-o"), options},
                       90000);
    }
    if (!running_)
        return false;
    database_ = database;
    return createDatabase(database);
}

bool PostgresServer::createDatabase(const QString &name, const QString &copyOf)
{
    const auto quoted = [](QString identifier) -> QString {
        return QLatin1Char('"') + identifier.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
    };
    return runStatements({copyOf.isEmpty() ? QStringLiteral("CREATE DATABASE %1").arg(quoted(name))
                                           : QStringLiteral("CREATE DATABASE %1 TEMPLATE %2").arg(quoted(name), quoted(copyOf))});
}

bool PostgresServer::runStatements(const QStringList &statements, const QString &database)
{
    const QString connection = QStringLiteral("pg-test-%1").arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
        db.setHostName(QStringLiteral("127.0.0.1"));
        db.setPort(port_);
        db.setUserName(QStringLiteral("postgres"));
        db.setDatabaseName(database);
        if (!db.open()) {
            error_ = QStringLiteral("cannot connect to the test server: %1\nserver log:\n%2").arg(db.lastError().text(), log());
        } else {
            ok = true;
            QSqlQuery q(db);
            for (const QString &sql : statements) {
                if (!q.exec(sql)) {
                    error_ = QStringLiteral("%1 failed: %2").arg(sql, q.lastError().text());
                    ok = false;
                    break;
                }
            }
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return ok;
}

bool PostgresServer::addPasswordRole(const QString &role, const QString &password)
{
    // The first matching line wins: this role over TCP needs its password, everyone else stays trusted.
    QFile hba(dir_.filePath(QStringLiteral("data/pg_hba.conf")));
    if (!hba.open(QIODevice::ReadOnly)) {
        error_ = QStringLiteral("cannot read %1").arg(hba.fileName());
        return false;
    }
    const QByteArray rest = hba.readAll();
    hba.close();
    QString quotedRole = role;
    quotedRole.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    const QByteArray line = QStringLiteral("host all \"%1\" 127.0.0.1/32 scram-sha-256\n").arg(quotedRole).toUtf8();
    if (!hba.open(QIODevice::WriteOnly | QIODevice::Truncate) || hba.write(line + rest) < 0) {
        error_ = QStringLiteral("cannot write %1").arg(hba.fileName());
        return false;
    }
    hba.close();
    QString quotedPassword = password;
    quotedPassword.replace(QLatin1Char('\''), QStringLiteral("''"));
    if (!runStatements({QStringLiteral("CREATE ROLE \"%1\" LOGIN SUPERUSER PASSWORD '%2'").arg(quotedRole, quotedPassword),
                        QStringLiteral("SELECT pg_reload_conf()")}))
        return false;
    // The postmaster rereads pg_hba.conf on its signal, a moment later: wait until the role is asked.
    for (int attempt = 0; attempt < 100; ++attempt) {
        const QString connection = QStringLiteral("pg-test-%1").arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
        bool asked = false;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
            db.setHostName(QStringLiteral("127.0.0.1"));
            db.setPort(port_);
            db.setUserName(role);
            db.setDatabaseName(QStringLiteral("postgres"));
            asked = !db.open() && db.lastError().text().contains(QLatin1String("password"), Qt::CaseInsensitive);
        }
        QSqlDatabase::removeDatabase(connection);
        if (asked)
            return true;
        QThread::msleep(50);
    }
    error_ = QStringLiteral("the server never asked %1 for a password:\n%2").arg(role, log());
    return false;
}

QString PostgresServer::url(const QString &database) const
{
    return QStringLiteral("postgresql://postgres@127.0.0.1:%1/%2").arg(port_).arg(database.isEmpty() ? database_ : database);
}

} // namespace backsight::test
