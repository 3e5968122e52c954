#include "detect/dormant_account_detector.h"

#include "detect/user_detector_shared.h"
#include "model/time_format.h"

#include <algorithm>

namespace backsight::detect {

void DormantAccountDetector::examine(const UserContext &c, std::vector<Finding> &out)
{
    const SignInEvent &e = c.event();
    if (open_ && *open_ < out.size() && e.timeMs - openedMs_ <= 24 * 3'600'000LL) {
        Finding &f = out[*open_];
        if (!f.eventIds.contains(e.id))
            f.eventIds << e.id;
        if (e.result == ResultClass::Success)
            f.success = true;
        return;
    }
    // Reactivation is a successful sign-in; failures (a spray touching the account) are not the account's activity.
    if (e.result != ResultClass::Success)
        return;
    std::optional<qint64> previous = c.previousSuccessMs;
    for (size_t i = c.index; i-- > 0;) {
        if (c.events[i].result == ResultClass::Success) {
            previous = c.events[i].timeMs;
            break;
        }
    }
    if (!previous) {
        // Never seen before: a joiner (an audit record created the account) or an account silent since before the
        // logs begin. Only the second is dormant, and only when the logs cover enough days to say so.
        const std::optional<qint64> coverage = c.tenant.coverageStartMs();
        if (!coverage || e.timeMs - *coverage < qint64(c.params.dormantDays) * baseline::kDayMs
            || c.tenant.accountCreatedBefore(e.upn, e.timeMs + baseline::kDayMs)) // the audit record can trail the first sign-in
            return;
        Finding f = findingFor(c, QStringLiteral("dormant_account"), 0.6,
                               QStringLiteral("First sign-in of this account in the %1 days of logs (they begin %2), and no "
                                              "audit record created it: from %3 (%4), %5 / %6")
                                   .arg((e.timeMs - *coverage) / baseline::kDayMs)
                                   .arg(formatUtcMs(*coverage), e.place(), e.ip, e.os.isEmpty() ? QStringLiteral("unknown OS") : e.os,
                                        e.browser.isEmpty() ? QStringLiteral("unknown browser") : e.browser),
                               QJsonObject{{QStringLiteral("observed"), double(e.timeMs - *coverage) / baseline::kDayMs},
                                           {QStringLiteral("previous_sign_in"), QJsonValue()},
                                           {QStringLiteral("logs_begin"), formatUtcMs(*coverage)},
                                           {QStringLiteral("threshold"), c.params.dormantDays}});
        f.learning = false;
        out.push_back(std::move(f));
        open_ = out.size() - 1;
        openedMs_ = e.timeMs;
        return;
    }
    const qint64 gap = e.timeMs - *previous;
    if (gap < qint64(c.params.dormantDays) * baseline::kDayMs)
        return;
    Finding f = findingFor(c, QStringLiteral("dormant_account"), std::min(1.0, 0.5 + double(gap) / baseline::kDayMs / 180.0),
                           QStringLiteral("First successful sign-in in %1 days (previous: %2) from %3 (%4), %5 / %6")
                               .arg(gap / baseline::kDayMs)
                               .arg(formatUtcMs(*previous), e.place(), e.ip, e.os.isEmpty() ? QStringLiteral("unknown OS") : e.os,
                                    e.browser.isEmpty() ? QStringLiteral("unknown browser") : e.browser),
                           QJsonObject{{QStringLiteral("observed"), double(gap) / baseline::kDayMs},
                                       {QStringLiteral("previous_sign_in"), formatUtcMs(*previous)},
                                       {QStringLiteral("threshold"), c.params.dormantDays}});
    f.learning = false; // a dormant account is judged by its silence, not by its baseline
    out.push_back(std::move(f));
    open_ = out.size() - 1;
    openedMs_ = e.timeMs;
}

} // namespace backsight::detect
