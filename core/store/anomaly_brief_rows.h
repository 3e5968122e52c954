#pragma once

#include "model/user_activity.h"
#include "store/sql_query.h"

#include <vector>

// One short anomaly row (AnomalyBrief) as every store query that lists anomalies selects and reads it.
namespace backsight::store {

inline QString anomalyBriefColumns()
{
    return QStringLiteral("id, summary, severity_rank, time_ms, status");
}

// Reads the rows of a query that selected anomalyBriefColumns() first.
inline std::vector<AnomalyBrief> readAnomalyBriefs(SqlQuery &q)
{
    std::vector<AnomalyBrief> out;
    while (q.next())
        out.push_back({q.value(0).toString(), q.value(1).toString(), q.value(2).toInt(), q.value(3).toLongLong(),
                       q.value(4).toString()});
    return out;
}

} // namespace backsight::store
