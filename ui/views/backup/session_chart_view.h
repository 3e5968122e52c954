#pragma once

#include <QChartView>
#include <optional>
#include <utility>

namespace backsight::ui {

// The Backup view's chart with the Timeline's interaction (ui/widgets/timeline_widget): the wheel or +/- zoom the
// time axis around the cursor, dragging or the arrow keys pan, Home (or a double click) shows everything again.
// Only time is zoomed; the size and ratio axes keep their range.
class SessionChartView : public QChartView
{
    Q_OBJECT
public:
    explicit SessionChartView(QWidget *parent = nullptr);

    void zoom(double factor, std::optional<double> anchorX = std::nullopt);
    void pan(double fraction);
    void resetView();
    // The visible time range (UTC ms); nullopt before a chart with a time axis is set.
    std::optional<std::pair<qint64, qint64>> visibleRange() const;

protected:
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    QPoint last_;
    bool dragging_ = false;
};

} // namespace backsight::ui
