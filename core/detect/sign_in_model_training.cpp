#include "detect/sign_in_model_training.h"

#include "baseline/day_aggregate.h"
#include "ml/parallel_for.h"
#include "store/database.h"
#include "store/detection_run_repository.h"
#include "store/model_repository.h"
#include "store/sign_in_feature_queries.h"
#include "store/sign_in_queries.h"

#include <QElapsedTimer>
#include <QSqlError>
#include <algorithm>
#include <map>

namespace backsight::detect {

using features::SignInRow;

Result<std::optional<SignInModelWindow>> signInModelWindow(Database &db, int windowDays, qint64 nowMs)
{
    const qint64 length = qint64(std::max(1, windowDays)) * baseline::kDayMs;
    if (nowMs > 0)
        return std::optional<SignInModelWindow>(SignInModelWindow{nowMs - length, nowMs});
    SignInQueries signIns(db);
    const Result<std::optional<qint64>> latest = signIns.latestMs();
    if (!latest)
        return latest.error();
    if (!*latest)
        return std::optional<SignInModelWindow>();
    const Result<std::optional<qint64>> examined = DetectionRunRepository(db).newestExaminedSignInMs();
    if (!examined)
        return examined.error();
    if (*examined)
        return std::optional<SignInModelWindow>(SignInModelWindow{**examined + 1 - length, **examined + 1});
    const Result<std::optional<qint64>> first = signIns.firstMs();
    if (!first)
        return first.error();
    const qint64 from = first->value_or(**latest);
    qint64 end = from + std::min(length, (**latest - from) / 3 + 1);
    const qint64 midnight = (end + baseline::kDayMs - 1) / baseline::kDayMs * baseline::kDayMs;
    if (midnight <= **latest && midnight - from <= length)
        end = midnight;
    return std::optional<SignInModelWindow>(SignInModelWindow{end - length, end});
}

Result<ml::ModelTrainReport> trainSignInModels(Database &db, const ml::ModelTrainOptions &o,
                                               const std::function<bool(double)> &progress)
{
    QElapsedTimer timer;
    timer.start();
    ml::ModelTrainReport report;
    const Error cancelled = Error::cancelled(QStringLiteral("Model training cancelled; the previous models stay in force"));
    const Result<std::optional<SignInModelWindow>> window = signInModelWindow(db, o.windowDays, o.nowMs);
    if (!window)
        return window.error();
    if (!*window) {
        report.elapsedMs = timer.elapsed();
        return report; // nothing to learn from
    }
    const qint64 windowStart = (*window)->startMs, windowEnd = (*window)->endMs;
    SignInFeatureQueries signIns(db);
    Result<QHash<QString, int>> offsetsRead = signIns.utcOffsets();
    if (!offsetsRead)
        return offsetsRead.error();
    const QHash<QString, int> offsets = std::move(*offsetsRead);
    std::vector<SignInRow> readHere;
    if (!o.windowRows) {
        Result<std::vector<SignInRow>> windowRows = signIns.ofUsersBetween(windowStart, windowEnd);
        if (!windowRows)
            return windowRows.error();
        readHere = std::move(*windowRows);
    }
    const std::vector<SignInRow> &all = o.windowRows ? *o.windowRows : readHere;
    if (progress && !progress(0.1))
        return cancelled;

    // Last trained window end per subject, for incremental training.
    QHash<QString, qint64> trainedUntil;
    if (o.incremental) {
        ModelFilter filter;
        filter.kind = QStringLiteral("iforest");
        filter.activeOnly = true;
        for (const QString &scope : {QStringLiteral("user"), QStringLiteral("tenant")}) {
            filter.scope = scope;
            const Status listed = ModelRepository(db).forEach(filter, [&trainedUntil](ModelRecord &&m) -> Status {
                trainedUntil.insert(m.scope + QLatin1Char('/') + m.subject, m.windowEndMs);
                return {};
            });
            if (!listed)
                return listed.error();
        }
    }

    const ml::ModelTrainingInput input{windowStart, windowEnd, all, offsets, std::move(trainedUntil)};
    Result<std::vector<ModelRecord>> trained = ml::trainModelsFrom(input, o, progress, report);
    if (!trained)
        return trained.error();
    if (!db.connection().transaction())
        return Error::storage(Database::describe(QStringLiteral("Starting to store the models"), db.connection().lastError()));
    for (ModelRecord &record : *trained) {
        if (const Result<qint64> saved = ModelRepository(db).save(record, o.keepVersions); !saved) {
            db.connection().rollback();
            return saved.error();
        }
    }
    if (progress && !progress(0.99)) {
        db.connection().rollback();
        return cancelled;
    }
    if (!db.connection().commit()) {
        const Error failed = Error::storage(Database::describe(QStringLiteral("Storing the models"), db.connection().lastError()));
        db.connection().rollback();
        return failed;
    }
    if (progress)
        progress(1.0);
    report.elapsedMs = timer.elapsed();
    return report;
}

Status loadSignInModels(Database &db, ml::SignInModels &models)
{
    ModelFilter filter;
    filter.activeOnly = true;
    filter.withData = true;
    models.clear();
    const Status loaded = ModelRepository(db).forEach(filter, [&models](ModelRecord &&r) { return models.add(std::move(r)); });
    if (!loaded)
        models.clear();
    return loaded;
}

Status loadTenantSignInModels(Database &db, ml::SignInModels &tenant, QSet<QString> &usersWithOwnModel)
{
    tenant.clear();
    usersWithOwnModel.clear();
    ModelFilter filter;
    filter.activeOnly = true;
    filter.scope = QStringLiteral("tenant");
    filter.withData = true;
    if (const Status loaded = ModelRepository(db).forEach(filter, [&tenant](ModelRecord &&r) { return tenant.add(std::move(r)); });
        !loaded) {
        tenant.clear();
        return loaded;
    }
    filter.scope = QStringLiteral("user");
    filter.withData = false;
    return ModelRepository(db).forEach(filter, [&usersWithOwnModel](ModelRecord &&r) -> Status {
        if (r.kind == QStringLiteral("iforest") || r.kind == QStringLiteral("autoencoder")) // the kinds SignInModels reads
            usersWithOwnModel.insert(r.subject);
        return {};
    });
}

Result<std::vector<ModelRecord>> readUserSignInModels(Database &db, const QStringList &upns)
{
    ModelFilter filter;
    filter.activeOnly = true;
    filter.scope = QStringLiteral("user");
    filter.subjects = upns;
    filter.withData = true;
    std::vector<ModelRecord> records;
    if (const Status read = ModelRepository(db).forEach(filter, [&records](ModelRecord &&r) -> Status {
            records.push_back(std::move(r));
            return {};
        });
        !read)
        return read.error();
    return records;
}

Status scoreSignInsWithModels(Database &db, qint64 fromRowId, qint64 toRowId, std::vector<Finding> &out)
{
    ml::SignInModels models;
    if (const Status loaded = loadSignInModels(db, models); !loaded)
        return loaded;
    if (models.empty())
        return {};
    // The users with sign-ins to score. Each user's rows are read once, with the day before them for context, on
    // this thread (the connection is not shared); encoding and scoring run per user on the worker threads, a chunk
    // of users at a time so that memory stays bounded; findings keep the user order (by UPN, then time).
    SignInFeatureQueries signIns(db);
    Result<std::vector<UserSignInRange>> spansRead = DetectionRunRepository(db).usersWithNewSignIns(fromRowId, toRowId);
    if (!spansRead)
        return spansRead.error();
    std::map<QString, UserSignInRange> spans;
    for (UserSignInRange &span : *spansRead)
        spans.emplace(span.upn, std::move(span));
    struct UserWork
    {
        QString upn;
        std::vector<SignInRow> rows; // context and scored rows, by time
        std::vector<Finding> found;
    };
    constexpr qint64 kChunkRows = 200'000;
    std::vector<UserWork> chunk;
    qint64 chunkRows = 0;
    const auto flush = [&] {
        ml::parallelFor(0, qint64(chunk.size()), [&](std::int64_t u) {
            UserWork &w = chunk[std::size_t(u)];
            models.score(w.upn, w.rows, fromRowId, toRowId, w.found);
        });
        for (UserWork &w : chunk)
            std::move(w.found.begin(), w.found.end(), std::back_inserter(out));
        chunk.clear();
        chunkRows = 0;
    };
    for (const auto &[upn, span] : spans) {
        if (!models.judges(upn))
            continue;
        Result<std::vector<SignInRow>> recent = signIns.ofUser(upn, span.minMs - ml::SignInModels::kContextMs, span.maxMs);
        if (!recent)
            return recent.error();
        chunkRows += qint64(recent->size());
        chunk.push_back({upn, std::move(*recent), {}});
        if (chunkRows >= kChunkRows)
            flush();
    }
    flush();
    return {};
}

} // namespace backsight::detect
