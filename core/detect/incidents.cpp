#include "detect/incidents.h"

#include "model/time_format.h"
#include "store/incident_store.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QSet>
#include <algorithm>
#include <climits>
#include <map>
#include <numeric>

namespace backsight::detect {
namespace {

constexpr qint64 kHourMs = 3'600'000;

bool earlier(const IncidentPart &a, const IncidentPart &b)
{
    return a.timeMs != b.timeMs ? a.timeMs < b.timeMs : a.refId < b.refId;
}

struct Components
{
    std::vector<size_t> parent;
    explicit Components(size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), size_t(0)); }
    size_t find(size_t x)
    {
        while (parent[x] != x)
            x = parent[x] = parent[parent[x]];
        return x;
    }
    void join(size_t a, size_t b) { parent[find(a)] = find(b); }
};

QString kindList(const std::vector<IncidentPart> &parts, const QString &role)
{
    QStringList kinds;
    for (const IncidentPart &p : parts)
        if (p.role == role && !kinds.contains(p.kind))
            kinds << p.kind;
    return kinds.join(QStringLiteral(", "));
}

QString summaryOf(const Incident &i)
{
    QSet<QString> servers, users;
    for (const IncidentPart &p : i.parts)
        (p.role == QLatin1String("backup") ? servers : users).insert(p.subject);
    const IncidentPart &first = i.parts.front();
    const double hours = double(i.backupMs - i.identityMs) / double(kHourMs);
    return QStringLiteral("%1 (%2) at %3, then %4 backup anomal%5 on %6 server%7 (%8) %9 h later")
        .arg(first.subject.isEmpty() ? QStringLiteral("?") : first.subject, kindList(i.parts, QStringLiteral("identity")),
             formatUtcMs(i.identityMs))
        .arg(i.count(QStringLiteral("backup")))
        .arg(i.count(QStringLiteral("backup")) == 1 ? QStringLiteral("y") : QStringLiteral("ies"))
        .arg(servers.size())
        .arg(servers.size() == 1 ? QString() : QStringLiteral("s"))
        .arg(kindList(i.parts, QStringLiteral("backup")))
        .arg(hours, 0, 'f', 1);
}

} // namespace

QStringList IncidentOptions::defaultPrivilegedActivities()
{
    return {QStringLiteral("Add member to role"), QStringLiteral("Add eligible member to role"),
            QStringLiteral("Add scoped member to role"), QStringLiteral("Add service principal credentials"),
            QStringLiteral("Update application – Certificates and secrets management"),
            QStringLiteral("Update application - Certificates and secrets management"),
            QStringLiteral("Add owner to service principal"), QStringLiteral("Consent to application")};
}

QStringList IncidentOptions::defaultBackupConsoleApps()
{
    return {QStringLiteral("Veeam Backup"), QStringLiteral("Veeam Backup & Replication"), QStringLiteral("VBR REST"),
            QStringLiteral("Veeam Backup REST")};
}

