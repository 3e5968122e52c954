#include "views/user/user_profile_data.h"

#include "baseline/day_aggregate.h"
#include "baseline/profile.h"
#include "store/database.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

namespace backsight::ui {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("UserView", text);
}

// Top values of one column of the user's sign-ins (the (upn, created_ms) index keeps this to the user's rows).
std::vector<UserProfileData::Value> topValues(QSqlQuery &q, const QString &expression, const QString &upn, int topN)
{
    std::vector<UserProfileData::Value> out;
    q.prepare(QStringLiteral("SELECT %1 AS v, count(*), sum(coalesce(error_code, 0) <> 0), min(created_ms), max(created_ms) "
                             "FROM signins WHERE upn = ? AND coalesce(%1, '') <> '' GROUP BY v ORDER BY 2 DESC, v LIMIT %2")
                  .arg(expression)
                  .arg(topN));
    q.addBindValue(upn);
    if (q.exec())
        while (q.next())
            out.push_back({q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toLongLong(), q.value(3).toLongLong(),
                           q.value(4).toLongLong()});
    return out;
}

} // namespace

UserProfileData readUserProfile(Database &db, const QString &upn, int topN)
{
    UserProfileData d;
    d.upn = upn;
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT profile, learning, window_start_ms, window_end_ms FROM baselines WHERE upn = ? "
                             "ORDER BY window_end_ms DESC LIMIT 1"));
    q.addBindValue(upn);
    if (!q.exec()) {
        d.error = Database::describe(tr("cannot read the baseline of %1").arg(upn), q.lastError());
        return d;
    }
    if (q.next()) {
        const QJsonObject profile = QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object();
        d.fromBaseline = true;
        d.learning = q.value(1).toInt() != 0;
        d.baselineWindowStart = q.value(2).toLongLong();
        d.baselineWindowEnd = q.value(3).toLongLong();
        const QJsonArray matrix = profile.value(QStringLiteral("hour_of_week_local")).toArray();
        for (int day = 0; day < 7 && day < matrix.size(); ++day) {
            const QJsonArray hours = matrix.at(day).toArray();
            for (int h = 0; h < 24 && h < hours.size(); ++h)
                d.heatmap[size_t(day)][size_t(h)] = hours.at(h).toInteger();
        }
        const QJsonObject home = profile.value(QStringLiteral("home")).toObject();
        d.zoneText = tr("%1, home %2 (%3)").arg(home.value(QStringLiteral("zone")).toString(),
                                                home.value(QStringLiteral("place")).toString(),
                                                home.value(QStringLiteral("zone_source")).toString());
    }

    // Sign-ins per day and, without a baseline yet, the heatmap computed here in the home country's zone.
    q.prepare(QStringLiteral("SELECT created_ms, coalesce(error_code, 0) <> 0, interactive, country, longitude, display_name "
                             "FROM signins WHERE upn = ? ORDER BY created_ms"));
    q.addBindValue(upn);
    if (!q.exec()) {
        d.error = Database::describe(tr("cannot read the sign-ins of %1").arg(upn), q.lastError());
        return d;
    }
    std::vector<std::pair<qint64, bool>> interactive;
    std::map<QString, std::pair<qint64, double>> countries;
    while (q.next()) {
        const qint64 ms = q.value(0).toLongLong();
        const bool failure = q.value(1).toBool();
        auto &day = d.days[baseline::dayOf(ms)];
        ++day.first;
        day.second += failure ? 1 : 0;
        ++d.signIns;
        d.failures += failure ? 1 : 0;
        if (q.value(2).toInt() != 0) {
            interactive.emplace_back(ms, failure);
            ++d.interactiveSignIns;
        }
        auto &c = countries[q.value(3).toString()];
        ++c.first;
        c.second = q.value(4).toDouble();
        if (d.displayName.isEmpty())
            d.displayName = q.value(5).toString();
    }
    if (!d.fromBaseline) {
        QString home;
        qint64 best = 0;
        double longitude = 0;
        for (const auto &[country, c] : countries) {
            if (c.first > best && !country.isEmpty()) {
                best = c.first;
                home = country;
                longitude = c.second;
            }
        }
        const int offset = home.isEmpty() ? 0 : baseline::standardOffsetMinutes(home, longitude);
        for (const auto &[ms, failure] : interactive) {
            const int how = baseline::hourOfWeek(ms, offset);
            ++d.heatmap[size_t(how / 24)][size_t(how % 24)];
        }
        d.zoneText = home.isEmpty() ? tr("UTC (no location known)")
                                    : tr("%1, from the most frequent country %2 — no baseline yet").arg(baseline::formatUtcOffset(offset), home);
    }

    d.top[tr("Places")] = topValues(q, QStringLiteral("(CASE WHEN coalesce(city, '') = '' THEN country ELSE city || ', ' || country END)"), upn, topN);
    d.top[tr("IP addresses")] = topValues(q, QStringLiteral("ip"), upn, topN);
    d.top[tr("Apps")] = topValues(q, QStringLiteral("app_name"), upn, topN);
    d.top[tr("Operating systems")] = topValues(q, QStringLiteral("os"), upn, topN);
    d.top[tr("Browsers")] = topValues(q, QStringLiteral("browser"), upn, topN);

    q.prepare(QStringLiteral("SELECT kind, version, created_at_ms, events_used, threshold, active FROM models WHERE subject = ? "
                             "ORDER BY kind, version DESC"));
    q.addBindValue(upn);
    if (q.exec())
        while (q.next())
            d.models.push_back({q.value(0).toString(), q.value(1).toInt(), q.value(2).toLongLong(), q.value(3).toLongLong(),
                                q.value(4).toDouble(), q.value(5).toInt() != 0});
    q.prepare(QStringLiteral("SELECT id, summary, severity_rank, time_ms, status FROM anomalies WHERE user_upn = ? "
                             "ORDER BY time_ms DESC LIMIT 200"));
    q.addBindValue(upn);
    if (q.exec())
        while (q.next())
            d.anomalies.push_back({q.value(0).toString(), q.value(1).toString(), q.value(2).toInt(), q.value(3).toLongLong(),
                                   q.value(4).toString()});
    return d;
}

} // namespace backsight::ui
