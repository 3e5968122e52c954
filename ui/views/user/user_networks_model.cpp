#include "views/user/user_networks_model.h"

#include "enrich/asn_table.h"
#include "model/time_format.h"
#include "severity_style.h"

#include <QGuiApplication>
#include <QLocale>
#include <QPalette>

namespace backsight::ui {

UserNetworksModel::UserNetworksModel(QObject *parent) : QAbstractTableModel(parent) {}

void UserNetworksModel::setNetworks(std::vector<UserNetwork> networks)
{
    beginResetModel();
    networks_ = std::move(networks);
    endResetModel();
}

int UserNetworksModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(networks_.size());
}

int UserNetworksModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString UserNetworksModel::kindText(const UserNetwork &n) const
{
    if (n.asn == 0)
        return {};
    switch (enrich::AsnTable::kindOf(n.asn)) {
    case enrich::NetworkKind::Hosting: return tr("Hosting / cloud");
    case enrich::NetworkKind::Vpn: return tr("Commercial VPN");
    case enrich::NetworkKind::Unknown: break;
    }
    return tr("ISP or other");
}

QVariant UserNetworksModel::display(const UserNetwork &n, int column) const
{
    const QLocale locale;
    switch (column) {
    case Asn: return n.asn ? QStringLiteral("AS%1").arg(n.asn) : tr("Unknown");
    case Organisation:
        return n.asn ? n.organisation
                     : tr("Not recorded: imported before the ASN lookup, or an address the offline table does not list");
    case Kind: return kindText(n);
    case SignIns: return locale.toString(n.signIns);
    case Failures: return locale.toString(n.failures);
    case FirstSeen: return utcText(n.firstMs);
    case LastSeen: return utcText(n.lastMs);
    case Countries: return locale.createSeparatedList(n.countries);
    default: return {};
    }
}

QVariant UserNetworksModel::sortKey(const UserNetwork &n, int column) const
{
    switch (column) {
    case Asn: return n.asn;
    case SignIns: return n.signIns;
    case Failures: return n.failures;
    case FirstSeen: return n.firstMs;
    case LastSeen: return n.lastMs;
    default: return display(n, column).toString().toLower();
    }
}

QVariant UserNetworksModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const UserNetwork &n = networks_[size_t(index.row())];
    const bool anonymising = n.asn && enrich::AsnTable::kindOf(n.asn) != enrich::NetworkKind::Unknown;
    switch (role) {
    case Qt::DisplayRole: return display(n, index.column());
    case Qt::UserRole: return sortKey(n, index.column());
    case Qt::ToolTipRole:
        if (index.column() == Kind && anonymising)
            return tr("%1 is on the curated list of cloud / hosting and commercial VPN networks (resources/asn/SOURCES.md): "
                      "an interactive sign-in from it is unusual for a person")
                .arg(display(n, Asn).toString());
        if (index.column() == Kind && n.asn)
            return tr("Not on the curated list of hosting and VPN networks: usually an internet provider, a mobile "
                      "carrier or a company's own network");
        return display(n, index.column());
    case Qt::ForegroundRole:
        if (index.column() == Kind && anonymising)
            return QVariant(severityColor(3, QGuiApplication::palette())); // stands out as in Triage
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == SignIns || index.column() == Failures ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    default: return {};
    }
}

QVariant UserNetworksModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::ToolTipRole && section == Kind)
        return tr("Hosting and VPN networks come from a short curated list; every other network shows as ISP or other");
    if (role != Qt::DisplayRole)
        return {};
    static const char *const titles[ColumnCount] = {QT_TR_NOOP("ASN"),         QT_TR_NOOP("Organisation"),
                                                    QT_TR_NOOP("Kind"),        QT_TR_NOOP("Sign-ins"),
                                                    QT_TR_NOOP("Failed"),      QT_TR_NOOP("First seen (UTC)"),
                                                    QT_TR_NOOP("Last seen (UTC)"), QT_TR_NOOP("Countries")};
    return tr(titles[section]);
}

} // namespace backsight::ui
