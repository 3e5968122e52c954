#include "detect/user_examiner.h"

#include "baseline/profile.h"
#include "detect/user_detectors.h"
#include "ml/user_models.h"
#include "model/sign_in_result.h"

#include <algorithm>
#include <iterator>
#include <limits>

namespace backsight::detect {

using baseline::DayAggregate;
using baseline::kDayMs;
using baseline::dayOf;

namespace {

// Users who made an admin tool sign-in in the window are treated as privileged.
bool usesAdminTools(const baseline::Profile &profile)
{
    static const QStringList adminApps = {
        QStringLiteral("Azure Portal"), QStringLiteral("Microsoft Entra admin center"),
        QStringLiteral("Microsoft Azure PowerShell"), QStringLiteral("Azure Active Directory PowerShell"),
        QStringLiteral("Microsoft Graph PowerShell"), QStringLiteral("Microsoft Azure CLI"),
        QStringLiteral("Microsoft 365 admin center"), QStringLiteral("Microsoft Exchange Online PowerShell")};
    for (const QString &app : adminApps)
        if (profile.count(baseline::App, app) > 0)
            return true;
    return false;
}

} // namespace

UserExaminer::UserExaminer(Database &db, const DetectOptions &o, TenantFacts &tenant,
                           const QHash<QString, std::pair<qint64, qint64>> &baselines)
    : o_(o), tenant_(tenant), storedBaselines_(baselines), detectors_(makeUserDetectors()), history_(db), features_(db)
{
}

UserExaminer::~UserExaminer() = default;

Status UserExaminer::examine(const UserRange &user, qint64 fromRowId, qint64 toRowId, bool modelRows, UserResult &result,
                   DetectReport &report)
{
    const int window = o_.params.windowDays;
    const qint64 firstDay = dayOf(user.minMs), lastDay = dayOf(user.maxMs);
    // Context before the first new day: the longest short window a detector looks back over (bursts, MFA
    // denials, new-app bursts) fits in six hours; travel gets the last located success before that below.
    const qint64 loadFrom = firstDay * kDayMs - 6 * 3'600'000LL;
    const qint64 loadTo = (lastDay + 1) * kDayMs;

    // The running baseline left by the previous run, when it ends exactly where this run starts (the usual
    // case of one more day imported): then only the days leaving the window are read, not the whole window.
    std::optional<baseline::Profile> snapshot;
    const Result<std::optional<UserHistoryQueries::RunningWindow>> stored = history_.runningWindow(user.upn);
    if (!stored)
        return stored.error();
    if (*stored && (*stored)->windowDays == window && (*stored)->endDay == firstDay)
        snapshot = baseline::Profile::deserialize((*stored)->data);

    std::map<qint64, DayAggregate> days;
    const Result<std::vector<std::pair<qint64, QByteArray>>> storedDays =
        history_.days(user.upn, firstDay - window, snapshot ? lastDay - window + 1 : firstDay);
    if (!storedDays)
        return storedDays.error();
    for (const auto &[day, data] : *storedDays) {
        if (auto a = DayAggregate::deserialize(data))
            days.emplace(day, std::move(*a));
    }
    // The last located success before the loaded span comes first, for travel.
    Result<std::optional<SignInEvent>> lastLocated = history_.lastLocatedSuccessBefore(user.upn, loadFrom);
    if (!lastLocated)
        return lastLocated.error();
    Result<std::vector<SignInEvent>> loaded = history_.signIns(user.upn, loadFrom, loadTo);
    if (!loaded)
        return loaded.error();
    std::vector<SignInEvent> events;
    events.reserve(loaded->size() + 1);
    if (*lastLocated)
        events.push_back(std::move(**lastLocated));
    std::move(loaded->begin(), loaded->end(), std::back_inserter(events));
    const Result<std::optional<qint64>> previous = history_.lastSuccessBefore(user.upn, loadFrom);
    if (!previous)
        return previous.error();
    const std::optional<qint64> previousMs = *previous;
    if (modelRows) {
        // The models' rows come from the events just read; only the context hours before loadFrom, when the
        // models look back further than the rules, are read here.
        const qint64 contextFrom = user.minMs - ml::SignInModels::kContextMs;
        if (contextFrom < loadFrom) {
            Result<std::vector<features::SignInRow>> earlier = features_.ofUser(user.upn, contextFrom, loadFrom - 1);
            if (!earlier)
                return earlier.error();
            result.modelRows = std::move(*earlier);
        }
        const std::size_t head = result.modelRows.size();
        for (const SignInEvent &e : events)
            if (e.timeMs >= std::max(loadFrom, contextFrom) && e.timeMs <= user.maxMs)
                result.modelRows.push_back(features::rowOf(e));
        std::sort(result.modelRows.begin() + qint64(head), result.modelRows.end(),
                  [](const features::SignInRow &a, const features::SignInRow &b) {
                      return a.createdMs != b.createdMs ? a.createdMs < b.createdMs : a.rowId < b.rowId;
                  });
    }

    // The days being examined are counted again from all their events (old and new).
    for (const SignInEvent &e : events) {
        const qint64 d = dayOf(e.timeMs);
        if (d < firstDay)
            continue;
        auto it = result.days.find(d);
        if (it == result.days.end()) {
            it = result.days.emplace(d, DayAggregate{}).first;
            it->second.day = d;
        }
        it->second.add(e);
    }
    for (const auto &[d, a] : result.days)
        days[d] = a;

    baseline::Profile profile = snapshot ? std::move(*snapshot) : baseline::Profile();
    qint64 nextDay = snapshot ? firstDay : firstDay - window; // profile == sum of days [nextDay - window, nextDay)
    const qint64 startDay = firstDay - window;
    const auto advanceTo = [&](qint64 day) {
        while (nextDay < day) {
            if (const auto it = days.find(nextDay); it != days.end())
                profile.add(it->second);
            const qint64 leaving = nextDay - window;
            if (leaving >= startDay)
                if (const auto it = days.find(leaving); it != days.end())
                    profile.remove(it->second);
            ++nextDay;
        }
    };

    for (const auto &d : detectors_)
        d->reset();
    qint64 contextDay = std::numeric_limits<qint64>::min();
    baseline::Home home;
    bool learning = false, privileged = false;
    qint64 baselineId = 0;
    for (size_t i = 0; i < events.size(); ++i) {
        const SignInEvent &e = events[i];
        if (e.rowId <= fromRowId || e.rowId > toRowId)
            continue;
        ++report.signInsExamined;
        if (e.result == ResultClass::Unknown)
            ++report.unknownErrorCodes[e.errorCode];
        const qint64 day = dayOf(e.timeMs);
        if (day != contextDay) {
            advanceTo(day);
            contextDay = day;
            home = profile.home();
            learning = profile.isLearning(o_.params.learning);
            privileged = usesAdminTools(profile);
            const auto stored = storedBaselines_.constFind(user.upn);
            baselineId = stored != storedBaselines_.cend() && stored->second <= day * kDayMs ? stored->first : 0;
        }
        const UserContext context{o_.params, profile, home, learning, privileged, baselineId, events, i, previousMs, tenant_};
        for (const auto &d : detectors_)
            d->examine(context, result.findings);
    }
    advanceTo(lastDay + 1);
    result.windowEndDay = lastDay + 1;
    result.window = profile.serialize();
    return {};
}

} // namespace backsight::detect
