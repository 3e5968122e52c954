#include "store/model_repository.h"

#include "store/sql_query.h"

#include <QDateTime>
#include <QJsonDocument>
#include <algorithm>

namespace backsight {
namespace {

QString toText(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QJsonObject fromText(const QVariant &v)
{
    return QJsonDocument::fromJson(v.toString().toUtf8()).object();
}

const QString kColumns = QStringLiteral(
    "id, scope, subject, kind, version, parameters, window_start_ms, window_end_ms, events_used, threshold, metrics, "
    "score_distribution, training_ms, created_at_ms, active");

ModelRecord readRow(const SqlQuery &q, bool withData)
{
    ModelRecord r;
    r.id = q.value(0).toLongLong();
    r.scope = q.value(1).toString();
    r.subject = q.value(2).toString();
    r.kind = q.value(3).toString();
    r.version = q.value(4).toInt();
    r.parameters = fromText(q.value(5));
    r.windowStartMs = q.value(6).toLongLong();
    r.windowEndMs = q.value(7).toLongLong();
    r.eventsUsed = q.value(8).toLongLong();
    r.threshold = q.value(9).toDouble();
    r.metrics = fromText(q.value(10));
    r.scoreDistribution = fromText(q.value(11));
    r.trainingMs = q.value(12).toLongLong();
    r.createdAtMs = q.value(13).toLongLong();
    r.active = q.value(14).toInt() != 0;
    if (withData)
        r.data = q.value(15).toByteArray();
    return r;
}

} // namespace

Result<qint64> ModelRepository::save(ModelRecord &record, int keepVersions)
{
    const QVariantList key{record.scope, record.subject, record.kind};
    SqlQuery q(db_);
    if (Status s = q.run(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM models WHERE scope = ? AND subject = ? AND kind = ?"),
                         key, QStringLiteral("Reading the model versions of %1").arg(record.subject));
        !s)
        return s.error();
    record.version = (q.next() ? q.value(0).toInt() : 0) + 1;
    if (Status s = q.run(QStringLiteral("UPDATE models SET active = 0 WHERE scope = ? AND subject = ? AND kind = ?"), key,
                         QStringLiteral("Retiring the older models of %1").arg(record.subject));
        !s)
        return s.error();
    if (record.createdAtMs == 0)
        record.createdAtMs = QDateTime::currentMSecsSinceEpoch();
    const QVariantList row{record.scope, record.subject, record.kind, record.version, toText(record.parameters),
                           record.windowStartMs, record.windowEndMs, record.eventsUsed, record.threshold,
                           toText(record.metrics), toText(record.scoreDistribution), record.trainingMs,
                           record.createdAtMs, record.data};
    if (Status s = q.run(QStringLiteral("INSERT INTO models (scope, subject, kind, version, parameters, window_start_ms, "
                                        "window_end_ms, events_used, threshold, metrics, score_distribution, training_ms, "
                                        "created_at_ms, active, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)"),
                         row, QStringLiteral("Storing the %1 model of %2").arg(record.kind, record.subject));
        !s)
        return s.error();
    record.id = q.lastInsertId().toLongLong();
    record.active = true;
    if (keepVersions > 0) {
        if (Result<int> pruned = prune(record.scope, record.subject, record.kind, keepVersions); !pruned)
            return pruned.error();
    }
    return record.id;
}

Result<int> ModelRepository::prune(const QString &scope, const QString &subject, const QString &kind, int keepVersions)
{
    if (keepVersions <= 0)
        return Error::badInput(QStringLiteral("Keep at least one version of a model (asked to keep %1)").arg(keepVersions));
    SqlQuery q(db_);
    const Status s = q.run(QStringLiteral("DELETE FROM models WHERE scope = ? AND subject = ? AND kind = ? AND version <= "
                                          "(SELECT max(version) FROM models WHERE scope = ? AND subject = ? AND kind = ?) - ?"),
                           {scope, subject, kind, scope, subject, kind, keepVersions},
                           QStringLiteral("Dropping old model versions of %1").arg(subject));
    if (!s)
        return s.error();
    return q.rowsAffected();
}

Result<std::vector<ModelRecord>> ModelRepository::list(const ModelFilter &filter)
{
    std::vector<ModelRecord> out;
    const Status s = forEach(filter, [&out](ModelRecord &&r) {
        out.push_back(std::move(r));
        return Status();
    });
    if (!s)
        return s.error();
    return out;
}

Status ModelRepository::forEach(const ModelFilter &filter, const std::function<Status(ModelRecord &&)> &visit)
{
    // A list of subjects is asked for in batches: SQLite and PostgreSQL bound the parameters of one statement.
    constexpr qsizetype kSubjectsPerStatement = 500;
    for (qsizetype from = 0; from < std::max<qsizetype>(filter.subjects.size(), 1); from += kSubjectsPerStatement) {
        QString sql = QStringLiteral("SELECT ") + kColumns + (filter.withData ? QStringLiteral(", data") : QString())
                      + QStringLiteral(" FROM models WHERE 1 = 1");
        QVariantList binds;
        const auto where = [&](const QString &value, const char *clause) {
            if (!value.isEmpty()) {
                sql += QLatin1String(clause);
                binds << value;
            }
        };
        where(filter.scope, " AND scope = ?");
        where(filter.subject, " AND subject = ?");
        where(filter.kind, " AND kind = ?");
        if (!filter.subjects.isEmpty()) {
            const QStringList batch = filter.subjects.mid(from, kSubjectsPerStatement);
            QStringList marks;
            for (const QString &subject : batch) {
                marks << QStringLiteral("?");
                binds << subject;
            }
            sql += QStringLiteral(" AND subject IN (") + marks.join(QLatin1Char(',')) + QLatin1Char(')');
        }
        if (filter.activeOnly)
            sql += QStringLiteral(" AND active = 1");
        sql += QStringLiteral(" ORDER BY scope, subject, kind, version DESC");
        SqlQuery q(db_);
        if (Status s = q.run(sql, binds, QStringLiteral("Listing the models")); !s)
            return s.error();
        while (q.next())
            if (Status s = visit(readRow(q, filter.withData)); !s)
                return s;
    }
    return {};
}

Result<std::optional<ModelRecord>> ModelRepository::active(const QString &scope, const QString &subject, const QString &kind)
{
    SqlQuery q(db_);
    if (Status s = q.run(QStringLiteral("SELECT ") + kColumns
                             + QStringLiteral(", data FROM models WHERE scope = ? AND subject = ? AND kind = ? AND active = 1 "
                                              "ORDER BY version DESC LIMIT 1"),
                         {scope, subject, kind}, QStringLiteral("Reading the active %1 model of %2").arg(kind, subject));
        !s)
        return s.error();
    if (!q.next())
        return std::optional<ModelRecord>();
    return std::optional<ModelRecord>(readRow(q, true));
}

Result<ModelRecord> ModelRepository::byId(qint64 id)
{
    SqlQuery q(db_);
    if (Status s = q.run(QStringLiteral("SELECT ") + kColumns + QStringLiteral(", data FROM models WHERE id = ?"), {id},
                         QStringLiteral("Reading model %1").arg(id));
        !s)
        return s.error();
    if (!q.next())
        return Error::notFound(QStringLiteral("There is no model with id %1").arg(id));
    return readRow(q, true);
}

Status ModelRepository::activate(qint64 id)
{
    const Result<ModelRecord> m = byId(id);
    if (!m)
        return m.error();
    SqlQuery q(db_);
    return q.run(QStringLiteral("UPDATE models SET active = CASE WHEN id = ? THEN 1 ELSE 0 END "
                                "WHERE scope = ? AND subject = ? AND kind = ?"),
                 {id, m->scope, m->subject, m->kind}, QStringLiteral("Rolling back to model %1").arg(id));
}

Status ModelRepository::activateVersion(const QString &scope, const QString &subject, const QString &kind, int version)
{
    SqlQuery q(db_);
    if (Status s = q.run(QStringLiteral("SELECT id FROM models WHERE scope = ? AND subject = ? AND kind = ? AND version = ?"),
                         {scope, subject, kind, version},
                         QStringLiteral("Finding version %1 of the %2 model of %3").arg(version).arg(kind, subject));
        !s)
        return s;
    if (!q.next())
        return Error::notFound(QStringLiteral("There is no version %1 of the %2 model of %3").arg(version).arg(kind, subject));
    return activate(q.value(0).toLongLong());
}

} // namespace backsight
