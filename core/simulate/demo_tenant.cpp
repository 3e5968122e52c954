#include "simulate/demo_tenant.h"

#include "simulate/activity.h"
#include "simulate/attacks.h"
#include "simulate/backup_history.h"
#include "simulate/log_writers.h"
#include "simulate/records.h"

#include <QFile>
#include <algorithm>

namespace backsight {
namespace {

bool resolveKinds(const QStringList &names, bool realism, QList<int> &kinds, QString &error)
{
    const QStringList &all = sim::attackKinds();
    for (const QString &name : names) {
        if (name == QLatin1String("all")) {
            for (int k = 0; k < (realism ? all.size() : sim::kClassicAttackKinds); ++k)
                kinds.append(k);
        } else if (name != QLatin1String("none") && !name.isEmpty() && !sim::backupAttackKinds().contains(name)) {
            const int k = int(all.indexOf(name));
            if (k < 0) {
                error = QStringLiteral("unknown attack kind '%1' (known: %2)").arg(name, all.join(QStringLiteral(", ")));
                return false;
            }
            kinds.append(k);
        }
    }
    std::sort(kinds.begin(), kinds.end());
    kinds.erase(std::unique(kinds.begin(), kinds.end()), kinds.end());
    return true;
}

bool writeLabels(const QString &path, const std::vector<sim::Attack> &attacks, const sim::Tenant &t, QString &error)
{
    QByteArray out = "attack_id,kind,user_principal_name,start_utc,end_utc,event_ids\n";
    for (const sim::Attack &a : attacks) {
        if (a.eventIds.empty()) // its events fell after the last day
            continue;
        out += a.attackId + ',' + sim::attackKinds()[a.kind].toLatin1() + ',';
        for (size_t i = 0; i < a.touched.size(); ++i)
            out += (i ? ";" : "") + t.users[size_t(a.touched[i])].upn;
        out += ',';
        sim::appendIsoUtc(out, a.startMs);
        out += ',';
        sim::appendIsoUtc(out, a.endMs);
        out += ',';
        for (size_t i = 0; i < a.eventIds.size(); ++i)
            out += (i ? ";" : "") + a.eventIds[i];
        out += '\n';
    }
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(out) != out.size()) {
        error = QStringLiteral("cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

void count(const sim::DayEvents &day, DemoTenantResult &result, std::vector<bool> &seen)
{
    result.signIns += qint64(day.signIns.size());
    result.audits += qint64(day.audits.size());
    for (const sim::SimSignIn &s : day.signIns) {
        result.nonInteractiveSignIns += s.interactive ? 0 : 1;
        result.failedSignIns += s.error != 0 && s.error != 50074 && s.error != 50076;
        if (!seen[size_t(s.user)]) {
            seen[size_t(s.user)] = true;
            ++result.users;
        }
    }
}

} // namespace

QStringList demoAttackKinds()
{
    return sim::attackKinds().mid(0, sim::kClassicAttackKinds);
}

QStringList demoRealismAttackKinds()
{
    return sim::attackKinds().mid(sim::kClassicAttackKinds);
}

QStringList demoBackupAttackKinds()
{
    return sim::backupAttackKinds();
}

namespace {

// The backup histories of options.backupServers servers, their labels appended to the tenant's.
bool writeBackupPart(const DemoTenantOptions &options, QDate start, const std::vector<sim::Attack> &attacks,
                     const sim::Tenant &tenant, DemoTenantResult &result)
{
    sim::BackupHistoryOptions b;
    std::vector<const sim::Attack *> seeds;
    if (options.backupIncidents) {
        for (const sim::Attack &a : attacks) {
            if (sim::attackKinds().value(a.kind) != QLatin1String("offhours_admin") || a.eventIds.empty())
                continue;
            b.incidents.push_back({a.attackId, a.endMs, std::max(1, options.incidentServers)});
            seeds.push_back(&a);
        }
    }
    b.servers = options.backupServers;
    b.days = options.days;
    b.start = start;
    b.seed = options.seed;
    b.format = options.backupFormat;
    for (const QString &name : options.attacks) {
        if (name == QLatin1String("all"))
            b.attackKinds << sim::backupAttackKinds();
        else if (sim::backupAttackKinds().contains(name))
            b.attackKinds << name;
    }
    b.attackKinds.removeDuplicates();
    QString stem = options.outDir;
    const bool zip = stem.endsWith(QLatin1String(".zip"), Qt::CaseInsensitive);
    if (zip)
        stem.chop(4);
    b.outDir = zip ? stem + QStringLiteral("-backup-sessions") : stem + QStringLiteral("/Backup sessions");
    const sim::BackupHistoryResult r = sim::writeBackupHistory(b);
    if (!r.ok) {
        result.error = r.error;
        return false;
    }
    QFile labels(result.labelsPath);
    if (!labels.open(QIODevice::Append) || labels.write(r.labelRows) != r.labelRows.size()) {
        result.error = QStringLiteral("cannot write %1: %2").arg(result.labelsPath, labels.errorString());
        return false;
    }
    // One identity_backup_incident row per seed whose night fell inside the history.
    QByteArray rows;
    for (size_t n = 0; n < r.incidents.size(); ++n) {
        const auto &night = r.incidents[n];
        if (night.sessionIds.isEmpty())
            continue;
        const sim::Attack &a = *seeds[n];
        rows += "inc-" + QByteArray::number(qulonglong(result.backupIncidents + 1)).rightJustified(3, '0')
                + ",identity_backup_incident,";
        for (size_t i = 0; i < a.touched.size(); ++i)
            rows += (i ? ";" : "") + tenant.users[size_t(a.touched[i])].upn;
        rows += ',';
        sim::appendIsoUtc(rows, a.startMs);
        rows += ',';
        sim::appendIsoUtc(rows, night.lastMs);
        rows += ',';
        for (size_t i = 0; i < a.eventIds.size(); ++i)
            rows += (i ? ";" : "") + a.eventIds[i];
        for (const QByteArray &id : night.sessionIds)
            rows += ';' + id;
        rows += '\n';
        ++result.backupIncidents;
    }
    if (!rows.isEmpty() && labels.write(rows) != rows.size()) {
        result.error = QStringLiteral("cannot write %1: %2").arg(result.labelsPath, labels.errorString());
        return false;
    }
    result.backupSessions = r.sessions;
    result.backupAttacks = r.attacks;
    result.backupDir = b.outDir;
    result.files += r.files;
    return true;
}

} // namespace

DemoTenantResult writeDemoTenant(const DemoTenantOptions &options, const std::function<bool(int, int)> &progress)
{
    DemoTenantResult result;
    if (options.users <= 0 || options.days <= 0 || options.outDir.isEmpty()) {
        result.error = QStringLiteral("users and days must be positive and an output folder given");
        return result;
    }
    QList<int> kinds;
    if (!resolveKinds(options.attacks, options.realism, kinds, result.error))
        return result;
    Result<std::unique_ptr<sim::LogWriter>> made = sim::makeLogWriter(options.format, options.outDir);
    if (!made) {
        result.error = made.error().message;
        return result;
    }
    const std::unique_ptr<sim::LogWriter> writer = std::move(*made);
    const QDate start = options.start.isValid() ? options.start : QDate(2024, 12, 1).addDays(-options.days);
    sim::Tenant tenant = sim::buildTenant(options.users, options.days, start, options.seed);
    if (options.realism)
        sim::addRealHabits(tenant, options.seed);
    std::vector<sim::Attack> attacks = sim::planAttacks(tenant, kinds, options.seed);
    std::vector<bool> seen(tenant.users.size(), false);
    for (int day = 0; day < options.days; ++day) {
        sim::DayEvents events;
        sim::addNormalDay(tenant, day, options.seed, events);
        sim::addAttackDay(attacks, tenant, day, events);
        events.sort();
        if (Status written = writer->writeDay(start.addDays(day), events, tenant); !written) {
            result.error = written.error().message;
            return result;
        }
        count(events, result, seen);
        if (progress && !progress(day + 1, options.days)) {
            result.error = QStringLiteral("cancelled");
            return result;
        }
    }
    for (const sim::Attack &a : attacks) {
        result.attacks += a.eventIds.empty() ? 0 : 1;
        result.attackEvents += qint64(a.eventIds.size());
    }
    if (Status finished = writer->finish(); !finished) {
        result.error = finished.error().message;
        return result;
    }
    QString stem = options.outDir;
    if (stem.endsWith(QLatin1String(".zip"), Qt::CaseInsensitive))
        stem.chop(4);
    result.labelsPath = options.labelsPath.isEmpty() ? stem + QStringLiteral("-labels.csv") : options.labelsPath;
    if (!writeLabels(result.labelsPath, attacks, tenant, result.error))
        return result;
    result.files = writer->files();
    if (options.backupServers > 0 && !writeBackupPart(options, start, attacks, tenant, result))
        return result;
    result.ok = true;
    return result;
}

} // namespace backsight
