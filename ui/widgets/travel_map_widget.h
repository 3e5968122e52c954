#pragma once

#include "widgets/world_map_painter.h"

#include <QImage>
#include <QWidget>
#include <vector>

namespace backsight::ui {

// A place where sign-ins came from.
struct MapLocation
{
    QString place; // "Wellington, NZ"
    double latitude = 0, longitude = 0;
    qint64 count = 0;
    qint64 firstMs = 0, lastMs = 0;
};

// Travel between two consecutive sign-ins at different places.
struct MapLeg
{
    int from = 0, to = 0; // indexes into the locations
    double km = 0, kmh = 0;
    qint64 fromMs = 0, toMs = 0;
    bool impossible = false;
};

// The world map with sign-in locations (area by count), the legs between them and impossible-travel legs
// in the alarm colour with their speed. Wheel zooms, drag pans, a click picks a location.
class TravelMapWidget : public QWidget
{
    Q_OBJECT
public:
    explicit TravelMapWidget(QWidget *parent = nullptr);

    void setContent(std::vector<MapLocation> locations, std::vector<MapLeg> legs);
    const std::vector<MapLocation> &locations() const { return locations_; }
    const std::vector<MapLeg> &legs() const { return legs_; }
    void setSelected(int index);
    int selected() const { return selected_; }
    // Centres and zooms so every location is in view.
    void fitLocations();
    void zoomBy(double factor);
    double zoom() const { return zoom_; }
    // Screen position of a location (for tests and hit-testing).
    QPointF locationPosition(int index) const;
    int locationAt(const QPointF &point) const;
    QSize sizeHint() const override { return {900, 500}; }
    // True while the world image for the current view is being drawn on the pool.
    bool isRendering() const { return rendering_ || !(worldKey_ == wantedWorld()); }

signals:
    void locationClicked(int index);
    void worldRendered();

protected:
    void paintEvent(QPaintEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    MapProjection projection() const;
    double radiusOf(qint64 count) const;

    // The land and borders, rendered into an image on the thread pool whenever the size, view or palette
    // changes (filling 60,000 coastline points takes longer than the GUI thread may be busy); until the
    // new one arrives the last one is shown.
    struct WorldKey
    {
        QSize size;
        QPointF center;
        double zoom = 0;
        qint64 palette = 0;
        bool operator==(const WorldKey &) const = default;
    };
    WorldKey wantedWorld() const;
    void renderWorld();
    QImage world_;
    WorldKey worldKey_, renderingKey_;
    bool rendering_ = false;

    std::vector<MapLocation> locations_;
    std::vector<MapLeg> legs_;
    qint64 maxCount_ = 1;
    int selected_ = -1;
    QPointF center_{10, 20};
    double zoom_ = 1.0;
    QPoint pressPos_;
    QPointF pressCenter_;
    bool dragging_ = false;
};

} // namespace backsight::ui
