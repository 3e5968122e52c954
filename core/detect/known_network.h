#pragma once

#include "detect/detector.h"
#include "enrich/asn_table.h"

namespace backsight::detect {

// The network (autonomous system) of a sign-in against the user's baseline: "first sign-in from this network" is a
// fact that helps judge a new country or an impossible journey. A network the user signs in through often (their
// carrier, their VPN, the office) makes a new place more likely a new exit of the same network; a cloud / hosting or
// commercial-VPN network (the curated list in core/enrich) never seen for this user makes it more likely a stranger.
struct KnownNetwork
{
    quint32 asn = 0;              // 0: the sign-in's network is unknown, and nothing below applies
    QString organisation;
    enrich::NetworkKind kind = enrich::NetworkKind::Unknown;
    int baselineCount = 0;        // the user's sign-ins through it in the window

    bool known(const DetectionParameters &params) const { return asn && baselineCount >= params.knownNetworkMinCount; }
    bool firstTime() const { return asn && baselineCount == 0; }
    // Never seen for this user and on the curated hosting / VPN list.
    bool newAnonymising() const { return firstTime() && kind != enrich::NetworkKind::Unknown; }
    // A known network other than a hosting provider (a replayed token from the same cloud is no comfort).
    bool reassuring(const DetectionParameters &params) const
    {
        return known(params) && kind != enrich::NetworkKind::Hosting;
    }
    QString label() const; // "AS3320 Deutsche Telekom AG (vpn)"
};

KnownNetwork knownNetwork(const UserContext &context);

// "; through AS3320 Deutsche Telekom AG, the user's network (41 sign-ins in 60 days)" or
// "; first sign-in from network AS14061 DigitalOcean, LLC (hosting)"; empty when the network is unknown.
QString networkNote(const KnownNetwork &network, const UserContext &context);
// The evidence keys: network, network_asn, network_kind, network_seen, network_first_time.
void addNetworkEvidence(QJsonObject &evidence, const KnownNetwork &network);

} // namespace backsight::detect
