#pragma once

#include "model/result.h"

#include <QByteArray>
#include <QString>
#include <optional>
#include <vector>

namespace backsight::enrich {

// What kind of network an autonomous system is, from a short curated list (asn_table.cpp names the sources):
// cloud and hosting providers (where stolen tokens are replayed from) and commercial VPN operators.
enum class NetworkKind { Unknown, Hosting, Vpn };
QString networkKindName(NetworkKind kind); // "", "hosting", "vpn"

struct Network
{
    quint32 asn = 0;
    QString organisation;
    NetworkKind kind = NetworkKind::Unknown;
    QString label() const; // "AS16509 Amazon.com, Inc. (hosting)"
};

// Offline IP address -> autonomous system lookup for IPv4 and IPv6, from resources/asn/asn.bin (converted once from
// the npm package @ip-location-db/asn, CC-BY-4.0; see resources/asn/SOURCES.md). Sorted, non-overlapping ranges
// searched by binary search; IPv6 at /64 granularity.
class AsnTable
{
public:
    // `data`: the file's bytes (qCompress format, as resources/asn/convert.py writes it).
    static Result<AsnTable> fromCompressed(const QByteArray &data, const QString &origin);
    // The table built into the program, loaded on first use (thread-safe); nullptr if it could not be read.
    static const AsnTable *builtIn();
    static NetworkKind kindOf(quint32 asn);

    std::optional<Network> lookup(const QString &ip) const;
    // The organisation the table names for an ASN; empty when it holds none (a linear search: cache the answer).
    QString organisationOf(quint32 asn) const;
    size_t ipv4Ranges() const { return v4_.size(); }
    size_t ipv6Ranges() const { return v6_.size(); }

private:
    struct V4 { quint32 first, last, name; };
    struct V6 { quint64 first, last; quint32 name; };
    struct Name { quint32 asn; QString organisation; };
    std::optional<Network> network(quint32 name) const;

    std::vector<V4> v4_;
    std::vector<V6> v6_;
    std::vector<Name> names_;
};

} // namespace backsight::enrich
