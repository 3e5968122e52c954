#include "detect/known_network.h"

namespace backsight::detect {

QString KnownNetwork::label() const
{
    if (!asn)
        return {};
    const QString kindName = enrich::networkKindName(kind);
    QString text = QStringLiteral("AS%1").arg(asn);
    if (!organisation.isEmpty())
        text += QLatin1Char(' ') + organisation;
    if (!kindName.isEmpty())
        text += QStringLiteral(" (%1)").arg(kindName);
    return text;
}

KnownNetwork knownNetwork(const UserContext &c)
{
    const SignInEvent &e = c.event();
    KnownNetwork n;
    if (!e.asn)
        return n;
    n.asn = e.asn;
    n.organisation = e.asOrg;
    n.kind = enrich::AsnTable::kindOf(e.asn);
    n.baselineCount = c.baseline.count(baseline::Asn, QString::number(e.asn));
    return n;
}

QString networkNote(const KnownNetwork &n, const UserContext &c)
{
    if (!n.asn)
        return {};
    if (n.firstTime())
        return QStringLiteral("; first sign-in from network %1").arg(n.label());
    return QStringLiteral("; through %1, %2 sign-in(s) in %3 days")
        .arg(n.label())
        .arg(n.baselineCount)
        .arg(c.params.windowDays);
}

void addNetworkEvidence(QJsonObject &evidence, const KnownNetwork &n)
{
    if (!n.asn)
        return;
    evidence.insert(QStringLiteral("network"), n.label());
    evidence.insert(QStringLiteral("network_asn"), qint64(n.asn));
    evidence.insert(QStringLiteral("network_kind"), enrich::networkKindName(n.kind));
    evidence.insert(QStringLiteral("network_seen"), n.baselineCount);
    evidence.insert(QStringLiteral("network_first_time"), n.firstTime());
}

} // namespace backsight::detect
