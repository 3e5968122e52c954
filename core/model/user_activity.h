#pragma once

#include <QString>
#include <QStringList>
#include <optional>

namespace backsight {

// One user's latest baseline as stored: the profile JSON (baseline/profile) and its window.
struct BaselineSnapshot
{
    QString upn;
    QString profileJson;
    bool learning = false;
    qint64 windowStartMs = 0, windowEndMs = 0;
    qint64 eventsUsed = 0, computedAtMs = 0;
};

// One sign-in of a user, reduced to what the user view draws.
struct UserSignInPoint
{
    qint64 ms = 0;
    bool failed = false;
    bool interactive = false;
    QString country;
    double longitude = 0;
    QString displayName;
};

// How often one value (a place, an IP address, an app, ...) appears among a user's sign-ins.
struct ValueCount
{
    QString value;
    qint64 count = 0, failures = 0, firstMs = 0, lastMs = 0;
};

// One network (autonomous system) among a user's sign-ins: how often, how often it failed, when and from where.
struct UserNetwork
{
    quint32 asn = 0;      // 0: not known (imported before the ASN lookup, or an address the offline table lacks)
    QString organisation; // as stored at import (signins.as_org)
    qint64 signIns = 0, failures = 0, firstMs = 0, lastMs = 0;
    QStringList countries; // sorted
};

// A short line about one anomaly for lists (user view, timeline markers).
struct AnomalyBrief
{
    QString id, summary;
    int severity = 0;
    qint64 ms = 0;
    QString status;
};

} // namespace backsight
