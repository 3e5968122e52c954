// The backup threat score's calibration table: generated histories (several seeds) and NAB series run through the
// real importer, training and scoring, then the identity ↔ backup incident scenario's recall. Usage: bench_backup
// [--servers N (0: skip)] [--days N] [--seeds 1,2,3] [--nab DIR] [--incident-users N (0: skip)] [--incident-days N]
// [--incident-servers N]
#include "backup_calibration.h"
#include "incident_recall.h"

#include <QCoreApplication>
#include <QDir>
#include <QTemporaryDir>
#include <cstdio>

using namespace backsight;
using namespace backsight::backupbench;

namespace {

QString share(int part, int whole)
{
    return whole ? QStringLiteral("%1/%2 (%3 %)").arg(part).arg(whole).arg(100.0 * part / whole, 0, 'f', 0) : QStringLiteral("–");
}

void printGenerated(const CalibrationResult &r, CalibrationResult &total)
{
    auto recall = [&](const char *kind) {
        const KindRecall k = r.kinds.count(QLatin1String(kind)) ? r.kinds.at(QLatin1String(kind)) : KindRecall{};
        KindRecall &t = total.kinds[QLatin1String(kind)];
        t.attacks += k.attacks, t.detected += k.detected, t.rightKind += k.rightKind;
        return QStringLiteral("%1/%2 (%3 named)").arg(k.detected).arg(k.attacks).arg(k.rightKind);
    };
    std::printf("%-30s %-16s %-16s %-16s %-16s %-16s %5d %5d %6.1f\n", qPrintable(r.source),
                qPrintable(share(r.ransomwareNightsAtLeast7, r.ransomwareNights)), qPrintable(share(r.cleanAtMost3, r.cleanServers)),
                qPrintable(recall("backup_ransomware")), qPrintable(recall("backup_exfiltration")),
                qPrintable(recall("backup_mass_deletion")), r.findings, r.findingsOnClean, r.seconds);
    total.ransomwareNights += r.ransomwareNights;
    total.ransomwareNightsAtLeast7 += r.ransomwareNightsAtLeast7;
    total.cleanServers += r.cleanServers;
    total.cleanAtMost3 += r.cleanAtMost3;
    total.findings += r.findings;
    total.findingsOnClean += r.findingsOnClean;
    total.seconds += r.seconds;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    int servers = 40, days = 120;
    int incidentUsers = 30, incidentDays = 90, incidentServers = 12; // the incident scenario's tenant (0 users: skip)
    QStringList seeds = {QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3"), QStringLiteral("4"), QStringLiteral("5")};
    QString nabDir = qEnvironmentVariable("BACKSIGHT_SHARED") + QStringLiteral("/benchmarks/nab");
    for (int k = 0; k + 1 < args.size(); k += 2) {
        if (args[k] == QLatin1String("--servers")) servers = args[k + 1].toInt();
        else if (args[k] == QLatin1String("--days")) days = args[k + 1].toInt();
        else if (args[k] == QLatin1String("--seeds")) seeds = args[k + 1].split(QLatin1Char(','));
        else if (args[k] == QLatin1String("--nab")) nabDir = args[k + 1];
        else if (args[k] == QLatin1String("--incident-users")) incidentUsers = args[k + 1].toInt();
        else if (args[k] == QLatin1String("--incident-days")) incidentDays = args[k + 1].toInt();
        else if (args[k] == QLatin1String("--incident-servers")) incidentServers = args[k + 1].toInt();
        else {
            std::fprintf(stderr, "unknown option %s\n", qPrintable(args[k]));
            return 1;
        }
    }
    QTemporaryDir work;
    if (servers > 0) {
        std::printf("Generated histories: %d servers × %d nights, trained on the oldest third, the rest scored.\n\n", servers, days);
        std::printf("%-30s %-16s %-16s %-16s %-16s %-16s %5s %5s %6s\n", "history", "ransom ≥7", "clean ≤3",
                    "ransomware", "exfiltration", "mass deletion", "finds", "clean", "s");
        CalibrationResult total;
        total.source = QStringLiteral("all seeds");
        for (const QString &seed : seeds) {
            const CalibrationResult r = evaluateGenerated(seed.toULongLong(), servers, days, work.path());
            if (!r.error.isEmpty()) {
                std::fprintf(stderr, "seed %s: %s\n", qPrintable(seed), qPrintable(r.error));
                return 2;
            }
            printGenerated(r, total);
        }
        CalibrationResult ignored;
        printGenerated(total, ignored);
    }

    if (incidentUsers > 0) {
        std::printf("\nIdentity ↔ backup incidents: offhours_admin attacks each followed by a ransomware night on 3 "
                    "servers; clean: every identity attack, backups untouched.\n\n");
        std::printf("%-62s %-14s %6s %6s %9s %9s %6s\n", "tenant", "found", "incid", "false", "id anom", "bk anom", "s");
        int labelled = 0, found = 0, falseOnClean = 0, falseOnAttacked = 0;
        for (const QString &seed : seeds) {
            for (const bool clean : {false, true}) {
                const IncidentRecall r = evaluateIncidents(seed.toULongLong(), incidentUsers, incidentDays, incidentServers,
                                                           3, clean, work.path());
                if (!r.error.isEmpty()) {
                    std::fprintf(stderr, "%s: %s\n", qPrintable(r.source), qPrintable(r.error));
                    return 2;
                }
                std::printf("%-62s %-14s %6d %6d %9d %9d %6.1f\n", qPrintable(r.source),
                            qPrintable(share(r.found, r.labelled)), r.incidents, r.falseIncidents, r.identityAnomalies,
                            r.backupAnomalies, r.seconds);
                labelled += r.labelled;
                found += r.found;
                (clean ? falseOnClean : falseOnAttacked) += r.falseIncidents;
            }
        }
        std::printf("incident recall %s; false incidents: %d with the scenario, %d on clean backups\n",
                    qPrintable(share(found, labelled)), falseOnAttacked, falseOnClean);
    }

    std::vector<nab::Series> series;
    QString error;
    if (!nab::loadSeries(nabDir, {QStringLiteral("artificialNoAnomaly/art_daily_small_noise.csv")}, series, error)) {
        std::printf("\nNAB skipped: %s\n", qPrintable(error));
        return 0;
    }
    std::printf("\nNAB (%s): hourly buckets as sessions, trained on the probationary 15 %%.\n\n", qPrintable(nabDir));
    std::printf("%-55s %7s %7s %10s %9s %9s %9s %9s\n", "file", "buckets", "judged", "windows", "det", "≥7", "out finds",
                "out >3");
    for (const nab::Series &s : series) {
        const NabResult r = evaluateNab(s, work.path());
        if (!r.error.isEmpty()) {
            std::printf("%-55s %s\n", qPrintable(r.file), qPrintable(r.error));
            continue;
        }
        std::printf("%-55s %7d %7d %10d %9d %9d %9d %9d (max %d)\n", qPrintable(r.file), r.buckets, r.judged, r.windows,
                    r.windowsDetected, r.windowsAtLeast7, r.findingsOutside, r.outsideAbove3, r.maxThreatOutside);
    }
    return 0;
}
