#pragma once
// Shared fixtures of the detector unit tests: ISO times, places and tenant facts whose answers the test sets.

#include "detect/detector.h"

#include <QDateTime>
#include <QString>
#include <optional>

namespace backsight::test {

// An ISO 8601 time with its zone ("2024-11-04T09:00:00Z") in ms since the epoch.
inline qint64 at(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toMSecsSinceEpoch();
}

// A sign-in's place: what the geolocation of an address says.
struct Place
{
    const char *city, *country;
    double lat, lon;
};

// The tenant-wide facts a detector may ask for, answered from fields the test sets.
class StubTenant : public detect::TenantFacts
{
public:
    int usersWithSuccess = 0;              // other users who succeeded from an address
    std::optional<qint64> coverage;        // when the tenant's logs start
    bool createdBefore = false;            // whether the account existed before a time
    int protocolHistory = 0;               // the user's earlier sign-ins through a protocol

    int usersWithSuccessFrom(const QString &, qint64, qint64) override { return usersWithSuccess; }
    std::optional<qint64> coverageStartMs() override { return coverage; }
    bool accountCreatedBefore(const QString &, qint64) override { return createdBefore; }
    int protocolSignIns(const QString &, const QString &, qint64, qint64) override { return protocolHistory; }
};

} // namespace backsight::test
