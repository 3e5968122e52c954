#include "detect/tenant_detectors.h"

#include "ingest/timestamp.h"

#include <QHash>
#include <QJsonArray>
#include <QSet>
#include <algorithm>
#include <cmath>

namespace backsight::detect {

namespace {

// Slides a window of at most `windowMs` over n time-ordered failures (timeAt(i), upnAt(i)) and calls
// reached(left, right) for each right end whose window holds at least `threshold` distinct users; stops when it
// returns true, and says whether it did. couldFindSpray and examine share it, so the pre-check and the search agree.
template<typename TimeAt, typename UpnAt, typename Reached>
bool slideDistinctUsers(std::size_t n, TimeAt timeAt, UpnAt upnAt, qint64 windowMs, int threshold, Reached reached)
{
    QHash<QString, int> users;
    std::size_t left = 0;
    for (std::size_t right = 0; right < n; ++right) {
        ++users[upnAt(right)];
        while (timeAt(right) - timeAt(left) > windowMs) {
            auto it = users.find(upnAt(left));
            if (--*it == 0)
                users.erase(it);
            ++left;
        }
        if (users.size() >= threshold && reached(left, right))
            return true;
    }
    return false;
}

} // namespace

int PasswordSprayDetector::userThreshold(int activeUsers, const DetectionParameters &p)
{
    const int tenth = int(std::ceil(activeUsers * 0.1));
    return std::clamp(tenth, p.sprayMinUsersFloor, p.sprayMinUsers);
}

bool PasswordSprayDetector::couldFindSpray(const std::vector<SourceSignIn> &failures, int activeUsers,
                                           const DetectionParameters &p)
{
    const int threshold = userThreshold(activeUsers, p);
    if (int(failures.size()) < threshold)
        return false;
    const qint64 windowMs = std::max(qint64(p.slowSprayHours) * 3'600'000, qint64(p.sprayMinutes) * 60'000);
    return slideDistinctUsers(
        failures.size(), [&](std::size_t i) { return failures[i].timeMs; },
        [&](std::size_t i) -> const QString & { return failures[i].upn; }, windowMs, threshold,
        [](std::size_t, std::size_t) { return true; });
}

std::vector<Finding> PasswordSprayDetector::examine(const QString &source, bool isPrefix,
                                                    const std::vector<SourceSignIn> &all, int activeUsers,
                                                    const DetectionParameters &p) const
{
    std::vector<Finding> out;
    std::vector<size_t> failures; // indexes into `all`
    for (size_t i = 0; i < all.size(); ++i)
        if (isCredentialFailure(all[i].result))
            failures.push_back(i);
    const int threshold = userThreshold(activeUsers, p);
    if (int(failures.size()) < threshold)
        return out;

    // Mark every failure that lies in a qualifying window, for the fast and the slow window.
    std::vector<char> marked(failures.size(), 0);
    bool fast = false;
    const auto scan = [&](qint64 windowMs, bool isFast) {
        const auto timeAt = [&](size_t i) { return all[failures[i]].timeMs; };
        const auto upnAt = [&](size_t i) -> const QString & { return all[failures[i]].upn; };
        slideDistinctUsers(failures.size(), timeAt, upnAt, windowMs, threshold, [&](size_t left, size_t right) {
            // Failures must dominate what the source did in the window (an office NAT has many successes).
            const qint64 from = timeAt(left), to = timeAt(right);
            const auto first = std::lower_bound(all.begin(), all.end(), from,
                                                [](const SourceSignIn &s, qint64 t) { return s.timeMs < t; });
            const auto last = std::upper_bound(all.begin(), all.end(), to,
                                               [](qint64 t, const SourceSignIn &s) { return t < s.timeMs; });
            const double total = double(last - first);
            const double failed = double(right - left + 1);
            if (failed / total >= p.sprayMinFailureShare) {
                for (size_t i = left; i <= right; ++i)
                    marked[i] = 1;
                fast = fast || isFast;
            }
            return false; // every qualifying window marks its failures
        });
    };
    scan(qint64(p.sprayMinutes) * 60'000, true);
    scan(qint64(p.slowSprayHours) * 3'600'000, false);

    // Episodes: runs of marked failures.
    size_t i = 0;
    while (i < failures.size()) {
        if (!marked[i]) {
            ++i;
            continue;
        }
        size_t j = i;
        while (j + 1 < failures.size() && marked[j + 1])
            ++j;
        QSet<QString> users;
        QStringList ids, places;
        for (size_t k = i; k <= j; ++k) {
            const SourceSignIn &s = all[failures[k]];
            users.insert(s.upn);
            ids << s.id;
            if (!s.place.isEmpty() && !places.contains(s.place))
                places << s.place;
        }
        const qint64 startMs = all[failures[i]].timeMs, endMs = all[failures[j]].timeMs;
        // Successes from the source to sprayed users during the spray or within the hour after it.
        std::vector<const SourceSignIn *> successes;
        for (const SourceSignIn &s : all) {
            if (s.result == ResultClass::Success && s.timeMs >= startMs && s.timeMs <= endMs + 3'600'000
                && users.contains(s.upn))
                successes.push_back(&s);
        }
        const bool slow = endMs - startMs > qint64(p.sprayMinutes) * 60'000;
        QStringList compromised;
        for (const SourceSignIn *s : successes)
            if (!compromised.contains(s->upn))
                compromised << s->upn;
        Finding f;
        f.kind = QStringLiteral("password_spray");
        f.subjectType = isPrefix ? QStringLiteral("prefix") : QStringLiteral("ip");
        f.subject = source;
        f.timeMs = startMs;
        f.endMs = endMs;
        f.eventTable = QStringLiteral("signins");
        f.eventIds = ids;
        for (const SourceSignIn *s : successes)
            f.eventIds << s->id;
        f.score = std::min(1.0, 0.6 + users.size() / 100.0 + (successes.empty() ? 0.0 : 0.3));
        f.success = !successes.empty();
        f.reason.detector = f.kind;
        f.reason.text = QStringLiteral("Password spray from %1%2: %3 failed sign-ins against %4 users in %5 (%6 spray; "
                                       "threshold %7 users)")
                            .arg(source, places.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(places.join(QStringLiteral(", "))))
                            .arg(ids.size())
                            .arg(users.size())
                            .arg(formatDuration(endMs - startMs + 1000), slow ? QStringLiteral("slow") : QStringLiteral("fast"))
                            .arg(threshold);
        if (!compromised.isEmpty())
            f.reason.text += QStringLiteral("; %1 then signed in successfully from it: %2")
                                 .arg(compromised.size())
                                 .arg(compromised.join(QStringLiteral(", ")));
        f.reason.evidence = QJsonObject{{QStringLiteral("observed"), qint64(users.size())},
                                        {QStringLiteral("failures"), qint64(ids.size())},
                                        {QStringLiteral("threshold"), threshold},
                                        {QStringLiteral("window"), slow ? QStringLiteral("slow") : QStringLiteral("fast")},
                                        {QStringLiteral("fast_window_hit"), fast},
                                        {QStringLiteral("compromised"), QJsonArray::fromStringList(compromised)}};
        out.push_back(f);
        for (const QString &upn : compromised) {
            const auto s = std::find_if(successes.begin(), successes.end(), [&](const SourceSignIn *x) { return x->upn == upn; });
            Finding u;
            u.kind = QStringLiteral("password_spray_success");
            u.subjectType = QStringLiteral("user");
            u.subject = upn;
            u.upn = upn;
            u.timeMs = (*s)->timeMs;
            u.eventTable = QStringLiteral("signins");
            u.eventIds = {(*s)->id};
            u.score = 1.0;
            u.success = true;
            u.reason.detector = u.kind;
            u.reason.text = QStringLiteral("Successful sign-in from %1, the source of a password spray against %2 users "
                                           "(%3 to %4)")
                                .arg((*s)->ip)
                                .arg(users.size())
                                .arg(formatUtcMs(startMs), formatUtcMs(endMs));
            u.reason.evidence = QJsonObject{{QStringLiteral("observed"), (*s)->ip},
                                            {QStringLiteral("spray_source"), source},
                                            {QStringLiteral("spray_users"), qint64(users.size())}};
            out.push_back(u);
        }
        i = j + 1;
    }
    return out;
}

bool PrivilegedAuditDetector::isPrivileged(const QString &activity)
{
    static const QStringList prefixes = {
        QStringLiteral("Add member to role"), QStringLiteral("Add eligible member to role"),
        QStringLiteral("Add scoped member to role"), QStringLiteral("Add service principal credentials"),
        QStringLiteral("Update application – Certificates and secrets management"),
        QStringLiteral("Update application - Certificates and secrets management"),
        QStringLiteral("Add owner to application"), QStringLiteral("Add owner to service principal"),
        QStringLiteral("Consent to application"), QStringLiteral("Add app role assignment to service principal"),
        QStringLiteral("Add delegated permission grant"), QStringLiteral("Add user"), QStringLiteral("Delete user"),
        QStringLiteral("Reset user password"), QStringLiteral("Reset password (by admin)"),
        QStringLiteral("Update conditional access policy"), QStringLiteral("Delete conditional access policy"),
        QStringLiteral("Set federation settings on domain"), QStringLiteral("Set domain authentication"),
        QStringLiteral("Add unverified domain"), QStringLiteral("Update authorization policy"),
        QStringLiteral("Disable Strong Authentication"), QStringLiteral("Admin registered security info"),
        // A new MFA method is how an intruder stays in after a phished sign-in (joiners register too, but their
        // learning baselines raise nothing to link to).
        QStringLiteral("User registered security info"), QStringLiteral("User registered all required security info"),
        QStringLiteral("User changed default security info"),
        QStringLiteral("Add partner to company")};
    for (const QString &p : prefixes)
        if (activity.startsWith(p, Qt::CaseInsensitive))
            return true;
    return false;
}

std::optional<Finding> PrivilegedAuditDetector::examine(const AuditRecord &audit, const std::vector<PriorAnomaly> &prior,
                                                        const DetectionParameters &p) const
{
    if (prior.empty() || audit.initiatorUpn.isEmpty() || !isPrivileged(audit.activity))
        return std::nullopt;
    const PriorAnomaly *worst = &prior.front();
    for (const PriorAnomaly &a : prior)
        if (int(a.severity) > int(worst->severity) || (a.severity == worst->severity && a.timeMs > worst->timeMs))
            worst = &a;
    if (int(worst->severity) < int(Severity::Medium)) // a low finding alone is too common to link to
        return std::nullopt;
    Finding f;
    f.kind = QStringLiteral("privileged_after_anomaly");
    f.subjectType = QStringLiteral("user");
    f.subject = audit.initiatorUpn;
    f.upn = audit.initiatorUpn;
    f.timeMs = audit.timeMs;
    f.eventTable = QStringLiteral("audits");
    f.eventIds = {audit.id};
    f.success = audit.result.isEmpty() || audit.result.compare(QStringLiteral("success"), Qt::CaseInsensitive) == 0;
    f.score = int(worst->severity) >= int(Severity::High) ? 1.0 : 0.8;
    f.privileged = true;
    f.reason.detector = f.kind;
    f.reason.text = QStringLiteral("\"%1\" by %2%3 %4 after an anomalous sign-in (%5, %6: %7)")
                        .arg(audit.activity, audit.initiatorUpn,
                             audit.targets.isEmpty() ? QString() : QStringLiteral(" on %1").arg(audit.targets.left(120)),
                             formatDuration(audit.timeMs - worst->timeMs), worst->kind, severityName(worst->severity),
                             worst->summary.left(200));
    f.reason.evidence = QJsonObject{{QStringLiteral("observed"), audit.activity},
                                    {QStringLiteral("linked_anomaly"), worst->id},
                                    {QStringLiteral("linked_kind"), worst->kind},
                                    {QStringLiteral("minutes_after"), double(audit.timeMs - worst->timeMs) / 60'000.0},
                                    {QStringLiteral("threshold"), p.privilegedWithinHours}};
    return f;
}

} // namespace backsight::detect
