#pragma once

#include "baseline/day_aggregate.h"
#include "detect/pipeline.h"
#include "model/result.h"
#include "model/sign_in_event.h"

#include <QSqlQuery>
#include <QString>
#include <QVariantList>
#include <map>
#include <optional>
#include <vector>

namespace backsight {
class DetectionRunRepository;
}

// Internal to the detection pipeline (pipeline.cpp, baseline_computation.cpp): the reads that still hold their own
// SQL until they move into core/store (tests/sql_allowlist.txt), and the tenant-wide scans built on them.
namespace backsight::detect::detail {

// The sign-in columns readEvent expects, in order.
extern const QString kSignInColumns;
SignInEvent readEvent(const QSqlQuery &q);
bool exec(QSqlQuery &q, const QString &doing, QString &error);
std::optional<qint64> scalar(Database &db, const QString &sql, const QVariantList &binds, const QString &doing,
                             QString &error, bool &ok);
Status storeDays(DetectionRunRepository &runs, const QString &upn, const std::map<qint64, baseline::DayAggregate> &days);

// Password sprays: every source address (and /24) with a new credential failure, judged over its sign-ins around them.
bool detectSprays(Database &db, const DetectOptions &o, qint64 fromRowId, qint64 toRowId, int activeUsers,
                  std::vector<Finding> &out, QString &error);
// Privileged audit actions by users with an anomaly shortly before.
bool detectPrivilegedAudits(Database &db, const DetectOptions &o, qint64 fromRowId, qint64 toRowId,
                            std::vector<Finding> &out, qint64 &examined, QString &error);

} // namespace backsight::detect::detail
