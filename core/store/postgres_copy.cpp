#include "store/postgres_copy.h"

#include "store/database.h"

#include <QSqlDriver>
#include <QVariant>
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

Status copyIn(Database &db, const QString &copySql, const CopyRows &rows)
{
    const QVariant handle = db.connection().driver()->handle();
    // QPSQL hands out its PGconn* (its metatype is named after the struct: pg_conn*).
    PGconn *conn = handle.isValid() && (qstrcmp(handle.typeName(), "pg_conn*") == 0 || qstrcmp(handle.typeName(), "PGconn*") == 0)
                       ? *static_cast<PGconn *const *>(handle.constData())
                       : nullptr;
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
        const QByteArray &data = rows.data();
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
