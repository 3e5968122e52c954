#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QStringList>
#include <vector>

namespace backsight::ui {

// Rows of text for the views' read-only tables (sources, import results, training state). Replacing the
// rows is one model reset, so thousands of rows cost the GUI thread a swap, not thousands of items.
class StringTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    explicit StringTableModel(QStringList headers, QObject *parent = nullptr);

    void setRows(std::vector<QStringList> rows);
    const std::vector<QStringList> &rows() const { return rows_; }
    QString text(int row, int column) const;
    // Columns aligned right (counts).
    void setNumericColumns(QList<int> columns) { numeric_ = std::move(columns); }
    // What a column means, shown when the pointer rests on its header.
    void setHeaderToolTip(int column, const QString &tip) { headerTips_[column] = tip; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QStringList headers_;
    std::vector<QStringList> rows_;
    QList<int> numeric_;
    QHash<int, QString> headerTips_;
};

} // namespace backsight::ui
