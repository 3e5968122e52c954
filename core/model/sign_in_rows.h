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

// What the analyst narrowed the sign-in list down to.
struct SignInListFilter
{
    enum class Kind { All, Interactive, NonInteractive };
    QString text; // substring of UPN, display name, IP, app, city or country
    Kind kind = Kind::All;
    bool failuresOnly = false;

    bool isEmpty() const { return text.trimmed().isEmpty() && kind == Kind::All && !failuresOnly; }
    bool operator==(const SignInListFilter &) const = default;
};

// The column the sign-in list is sorted by; the newest or oldest first by time when nothing else is asked for.
enum class SignInListOrder { Time, User, DisplayName, App, Ip, City, Country, Result, ClientApp, Os, Browser, Interactive,
                             Risk, Mfa };

// One row of the sign-in list.
struct SignInListRow
{
    QString id;
    qint64 ms = 0;
    QString upn, displayName, app, ip, city, country;
    qint64 errorCode = 0; // a missing code reads as 0, a success
    QString failureReason, clientApp, os, browser;
    bool interactive = false;
    QString risk;
    QString mfa; // the MFA method, or the MFA result when no method is recorded
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
