#pragma once

#include "model/case_overview.h"
#include "model/result.h"

namespace backsight {

class Database;

// The dashboard's questions about a whole case. Several full scans of the sign-ins: call on a pool thread.
class DashboardQueries
{
public:
    explicit DashboardQueries(Database &db) : db_(db) {}

    // Anomalies by severity, status and day; sign-ins and failed sign-ins per UTC day; the `topN` users,
    // countries and apps with the most anomalies; sources, active models, baselines and the last detection.
    Result<CaseOverview> overview(int topN);

private:
    Database &db_;
};

} // namespace backsight
