#pragma once

#include "model/result.h"
#include "model/sign_in_rows.h"

#include <vector>

namespace backsight {

class Database;

// Successful and failed sign-ins in one slice of a timeline.
struct SignInBucket
{
    qint64 successes = 0, failures = 0;
};

// A backup job or task session as a timeline marker.
struct BackupMark
{
    QString id;
    qint64 ms = 0;
    QString result;          // lower case: success, warning, failed, none, or empty
    QString server, jobName;
};

// The timeline's questions over a time range, for one user (`upn`) or the whole tenant (empty).
class TimelineQueries
{
public:
    explicit TimelineQueries(Database &db) : db_(db) {}

    // Sign-ins and failed sign-ins in `buckets` equal slices of [fromMs, toMs).
    Result<std::vector<SignInBucket>> signInsPerSlice(qint64 fromMs, qint64 toMs, int buckets, const QString &upn);
    // Every sign-in in [fromMs, toMs).
    Result<std::vector<SignInBrief>> signInsBetween(qint64 fromMs, qint64 toMs, const QString &upn);
    // Backup sessions that started in [fromMs, toMs).
    Result<std::vector<BackupMark>> backupSessionsBetween(qint64 fromMs, qint64 toMs, int limit);

private:
    Database &db_;
};

} // namespace backsight
