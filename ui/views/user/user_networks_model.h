#pragma once

#include "model/user_activity.h"

#include <QAbstractTableModel>
#include <vector>

namespace backsight::ui {

// The networks (autonomous systems) a user signed in from, one row each: ASN, organisation, what kind of network
// it is (hosting / VPN from the curated list), sign-ins, failures, first and last seen (UTC) and the countries.
// Qt::UserRole gives each cell's sort key (numbers as numbers, times as epoch ms) for a QSortFilterProxyModel.
class UserNetworksModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Asn, Organisation, Kind, SignIns, Failures, FirstSeen, LastSeen, Countries, ColumnCount };

    explicit UserNetworksModel(QObject *parent = nullptr);

    void setNetworks(std::vector<UserNetwork> networks);
    const std::vector<UserNetwork> &networks() const { return networks_; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant display(const UserNetwork &n, int column) const;
    QVariant sortKey(const UserNetwork &n, int column) const;
    QString kindText(const UserNetwork &n) const;

    std::vector<UserNetwork> networks_;
};

} // namespace backsight::ui
