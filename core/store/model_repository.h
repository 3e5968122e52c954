#pragma once

#include "model/model_record.h"
#include "model/result.h"

#include <functional>
#include <optional>
#include <vector>

namespace backsight {

class Database;

// The model registry (`models` table): every trained model of every kind — per-user Isolation Forests, tenant
// models, backup LSTM autoencoders — versioned per (scope, subject, kind), one version active.
class ModelRepository
{
public:
    explicit ModelRepository(Database &db) : db_(db) {}

    // Stores `record` as the next version of its (scope, subject, kind) and makes it the active one; the older
    // versions become inactive and only the newest `keepVersions` are kept (0 = keep all). Sets record.id,
    // record.version and record.createdAtMs (when 0) and returns the id. Runs in the caller's transaction if open.
    Result<qint64> save(ModelRecord &record, int keepVersions);

    // Rows matching `filter`, ordered by scope, subject, kind, version DESC (with ModelFilter::subjects, in that order
    // within each batch of subjects).
    Result<std::vector<ModelRecord>> list(const ModelFilter &filter);
    // The same rows one at a time, in the same order, without holding them all (with data, thousands of users'
    // models would be held twice while they are unpacked). `visit` must not use the connection (PostgreSQL streams
    // the rows and drops the rest of them when it is used); its error stops the walk and is returned.
    Status forEach(const ModelFilter &filter, const std::function<Status(ModelRecord &&)> &visit);

    // The active model of (scope, subject, kind) with its data; an empty optional when there is none, an error
    // only when the database failed.
    Result<std::optional<ModelRecord>> active(const QString &scope, const QString &subject, const QString &kind);

    // One model by id, with its data; NotFound when there is no such id.
    Result<ModelRecord> byId(qint64 id);

    // Makes model `id` the active version of its (scope, subject, kind); the others become inactive.
    Status activate(qint64 id);
    // Same, naming the version; NotFound when that version does not exist.
    Status activateVersion(const QString &scope, const QString &subject, const QString &kind, int version);

    // Deletes all but the newest `keepVersions` versions of (scope, subject, kind); returns how many went.
    Result<int> prune(const QString &scope, const QString &subject, const QString &kind, int keepVersions);

private:
    Database &db_;
};

} // namespace backsight
