#include "detect/network_detectors.h"

#include "enrich/asn_table.h"

namespace backsight::detect {

void HostingNetworkDetector::examine(const UserContext &c, std::vector<Finding> &out)
{
    const SignInEvent &e = c.event();
    // A replayed token carries no device id (device claims come with the device's own credentials).
    if (e.result != ResultClass::Success || e.ip.isEmpty() || !e.deviceId.isEmpty()
        || c.baseline.count(baseline::Prefix, e.prefix) > 0)
        return;
    const enrich::AsnTable *table = enrich::AsnTable::builtIn();
    const auto network = table ? table->lookup(e.ip) : std::nullopt;
    if (!network || network->kind != enrich::NetworkKind::Hosting)
        return;
    const QString key = QStringLiteral("hosting_network|%1|%2").arg(network->asn).arg(baseline::dayOf(e.timeMs));
    if (merger_.appendTo(key, c, out))
        return;
    Finding f = findingFor(
        c, QStringLiteral("hosting_network"), 0.7,
        QStringLiteral("%1 sign-in to %2 from a cloud / hosting network, %3 (%4, %5), with no device id, through an address range "
                       "not seen in %6 days: the pattern of a stolen session replayed from a server")
            .arg(e.interactive ? QStringLiteral("Interactive") : QStringLiteral("Non-interactive (token)"),
                 e.app.isEmpty() ? QStringLiteral("an unknown app") : e.app, network->label(), e.ip, e.place())
            .arg(c.params.windowDays),
        QJsonObject{{QStringLiteral("observed"), network->label()},
                    {QStringLiteral("asn"), qint64(network->asn)},
                    {QStringLiteral("organisation"), network->organisation},
                    {QStringLiteral("network_kind"), enrich::networkKindName(network->kind)},
                    {QStringLiteral("ip"), e.ip},
                    {QStringLiteral("baseline"), c.baseline.topValues(baseline::Prefix, 3)}});
    out.push_back(std::move(f));
    merger_.remember(key, out);
}

} // namespace backsight::detect
