#pragma once

#include "model/anomaly_selection.h"
#include "model/result.h"
#include "model/user_activity.h"

#include <QSet>
#include <QStringList>
#include <optional>
#include <vector>

namespace backsight {

class Database;

// What the triage queue, the timeline and the map ask about stored anomalies (the detection pipeline writes them
// through detect/anomaly_repository).
class AnomalyQueries
{
public:
    explicit AnomalyQueries(Database &db) : db_(db) {}

    // How many anomalies match `selection` (all of them when it is empty).
    Result<qint64> count(const AnomalySelection &selection = {});
    // The first `limit` anomalies matching `selection` in `order`.
    Result<std::vector<AnomalyListRow>> list(const AnomalySelection &selection, AnomalyOrder order, bool descending, int limit);
    // One anomaly's header and reasons; empty when there is no such anomaly.
    Result<std::optional<AnomalyHeader>> header(const QString &id);
    // The primary kinds that occur, sorted.
    Result<QStringList> primaryKinds();
    // The most severe anomalies with time_ms in [fromMs, toMs), of `upn` when not empty.
    Result<std::vector<AnomalyBrief>> mostSevereBetween(qint64 fromMs, qint64 toMs, const QString &upn, int limit);
    // The events of `upn`'s anomalies that have `kind` among their kinds.
    Result<QSet<QString>> eventsOfKind(const QString &upn, const QString &kind);

private:
    Database &db_;
};

} // namespace backsight
