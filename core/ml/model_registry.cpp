#include "ml/model_registry.h"

#include "store/database.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace backsight::ml {
namespace {

bool fail(QString &error, const QString &doing, const QSqlQuery &q)
{
    error = Database::describe(doing, q.lastError());
    return false;
}

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

ModelRecord readRow(const QSqlQuery &q, bool withData)
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

bool saveModel(Database &db, ModelRecord &record, int keepVersions, QString &error)
{
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM models WHERE scope = ? AND subject = ? AND kind = ?"));
    q.addBindValue(record.scope);
    q.addBindValue(record.subject);
    q.addBindValue(record.kind);
    if (!q.exec() || !q.next())
        return fail(error, QStringLiteral("Reading the model versions of %1").arg(record.subject), q);
    record.version = q.value(0).toInt() + 1;
    q.finish();
    q.prepare(QStringLiteral("UPDATE models SET active = 0 WHERE scope = ? AND subject = ? AND kind = ?"));
    q.addBindValue(record.scope);
    q.addBindValue(record.subject);
    q.addBindValue(record.kind);
    if (!q.exec())
        return fail(error, QStringLiteral("Retiring the older models of %1").arg(record.subject), q);
    if (record.createdAtMs == 0)
        record.createdAtMs = QDateTime::currentMSecsSinceEpoch();
    q.prepare(QStringLiteral(
        "INSERT INTO models (scope, subject, kind, version, parameters, window_start_ms, window_end_ms, events_used, "
        "threshold, metrics, score_distribution, training_ms, created_at_ms, active, data) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)"));
    q.addBindValue(record.scope);
    q.addBindValue(record.subject);
    q.addBindValue(record.kind);
    q.addBindValue(record.version);
    q.addBindValue(toText(record.parameters));
    q.addBindValue(record.windowStartMs);
    q.addBindValue(record.windowEndMs);
    q.addBindValue(record.eventsUsed);
    q.addBindValue(record.threshold);
    q.addBindValue(toText(record.metrics));
    q.addBindValue(toText(record.scoreDistribution));
    q.addBindValue(record.trainingMs);
    q.addBindValue(record.createdAtMs);
    q.addBindValue(record.data);
    if (!q.exec())
        return fail(error, QStringLiteral("Storing the %1 model of %2").arg(record.kind, record.subject), q);
    record.id = q.lastInsertId().toLongLong();
    record.active = true;
    if (keepVersions > 0) {
        q.prepare(QStringLiteral("DELETE FROM models WHERE scope = ? AND subject = ? AND kind = ? AND version <= ?"));
        q.addBindValue(record.scope);
        q.addBindValue(record.subject);
        q.addBindValue(record.kind);
        q.addBindValue(record.version - keepVersions);
        if (!q.exec())
            return fail(error, QStringLiteral("Dropping old model versions of %1").arg(record.subject), q);
    }
    return true;
}

bool listModels(Database &db, const ModelFilter &filter, std::vector<ModelRecord> &out, QString &error)
{
    QString sql = QStringLiteral("SELECT ") + kColumns + (filter.withData ? QStringLiteral(", data") : QString())
                  + QStringLiteral(" FROM models WHERE 1 = 1");
    QVariantList binds;
    if (!filter.scope.isEmpty()) {
        sql += QStringLiteral(" AND scope = ?");
        binds << filter.scope;
    }
    if (!filter.subject.isEmpty()) {
        sql += QStringLiteral(" AND subject = ?");
        binds << filter.subject;
    }
    if (!filter.kind.isEmpty()) {
        sql += QStringLiteral(" AND kind = ?");
        binds << filter.kind;
    }
    if (filter.activeOnly)
        sql += QStringLiteral(" AND active = 1");
    sql += QStringLiteral(" ORDER BY scope, subject, kind, version DESC");
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    q.prepare(sql);
    for (const QVariant &v : binds)
        q.addBindValue(v);
    if (!q.exec())
        return fail(error, QStringLiteral("Listing the models"), q);
    while (q.next())
        out.push_back(readRow(q, filter.withData));
    return true;
}

std::optional<ModelRecord> activeModel(Database &db, const QString &scope, const QString &subject, const QString &kind,
                                       QString &error)
{
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral("SELECT ") + kColumns
              + QStringLiteral(", data FROM models WHERE scope = ? AND subject = ? AND kind = ? AND active = 1 "
                               "ORDER BY version DESC LIMIT 1"));
    q.addBindValue(scope);
    q.addBindValue(subject);
    q.addBindValue(kind);
    if (!q.exec()) {
        fail(error, QStringLiteral("Reading the active %1 model of %2").arg(kind, subject), q);
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    return readRow(q, true);
}

std::optional<ModelRecord> modelById(Database &db, qint64 id, QString &error)
{
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral("SELECT ") + kColumns + QStringLiteral(", data FROM models WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec()) {
        fail(error, QStringLiteral("Reading model %1").arg(id), q);
        return std::nullopt;
    }
    if (!q.next()) {
        error = QStringLiteral("There is no model with id %1").arg(id);
        return std::nullopt;
    }
    return readRow(q, true);
}

bool rollbackToModel(Database &db, qint64 id, QString &error)
{
    const std::optional<ModelRecord> m = modelById(db, id, error);
    if (!m)
        return false;
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral("UPDATE models SET active = CASE WHEN id = ? THEN 1 ELSE 0 END "
                             "WHERE scope = ? AND subject = ? AND kind = ?"));
    q.addBindValue(id);
    q.addBindValue(m->scope);
    q.addBindValue(m->subject);
    q.addBindValue(m->kind);
    if (!q.exec())
        return fail(error, QStringLiteral("Rolling back to model %1").arg(id), q);
    return true;
}

bool rollbackToVersion(Database &db, const QString &scope, const QString &subject, const QString &kind, int version,
                       QString &error)
{
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral("SELECT id FROM models WHERE scope = ? AND subject = ? AND kind = ? AND version = ?"));
    q.addBindValue(scope);
    q.addBindValue(subject);
    q.addBindValue(kind);
    q.addBindValue(version);
    if (!q.exec())
        return fail(error, QStringLiteral("Finding version %1 of the %2 model of %3").arg(version).arg(kind, subject), q);
    if (!q.next()) {
        error = QStringLiteral("There is no version %1 of the %2 model of %3").arg(version).arg(kind, subject);
        return false;
    }
    return rollbackToModel(db, q.value(0).toLongLong(), error);
}

} // namespace backsight::ml
