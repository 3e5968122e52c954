#pragma once

#include <QJsonObject>
#include <QString>
#include <optional>

// What an incident report cites as evidence, as core/store/evidence_queries reads it: the source files, the model
// versions and detection runs behind the anomalies, and the baseline they were judged against.
namespace backsight::evidence {

struct SourceFile
{
    QString path, container, sha256, reader;
    qint64 sizeBytes = 0, recordsRead = 0, recordsNew = 0, recordsRejected = 0;
};

struct ModelVersion
{
    qint64 id = 0;
    QString scope, subject, kind;
    int version = 0;
    QString parameters;
    std::optional<qint64> windowStartMs, windowEndMs;
    qint64 eventsUsed = 0;
    std::optional<double> threshold;
    qint64 createdAtMs = 0;
};

struct ModelSummaryRow
{
    QString scope, kind;
    qint64 activeModels = 0;
    int latestVersion = 0;
};

struct DetectionRun
{
    qint64 id = 0;
    qint64 startedMs = 0;
    std::optional<qint64> finishedMs;
    qint64 eventsExamined = 0, anomaliesAdded = 0;
    QString parameters, status;
};

struct Baseline
{
    qint64 id = 0;
    qint64 windowStartMs = 0, windowEndMs = 0;
    int windowDays = 0;
    qint64 eventsUsed = 0;
    int activeDays = 0;
    bool learning = false;
    std::optional<int> utcOffsetMinutes;
    QString homeCity, homeCountry;
    QJsonObject profile;
    qint64 computedAtMs = 0;
};

} // namespace backsight::evidence
