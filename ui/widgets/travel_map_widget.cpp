#include "widgets/travel_map_widget.h"

#include "accent_colors.h"
#include "severity_style.h"

#include <QFutureWatcher>
#include <QKeyEvent>
#include <QtConcurrent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>
#include <cmath>

namespace backsight::ui {

TravelMapWidget::TravelMapWidget(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("travelMap"));
    setFocusPolicy(Qt::StrongFocus);
    setMinimumSize(300, 200);
    setToolTip(tr("Wheel or +/− to zoom, drag to pan, click a place to list its sign-ins"));
}

void TravelMapWidget::setContent(std::vector<MapLocation> locations, std::vector<MapLeg> legs)
{
    locations_ = std::move(locations);
    legs_ = std::move(legs);
    maxCount_ = 1;
    for (const auto &l : locations_)
        maxCount_ = std::max(maxCount_, l.count);
    if (selected_ >= int(locations_.size()))
        selected_ = -1;
    update();
}

void TravelMapWidget::setSelected(int index)
{
    selected_ = index >= 0 && index < int(locations_.size()) ? index : -1;
    update();
}

void TravelMapWidget::fitLocations()
{
    if (locations_.empty()) {
        center_ = {10, 20};
        zoom_ = 1;
        update();
        return;
    }
    double minLon = 180, maxLon = -180, minLat = 90, maxLat = -90;
    for (const auto &l : locations_) {
        minLon = std::min(minLon, l.longitude);
        maxLon = std::max(maxLon, l.longitude);
        minLat = std::min(minLat, l.latitude);
        maxLat = std::max(maxLat, l.latitude);
    }
    center_ = {(minLon + maxLon) / 2, (minLat + maxLat) / 2};
    const double spanLon = std::max(20.0, (maxLon - minLon) * 1.3), spanLat = std::max(12.0, (maxLat - minLat) * 1.3);
    const MapProjection unit(rect(), {0, 0}, 1.0);
    const double fitLon = width() / (spanLon * unit.pixelsPerDegree()), fitLat = height() / (spanLat * unit.pixelsPerDegree());
    zoom_ = std::clamp(std::min(fitLon, fitLat), 1.0, 40.0);
    update();
}

void TravelMapWidget::zoomBy(double factor)
{
    zoom_ = std::clamp(zoom_ * factor, 1.0, 60.0);
    update();
}

MapProjection TravelMapWidget::projection() const
{
    return MapProjection(rect(), center_, zoom_);
}

double TravelMapWidget::radiusOf(qint64 count) const
{
    return 4.0 + 16.0 * std::sqrt(double(count) / double(maxCount_)); // area grows with the count
}

QPointF TravelMapWidget::locationPosition(int index) const
{
    const auto &l = locations_[size_t(index)];
    return projection().toScreen(l.longitude, l.latitude);
}

int TravelMapWidget::locationAt(const QPointF &point) const
{
    int best = -1;
    double bestDistance = 1e9;
    for (int i = 0; i < int(locations_.size()); ++i) {
        const QPointF p = locationPosition(i);
        const double d = std::hypot(p.x() - point.x(), p.y() - point.y());
        if (d <= radiusOf(locations_[size_t(i)].count) + 3 && d < bestDistance) {
            best = i;
            bestDistance = d;
        }
    }
    return best;
}

void TravelMapWidget::paintEvent(QPaintEvent *)
{
    const MapProjection proj = projection();
    QPainter p(this);
    if (!(worldKey_ == wantedWorld()))
        renderWorld();
    if (world_.isNull())
        p.fillRect(rect(), WorldMapStyle::forPalette(palette()).water);
    else if (worldKey_ == wantedWorld())
        p.drawImage(0, 0, world_);
    else // a pan or zoom in progress: the previous image, moved and scaled to where it belongs now
    {
        const MapProjection old(QRectF(QPointF(0, 0), QSizeF(worldKey_.size) / world_.devicePixelRatio()), worldKey_.center, worldKey_.zoom);
        const QPointF topLeft = proj.toScreen(old.toGeo({0, 0}).x(), old.toGeo({0, 0}).y());
        const double scale = proj.pixelsPerDegree() / old.pixelsPerDegree();
        p.fillRect(rect(), WorldMapStyle::forPalette(palette()).water);
        p.drawImage(QRectF(topLeft, QSizeF(world_.size()) / world_.devicePixelRatio() * scale), world_);
    }
    p.setRenderHint(QPainter::Antialiasing);
    const QColor normal = palette().color(QPalette::Highlight);
    const QColor alarm = severityColor(4, palette());
    const QLocale locale;
    for (const auto &leg : legs_) {
        const QPointF a = locationPosition(leg.from), b = locationPosition(leg.to);
        QColor c = leg.impossible ? alarm : normal;
        c.setAlpha(leg.impossible ? 230 : 110);
        p.setPen(QPen(c, leg.impossible ? 3 : 1.5, leg.impossible ? Qt::SolidLine : Qt::DashLine));
        p.drawLine(a, b);
        if (leg.impossible) {
            const QString text = tr("%1 km in %2 min = %3 km/h")
                                     .arg(locale.toString(qint64(leg.km)), locale.toString((leg.toMs - leg.fromMs) / 60000),
                                          locale.toString(qint64(leg.kmh)));
            const QPointF mid = (a + b) / 2;
            const QRectF box = p.fontMetrics().boundingRect(text).adjusted(-4, -2, 4, 2).translated(mid.toPoint());
            p.setPen(Qt::NoPen);
            p.setBrush(palette().color(QPalette::Base));
            p.drawRoundedRect(box, 3, 3);
            p.setPen(alarm);
            p.drawText(box, Qt::AlignCenter, text);
        }
    }
    for (int i = 0; i < int(locations_.size()); ++i) {
        const QPointF c = locationPosition(i);
        const double r = radiusOf(locations_[size_t(i)].count);
        QColor fill = normal;
        fill.setAlpha(150);
        p.setPen(QPen(i == selected_ ? palette().color(QPalette::Text) : normal.darker(130), i == selected_ ? 2.5 : 1));
        p.setBrush(fill);
        p.drawEllipse(c, r, r);
    }
    if (selected_ >= 0) {
        const auto &l = locations_[size_t(selected_)];
        const QPointF c = locationPosition(selected_);
        p.setPen(palette().color(QPalette::Text));
        p.drawText(c + QPointF(radiusOf(l.count) + 4, 4), tr("%1 (%2)").arg(l.place, locale.toString(l.count)));
    }
    if (WorldMap::bundled().isEmpty()) {
        p.setPen(palette().color(QPalette::Text));
        p.drawText(rect(), Qt::AlignCenter, tr("The bundled world map is missing from this build."));
    }
}

