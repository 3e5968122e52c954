#include "backup/session_features.h"

#include <QDateTime>
#include <algorithm>
#include <functional>
#include <cmath>
#include <numbers>

namespace backsight::backup {

using Eigen::MatrixXd;

const char *const featureNames[FeatureCount] = {
    "log_transferred_bytes", "log_read_bytes", "log_used_bytes", "dedup_ratio", "compress_ratio",
    "log_duration_s",        "log_read_per_written", "failed",         "full",           "weekday_sin", "weekday_cos"};

namespace {

Eigen::VectorXd scaleFloor()
{
    // Smallest scale per feature: 10 % in sizes and duration (log units), 0.1 in ratios — so a server whose
    // numbers never move does not turn one night 15 % busier into a large deviation.
    Eigen::VectorXd floor = Eigen::VectorXd::Constant(FeatureCount, 1.0);
    floor.head(scaledFeatures).setConstant(0.1);
    return floor;
}

Session toSession(const store::BackupSessionRow &row, int offsetMin)
{
    Session s;
    s.rowId = row.rowId;
    s.id = row.id;
    s.creationMs = row.creationMs;
    s.endMs = row.endMs;
    s.failed = row.result.compare(QLatin1String("Failed"), Qt::CaseInsensitive) == 0;
    s.transferred = double(row.transferredBytes.value_or(0));
    s.read = double(row.readBytes.value_or(0));
    s.sizesKnown = row.transferredBytes && row.readBytes && (s.transferred > 0 || s.read > 0 || !s.failed);
    s.used = double(row.processedUsedBytes.value_or(0));
    s.usedKnown = row.processedUsedBytes && s.used > 0;
    s.full = row.full.value_or(false);
    s.dedup = row.dedupRatio.value_or(1.0);
    s.compress = row.compressRatio.value_or(1.0);
    if (row.durationS)
        s.durationS = *row.durationS;
    else if (row.endMs)
        s.durationS = double(*row.endMs - row.creationMs) / 1000.0;
    // The server's own calendar: its weekday and whether the night closes the month, in its zone.
    const QDate local = QDateTime::fromMSecsSinceEpoch(row.creationMs + qint64(offsetMin) * 60000, Qt::UTC).date();
    s.weekday = local.dayOfWeek();
    s.monthEnd = local.day() >= local.daysInMonth() - 1;
    return s;
}

ml::RobustScaler fitRows(const std::vector<Session> &sessions, const MatrixXd &raw,
                         const std::function<bool(const Session &)> &pick)
{
    std::vector<Eigen::Index> rows;
    for (size_t k = 0; k < sessions.size(); ++k)
        if (sessions[k].sizesKnown && pick(sessions[k]))
            rows.push_back(Eigen::Index(k));
    MatrixXd picked(Eigen::Index(rows.size()), FeatureCount);
    for (size_t k = 0; k < rows.size(); ++k)
        picked.row(Eigen::Index(k)) = raw.row(rows[k]);
    ml::RobustScaler scaler = ml::RobustScaler::fit(picked, scaleFloor());
    scaler.center.tail(FeatureCount - scaledFeatures).setZero();
    scaler.scale.tail(FeatureCount - scaledFeatures).setOnes();
    return scaler;
}

} // namespace

std::vector<Session> toSessions(const std::vector<store::BackupSessionRow> &rows, int offsetMin)
{
    const bool tasks = std::any_of(rows.begin(), rows.end(), [](const auto &r) { return r.level == QLatin1String("task"); });
    const bool jobs = std::any_of(rows.begin(), rows.end(), [](const auto &r) { return r.level != QLatin1String("task"); });
    std::vector<Session> out;
    // Each session in the zone its export gave (a DST change moves it); one without, in the last zone seen.
    int zone = offsetMin;
    for (const store::BackupSessionRow &r : rows) {
        zone = r.utcOffsetMin.value_or(zone);
        if (!(tasks && jobs) || r.level == QLatin1String("task"))
            out.push_back(toSession(r, zone));
    }
    return out;
}

Eigen::RowVectorXd features(const Session &s)
{
    const double angle = 2.0 * std::numbers::pi * double(s.weekday - 1) / 7.0;
    Eigen::RowVectorXd f(FeatureCount);
    f << std::log1p(std::max(0.0, s.transferred)), std::log1p(std::max(0.0, s.read)), std::log1p(std::max(0.0, s.used)),
        s.dedup, s.compress, std::log1p(std::max(0.0, s.durationS)),
        std::log1p(std::max(0.0, s.read)) - std::log1p(std::max(0.0, s.transferred)), s.failed ? 1.0 : 0.0, s.full ? 1.0 : 0.0,
        std::sin(angle), std::cos(angle);
    return f;
}

MatrixXd featureRows(const std::vector<Session> &sessions)
{
    MatrixXd rows(Eigen::Index(sessions.size()), FeatureCount);
    for (size_t k = 0; k < sessions.size(); ++k)
        rows.row(Eigen::Index(k)) = features(sessions[k]);
    return rows;
}

const ml::RobustScaler &SessionScaler::of(const Session &s) const
{
    switch (s.nightClass()) {
    case NightClass::Full: return full;
    case NightClass::MonthEnd: return monthEnd;
    case NightClass::Incremental: break;
    }
    return incremental;
}

SessionScaler SessionScaler::fit(const std::vector<Session> &sessions, const MatrixXd &raw)
{
    int counts[3] = {0, 0, 0};
    for (const Session &s : sessions)
        counts[int(s.nightClass())] += s.sizesKnown ? 1 : 0;
    const int incrementals = counts[int(NightClass::Incremental)];
    SessionScaler scaler;
    scaler.incremental = fitRows(sessions, raw, [&](const Session &s) {
        return incrementals < 3 || s.nightClass() == NightClass::Incremental;
    });
    // A class with fewer than 3 (fulls) or 2 (month-end nights) sessions borrows the incrementals' scaler; one with a
    // handful gives medians but not a spread, so it borrows the incrementals' spread where that is wider.
    auto classScaler = [&](NightClass c, int least) {
        if (counts[int(c)] < least)
            return scaler.incremental;
        ml::RobustScaler own = fitRows(sessions, raw, [c](const Session &s) { return s.nightClass() == c; });
        if (counts[int(c)] < 12)
            own.scale = own.scale.cwiseMax(scaler.incremental.scale);
        return own;
    };
    scaler.full = classScaler(NightClass::Full, 3);
    scaler.monthEnd = classScaler(NightClass::MonthEnd, 2);
    return scaler;
}

MatrixXd SessionScaler::transform(const std::vector<Session> &sessions, const MatrixXd &raw) const
{
    MatrixXd scaled(raw.rows(), raw.cols());
    for (size_t k = 0; k < sessions.size(); ++k) {
        const Eigen::Index r = Eigen::Index(k);
        scaled.row(r) = of(sessions[k]).transform(raw.row(r), scaledClip);
        if (!sessions[k].sizesKnown)
            scaled.row(r).head(Failed).setZero();
        else if (!sessions[k].usedKnown)
            scaled(r, LogUsed) = 0;
    }
    return scaled;
}

} // namespace backsight::backup
