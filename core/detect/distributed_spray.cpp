#include "detect/distributed_spray.h"

#include <QHash>
#include <QJsonArray>
#include <QSet>
#include <algorithm>
#include <cmath>

namespace backsight::detect {

int DistributedSprayDetector::userThreshold(int activeUsers, const DetectionParameters &p)
{
    return std::max(p.distributedSprayMinUsers, int(std::ceil(p.distributedSprayUserShare * activeUsers)));
}

std::vector<ForeignFailure> DistributedSprayDetector::withoutBusyAddresses(const std::vector<ForeignFailure> &failures,
                                                                          const DetectionParameters &p)
{
    QHash<QString, std::vector<size_t>> byIp;
    for (size_t i = 0; i < failures.size(); ++i)
        byIp[failures[i].ip].push_back(i);
    QSet<QString> busy;
    for (auto it = byIp.cbegin(); it != byIp.cend(); ++it) {
        const std::vector<size_t> &idx = *it;
        for (size_t a = 0, b = 0; b < idx.size(); ++b) {
            while (failures[idx[b]].timeMs - failures[idx[a]].timeMs > 3'600'000)
                ++a;
            QSet<QString> users;
            for (size_t k = a; k <= b; ++k)
                users.insert(failures[idx[k]].upn);
            if (users.size() > p.distributedSprayMaxUsersPerHour) {
                busy.insert(it.key());
                break;
            }
        }
    }
    std::vector<ForeignFailure> out;
    for (const ForeignFailure &f : failures)
        if (!busy.contains(f.ip))
            out.push_back(f);
    return out;
}

std::vector<DistributedSprayDetector::Cluster>
DistributedSprayDetector::clusters(const std::vector<ForeignFailure> &f, int activeUsers, const DetectionParameters &p) const
{
    const qint64 window = qint64(p.distributedSprayHours) * 3'600'000;
    const int minUsers = userThreshold(activeUsers, p);
    QHash<QString, int> users, ips;
    std::vector<Cluster> out;
    std::optional<Cluster> open;
    const auto close = [&] {
        if (!open)
            return;
        QSet<QString> u, a;
        bool fresh = false;
        for (size_t k : open->members) {
            u.insert(f[k].upn);
            a.insert(f[k].ip);
            fresh = fresh || f[k].isNew;
        }
        open->users = int(u.size());
        open->addresses = int(a.size());
        if (fresh)
            out.push_back(std::move(*open));
        open.reset();
    };
    size_t first = 0;
    for (size_t j = 0; j < f.size(); ++j) {
        ++users[f[j].upn];
        ++ips[f[j].ip];
        while (f[j].timeMs - f[first].timeMs > window) {
            if (--users[f[first].upn] == 0)
                users.remove(f[first].upn);
            if (--ips[f[first].ip] == 0)
                ips.remove(f[first].ip);
            ++first;
        }
        const bool reached = users.size() >= minUsers && ips.size() >= p.distributedSprayMinAddresses;
        if (!reached) {
            // The run of windows that reached the thresholds ends when the window no longer holds its last member.
            if (open && f[j].timeMs - open->endMs > window)
                close();
            continue;
        }
        if (!open) {
            open = Cluster{};
            open->startMs = f[first].timeMs;
            for (size_t k = first; k <= j; ++k)
                open->members.push_back(k);
        } else {
            for (size_t k = std::max(first, open->members.back() + 1); k <= j; ++k)
                open->members.push_back(k);
        }
        open->endMs = f[j].timeMs;
    }
    close();
    return out;
}

Finding DistributedSprayDetector::finding(const Cluster &c, const std::vector<ForeignFailure> &failures,
                                          const std::vector<SprayedSuccess> &successes) const
{
    Finding f;
    f.kind = QStringLiteral("password_spray_distributed");
    f.subjectType = QStringLiteral("tenant");
    f.subject = QStringLiteral("tenant");
    f.timeMs = c.startMs;
    f.endMs = c.endMs;
    f.eventTable = QStringLiteral("signins");
    QHash<QString, int> perPlace;
    for (size_t k : c.members) {
        f.eventIds << failures[k].id;
        ++perPlace[failures[k].place];
    }
    QStringList places = perPlace.keys();
    std::sort(places.begin(), places.end(), [&](const QString &a, const QString &b) {
        return perPlace[a] != perPlace[b] ? perPlace[a] > perPlace[b] : a < b;
    });
    for (const SprayedSuccess &s : successes)
        f.eventIds << s.id;
    f.success = !successes.empty();
    f.score = f.success ? 1.0 : 0.7;
    const double hours = double(c.endMs - c.startMs) / 3'600'000.0;
    f.reason.detector = f.kind;
    f.reason.text = QStringLiteral("%1 failed sign-ins against %2 users from %3 addresses none of them uses, a few users per "
                                   "address, over %4 h (%5)%6")
                        .arg(c.members.size())
                        .arg(c.users)
                        .arg(c.addresses)
                        .arg(hours, 0, 'f', 0)
                        .arg(places.mid(0, 4).join(QStringLiteral("; ")),
                             successes.empty() ? QStringLiteral(": a low-and-slow spray from many addresses")
                                               : QStringLiteral("; then %1 signed in from %2 (%3)")
                                                     .arg(successes.front().upn, successes.front().ip, successes.front().place));
    QJsonArray winners;
    for (const SprayedSuccess &s : successes)
        winners.append(s.upn);
    f.reason.evidence = QJsonObject{{QStringLiteral("observed"), c.users},
                                    {QStringLiteral("users"), c.users},
                                    {QStringLiteral("addresses"), c.addresses},
                                    {QStringLiteral("failures"), int(c.members.size())},
                                    {QStringLiteral("hours"), hours},
                                    {QStringLiteral("places"), QJsonArray::fromStringList(places.mid(0, 8))},
                                    {QStringLiteral("succeeded"), winners}};
    return f;
}

Finding DistributedSprayDetector::successFinding(const Cluster &c, const SprayedSuccess &s) const
{
    Finding f;
    f.kind = QStringLiteral("password_spray_distributed_success");
    f.subjectType = QStringLiteral("user");
    f.subject = s.upn;
    f.upn = s.upn;
    f.timeMs = s.timeMs;
    f.eventTable = QStringLiteral("signins");
    f.eventIds = {s.id};
    f.success = true;
    f.score = 1.0;
    f.reason.detector = f.kind;
    f.reason.text = QStringLiteral("%1 signed in to %2 from %3 (%4), an address they never used and with no device id, "
                                   "during a spray of %5 users from %6 addresses that tried this account too")
                        .arg(s.upn, s.app.isEmpty() ? QStringLiteral("an app") : s.app, s.ip, s.place)
                        .arg(c.users)
                        .arg(c.addresses);
    f.reason.evidence = QJsonObject{{QStringLiteral("observed"), s.ip},
                                    {QStringLiteral("place"), s.place},
                                    {QStringLiteral("spray_users"), c.users},
                                    {QStringLiteral("spray_addresses"), c.addresses},
                                    {QStringLiteral("spray_start_ms"), double(c.startMs)}};
    return f;
}

} // namespace backsight::detect
