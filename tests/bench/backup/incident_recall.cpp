#include "incident_recall.h"

#include "detect/pipeline.h"
#include "detect/training.h"
#include "ingest/importer.h"
#include "ingest/timestamp.h"
#include "simulate/demo_tenant.h"
#include "store/database.h"
#include "store/incident_store.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>

namespace backsight::backupbench {
namespace {

struct IncidentLabel
{
    QString upn;
    qint64 startMs = 0, endMs = 0;
};

std::vector<IncidentLabel> readIncidentLabels(const QString &path)
{
    std::vector<IncidentLabel> out;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return out;
    for (const QByteArray &line : f.readAll().split('\n')) {
        const QList<QByteArray> cells = line.split(',');
        if (cells.size() < 6 || cells[1] != "identity_backup_incident")
            continue;
        IncidentLabel l;
        l.upn = QString::fromUtf8(cells[2]).toLower();
        l.startMs = parseTimestamp(cells[3].toStdString(), ZonelessTime::Reject).ms;
        l.endMs = parseTimestamp(cells[4].toStdString(), ZonelessTime::Reject).ms;
        out.push_back(l);
    }
    return out;
}

bool matches(const Incident &i, const IncidentLabel &l)
{
    bool identity = false, backup = false;
    for (const IncidentPart &p : i.parts) {
        if (p.role == QLatin1String("identity"))
            identity = identity || p.subject.toLower() == l.upn;
        else
            backup = backup || (p.timeMs >= l.startMs && p.timeMs <= l.endMs);
    }
    return identity && backup;
}

} // namespace

IncidentRecall evaluateIncidents(quint64 seed, int users, int days, int servers, int incidentServers, bool clean,
                                 const QString &workDir)
{
    IncidentRecall r;
    r.source = QStringLiteral("%1 seed %2 (%3 users, %4 servers × %5 nights)")
                   .arg(clean ? QStringLiteral("clean backups") : QStringLiteral("incident scenario"))
                   .arg(seed)
                   .arg(users)
                   .arg(servers)
                   .arg(days);
    QElapsedTimer timer;
    timer.start();
    const QString dir = QDir(workDir).filePath(QStringLiteral("incidents-%1-%2").arg(seed).arg(clean ? QStringLiteral("clean") : QStringLiteral("attacked")));
    QDir(dir).removeRecursively();
    DemoTenantOptions o;
    o.users = users;
    o.days = days;
    o.seed = seed;
    o.format = QStringLiteral("graph");
    o.outDir = QDir(dir).filePath(QStringLiteral("logs"));
    o.labelsPath = QDir(dir).filePath(QStringLiteral("labels.csv"));
    o.attacks = clean ? demoAttackKinds() : QStringList{QStringLiteral("offhours_admin")}; // identity kinds only: no backup attacks
    o.backupServers = servers;
    o.backupIncidents = !clean;
    o.incidentServers = incidentServers;
    const DemoTenantResult written = writeDemoTenant(o);
    if (!written.ok) {
        r.error = written.error;
        return r;
    }
    Database db;
    if (!db.open(QDir(dir).filePath(QStringLiteral("case.sqlite")))) {
        r.error = db.error();
        return r;
    }
    if (Importer(db).run({o.outDir}).totalInserted() == 0) {
        r.error = QStringLiteral("nothing imported from %1").arg(o.outDir);
        return r;
    }
    if (const Result<detect::TrainAllReport> trained = detect::trainAll(db, {}); !trained) {
        r.error = trained.error().message;
        return r;
    }
    detect::DetectOptions options;
    detect::addModelScorers(options);
    const Result<detect::DetectReport> report = detect::runDetection(db, options);
    if (!report) {
        r.error = report.error().message;
        return r;
    }
    const Result<std::vector<IncidentPart>> identity = store::identityAnomalyParts(db, 2);
    const Result<std::vector<IncidentPart>> backup = store::backupAnomalyParts(db, 2);
    const Result<std::vector<Incident>> incidents = store::readIncidents(db);
    if (!identity || !backup || !incidents) {
        r.error = QStringLiteral("cannot read the results");
        return r;
    }
    r.identityAnomalies = int(identity->size());
    r.backupAnomalies = int(backup->size());
    const std::vector<IncidentLabel> labels = readIncidentLabels(written.labelsPath);
    r.labelled = int(labels.size());
    r.incidents = int(incidents->size());
    for (const IncidentLabel &l : labels) {
        for (const Incident &i : *incidents) {
            if (matches(i, l)) {
                ++r.found;
                break;
            }
        }
    }
    for (const Incident &i : *incidents) {
        bool labelled = false;
        for (const IncidentLabel &l : labels)
            labelled = labelled || matches(i, l);
        r.falseIncidents += !labelled;
    }
    r.seconds = double(timer.elapsed()) / 1000.0;
    return r;
}

} // namespace backsight::backupbench
