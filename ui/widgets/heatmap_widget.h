#pragma once

#include <QWidget>
#include <array>

namespace backsight::ui {

// Hour × weekday counts as shaded cells (Monday first), labelled with the zone they are in.
class HeatmapWidget : public QWidget
{
    Q_OBJECT
public:
    using Cells = std::array<std::array<qint64, 24>, 7>; // [weekday Monday = 0][hour]
    explicit HeatmapWidget(QWidget *parent = nullptr);

    void setCells(const Cells &cells, const QString &zoneText);
    const Cells &cells() const { return cells_; }
    const QString &zoneText() const { return zone_; }
    QSize sizeHint() const override { return {640, 230}; }
    QSize minimumSizeHint() const override { return {400, 180}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    Cells cells_{};
    QString zone_;
};

} // namespace backsight::ui
