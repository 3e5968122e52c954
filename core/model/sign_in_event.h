#pragma once

#include "model/sign_in_result.h"

#include <QString>
#include <optional>

namespace backsight {

// The fields of a stored sign-in that baselines and detectors use.
struct SignInEvent
{
    qint64 rowId = 0;                  // signins.rowid: insertion order, the detection watermark
    QString id;
    qint64 timeMs = 0;
    QString upn;                       // lower case
    QString app, resource, clientApp;
    QString ip, prefix;                // prefix: /24 for IPv4, /48 for IPv6 (ipPrefix)
    QString city, country;
    std::optional<double> latitude, longitude;
    quint32 asn = 0;                   // autonomous system number (signins.asn); 0 when unknown
    QString asOrg;                     // its organisation (signins.as_org)
    QString os, browser, deviceId;
    qint64 errorCode = 0;
    ResultClass result = ResultClass::Success;
    bool interactive = true;
    QString authProtocol;              // "deviceCode", "ropc", "none", ... (empty when the log does not say)

    bool hasLocation() const { return latitude.has_value() && longitude.has_value(); }
    // "Wellington, NZ", or the country alone, or empty.
    QString place() const;
};

// 203.0.113.7 -> 203.0.113.0/24; 2001:db8:1:2::5 -> 2001:db8:1::/48; anything else as given.
QString ipPrefix(const QString &ip);

// Great-circle distance in km (haversine, mean Earth radius 6371 km).
double distanceKm(double lat1, double lon1, double lat2, double lon2);

} // namespace backsight