std::vector<Incident> buildIncidents(std::vector<IncidentPart> identity, std::vector<IncidentPart> backup,
                                     const IncidentOptions &options, qint64 nowMs)
{
    std::sort(identity.begin(), identity.end(), earlier);
    std::sort(backup.begin(), backup.end(), earlier);
    const qint64 window = qint64(options.windowHours) * kHourMs;
    Components c(identity.size() + backup.size());
    std::vector<bool> linked(identity.size() + backup.size(), false);
    for (size_t b = 0; b < backup.size(); ++b) {
        const IncidentPart &bp = backup[b];
        // Identity parts in [backup − window, backup].
        auto from = std::lower_bound(identity.begin(), identity.end(), bp.timeMs - window,
                                     [](const IncidentPart &p, qint64 t) { return p.timeMs < t; });
        for (auto it = from; it != identity.end() && it->timeMs <= bp.timeMs; ++it) {
            const bool anomalous = it->source == QLatin1String("anomalies");
            if (!anomalous && bp.threatScore.value_or(0) < options.privilegedMinThreat)
                continue;
            const size_t i = size_t(it - identity.begin());
            c.join(i, identity.size() + b);
            linked[i] = linked[identity.size() + b] = true;
        }
    }
    std::map<size_t, Incident> byRoot;
    for (size_t k = 0; k < linked.size(); ++k) {
        if (!linked[k])
            continue;
        const IncidentPart &p = k < identity.size() ? identity[k] : backup[k - identity.size()];
        byRoot[c.find(k)].parts.push_back(p);
    }
    std::vector<Incident> out;
    for (auto &[root, incident] : byRoot) {
        std::vector<IncidentPart> &parts = incident.parts;
        std::stable_sort(parts.begin(), parts.end(), [](const IncidentPart &a, const IncidentPart &b) {
            if (a.role != b.role)
                return a.role == QLatin1String("identity");
            return earlier(a, b);
        });
        const IncidentPart &first = parts.front();
        incident.id = QStringLiteral("inc-")
                      + QString::fromLatin1(QCryptographicHash::hash((first.source + QLatin1Char(':') + first.refId).toUtf8(),
                                                                     QCryptographicHash::Sha256)
                                                .toHex()
                                                .left(16));
        incident.identityMs = first.timeMs;
        incident.firstMs = first.timeMs;
        incident.backupMs = LLONG_MAX;
        int worst = 0;
        bool anomalousIdentity = false, highBackup = false;
        for (const IncidentPart &p : parts) {
            incident.lastMs = std::max(incident.lastMs, p.timeMs);
            worst = std::max(worst, p.severityRank);
            if (p.role == QLatin1String("backup")) {
                incident.backupMs = std::min(incident.backupMs, p.timeMs);
                highBackup = highBackup || p.threatScore.value_or(0) >= 7;
            } else {
                anomalousIdentity = anomalousIdentity || p.source == QLatin1String("anomalies");
            }
        }
        // Both halves of an attack on the backups: at least high; critical when an anomalous identity event is
        // followed by a backup anomaly of threat 7 or more.
        incident.severityRank = std::max(3, worst);
        if (anomalousIdentity && highBackup)
            incident.severityRank = 4;
        incident.windowHours = options.windowHours;
        incident.detectedAtMs = nowMs;
        incident.summary = summaryOf(incident);
        out.push_back(std::move(incident));
    }
    std::sort(out.begin(), out.end(), [](const Incident &a, const Incident &b) {
        return a.firstMs != b.firstMs ? a.firstMs > b.firstMs : a.id < b.id;
    });
    return out;
}

Result<IncidentReport> correlateIncidents(Database &db, const IncidentOptions &options)
{
    std::vector<IncidentPart> identity, backup;
    for (const auto &read : {store::identityAnomalyParts(db, options.identityMinSeverityRank),
                             store::privilegedAuditParts(db, options.privilegedActivities, options.identityMinSeverityRank),
                             store::backupConsoleSignInParts(db, options.backupConsoleApps, options.identityMinSeverityRank)}) {
        if (!read)
            return read.error();
        identity.insert(identity.end(), read->begin(), read->end());
    }
    Result<std::vector<IncidentPart>> backups = store::backupAnomalyParts(db, options.backupMinSeverityRank);
    if (!backups)
        return backups.error();
    backup = std::move(*backups);
    const qint64 now = options.nowMs ? options.nowMs : QDateTime::currentMSecsSinceEpoch();
    std::vector<Incident> incidents = buildIncidents(std::move(identity), std::move(backup), options, now);
    // An incident already stored keeps the time it was first detected.
    const Result<std::vector<Incident>> stored = store::readIncidents(db);
    if (!stored)
        return stored.error();
    for (Incident &i : incidents)
        for (const Incident &s : *stored)
            if (s.id == i.id)
                i.detectedAtMs = s.detectedAtMs;
    const Result<store::IncidentChanges> changes = store::replaceIncidents(db, incidents);
    if (!changes)
        return changes.error();
    IncidentReport report;
    report.incidents = qint64(incidents.size());
    report.added = changes->added;
    report.updated = changes->updated;
    report.removed = changes->removed;
    return report;
}

} // namespace backsight::detect
