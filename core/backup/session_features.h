#pragma once

#include "ml/robust_baseline.h"
#include "store/backup_repository.h"

#include <Eigen/Dense>
#include <QString>
#include <optional>
#include <vector>

namespace backsight::backup {

// Features per session, in the order the models see them. The first seven are measured and robust-scaled; the
// flags and the weekday (a point on a circle, so Sunday sits next to Monday) are given as they are.
enum Feature : int {
    LogTransferred, LogRead, LogUsed, Dedup, Compress, LogDuration, // scaled
    LogReadPerWritten, // log(read / transferred): the data reduction; it jumps when reads do not become backup
    Failed, Full, WeekdaySin, WeekdayCos,                           // as they are
    FeatureCount
};
constexpr int scaledFeatures = Failed;
// The error is measured on what the session did (sizes, ratios, duration, failure); whether it was a full and its
// weekday are context the network reads but is not asked to reproduce.
constexpr int judgedFeatures = Full;
constexpr double scaledClip = 12.0;

extern const char *const featureNames[FeatureCount];

// The calendar class a session is scaled with: what its own kind of night looks like on this server.
enum class NightClass { Incremental, Full, MonthEnd };

struct Session
{
    qint64 rowId = 0;
    QString id;
    qint64 creationMs = 0;
    std::optional<qint64> endMs;
    double transferred = 0, read = 0, used = 0, dedup = 1, compress = 1, durationS = 0;
    bool failed = false, full = false, monthEnd = false;
    int weekday = 1;        // 1 = Monday, in the server's own zone
    bool sizesKnown = true; // false for a failed session that moved nothing, or one without sizes
    bool usedKnown = true;

    NightClass nightClass() const { return full ? NightClass::Full : monthEnd ? NightClass::MonthEnd : NightClass::Incremental; }
};

// The series of one server: its task sessions when it has both task and job sessions (a job named after its only
// VM), else all of them. Weekday and month end are taken in each session's own zone (utcOffsetMin), or the last
// one seen before it, or `offsetMin` (UTC by default) when the export gave none.
std::vector<Session> toSessions(const std::vector<store::BackupSessionRow> &rows, int offsetMin = 0);

Eigen::RowVectorXd features(const Session &s);
Eigen::MatrixXd featureRows(const std::vector<Session> &sessions);

// Fulls, month-end incrementals and ordinary incrementals of one server differ by orders of magnitude, so each
// class is scaled by its own medians (borrowing the incrementals' when too few were seen). A session without
// sizes keeps only its flags and weekday: its sizes and duration read as ordinary, so a failure is judged as one.
struct SessionScaler
{
    ml::RobustScaler incremental, full, monthEnd;

    const ml::RobustScaler &of(const Session &s) const;
    static SessionScaler fit(const std::vector<Session> &sessions, const Eigen::MatrixXd &raw);
    Eigen::MatrixXd transform(const std::vector<Session> &sessions, const Eigen::MatrixXd &raw) const;
};

} // namespace backsight::backup
