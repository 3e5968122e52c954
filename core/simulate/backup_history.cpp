#include "simulate/backup_history.h"

#include "simulate/backup_session_writers.h"
#include "simulate/records.h"
#include "simulate/sim_random.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

namespace backsight::sim {
namespace {

using namespace backup_writers;

constexpr double kGiB = 1024.0 * 1024.0 * 1024.0;

enum AttackKind { Ransomware, Exfiltration, MassDeletion };

struct PlannedAttack
{
    QByteArray id;
    AttackKind kind = Ransomware;
    int server = 0, day = 0, length = 1;
    double strength = 0;      // the spike factor or the share deleted
    std::vector<size_t> sessions;
    int incident = -1;        // index into BackupHistoryOptions::incidents, or -1
};

double uniform(Random &r, double lo, double hi)
{
    return lo + (hi - lo) * r.unit();
}

// exp(sigma * N(0,1)): day-to-day wobble around a server's usual change.
double lognormal(Random &r, double sigma)
{
    const double u1 = std::max(r.unit(), 1e-12), u2 = r.unit();
    return std::exp(sigma * std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2));
}

int percentOf(double factor)
{
    return std::clamp(int(std::lround(100.0 / factor)), 1, 100);
}

std::vector<Server> makeServers(int count, quint64 seed)
{
    static const char *roles[] = {"FS", "SQL", "APP", "DC", "WEB", "EXCH", "ERP", "CRM", "PRINT", "SP"};
    constexpr int roleCount = int(sizeof roles / sizeof *roles);
    std::vector<Server> servers;
    for (int i = 0; i < count; ++i) {
        Random r = Random::stream(seed, 0xB0C1, quint64(i));
        Server s;
        s.name = QByteArray(roles[i % roleCount]) + QByteArray::number(i / roleCount + 1).rightJustified(2, '0');
        s.jobId = r.uuid();
        s.hour = r.between(8, 12); // the small hours in New Zealand, where the demo tenant's offices are
        s.minute = 15 * r.below(4);
        s.fullWeekday = r.chance(0.7) ? 6 : 7;
        s.monthEndFull = r.chance(0.5);
        s.monthEndRun = r.chance(0.3);
        s.wobble = uniform(r, 0.2, 0.5);
        s.totalBytes = std::exp(uniform(r, std::log(80.0), std::log(3072.0))) * kGiB;
        s.usedBytes = s.totalBytes * uniform(r, 0.35, 0.85);
        s.growthPerDay = uniform(r, 0.0, 0.0015);
        s.changeRate = uniform(r, 0.005, 0.05);
        s.dedup = uniform(r, 2.6, 4.8);
        s.compress = uniform(r, 1.55, 2.4);
        s.speed = uniform(r, 60.0, 350.0) * 1024 * 1024;
        servers.push_back(s);
    }
    return servers;
}

// The day whose session of `s` is the first to start two hours or more after `afterMs` (may be past the last day).
int nightAfter(const Server &s, QDate start, qint64 afterMs)
{
    const qint64 day0 = QDateTime(start, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    const qint64 offset = qint64(s.hour) * 3600000 + qint64(s.minute) * 60000;
    int day = int(std::max<qint64>(0, (afterMs - day0) / 86400000));
    while (day0 + qint64(day) * 86400000 + offset < afterMs + 2 * 3600000)
        ++day;
    return day;
}

std::vector<PlannedAttack> planAttacks(const std::vector<Server> &servers, int days, const QStringList &kinds,
                                       quint64 seed, QDate start, const std::vector<BackupIncidentSeed> &incidents)
{
    std::vector<PlannedAttack> attacks;
    if (days < 10 || servers.empty())
        return attacks;
    Random r = Random::stream(seed, 0xB0C2);
    std::vector<bool> taken(servers.size(), false);
    int freeServers = int(servers.size());
    // The incident scenario's nights first, each on servers of their own.
    Random ri = Random::stream(seed, 0xB0C4);
    for (size_t n = 0; n < incidents.size(); ++n) {
        for (int k = 0; k < incidents[n].servers && freeServers > 0; ++k) {
            PlannedAttack a;
            a.kind = Ransomware;
            a.incident = int(n);
            do {
                a.server = ri.below(int(servers.size()));
            } while (taken[size_t(a.server)]);
            taken[size_t(a.server)] = true;
            --freeServers;
            a.day = nightAfter(servers[size_t(a.server)], start, incidents[n].afterMs);
            a.length = 1;
            a.strength = uniform(ri, 6.0, 20.0);
            attacks.push_back(a);
        }
    }
    const int perKind = std::max(1, int(servers.size()) / 8);
    for (const QString &name : kinds) {
        const int kind = int(backupAttackKinds().indexOf(name));
        if (kind < 0)
            continue;
        for (int n = 0; n < perKind; ++n) {
            PlannedAttack a;
            a.kind = AttackKind(kind);
            // A server of its own while any is left, so one server's history carries one attack.
            do {
                a.server = r.below(int(servers.size()));
            } while (freeServers > 0 && taken[size_t(a.server)]);
            if (!taken[size_t(a.server)]) {
                taken[size_t(a.server)] = true;
                --freeServers;
            }
            a.day = r.between(days / 3, days - 3); // a clean history before it to learn from
            a.length = a.kind == MassDeletion ? r.between(1, 3) : r.between(1, 2);
            a.strength = a.kind == Ransomware     ? uniform(r, 5.0, 20.0)
                         : a.kind == Exfiltration ? uniform(r, 5.0, 15.0)
                                                  : uniform(r, 0.5, 0.9);
            attacks.push_back(a);
        }
    }
    std::sort(attacks.begin(), attacks.end(),
              [](const PlannedAttack &a, const PlannedAttack &b) { return std::tie(a.day, a.server) < std::tie(b.day, b.server); });
    for (size_t i = 0; i < attacks.size(); ++i)
        attacks[i].id = "bkp-" + QByteArray::number(qulonglong(i + 1)).rightJustified(3, '0');
    return attacks;
}

// What the calendar does to a clean night: the weekly full, the month-end (GFS monthly) full, the retention run
// after the weekly full (merging the oldest restore point: a longer session, the same data), the night after
// Patch Tuesday (more changed blocks, written as usual) and the odd busier night.
struct NightPlan
{
    bool full = false, retention = false;
    double changeFactor = 1.0;
};

NightPlan planNight(const Server &s, QDate date, Random &r)
{
    NightPlan n;
    n.full = date.dayOfWeek() == s.fullWeekday || (s.monthEndFull && date.day() == date.daysInMonth());
    n.retention = date.dayOfWeek() == s.fullWeekday % 7 + 1;
    const bool afterPatchTuesday = date.dayOfWeek() == 3 && date.day() >= 9 && date.day() <= 15;
    if (afterPatchTuesday)
        n.changeFactor = uniform(r, 1.3, 1.8);
    if (s.monthEndRun && date.day() >= date.daysInMonth() - 1)
        n.changeFactor *= uniform(r, 1.6, 2.6);
    const double odd = r.unit();
    if (odd < 0.03)
        n.changeFactor *= uniform(r, 1.1, 1.4); // a single busier night (15 % or so): not a threat
    else if (odd < 0.04)
        n.changeFactor *= uniform(r, 1.4, 1.9);
    if (date.dayOfWeek() >= 6)
        n.changeFactor *= 0.45; // weekends change less
    return n;
}

// One night's session of one server; `attack` changes it when the server is under attack that night.
Session makeSession(const Server &s, int serverIndex, int day, QDate date, quint64 seed, const PlannedAttack *attack)
{
    Random r = Random::stream(seed, 0xB0C3 + quint64(serverIndex), quint64(day));
    Session x;
    x.id = r.uuid();
    x.server = serverIndex;
    x.startMs = QDateTime(date, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch() + qint64(s.hour) * 3600000
                + qint64(s.minute) * 60000 + r.between(1, 59) * 1000; // whole seconds: Export-Csv writes no fraction
    const NightPlan night = planNight(s, date, r);
    x.full = night.full && !attack;
    const double used = s.usedBytes * (1.0 + s.growthPerDay * day);
    double read = x.full ? used * uniform(r, 0.97, 1.0) : used * s.changeRate * lognormal(r, s.wobble) * night.changeFactor;
    double dedup = std::clamp(s.dedup * uniform(r, 0.92, 1.08), 2.5, 5.0);
    double compress = std::clamp(s.compress * uniform(r, 0.95, 1.05), 1.5, 2.5);
    double transferred = read / (dedup * compress);
    double processedUsed = used;
    const double roll = r.unit();
    if (!attack && roll < 0.015) {
        // A failed night: nothing read, nothing written.
        x.result = "Failed";
        x.total = qint64(s.totalBytes);
        x.durationS = r.between(30, 300);
        x.endMs = x.startMs + x.durationS * 1000;
        return x;
    }
    if (!attack && roll < 0.055)
        x.result = "Warning";
    if (attack && attack->kind == Ransomware) {
        // Encrypted blocks neither dedupe nor compress, and every one of them changed.
        dedup = uniform(r, 1.0, 1.2);
        compress = uniform(r, 1.0, 1.2);
        transferred *= attack->strength;
        read = std::min(transferred * dedup * compress, used);
        transferred = read / (dedup * compress);
    } else if (attack && attack->kind == Exfiltration) {
        // Much more read than usual, written as usual.
        read = std::min(read * attack->strength, used);
        transferred *= uniform(r, 0.9, 1.2);
    } else if (attack && attack->kind == MassDeletion) {
        processedUsed = used * (1.0 - attack->strength);
        read *= (1.0 - attack->strength) * uniform(r, 0.1, 0.4);
        transferred = read / (dedup * compress);
    }
    x.total = qint64(s.totalBytes);
    x.processedUsed = qint64(processedUsed);
    x.read = qint64(read);
    x.transferred = qint64(transferred);
    x.dedupPct = percentOf(dedup);
    x.compressPct = percentOf(compress);
    x.durationS = qint64(read / s.speed) + r.between(45, 240);
    if (night.retention)
        x.durationS += qint64(used * s.changeRate * uniform(r, 3.0, 6.0) / s.speed); // merging the oldest increment
    x.endMs = x.startMs + x.durationS * 1000;
    return x;
}

// The attacks' label rows and the incident nights they belong to.
void labelAttacks(const std::vector<PlannedAttack> &attacks, const std::vector<Session> &sessions,
                  const std::vector<Server> &servers, const std::vector<BackupIncidentSeed> &incidents,
                  BackupHistoryResult &result)
{
    for (const PlannedAttack &a : attacks) {
        if (a.sessions.empty()) // it fell after the last day
            continue;
        const Session &first = sessions[a.sessions.front()];
        const Session &last = sessions[a.sessions.back()];
        result.labelRows += a.id + ',' + backupAttackKinds()[int(a.kind)].toLatin1() + ',' + servers[size_t(a.server)].name + ',';
        appendIsoUtc(result.labelRows, first.startMs);
        result.labelRows += ',';
        appendIsoUtc(result.labelRows, last.endMs ? last.endMs : last.startMs);
        result.labelRows += ',';
        for (size_t k = 0; k < a.sessions.size(); ++k)
            result.labelRows += (k ? ";" : "") + sessions[a.sessions[k]].id;
        result.labelRows += '\n';
        ++result.attacks;
        result.attackSessions += qint64(a.sessions.size());
    }
    result.incidents.resize(incidents.size());
    for (size_t n = 0; n < incidents.size(); ++n)
        result.incidents[n].identityAttackId = incidents[n].identityAttackId;
    for (const PlannedAttack &a : attacks) {
        if (a.incident < 0 || a.sessions.empty())
            continue;
        BackupHistoryResult::IncidentNight &night = result.incidents[size_t(a.incident)];
        night.backupAttackIds << a.id;
        for (size_t k : a.sessions) {
            const Session &x = sessions[k];
            night.sessionIds << x.id;
            night.firstMs = night.firstMs ? std::min(night.firstMs, x.startMs) : x.startMs;
            night.lastMs = std::max(night.lastMs, x.endMs ? x.endMs : x.startMs);
        }
    }
}

} // namespace

const QStringList &backupAttackKinds()
{
    static const QStringList kinds = {QStringLiteral("backup_ransomware"), QStringLiteral("backup_exfiltration"),
                                      QStringLiteral("backup_mass_deletion")};
    return kinds;
}

const QStringList &backupFormats()
{
    static const QStringList formats = {QStringLiteral("ps-json"), QStringLiteral("ps-csv")};
    return formats;
}

BackupHistoryResult writeBackupHistory(const BackupHistoryOptions &o)
{
    BackupHistoryResult result;
    if (!backupFormats().contains(o.format)) {
        result.error = QStringLiteral("unknown backup format '%1' (known: %2)")
                           .arg(o.format, backupFormats().join(QStringLiteral(", ")));
        return result;
    }
    if (o.servers <= 0 || o.days <= 0 || !o.start.isValid() || o.outDir.isEmpty()) {
        result.error = QStringLiteral("backup servers and days must be positive, with a start day and a folder");
        return result;
    }
    const std::vector<Server> servers = makeServers(o.servers, o.seed);
    std::vector<PlannedAttack> attacks = planAttacks(servers, o.days, o.attackKinds, o.seed, o.start, o.incidents);
    std::vector<Session> sessions;
    sessions.reserve(size_t(o.servers) * size_t(o.days));
    for (int day = 0; day < o.days; ++day) {
        const QDate date = o.start.addDays(day);
        for (int i = 0; i < o.servers; ++i) {
            PlannedAttack *attack = nullptr;
            for (PlannedAttack &a : attacks) {
                if (a.server == i && day >= a.day && day < a.day + a.length)
                    attack = &a;
            }
            sessions.push_back(makeSession(servers[size_t(i)], i, day, date, o.seed, attack));
            if (attack)
                attack->sessions.push_back(sessions.size() - 1);
        }
    }

    // One file per month, sessions in the order they started.
    std::vector<size_t> order(sessions.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        return std::tie(sessions[a].startMs, sessions[a].server) < std::tie(sessions[b].startMs, sessions[b].server);
    });
    std::map<QByteArray, QByteArray> files;
    const bool csv = o.format == QLatin1String("ps-csv");
    for (size_t i : order) {
        const Session &x = sessions[i];
        const QByteArray month = QDateTime::fromMSecsSinceEpoch(x.startMs, Qt::UTC).toString(QStringLiteral("yyyy-MM")).toLatin1();
        QByteArray &bytes = files[month];
        if (csv) {
            if (bytes.isEmpty())
                bytes = psCsvHeader();
            appendPsCsv(bytes, x, servers[size_t(x.server)]);
        } else {
            appendPsJson(bytes, x, servers[size_t(x.server)], bytes.isEmpty());
        }
        ++result.sessions;
        result.failed += x.result == "Failed";
        result.warnings += x.result == "Warning";
    }
    if (!QDir().mkpath(o.outDir)) {
        result.error = QStringLiteral("cannot create %1").arg(o.outDir);
        return result;
    }
    for (auto &[month, bytes] : files) {
        if (!csv)
            bytes += "\r\n]\r\n";
        const QString path = QDir(o.outDir).filePath(QStringLiteral("sessions-%1.%2")
                                                          .arg(QString::fromLatin1(month), csv ? QStringLiteral("csv")
                                                                                               : QStringLiteral("json")));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes) != bytes.size()) {
            result.error = QStringLiteral("cannot write %1: %2").arg(path, f.errorString());
            return result;
        }
        ++result.files;
    }

    labelAttacks(attacks, sessions, servers, o.incidents, result);
    result.ok = true;
    return result;
}

} // namespace backsight::sim
