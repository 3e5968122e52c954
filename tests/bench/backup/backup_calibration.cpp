#include "backup_calibration.h"

#include "backup/server_models.h"
#include "ingest/importer.h"
#include "ingest/timestamp.h"
#include "simulate/backup_history.h"
#include "simulate/records.h"
#include "store/database.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSet>
#include <algorithm>
#include <cmath>
#include <limits>

namespace backsight::backupbench {
namespace {

struct Label
{
    QString kind, server;
    QStringList sessions;
};

std::vector<Label> parseLabels(const QByteArray &rows)
{
    std::vector<Label> out;
    for (const QByteArray &line : rows.split('\n')) {
        const QList<QByteArray> cells = line.split(',');
        if (cells.size() < 6)
            continue;
        out.push_back({QString::fromLatin1(cells[1]), QString::fromLatin1(cells[2]),
                       QString::fromLatin1(cells[5]).toLower().split(QLatin1Char(';'), Qt::SkipEmptyParts)});
    }
    return out;
}

// Imports `path`, trains with `options` and scores every session; false with `error` on any failure.
bool trainAndScore(const QString &dbPath, const QString &path, const backup::ServerTrainOptions &options,
                   std::vector<detect::Finding> &findings, QString &error)
{
    QFile::remove(dbPath);
    Database db;
    if (!db.open(dbPath)) {
        error = db.error();
        return false;
    }
    const ImportReport report = Importer(db).run({path});
    if (report.totalInserted() == 0) {
        error = QStringLiteral("nothing imported from %1").arg(path);
        return false;
    }
    const Result<int> models = backup::trainServerModels(db, options, {});
    Status scored = models ? backup::scoreBackupSessions(db, 0, std::numeric_limits<qint64>::max(), findings) : models.error();
    if (!scored)
        error = scored.error().message;
    return scored.ok();
}

void countGenerated(const std::vector<Label> &labels, const std::vector<detect::Finding> &findings, int servers,
                    CalibrationResult &r)
{
    QHash<QString, const detect::Finding *> bySession;
    QHash<QString, int> maxThreat;
    for (const detect::Finding &f : findings) {
        bySession.insert(f.eventIds.front().toLower(), &f);
        maxThreat[f.subject] = std::max(maxThreat.value(f.subject), f.threatScore.value_or(0));
    }
    QSet<QString> attacked;
    for (const Label &l : labels) {
        attacked.insert(l.server);
        KindRecall &k = r.kinds[l.kind];
        ++k.attacks;
        bool detected = false, right = false;
        for (const QString &id : l.sessions) {
            const detect::Finding *f = bySession.value(id);
            detected = detected || f;
            right = right || (f && f->kind == l.kind);
            if (l.kind == QLatin1String("backup_ransomware")) {
                ++r.ransomwareNights;
                r.ransomwareNightsAtLeast7 += f && f->threatScore.value_or(0) >= 7;
            }
        }
        k.detected += detected;
        k.rightKind += right;
    }
    r.findings = int(findings.size());
    for (const detect::Finding &f : findings) {
        r.findingsOnClean += !attacked.contains(f.subject);
    }
    r.servers = servers;
    r.cleanServers = servers - int(attacked.size());
    for (const QString &server : maxThreat.keys())
        r.cleanAtMost3 -= !attacked.contains(server) && maxThreat.value(server) > 3;
    r.cleanAtMost3 += r.cleanServers;
}

} // namespace

CalibrationResult evaluateGenerated(quint64 seed, int servers, int days, const QString &workDir)
{
    CalibrationResult r;
    r.source = QStringLiteral("generated seed %1 (%2 × %3)").arg(seed).arg(servers).arg(days);
    QElapsedTimer timer;
    timer.start();
    const QString dir = QDir(workDir).filePath(QStringLiteral("seed-%1").arg(seed));
    QDir(dir).removeRecursively();
    sim::BackupHistoryOptions o;
    o.servers = servers;
    o.days = days;
    o.start = QDate(2024, 8, 1);
    o.seed = seed;
    o.attackKinds = sim::backupAttackKinds();
    o.outDir = QDir(dir).filePath(QStringLiteral("export"));
    const sim::BackupHistoryResult written = sim::writeBackupHistory(o);
    if (!written.ok) {
        r.error = written.error;
        return r;
    }
    std::vector<detect::Finding> findings;
    if (!trainAndScore(QDir(dir).filePath(QStringLiteral("case.sqlite")), o.outDir, {}, findings, r.error))
        return r;
    r.judgedNights = int(written.sessions - written.sessions / 3);
    countGenerated(parseLabels(written.labelRows), findings, servers, r);
    r.seconds = double(timer.elapsed()) / 1000.0;
    return r;
}

NabResult evaluateNab(const nab::Series &series, const QString &workDir)
{
    NabResult r;
    r.file = series.file;
    // Hourly buckets: mean as transferred, max as read, both shifted to be positive and in "bytes".
    const double low = *std::min_element(series.values.begin(), series.values.end());
    QByteArray json = "[";
    const QString name = QFileInfo(series.file).completeBaseName();
    std::vector<qint64> bucketMs;
    for (size_t i = 0; i < series.values.size();) {
        const qint64 bucket = series.timesMs[i] / 3600000;
        double sum = 0, top = -1e300;
        int n = 0;
        for (; i < series.values.size() && series.timesMs[i] / 3600000 == bucket; ++i, ++n) {
            sum += series.values[i];
            top = std::max(top, series.values[i]);
        }
        const qint64 start = bucket * 3600000;
        bucketMs.push_back(start);
        QByteArray when;
        sim::appendIsoUtc(when, start);
        json += (bucketMs.size() > 1 ? ",\n" : "\n");
        json += "{\"JobName\": \"NAB\", \"Name\": \"" + name.toUtf8() + "\", \"CreationTimeUTC\": \"" + when
                + "\", \"Result\": \"Success\", \"Progress\": {\"TransferedSize\": "
                + QByteArray::number(qint64((sum / n - low + 1) * 1e6)) + ", \"ReadSize\": "
                + QByteArray::number(qint64((top - low + 1) * 1e6)) + "}}";
    }
    json += "\n]\n";
    r.buckets = int(bucketMs.size());
    const QString dir = QDir(workDir).filePath(QStringLiteral("nab-") + name);
    QDir(dir).removeRecursively();
    QDir().mkpath(dir);
    const QString path = QDir(dir).filePath(QStringLiteral("sessions.json"));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(json) != json.size()) {
        r.error = QStringLiteral("cannot write %1").arg(path);
        return r;
    }
    f.close();
    backup::ServerTrainOptions options;
    options.trainShare = 0.15; // NAB's probationary period
    std::vector<detect::Finding> findings;
    if (!trainAndScore(QDir(dir).filePath(QStringLiteral("case.sqlite")), path, options, findings, r.error))
        return r;
    const size_t trained = std::max<size_t>(size_t(options.minSessions), size_t(std::ceil(double(bucketMs.size()) * 0.15)));
    r.judged = int(bucketMs.size() - std::min(trained, bucketMs.size()));
    r.windows = int(series.windows.size());
    std::vector<int> windowMax(series.windows.size(), 0);
    for (const detect::Finding &x : findings) {
        const int threat = x.threatScore.value_or(0);
        bool inside = false;
        for (size_t w = 0; w < series.windows.size(); ++w) {
            if (x.timeMs >= series.windows[w].first && x.timeMs <= series.windows[w].second) {
                inside = true;
                windowMax[w] = std::max(windowMax[w], threat);
            }
        }
        if (!inside) {
            ++r.findingsOutside;
            r.outsideAbove3 += threat > 3;
            r.maxThreatOutside = std::max(r.maxThreatOutside, threat);
        }
    }
    for (int m : windowMax) {
        r.windowsDetected += m > 0;
        r.windowsAtLeast7 += m >= 7;
    }
    return r;
}

} // namespace backsight::backupbench
