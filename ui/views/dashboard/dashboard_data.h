#pragma once

#include "model/case_overview.h"

#include <QString>

namespace backsight {
class Database;
}

namespace backsight::ui {

// Everything the dashboard shows (core/store's case overview), read in one go on a pool thread, with the
// sentence to show when it could not be read.
struct DashboardData : CaseOverview
{
    QString error;
};

// Reads the dashboard's numbers (several full scans of the sign-ins: never on the GUI thread).
DashboardData readDashboard(Database &db, int topN = 8);

} // namespace backsight::ui
