#pragma once

#include <QString>
#include <optional>

namespace backsight {

// A sign-in reduced to what a list or a map marker shows.
struct SignInBrief
{
    QString id;
    qint64 ms = 0;
    QString upn, ip, city, country, app;
    qint64 errorCode = 0;
    QString failureReason;
    std::optional<double> latitude, longitude;
    quint32 asn = 0; // 0: not known; read by the queries that say so
    QString asOrg;

    bool failed() const { return errorCode != 0; }
};

// Sign-ins aggregated at one place (city and country) for the tenant map.
struct PlaceCount
{
    QString city, country;
    double latitude = 0, longitude = 0;
    qint64 count = 0, firstMs = 0, lastMs = 0;
};

// The first and last sign-in time of a user or the tenant; empty when there are none.
struct TimeExtent
{
    std::optional<qint64> firstMs, lastMs;
};

// Where an imported row came from.
struct SourceFile
{
    qint64 id = 0;
    QString path, container, sha256, reader;
    qint64 recordsRead = 0, recordsNew = 0, recordsRejected = 0;
};

} // namespace backsight
