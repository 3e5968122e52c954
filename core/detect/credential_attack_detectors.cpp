#include "detect/credential_attack_detectors.h"

#include "detect/user_detector_shared.h"
#include "model/time_format.h"

#include <QJsonArray>
#include <algorithm>
#include <cmath>

namespace backsight::detect {

using detail::windowText;
using detail::number;
using detail::recentMatching;

void FailedBurstDetector::examine(const UserContext &c, std::vector<Finding> &out)
{
    const SignInEvent &e = c.event();
    const qint64 window = qint64(c.params.burstMinutes) * 60'000;
    // A success soon after a burst, from the burst's addresses, means the guessing may have worked.
    if (e.result == ResultClass::Success) {
        if (open_ && *open_ < out.size() && e.timeMs - lastFailureMs_ <= 60 * 60'000) {
            Finding &f = out[*open_];
            if (!f.success) {
                const QStringList ips = f.reason.evidence.value(QStringLiteral("ips")).toVariant().toStringList();
                if (ips.contains(e.ip)) {
                    f.success = true;
                    f.eventIds << e.id;
                    f.score = 1.0;
                    f.reason.text += QStringLiteral("; then a successful sign-in from %1 at %2").arg(e.ip, formatUtcMs(e.timeMs));
                    f.reason.evidence.insert(QStringLiteral("success_event"), e.id);
                }
            }
        }
        return;
    }
    if (!isCredentialFailure(e.result))
        return;
    if (open_ && *open_ < out.size() && e.timeMs - lastFailureMs_ <= window) {
        Finding &f = out[*open_];
        if (!f.eventIds.contains(e.id))
            f.eventIds << e.id;
        ++failures_;
        lastFailureMs_ = e.timeMs;
        QStringList ips = f.reason.evidence.value(QStringLiteral("ips")).toVariant().toStringList();
        if (!ips.contains(e.ip)) {
            ips << e.ip;
            f.reason.evidence.insert(QStringLiteral("ips"), QJsonArray::fromStringList(ips));
        }
        f.reason.evidence.insert(QStringLiteral("failures"), failures_);
        f.endMs = e.timeMs;
        if (failures_ >= c.params.burstSeedFailures)
            f.score = std::max(f.score, 0.9);
        return;
    }
    open_.reset();
    // Count the failures in the window that ends here.
    std::vector<size_t> inWindow = recentMatching(c, window, [](const SignInEvent &p) { return isCredentialFailure(p.result); });
    const double perTenMinutes = c.baseline.credentialFailuresPerActiveDay() / 144.0 * (c.params.burstMinutes / 10.0);
    const int threshold = std::min(c.params.burstSeedFailures,
                                   std::max(c.params.burstMinFailures, int(std::ceil(c.params.burstRateFactor * perTenMinutes))));
    if (int(inWindow.size()) < threshold)
        return;
    std::reverse(inWindow.begin(), inWindow.end());
    QStringList ids, ips;
    for (size_t i : inWindow) {
        ids << c.events[i].id;
        if (!ips.contains(c.events[i].ip))
            ips << c.events[i].ip;
    }
    Finding f = findingFor(c, QStringLiteral("failed_burst"), 0.7,
                           QStringLiteral("%1 failed sign-ins in %2 from %3 (threshold %4 for this user; usual: %5 "
                                          "credential failures per active day)")
                               .arg(inWindow.size())
                               .arg(formatDuration(e.timeMs - c.events[inWindow.front()].timeMs + 1000), ips.join(QStringLiteral(", ")))
                               .arg(threshold)
                               .arg(number(c.baseline.credentialFailuresPerActiveDay(), 2)),
                           QJsonObject{{QStringLiteral("failures"), int(inWindow.size())},
                                       {QStringLiteral("ips"), QJsonArray::fromStringList(ips)},
                                       {QStringLiteral("threshold"), threshold},
                                       {QStringLiteral("seed_threshold"), c.params.burstSeedFailures},
                                       {QStringLiteral("baseline"), c.baseline.credentialFailuresPerActiveDay()}});
    f.timeMs = c.events[inWindow.front()].timeMs;
    f.endMs = e.timeMs;
    f.eventIds = ids;
    f.success = false;
    out.push_back(std::move(f));
    open_ = out.size() - 1;
    lastFailureMs_ = e.timeMs;
    failures_ = int(inWindow.size());
}

// ---------------------------------------------------------------------------------------------------------------

void MfaFatigueDetector::examine(const UserContext &c, std::vector<Finding> &out)
{
    const SignInEvent &e = c.event();
    if (e.result == ResultClass::Success) {
        if (open_ && *open_ < out.size() && e.timeMs - lastDenialMs_ <= qint64(c.params.mfaSuccessMinutes) * 60'000) {
            Finding &f = out[*open_];
            if (!f.success) {
                f.success = true;
                f.score = 1.0;
                f.eventIds << e.id;
                f.reason.text += QStringLiteral("; then the user approved: successful sign-in from %1 (%2) at %3")
                                     .arg(e.place(), e.ip, formatUtcMs(e.timeMs));
                f.reason.evidence.insert(QStringLiteral("success_event"), e.id);
            }
        }
        return;
    }
    if (e.result != ResultClass::MfaDenied)
        return;
    const qint64 window = qint64(c.params.mfaMinutes) * 60'000;
    if (open_ && *open_ < out.size() && e.timeMs - lastDenialMs_ <= window) {
        Finding &f = out[*open_];
        if (!f.eventIds.contains(e.id))
            f.eventIds << e.id;
        f.reason.evidence.insert(QStringLiteral("denials"), ++denials_);
        f.endMs = e.timeMs;
        lastDenialMs_ = e.timeMs;
        return;
    }
    open_.reset();
    std::vector<size_t> inWindow = recentMatching(c, window, [](const SignInEvent &p) { return p.result == ResultClass::MfaDenied; });
    if (int(inWindow.size()) < c.params.mfaMinDenials)
        return;
    std::reverse(inWindow.begin(), inWindow.end());
    QStringList ids, places;
    for (size_t i : inWindow) {
        ids << c.events[i].id;
        const QString where = c.events[i].place() + QStringLiteral(" ") + c.events[i].ip;
        if (!places.contains(where))
            places << where;
    }
    const qint64 usual = c.baseline.resultCount(ResultClass::MfaDenied);
    Finding f = findingFor(c, QStringLiteral("mfa_fatigue"), 0.8,
                           QStringLiteral("%1 MFA denials in %2 from %3 (usual: %4 in %5)")
                               .arg(inWindow.size())
                               .arg(formatDuration(e.timeMs - c.events[inWindow.front()].timeMs + 1000), places.join(QStringLiteral(", ")))
                               .arg(usual)
                               .arg(windowText(c)),
                           QJsonObject{{QStringLiteral("denials"), int(inWindow.size())},
                                       {QStringLiteral("threshold"), c.params.mfaMinDenials},
                                       {QStringLiteral("baseline"), usual}});
    f.timeMs = c.events[inWindow.front()].timeMs;
    f.endMs = e.timeMs;
    f.eventIds = ids;
    f.success = false;
    out.push_back(std::move(f));
    open_ = out.size() - 1;
    lastDenialMs_ = e.timeMs;
    denials_ = int(inWindow.size());
}

} // namespace backsight::detect
