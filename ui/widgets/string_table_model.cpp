#include "widgets/string_table_model.h"

namespace backsight::ui {

StringTableModel::StringTableModel(QStringList headers, QObject *parent)
    : QAbstractTableModel(parent), headers_(std::move(headers))
{
}

void StringTableModel::setRows(std::vector<QStringList> rows)
{
    beginResetModel();
    rows_ = std::move(rows);
    endResetModel();
}

QString StringTableModel::text(int row, int column) const
{
    return row >= 0 && row < int(rows_.size()) ? rows_[size_t(row)].value(column) : QString();
}

int StringTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(rows_.size());
}

int StringTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(headers_.size());
}

QVariant StringTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
        return rows_[size_t(index.row())].value(index.column());
    if (role == Qt::TextAlignmentRole && numeric_.contains(index.column()))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant StringTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole && section >= 0 && section < headers_.size())
        return headers_[section];
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole && headerTips_.contains(section))
        return headerTips_.value(section);
    return QAbstractTableModel::headerData(section, orientation, role);
}

} // namespace backsight::ui
