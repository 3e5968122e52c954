#pragma once

#include "nab_evaluation.h"

#include <QString>
#include <QStringList>
#include <map>

namespace backsight::backupbench {

// What the calibration of the backup threat score is judged by (docs/backup-models.md): on a history, the share
// of attacked nights scored high (ransomware ≥ 7), of clean servers that never pass 3, and each kind's recall.
struct KindRecall
{
    int attacks = 0, detected = 0, rightKind = 0;
};

struct CalibrationResult
{
    QString source;
    int servers = 0, cleanServers = 0, cleanAtMost3 = 0;
    int ransomwareNights = 0, ransomwareNightsAtLeast7 = 0;
    std::map<QString, KindRecall> kinds; // by label kind
    int findings = 0, findingsOnClean = 0;
    int judgedNights = 0;
    double seconds = 0;
    QString error; // set when the run failed
};

// Writes a seeded generated history (servers × days, every attack kind) under `workDir`, imports it with the real
// importer, trains the per-server models on the oldest third and scores the rest.
CalibrationResult evaluateGenerated(quint64 seed, int servers, int days, const QString &workDir);

// One NAB series as a server's nightly history: each bucket a session (mean → transferred, max → read), written as
// an export without ids, imported, trained on the probationary 15 % and scored. Labelled windows play the attacks.
struct NabResult
{
    QString file;
    int buckets = 0, judged = 0, windows = 0, windowsDetected = 0, windowsAtLeast7 = 0;
    int findingsOutside = 0, outsideAbove3 = 0, maxThreatOutside = 0;
    QString error;
};
NabResult evaluateNab(const nab::Series &series, const QString &workDir);

} // namespace backsight::backupbench
