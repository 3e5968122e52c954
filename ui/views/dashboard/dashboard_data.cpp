#include "views/dashboard/dashboard_data.h"

#include "store/dashboard_queries.h"

namespace backsight::ui {

DashboardData readDashboard(Database &db, int topN)
{
    DashboardData d;
    Result<CaseOverview> overview = DashboardQueries(db).overview(topN);
    if (overview)
        static_cast<CaseOverview &>(d) = std::move(*overview);
    else
        d.error = overview.error().message;
    return d;
}

} // namespace backsight::ui
