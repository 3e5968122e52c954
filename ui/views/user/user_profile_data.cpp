#include "views/user/user_profile_data.h"

#include "baseline/day_aggregate.h"
#include "baseline/profile.h"
#include "store/model_repository.h"
#include "store/user_activity_queries.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace backsight::ui {
namespace {

// The view's strings share the view's translation context.
struct UserViewText
{
    Q_DECLARE_TR_FUNCTIONS(backsight::ui::UserView)
};

void fillFromBaseline(UserProfileData &d, const BaselineSnapshot &b)
{
    const QJsonObject profile = QJsonDocument::fromJson(b.profileJson.toUtf8()).object();
    d.fromBaseline = true;
    d.learning = b.learning;
    d.baselineWindowStart = b.windowStartMs;
    d.baselineWindowEnd = b.windowEndMs;
    const QJsonArray matrix = profile.value(QStringLiteral("hour_of_week_local")).toArray();
    for (int day = 0; day < 7 && day < matrix.size(); ++day) {
        const QJsonArray hours = matrix.at(day).toArray();
        for (int h = 0; h < 24 && h < hours.size(); ++h)
            d.heatmap[size_t(day)][size_t(h)] = hours.at(h).toInteger();
    }
    const QJsonObject home = profile.value(QStringLiteral("home")).toObject();
    d.zoneText = UserViewText::tr("%1, home %2 (%3)").arg(home.value(QStringLiteral("zone")).toString(),
                                            home.value(QStringLiteral("place")).toString(),
                                            home.value(QStringLiteral("zone_source")).toString());
}

// Sign-ins per day and, without a baseline yet, the heatmap computed here in the home country's zone.
void fillFromSignIns(UserProfileData &d, const std::vector<UserSignInPoint> &signIns)
{
    std::vector<std::pair<qint64, bool>> interactive;
    std::map<QString, std::pair<qint64, double>> countries;
    for (const UserSignInPoint &p : signIns) {
        auto &day = d.days[baseline::dayOf(p.ms)];
        ++day.first;
        day.second += p.failed ? 1 : 0;
        ++d.signIns;
        d.failures += p.failed ? 1 : 0;
        if (p.interactive) {
            interactive.emplace_back(p.ms, p.failed);
            ++d.interactiveSignIns;
        }
        auto &c = countries[p.country];
        ++c.first;
        c.second = p.longitude;
        if (d.displayName.isEmpty())
            d.displayName = p.displayName;
    }
    if (d.fromBaseline)
        return;
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
    d.zoneText = home.isEmpty() ? UserViewText::tr("UTC (no location known)")
                                : UserViewText::tr("%1, from the most frequent country %2 — no baseline yet").arg(baseline::formatUtcOffset(offset), home);
}

template <typename T>
bool take(Result<T> r, T &into, QString &error)
{
    if (!r) {
        error = r.error().message;
        return false;
    }
    into = std::move(*r);
    return true;
}

} // namespace

UserProfileData readUserProfile(Database &db, const QString &upn, int topN)
{
    UserProfileData d;
    d.upn = upn;
    UserActivityQueries user(db);
    std::optional<BaselineSnapshot> baseline;
    if (!take(user.latestBaseline(upn), baseline, d.error))
        return d;
    if (baseline)
        fillFromBaseline(d, *baseline);
    std::vector<UserSignInPoint> signIns;
    if (!take(user.signIns(upn), signIns, d.error))
        return d;
    fillFromSignIns(d, signIns);

    using Field = UserActivityQueries::Field;
    const std::pair<const char *, Field> fields[] = {{QT_TRANSLATE_NOOP("backsight::ui::UserView", "Places"), Field::Place},
                                                     {QT_TRANSLATE_NOOP("backsight::ui::UserView", "IP addresses"), Field::IpAddress},
                                                     {QT_TRANSLATE_NOOP("backsight::ui::UserView", "Apps"), Field::App},
                                                     {QT_TRANSLATE_NOOP("backsight::ui::UserView", "Operating systems"), Field::OperatingSystem},
                                                     {QT_TRANSLATE_NOOP("backsight::ui::UserView", "Browsers"), Field::Browser}};
    for (const auto &[name, field] : fields)
        if (!take(user.topValues(upn, field, topN), d.top[UserViewText::tr(name)], d.error))
            return d;
    if (!take(user.networks(upn), d.networks, d.error))
        return d;

    ModelFilter filter;
    filter.subject = upn;
    std::vector<ModelRecord> models;
    if (!take(ModelRepository(db).list(filter), models, d.error))
        return d;
    for (const ModelRecord &m : models)
        d.models.push_back({m.kind, m.version, m.createdAtMs, m.eventsUsed, m.threshold, m.active});
    take(user.anomalies(upn, 200), d.anomalies, d.error);
    return d;
}

} // namespace backsight::ui
