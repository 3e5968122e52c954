#include "views/backup/session_chart_view.h"

#include <QDateTime>
#include <QDateTimeAxis>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QWheelEvent>
#include <cmath>

namespace backsight::ui {

SessionChartView::SessionChartView(QWidget *parent) : QChartView(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setRubberBand(QChartView::NoRubberBand);
    setToolTip(tr("Wheel or +/− zooms time, drag or arrow keys pan, Home or a double click shows everything"));
}

void SessionChartView::zoom(double factor, std::optional<double> anchorX)
{
    if (!chart())
        return;
    const QRectF plot = chart()->plotArea();
    const double x = std::clamp(anchorX.value_or(plot.center().x()), plot.left(), plot.right());
    QRectF r = plot;
    r.setLeft(x - (x - plot.left()) * factor);
    r.setRight(x + (plot.right() - x) * factor);
    chart()->zoomIn(r);
}

void SessionChartView::pan(double fraction)
{
    if (chart())
        chart()->scroll(chart()->plotArea().width() * fraction, 0);
}

void SessionChartView::resetView()
{
    if (chart())
        chart()->zoomReset();
}

std::optional<std::pair<qint64, qint64>> SessionChartView::visibleRange() const
{
    if (!chart())
        return std::nullopt;
    const auto axes = chart()->axes(Qt::Horizontal);
    for (QAbstractAxis *a : axes)
        if (auto *time = qobject_cast<QDateTimeAxis *>(a))
            return std::make_pair(time->min().toMSecsSinceEpoch(), time->max().toMSecsSinceEpoch());
    return std::nullopt;
}

void SessionChartView::wheelEvent(QWheelEvent *event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps != 0)
        zoom(std::pow(0.8, steps), event->position().x());
    event->accept();
}

void SessionChartView::mousePressEvent(QMouseEvent *event)
{
    last_ = event->pos();
    dragging_ = event->button() == Qt::LeftButton;
    setFocus();
    event->accept();
}

void SessionChartView::mouseMoveEvent(QMouseEvent *event)
{
    if (!dragging_ || !(event->buttons() & Qt::LeftButton) || !chart())
        return;
    chart()->scroll(double(last_.x() - event->pos().x()), 0);
    last_ = event->pos();
    event->accept();
}

void SessionChartView::mouseReleaseEvent(QMouseEvent *event)
{
    dragging_ = false;
    event->accept();
}

void SessionChartView::mouseDoubleClickEvent(QMouseEvent *event)
{
    resetView();
    event->accept();
}

void SessionChartView::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal: zoom(0.5); break;
    case Qt::Key_Minus: zoom(2.0); break;
    case Qt::Key_Left: pan(-0.2); break;
    case Qt::Key_Right: pan(0.2); break;
    case Qt::Key_Home: resetView(); break;
    default: QChartView::keyPressEvent(event); return;
    }
    event->accept();
}

} // namespace backsight::ui
