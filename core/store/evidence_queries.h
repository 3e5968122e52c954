#pragma once

#include "model/evidence.h"
#include "model/result.h"
#include "model/sign_in_rows.h"

#include <QSet>
#include <vector>

namespace backsight {

class Database;

// What an incident report cites: the imported files, the model versions and detection runs behind the anomalies,
// the baseline an anomaly was judged against, and the user's sign-ins around it.
class EvidenceQueries
{
public:
    explicit EvidenceQueries(Database &db) : db_(db) {}

    // Every imported file, by path.
    Result<std::vector<evidence::SourceFile>> sources();
    // The models with these ids, by id (ids that no longer exist are left out).
    Result<std::vector<evidence::ModelVersion>> models(const QSet<qint64> &ids);
    // The active models per scope and kind.
    Result<std::vector<evidence::ModelSummaryRow>> activeModelSummary();
    // The detection runs with these ids, by id; with no ids, the latest run (if any).
    Result<std::vector<evidence::DetectionRun>> runs(const QSet<qint64> &ids);
    // Baseline `id`; or, with id 0, the baseline of `upn` whose window ended last before `timeMs` (else the
    // nearest one). Empty when there is none.
    Result<std::optional<evidence::Baseline>> baseline(qint64 id, const QString &upn, qint64 timeMs);
    // The sign-ins of `upn` in [fromMs, toMs), in time order, at most `limit`; with their network (asn, asOrg).
    Result<std::vector<SignInBrief>> signInsAround(const QString &upn, qint64 fromMs, qint64 toMs, int limit);

private:
    Database &db_;
};

} // namespace backsight
