#include "store/backup_repository.h"

#include "store/predicates.h"

#include "store/database.h"

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace backsight::store {
namespace {

template<typename T>
std::optional<T> optional(const QVariant &v)
{
    if (v.isNull())
        return std::nullopt;
    return v.value<T>();
}

Error failure(Database &db, const QString &doing, const QSqlQuery &q)
{
    return Error::storage(Database::describe(QStringLiteral("%1 in %2").arg(doing, db.path()), q.lastError()));
}

bool prepared(QSqlQuery &q, const QString &sql)
{
    q.setForwardOnly(true);
    return q.prepare(sql);
}

// Counts, times, the last result and the jobs of every server.
Status readServerSessions(Database &db, std::vector<BackupServerRow> &out, QHash<QString, size_t> &index)
{
    QSqlQuery q(db.connection());
    if (!prepared(q, QStringLiteral("SELECT server, count(*), min(creation_ms), max(creation_ms), %1, %2, "
                                    "max(CASE WHEN level = 'task' THEN 1 ELSE 0 END), %3 "
                                    "FROM backup_sessions GROUP BY server ORDER BY server")
                         .arg(predicate::countWhere(QStringLiteral("result = 'Failed'")),
                              predicate::countWhere(QStringLiteral("result = 'Warning'")),
                              predicate::distinctList(QStringLiteral("job_name"), db.dialect())))
        || !q.exec())
        return failure(db, QStringLiteral("cannot read backup servers"), q);
    while (q.next()) {
        BackupServerRow s;
        s.server = q.value(0).toString();
        s.sessions = q.value(1).toLongLong();
        s.firstMs = q.value(2).toLongLong();
        s.lastMs = q.value(3).toLongLong();
        s.failed = q.value(4).toLongLong();
        s.warnings = q.value(5).toLongLong();
        s.level = q.value(6).toInt() ? QStringLiteral("task") : QStringLiteral("job");
        QStringList jobs = q.value(7).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
        jobs.sort(Qt::CaseInsensitive);
        s.jobs = jobs.join(QStringLiteral(", "));
        index.insert(s.server, out.size());
        out.push_back(std::move(s));
    }
    QSqlQuery last(db.connection());
    if (!prepared(last, QStringLiteral("SELECT b.server, b.result FROM backup_sessions b JOIN (SELECT server, "
                                       "max(creation_ms) AS m FROM backup_sessions GROUP BY server) l "
                                       "ON b.server = l.server AND b.creation_ms = l.m ORDER BY b.rowid"))
        || !last.exec())
        return failure(db, QStringLiteral("cannot read the last backup results"), last);
    while (last.next()) {
        BackupServerRow &s = out[index.value(last.value(0).toString())];
        if (s.lastResult.isEmpty())
            s.lastResult = last.value(1).toString();
    }
    return {};
}

// The newest threat of every server (newest first, so the first row per server wins) and its flagged count.
Status readServerThreats(Database &db, std::vector<BackupServerRow> &out, const QHash<QString, size_t> &index)
{
    QSqlQuery q(db.connection());
    if (!prepared(q, QStringLiteral("SELECT subject, threat_score, severity, time_ms FROM anomalies WHERE subject_type = "
                                    "'server' ORDER BY subject, time_ms DESC, detected_at_ms DESC"))
        || !q.exec())
        return failure(db, QStringLiteral("cannot read backup threats"), q);
    while (q.next()) {
        const auto it = index.constFind(q.value(0).toString());
        if (it == index.constEnd())
            continue;
        BackupServerRow &s = out[*it];
        ++s.flagged;
        if (s.threatMs)
            continue;
        s.threatScore = optional<int>(q.value(1));
        s.threatSeverity = q.value(2).toString();
        s.threatMs = q.value(3).toLongLong();
    }
    return {};
}

Status readServerModels(Database &db, std::vector<BackupServerRow> &out, const QHash<QString, size_t> &index)
{
    QSqlQuery q(db.connection());
    if (!prepared(q, QStringLiteral("SELECT scope, subject, kind, max(version) FROM models WHERE active = 1 AND kind "
                                    "LIKE '%lstm%' GROUP BY scope, subject, kind ORDER BY scope, subject, kind"))
        || !q.exec())
        return failure(db, QStringLiteral("cannot read backup models"), q);
    QString fleetKind;
    std::optional<qint64> fleetVersion;
    while (q.next()) {
        const QString scope = q.value(0).toString();
        if (scope == QLatin1String("fleet")) {
            if (!fleetVersion) {
                fleetKind = q.value(2).toString();
                fleetVersion = q.value(3).toLongLong();
            }
            continue;
        }
        const auto it = index.constFind(q.value(1).toString());
        if (scope != QLatin1String("server") || it == index.constEnd() || out[*it].modelVersion)
            continue;
        out[*it].modelScope = scope;
        out[*it].modelKind = q.value(2).toString();
        out[*it].modelVersion = q.value(3).toLongLong();
    }
    for (BackupServerRow &s : out) {
        if (!s.modelVersion && fleetVersion) {
            s.modelScope = QStringLiteral("fleet");
            s.modelKind = fleetKind;
            s.modelVersion = fleetVersion;
        }
    }
    return {};
}

} // namespace

Result<std::vector<BackupServerRow>> backupServers(Database &db)
{
    std::vector<BackupServerRow> out;
    QHash<QString, size_t> index;
    if (Status s = readServerSessions(db, out, index); !s)
        return s.error();
    if (Status s = readServerThreats(db, out, index); !s)
        return s.error();
    if (Status s = readServerModels(db, out, index); !s)
        return s.error();
    return out;
}

Result<std::vector<BackupSessionRow>> backupSessionsOf(Database &db, const QString &server, std::optional<qint64> fromMs,
                                                       std::optional<qint64> toMs)
{
    QString sql = QStringLiteral("SELECT id, rowid, creation_ms, end_ms, level, job_name, result, is_full, "
                                 "transferred_bytes, read_bytes, processed_bytes, processed_used_bytes, backup_size, "
                                 "dedup_ratio, compress_ratio, duration_s, utc_offset_min FROM backup_sessions WHERE server = ?");
    if (fromMs)
        sql += QStringLiteral(" AND creation_ms >= ?");
    if (toMs)
        sql += QStringLiteral(" AND creation_ms < ?");
    sql += QStringLiteral(" ORDER BY creation_ms, rowid");
    QSqlQuery q(db.connection());
    prepared(q, sql);
    q.addBindValue(server);
    if (fromMs)
        q.addBindValue(*fromMs);
    if (toMs)
        q.addBindValue(*toMs);
    if (!q.exec())
        return failure(db, QStringLiteral("cannot read the backup sessions of %1").arg(server), q);
    std::vector<BackupSessionRow> out;
    while (q.next()) {
        BackupSessionRow p;
        p.id = q.value(0).toString();
        p.rowId = q.value(1).toLongLong();
        p.creationMs = q.value(2).toLongLong();
        p.endMs = optional<qint64>(q.value(3));
        p.level = q.value(4).toString();
        p.jobName = q.value(5).toString();
        p.result = q.value(6).toString();
        if (!q.value(7).isNull())
            p.full = q.value(7).toInt() != 0;
        p.transferredBytes = optional<qint64>(q.value(8));
        p.readBytes = optional<qint64>(q.value(9));
        p.processedBytes = optional<qint64>(q.value(10));
        p.processedUsedBytes = optional<qint64>(q.value(11));
        p.backupSize = optional<qint64>(q.value(12));
        p.dedupRatio = optional<double>(q.value(13));
        p.compressRatio = optional<double>(q.value(14));
        p.durationS = optional<double>(q.value(15));
        p.utcOffsetMin = optional<int>(q.value(16));
        out.push_back(std::move(p));
    }
    return out;
}

Result<std::vector<std::pair<QString, int>>> backupSessionCounts(Database &db)
{
    QSqlQuery q(db.connection());
    if (!prepared(q, QStringLiteral("SELECT server, count(*) FROM backup_sessions WHERE server IS NOT NULL AND server <> '' "
                                    "GROUP BY server ORDER BY server"))
        || !q.exec())
        return failure(db, QStringLiteral("cannot list the backup servers"), q);
    std::vector<std::pair<QString, int>> out;
    while (q.next())
        out.emplace_back(q.value(0).toString(), q.value(1).toInt());
    return out;
}

Result<QStringList> backupServersWithRows(Database &db, qint64 fromRowId, qint64 toRowId)
{
    QSqlQuery q(db.connection());
    prepared(q, QStringLiteral("SELECT DISTINCT server FROM backup_sessions WHERE rowid > ? AND rowid <= ? "
                               "AND server IS NOT NULL AND server <> '' ORDER BY server"));
    q.addBindValue(fromRowId);
    q.addBindValue(toRowId);
    if (!q.exec())
        return failure(db, QStringLiteral("cannot find the backup sessions to score"), q);
    QStringList out;
    while (q.next())
        out.append(q.value(0).toString());
    return out;
}

Result<std::vector<ServerAnomalyRow>> serverAnomalies(Database &db, const QString &server)
{
    QSqlQuery q(db.connection());
    prepared(q, QStringLiteral("SELECT id, event_id, threat_score, severity, summary, reasons, time_ms "
                               "FROM anomalies WHERE subject_type = 'server' AND subject = ? ORDER BY time_ms, id"));
    q.addBindValue(server);
    if (!q.exec())
        return failure(db, QStringLiteral("cannot read the anomalies of %1").arg(server), q);
    std::vector<ServerAnomalyRow> out;
    while (q.next()) {
        ServerAnomalyRow a;
        a.anomalyId = q.value(0).toString();
        a.eventId = q.value(1).toString();
        a.threatScore = q.value(2).toInt();
        a.severity = q.value(3).toString();
        a.summary = q.value(4).toString();
        a.reasonsJson = q.value(5).toString();
        a.timeMs = q.value(6).toLongLong();
        out.push_back(std::move(a));
    }
    return out;
}

Status beginTransaction(Database &db, const QString &doing)
{
    if (db.connection().transaction())
        return {};
    return Error::storage(Database::describe(doing, db.connection().lastError()));
}

Status commitTransaction(Database &db, const QString &doing)
{
    if (db.connection().commit())
        return {};
    const QSqlError why = db.connection().lastError();
    db.connection().rollback();
    return Error::storage(Database::describe(doing, why));
}

void rollbackTransaction(Database &db)
{
    db.connection().rollback();
}

} // namespace backsight::store
