#include "store/postgres_copy.h"

#include "store/database.h"

#include <QSqlDriver>
#include <QVariant>
#include <cstdlib>
#include <cstring>
#include <charconv>
#include <libpq-fe.h>
#include <simdjson.h>

namespace backsight {

void CopyRows::separate()
{
    if (rowStarted_)
        data_.append('\t');
    rowStarted_ = true;
}

void CopyRows::null()
{
    separate();
    data_.append("\\N", 2);
}

void CopyRows::text(const char *data, std::size_t size)
{
    separate();
    QByteArray repaired;
    if (!simdjson::validate_utf8(data, size) || std::memchr(data, 0, size)) {
        QString decoded = QString::fromUtf8(data, qsizetype(size));
        decoded.replace(QChar(0), QChar(QChar::ReplacementCharacter));
        repaired = decoded.toUtf8();
        data = repaired.constData();
        size = std::size_t(repaired.size());
    }
    const char *run = data;
    const char *end = data + size;
    for (const char *p = data; p < end; ++p) {
        const char c = *p;
        const char *escape = c == '\\' ? "\\\\" : c == '\t' ? "\\t" : c == '\n' ? "\\n" : c == '\r' ? "\\r" : nullptr;
        if (!escape)
            continue;
        data_.append(run, qsizetype(p - run));
        data_.append(escape, 2);
        run = p + 1;
    }
    data_.append(run, qsizetype(end - run));
}

void CopyRows::integer(qint64 value)
{
    separate();
    char buffer[24];
    const auto r = std::to_chars(buffer, buffer + sizeof buffer, value);
    data_.append(buffer, qsizetype(r.ptr - buffer));
}

void CopyRows::real(double value)
{
    separate();
    char buffer[32];
    const auto r = std::to_chars(buffer, buffer + sizeof buffer, value); // shortest round trip
    data_.append(buffer, qsizetype(r.ptr - buffer));
}

void CopyRows::endRow()
{
    data_.append('\n');
    rowStarted_ = false;
    ++rows_;
}

void CopyRows::clear()
{
    data_.clear();
    rowStarted_ = false;
    rows_ = 0;
}

namespace {

void appendBigEndian(QByteArray &out, quint64 value, int bytes)
{
    for (int shift = (bytes - 1) * 8; shift >= 0; shift -= 8)
        out.append(char((value >> shift) & 0xff));
}

} // namespace

// The binary format: a signature, flags and header-extension length, then per row a field count and per field
// its length and bytes, all integers in network byte order; a field count of -1 ends the data.
CopyBinaryRows::CopyBinaryRows()
{
    data_.append("PGCOPY\n\377\r\n\0", 11);
    appendBigEndian(data_, 0, 4);
    appendBigEndian(data_, 0, 4);
}

void CopyBinaryRows::beginRow(int fields)
{
    appendBigEndian(data_, quint64(fields), 2);
    ++rows_;
}

void CopyBinaryRows::bigint(qint64 value)
{
    appendBigEndian(data_, 8, 4);
    appendBigEndian(data_, quint64(value), 8);
}

void CopyBinaryRows::bytes(const char *data, std::size_t size)
{
    appendBigEndian(data_, quint64(size), 4);
    data_.append(data, qsizetype(size));
}

QByteArray CopyBinaryRows::finish() const
{
    QByteArray out = data_;
    appendBigEndian(out, 0xffff, 2);
    return out;
}

namespace {

// QPSQL hands out its PGconn* (its metatype is named after the struct: pg_conn*). QPSQL has no COPY and no
// asynchronous statements; libpq under it has both.
PGconn *libpqOf(Database &db)
{
    const QVariant handle = db.connection().driver()->handle();
    return handle.isValid() && (qstrcmp(handle.typeName(), "pg_conn*") == 0 || qstrcmp(handle.typeName(), "PGconn*") == 0)
               ? *static_cast<PGconn *const *>(handle.constData())
               : nullptr;
}

} // namespace

Status sendStatements(Database &db, const QByteArray &sql)
{
    PGconn *conn = libpqOf(db);
    if (!conn)
        return Error::storage(QStringLiteral("%1 is not a PostgreSQL connection").arg(db.path()));
    if (PQsendQuery(conn, sql.constData()) != 1)
        return Error::storage(QString::fromUtf8(PQerrorMessage(conn)).trimmed());
    return {};
}

Result<std::vector<qint64>> collectIntegers(Database &db)
{
    PGconn *conn = libpqOf(db);
    if (!conn)
        return Error::storage(QStringLiteral("%1 is not a PostgreSQL connection").arg(db.path()));
    std::vector<qint64> values;
    QString error;
    while (PGresult *r = PQgetResult(conn)) {
        const ExecStatusType status = PQresultStatus(r);
        if (status == PGRES_TUPLES_OK && PQnfields(r) >= 1) {
            const int rows = PQntuples(r);
            for (int i = 0; i < rows; ++i)
                values.push_back(std::strtoll(PQgetvalue(r, i, 0), nullptr, 10));
        } else if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK && error.isEmpty()) {
            error = QString::fromUtf8(PQresultErrorMessage(r)).trimmed();
        }
        PQclear(r);
    }
    if (!error.isEmpty())
        return Error::storage(error);
    return values;
}

Status copyIn(Database &db, const QString &copySql, const QByteArray &data)
{
    PGconn *conn = libpqOf(db);
    if (!conn)
        return Error::storage(QStringLiteral("%1 is not a PostgreSQL connection").arg(db.path()));
    QString error;
    const auto message = [conn](const PGresult *r) {
        return QString::fromUtf8(r ? PQresultErrorMessage(r) : PQerrorMessage(conn)).trimmed();
    };
    PGresult *start = PQexec(conn, copySql.toUtf8().constData());
    const bool copying = PQresultStatus(start) == PGRES_COPY_IN;
    if (!copying)
        error = message(start);
    PQclear(start);
    if (copying) {
        if (PQputCopyData(conn, data.constData(), int(data.size())) != 1 || PQputCopyEnd(conn, nullptr) != 1)
            error = message(nullptr);
    }
    // Every result is read, so the connection is idle for QPSQL again.
    while (PGresult *r = PQgetResult(conn)) {
        if (PQresultStatus(r) != PGRES_COMMAND_OK && error.isEmpty())
            error = message(r);
        PQclear(r);
    }
    if (error.isEmpty())
        return {};
    return Error::storage(error);
}

} // namespace backsight