TravelMapWidget::WorldKey TravelMapWidget::wantedWorld() const
{
    return {size() * devicePixelRatioF(), center_, zoom_, palette().cacheKey()};
}

void TravelMapWidget::renderWorld()
{
    if (rendering_)
        return; // the finished render checks again
    rendering_ = true;
    renderingKey_ = wantedWorld();
    const WorldKey key = renderingKey_;
    const qreal dpr = devicePixelRatioF();
    const MapProjection proj(QRectF(QPointF(0, 0), QSizeF(key.size) / dpr), key.center, key.zoom);
    const WorldMapStyle style = WorldMapStyle::forPalette(palette());
    auto *watcher = new QFutureWatcher<QImage>(this);
    connect(watcher, &QFutureWatcher<QImage>::finished, this, [this, watcher] {
        watcher->deleteLater();
        world_ = watcher->result();
        worldKey_ = renderingKey_;
        rendering_ = false;
        update(); // renders again if the view moved meanwhile
        emit worldRendered();
    });
    watcher->setFuture(QtConcurrent::run([key, dpr, proj, style] {
        QImage image(key.size, QImage::Format_ARGB32_Premultiplied);
        image.setDevicePixelRatio(dpr);
        QPainter painter(&image);
        paintWorld(painter, proj, WorldMap::bundled(), style);
        return image;
    }));
}

void TravelMapWidget::wheelEvent(QWheelEvent *event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps != 0) {
        // Keep the point under the cursor where it is.
        const QPointF before = projection().toGeo(event->position());
        zoom_ = std::clamp(zoom_ * std::pow(1.25, steps), 1.0, 60.0);
        const QPointF after = projection().toGeo(event->position());
        center_ += before - after;
        update();
    }
    event->accept();
}

void TravelMapWidget::mousePressEvent(QMouseEvent *event)
{
    pressPos_ = event->pos();
    pressCenter_ = center_;
    dragging_ = false;
    setFocus();
}

void TravelMapWidget::mouseMoveEvent(QMouseEvent *event)
{
    if (!(event->buttons() & Qt::LeftButton) || (!dragging_ && (event->pos() - pressPos_).manhattanLength() < 4))
        return;
    dragging_ = true;
    const double perPixel = 1.0 / projection().pixelsPerDegree();
    center_ = pressCenter_ + QPointF(-(event->pos().x() - pressPos_.x()) * perPixel, (event->pos().y() - pressPos_.y()) * perPixel);
    update();
}

void TravelMapWidget::mouseReleaseEvent(QMouseEvent *event)
{
    if (!dragging_) {
        const int index = locationAt(event->position());
        setSelected(index);
        if (index >= 0)
            emit locationClicked(index);
    }
    dragging_ = false;
}

void TravelMapWidget::keyPressEvent(QKeyEvent *event)
{
    const double step = 40.0 / projection().pixelsPerDegree();
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal: zoomBy(1.5); break;
    case Qt::Key_Minus: zoomBy(1 / 1.5); break;
    case Qt::Key_Left: center_.rx() -= step; update(); break;
    case Qt::Key_Right: center_.rx() += step; update(); break;
    case Qt::Key_Up: center_.ry() += step; update(); break;
    case Qt::Key_Down: center_.ry() -= step; update(); break;
    default: QWidget::keyPressEvent(event); return;
    }
    event->accept();
}

} // namespace backsight::ui
