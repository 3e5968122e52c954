#include "backup/backup_series.h"

#include "store/database.h"

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace backsight::backup {
namespace {

bool run(Database &db, QSqlQuery &q, QString &error)
{
    if (q.exec())
        return true;
    error = Database::describe(QStringLiteral("cannot read backup sessions from %1").arg(db.path()), q.lastError());
    return false;
}

template<typename T>
std::optional<T> optional(const QVariant &v)
{
    if (v.isNull())
        return std::nullopt;
    return v.value<T>();
}

} // namespace

bool listServers(Database &db, std::vector<ServerSummary> &out, QString &error)
{
    out.clear();
    QHash<QString, size_t> index;
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT server, count(*), min(creation_ms), max(creation_ms), "
                             "sum(result = 'Failed'), sum(result = 'Warning') FROM backup_sessions "
                             "GROUP BY server ORDER BY server"));
    if (!run(db, q, error))
        return false;
    while (q.next()) {
        ServerSummary s;
        s.server = q.value(0).toString();
        s.sessions = q.value(1).toLongLong();
        s.firstMs = q.value(2).toLongLong();
        s.lastMs = q.value(3).toLongLong();
        s.failed = q.value(4).toLongLong();
        s.warnings = q.value(5).toLongLong();
        index.insert(s.server, out.size());
        out.push_back(std::move(s));
    }

    QSqlQuery last(db.connection());
    last.setForwardOnly(true);
    last.prepare(QStringLiteral("SELECT b.server, b.result FROM backup_sessions b JOIN (SELECT server, "
                                "max(creation_ms) AS m FROM backup_sessions GROUP BY server) l "
                                "ON b.server = l.server AND b.creation_ms = l.m ORDER BY b.rowid"));
    if (!run(db, last, error))
        return false;
    while (last.next()) {
        ServerSummary &s = out[index.value(last.value(0).toString())];
        if (s.lastResult.isEmpty())
            s.lastResult = last.value(1).toString();
    }

    // Newest first, so the first row per server is its latest threat.
    QSqlQuery threats(db.connection());
    threats.setForwardOnly(true);
    threats.prepare(QStringLiteral("SELECT subject, threat_score, severity, time_ms FROM anomalies "
                                   "WHERE subject_type = 'server' ORDER BY subject, time_ms DESC, detected_at_ms DESC"));
    if (!run(db, threats, error))
        return false;
    while (threats.next()) {
        const auto it = index.constFind(threats.value(0).toString());
        if (it == index.constEnd())
            continue;
        ServerSummary &s = out[*it];
        if (s.threatMs)
            continue;
        s.threatScore = optional<int>(threats.value(1));
        s.threatSeverity = threats.value(2).toString();
        s.threatMs = threats.value(3).toLongLong();
    }

    QSqlQuery models(db.connection());
    models.setForwardOnly(true);
    models.prepare(QStringLiteral("SELECT scope, subject, kind, max(version) FROM models WHERE active = 1 "
                                  "AND kind LIKE '%lstm%' GROUP BY scope, subject, kind ORDER BY scope, subject, kind"));
    if (!run(db, models, error))
        return false;
    QString fleetKind;
    std::optional<qint64> fleetVersion;
    while (models.next()) {
        const QString scope = models.value(0).toString();
        if (scope == QLatin1String("fleet")) {
            if (!fleetVersion) {
                fleetKind = models.value(2).toString();
                fleetVersion = models.value(3).toLongLong();
            }
            continue;
        }
        const auto it = index.constFind(models.value(1).toString());
        if (scope != QLatin1String("server") || it == index.constEnd() || out[*it].modelVersion)
            continue;
        out[*it].modelScope = scope;
        out[*it].modelKind = models.value(2).toString();
        out[*it].modelVersion = models.value(3).toLongLong();
    }
    for (ServerSummary &s : out) {
        if (!s.modelVersion && fleetVersion) {
            s.modelScope = QStringLiteral("fleet");
            s.modelKind = fleetKind;
            s.modelVersion = fleetVersion;
        }
    }
    return true;
}

bool serverSeries(Database &db, const QString &server, std::vector<SessionPoint> &out, QString &error,
                  std::optional<qint64> fromMs, std::optional<qint64> toMs)
{
    out.clear();
    QString sql = QStringLiteral("SELECT id, rowid, creation_ms, end_ms, result, is_full, transferred_bytes, read_bytes, "
                                 "processed_bytes, backup_size, dedup_ratio, compress_ratio, duration_s "
                                 "FROM backup_sessions WHERE server = ?");
    if (fromMs)
        sql += QStringLiteral(" AND creation_ms >= ?");
    if (toMs)
        sql += QStringLiteral(" AND creation_ms < ?");
    sql += QStringLiteral(" ORDER BY creation_ms, id");
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    q.prepare(sql);
    q.addBindValue(server);
    if (fromMs)
        q.addBindValue(*fromMs);
    if (toMs)
        q.addBindValue(*toMs);
    if (!run(db, q, error))
        return false;
    while (q.next()) {
        SessionPoint p;
        p.id = q.value(0).toString();
        p.rowId = q.value(1).toLongLong();
        p.creationMs = q.value(2).toLongLong();
        p.endMs = optional<qint64>(q.value(3));
        p.result = q.value(4).toString();
        if (!q.value(5).isNull())
            p.full = q.value(5).toInt() != 0;
        p.transferredBytes = optional<qint64>(q.value(6));
        p.readBytes = optional<qint64>(q.value(7));
        p.processedBytes = optional<qint64>(q.value(8));
        p.backupSize = optional<qint64>(q.value(9));
        p.dedupRatio = optional<double>(q.value(10));
        p.compressRatio = optional<double>(q.value(11));
        p.durationS = optional<double>(q.value(12));
        out.push_back(std::move(p));
    }
    return true;
}

} // namespace backsight::backup
