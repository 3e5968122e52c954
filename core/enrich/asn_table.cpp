#include "enrich/asn_table.h"

#include <QDataStream>
#include <QFile>
#include <algorithm>
#include <mutex>

namespace backsight::enrich {

QString networkKindName(NetworkKind kind)
{
    switch (kind) {
    case NetworkKind::Hosting: return QStringLiteral("hosting");
    case NetworkKind::Vpn: return QStringLiteral("vpn");
    case NetworkKind::Unknown: break;
    }
    return {};
}

QString Network::label() const
{
    const QString kindText = networkKindName(kind);
    return QStringLiteral("AS%1 %2%3").arg(asn).arg(organisation, kindText.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(kindText));
}

NetworkKind AsnTable::kindOf(quint32 asn)
{
    // Curated by hand. Names as the data lists them; the kind from each operator's own description of its network
    // (PeeringDB "network type" and the operators' sites): cloud / hosting providers, and networks that carry the
    // exits of commercial VPN services (PacketHub: NordVPN; 31173 Services: Mullvad; Cyberzone: Surfshark; M247 and
    // Datacamp host the exits of many VPN brands).
    static constexpr quint32 kHosting[] = {
        8075,   // Microsoft Corporation
        12876,  // Scaleway SAS
        14061,  // DigitalOcean, LLC
        14618,  // Amazon.com, Inc.
        15169,  // Google LLC
        16276,  // OVH SAS
        16509,  // Amazon.com, Inc.
        20473,  // The Constant Company, LLC (Vultr)
        24940,  // Hetzner Online GmbH
        31898,  // Oracle Corporation
        36352,  // HostPapa (ColoCrossing)
        45102,  // Alibaba (US) Technology Co., Ltd.
        51167,  // Contabo GmbH
        53667,  // FranTech Solutions (BuyVM)
        62240,  // Clouvider Limited
        63949,  // Akamai Technologies, Inc. (Linode)
        132203, // Shenzhen Tencent Computer Systems Company Limited
        197540, // netcup GmbH
        396982, // Google LLC (Google Cloud)
    };
    static constexpr quint32 kVpn[] = {
        9009,   // M247 Europe SRL
        13335,  // Cloudflare, Inc. (WARP: many people's everyday VPN)
        39351,  // 31173 Services AB
        60068,  // Datacamp Limited
        136787, // PacketHub S.A.
        147049, // PacketHub S.A.
        207137, // PacketHub S.A.
        209854, // Cyberzone S.A.
        212238, // Datacamp Limited
    };
    if (std::find(std::begin(kVpn), std::end(kVpn), asn) != std::end(kVpn))
        return NetworkKind::Vpn;
    if (std::find(std::begin(kHosting), std::end(kHosting), asn) != std::end(kHosting))
        return NetworkKind::Hosting;
    return NetworkKind::Unknown;
}

Result<AsnTable> AsnTable::fromCompressed(const QByteArray &data, const QString &origin)
{
    const QByteArray raw = qUncompress(data);
    const auto bad = [&](const QString &why) { return Error::badInput(QStringLiteral("%1: %2").arg(origin, why)); };
    if (raw.size() < 18 || !raw.startsWith("BSAS"))
        return bad(QStringLiteral("not an ASN table (expected the output of resources/asn/convert.py)"));
    QDataStream s(raw);
    s.setByteOrder(QDataStream::LittleEndian);
    s.skipRawData(4);
    quint16 version = 0;
    quint32 v4 = 0, v6 = 0, names = 0;
    s >> version >> v4 >> v6 >> names;
    if (version != 1)
        return bad(QStringLiteral("ASN table version %1, this program reads version 1").arg(version));
    if (qint64(v4) * 12 + qint64(v6) * 20 + qint64(names) * 6 > raw.size())
        return bad(QStringLiteral("the table is truncated"));
    AsnTable t;
    t.v4_.resize(v4);
    for (V4 &r : t.v4_)
        s >> r.first >> r.last >> r.name;
    t.v6_.resize(v6);
    for (V6 &r : t.v6_)
        s >> r.first >> r.last >> r.name;
    t.names_.resize(names);
    for (Name &n : t.names_) {
        quint16 length = 0;
        s >> n.asn >> length;
        QByteArray text(length, Qt::Uninitialized);
        if (s.readRawData(text.data(), length) != length)
            return bad(QStringLiteral("the table is truncated"));
        n.organisation = QString::fromUtf8(text);
    }
    if (s.status() != QDataStream::Ok)
        return bad(QStringLiteral("the table is truncated"));
    const auto badName = [&](quint32 name) { return name >= names; };
    if (std::any_of(t.v4_.begin(), t.v4_.end(), [&](const V4 &r) { return badName(r.name) || r.first > r.last; })
        || std::any_of(t.v6_.begin(), t.v6_.end(), [&](const V6 &r) { return badName(r.name) || r.first > r.last; }))
        return bad(QStringLiteral("a range names a network the table does not hold"));
    return t;
}

const AsnTable *AsnTable::builtIn()
{
    static std::once_flag once;
    static std::optional<AsnTable> table;
    std::call_once(once, [] {
        QFile f(QStringLiteral(":/backsight/asn/asn.bin"));
        if (f.open(QIODevice::ReadOnly))
            if (auto t = fromCompressed(f.readAll(), f.fileName()))
                table = std::move(*t);
    });
    return table ? &*table : nullptr;
}

namespace {

std::optional<quint32> parseV4(QStringView text)
{
    const auto parts = text.split(QLatin1Char('.'));
    if (parts.size() != 4)
        return std::nullopt;
    quint32 v = 0;
    for (QStringView p : parts) {
        bool ok = false;
        const uint octet = p.toUInt(&ok);
        if (!ok || octet > 255 || p.isEmpty() || p.size() > 3)
            return std::nullopt;
        v = (v << 8) | octet;
    }
    return v;
}

// The upper 64 bits of an IPv6 address ("2001:db8::1", "::ffff:1.2.3.4" gives the mapped IPv4 in `mapped`).
std::optional<quint64> parseV6(QStringView text, std::optional<quint32> &mapped)
{
    std::vector<quint16> head, tail;
    const qsizetype gap = text.indexOf(QStringLiteral("::"));
    const auto groups = [&](QStringView part, std::vector<quint16> &out) {
        if (part.isEmpty())
            return true;
        for (QStringView g : part.split(QLatin1Char(':'))) {
            if (g.contains(QLatin1Char('.'))) { // a trailing dotted IPv4
                const auto v4 = parseV4(g);
                if (!v4)
                    return false;
                out.push_back(quint16(*v4 >> 16));
                out.push_back(quint16(*v4 & 0xffff));
                continue;
            }
            bool ok = false;
            const uint value = g.toUInt(&ok, 16);
            if (!ok || g.isEmpty() || g.size() > 4)
                return false;
            out.push_back(quint16(value));
        }
        return true;
    };
    if (gap >= 0 ? !(groups(text.left(gap), head) && groups(text.mid(gap + 2), tail)) : !groups(text, head))
        return std::nullopt;
    if ((gap < 0 && head.size() != 8) || head.size() + tail.size() > (gap < 0 ? 8u : 7u))
        return std::nullopt;
    std::vector<quint16> all = head;
    all.resize(8 - tail.size(), 0);
    all.insert(all.end(), tail.begin(), tail.end());
    if (all[0] == 0 && all[1] == 0 && all[2] == 0 && all[3] == 0 && all[4] == 0 && all[5] == 0xffff)
        mapped = (quint32(all[6]) << 16) | all[7];
    return (quint64(all[0]) << 48) | (quint64(all[1]) << 32) | (quint64(all[2]) << 16) | all[3];
}

} // namespace

std::optional<Network> AsnTable::network(quint32 name) const
{
    const Name &n = names_[name];
    return Network{n.asn, n.organisation, kindOf(n.asn)};
}

QString AsnTable::organisationOf(quint32 asn) const
{
    const auto it = std::find_if(names_.begin(), names_.end(), [asn](const Name &n) { return n.asn == asn; });
    return it == names_.end() ? QString() : it->organisation;
}

std::optional<Network> AsnTable::lookup(const QString &ip) const
{
    const QStringView text = QStringView(ip).trimmed();
    std::optional<quint32> v4 = text.contains(QLatin1Char(':')) ? std::nullopt : parseV4(text);
    std::optional<quint64> upper;
    if (!v4) {
        upper = parseV6(text, v4);
        if (!upper)
            return std::nullopt;
    }
    if (v4) {
        const auto it = std::upper_bound(v4_.begin(), v4_.end(), *v4, [](quint32 x, const V4 &r) { return x < r.first; });
        if (it == v4_.begin() || std::prev(it)->last < *v4)
            return std::nullopt;
        return network(std::prev(it)->name);
    }
    const auto it = std::upper_bound(v6_.begin(), v6_.end(), *upper, [](quint64 x, const V6 &r) { return x < r.first; });
    if (it == v6_.begin() || std::prev(it)->last < *upper)
        return std::nullopt;
    return network(std::prev(it)->name);
}

} // namespace backsight::enrich
