#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <optional>
#include <vector>

namespace backsight {
class Database;
}

namespace backsight::ml {

// One row of the `models` table (core/store/migrations.cpp, version 3): a trained model of one subject.
// scope: "user", "tenant", "server", "fleet"; subject: the UPN (lower case), "all" or the server name;
// kind: "iforest", "autoencoder", "lstm_autoencoder", ...; version counts up per (scope, subject, kind).
struct ModelRecord
{
    qint64 id = 0;
    QString scope, subject, kind;
    int version = 0;
    QJsonObject parameters;               // how it was trained (trees, layers, feature names, ...)
    qint64 windowStartMs = 0, windowEndMs = 0;
    qint64 eventsUsed = 0;
    double threshold = 0;
    QJsonObject metrics;                  // free-form (validation loss, AUC, ...)
    QJsonObject scoreDistribution;        // quantiles of the training scores, median, MAD
    qint64 trainingMs = 0;
    qint64 createdAtMs = 0;
    bool active = true;
    QByteArray data;                      // the serialised model (empty in list results unless asked for)
};

struct ModelFilter
{
    QString scope, subject, kind;         // empty = any
    bool activeOnly = false;
    bool withData = false;
};

// Stores `record` as the next version of its (scope, subject, kind): the version is assigned here, the older
// versions become inactive, and only the newest `keepVersions` versions are kept (0 = keep all). Sets
// record.id and record.version. Runs in the caller's transaction when one is open.
bool saveModel(Database &db, ModelRecord &record, int keepVersions, QString &error);

// Rows matching `filter`, newest first within a subject; ordered by scope, subject, kind, version DESC.
bool listModels(Database &db, const ModelFilter &filter, std::vector<ModelRecord> &out, QString &error);

// The active model of (scope, subject, kind), with its data. nullopt with empty error when there is none.
std::optional<ModelRecord> activeModel(Database &db, const QString &scope, const QString &subject, const QString &kind,
                                       QString &error);

// One model by id, with its data.
std::optional<ModelRecord> modelById(Database &db, qint64 id, QString &error);

// Makes model `id` the active version of its (scope, subject, kind); the others become inactive.
bool rollbackToModel(Database &db, qint64 id, QString &error);
// Same, naming the version.
bool rollbackToVersion(Database &db, const QString &scope, const QString &subject, const QString &kind, int version,
                       QString &error);

} // namespace backsight::ml
