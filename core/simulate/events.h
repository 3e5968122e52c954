#pragma once

#include <QByteArray>
#include <vector>

namespace backsight::sim {

// A sign-in as the generator decides it; the writers turn it into Graph JSON, diagnostic records or CSV.
struct SimSignIn
{
    qint64 ms = 0;
    QByteArray id, correlationId, ip;
    QByteArray deviceId;       // empty: an unregistered device
    int user = 0;
    int city = 0;              // where the IP geolocates
    int device = 0;            // index into deviceKinds()
    int app = 0;               // appAt() index
    int error = 0;
    bool interactive = true;
    bool compliant = false;
    bool groundTruth = false;  // made by an attack and named in labels.csv
    const char *clientApp = "Browser";
    const char *protocol = nullptr; // authenticationProtocol ("deviceCode", "ropc"); null: "none" (written with realism)
};

struct SimAudit
{
    qint64 ms = 0;
    QByteArray id, correlationId, actorIp;
    int actor = 0;
    const char *activity = "", *category = "", *operationType = "", *targetType = "User";
    QByteArray targetId, targetName;
    QByteArray modifiedProperties; // the target's modifiedProperties, a JSON array (consent grants); empty: none
};

struct DayEvents
{
    std::vector<SimSignIn> signIns;
    std::vector<SimAudit> audits;
    void sort();
};

} // namespace backsight::sim
