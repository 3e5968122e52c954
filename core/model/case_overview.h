#pragma once

#include <QString>
#include <array>
#include <map>
#include <optional>
#include <vector>

namespace backsight {

// Everything the dashboard shows about a case: anomalies by severity, status and day, sign-ins and failures per
// day, the most affected users, countries and apps, the sources, models and baselines.
struct CaseOverview
{
    struct Count
    {
        QString name;
        qint64 count = 0;
    };
    struct Source
    {
        QString path, sha256, reader;
        qint64 records = 0;
    };
    struct Day
    {
        qint64 signIns = 0, failures = 0;
        std::array<qint64, 5> anomalies{}; // by severity rank 1..4
    };

    std::array<qint64, 5> bySeverity{};     // index = rank
    std::map<QString, qint64> byStatus;
    std::map<qint64, Day> days;              // UTC day number
    std::vector<Count> topUsers, topCountries, topApps;
    qint64 signIns = 0, users = 0;
    std::optional<qint64> firstEventMs, lastEventMs;
    std::vector<Source> sources;
    qint64 models = 0, modelSubjects = 0, baselines = 0, learningUsers = 0;
    std::optional<qint64> lastTrainedMs, lastDetectionMs;

    qint64 anomalies() const { return bySeverity[1] + bySeverity[2] + bySeverity[3] + bySeverity[4]; }
};

} // namespace backsight
