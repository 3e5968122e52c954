#pragma once

#include <QColor>
#include <QPointF>
#include <QPolygonF>
#include <QRectF>
#include <optional>
#include <vector>

class QByteArray;
class QPainter;
class QPalette;

namespace backsight::ui {

// The bundled world map (resources/world/world.bin: Natural Earth land and country borders, see
// resources/world/SOURCES.md), as polygons in degrees: x = longitude, y = latitude.
class WorldMap
{
public:
    struct Layer
    {
        std::vector<QPolygonF> rings;
        std::vector<QRectF> bounds; // one per ring, for culling what is off screen
    };

    // Parses the resource format; nullopt with `error` naming what is wrong.
    static std::optional<WorldMap> fromBytes(const QByteArray &data, QString &error);
    // The map compiled into the application, read once (thread-safe). Empty layers if the resource is
    // missing, which only a broken build can cause.
    static const WorldMap &bundled();

    const Layer &land() const { return land_; }
    const Layer &borders() const { return borders_; }
    bool isEmpty() const { return land_.rings.empty(); }

private:
    Layer land_, borders_;
};

// Equirectangular projection of a view onto a rectangle: `center` (longitude, latitude) lands in the
// middle of `target`; zoom 1 fits the whole world. Pure arithmetic, usable for screen and PDF alike.
class MapProjection
{
public:
    MapProjection(const QRectF &target, QPointF center = {0, 0}, double zoom = 1.0);

    QPointF toScreen(double longitude, double latitude) const;
    QPointF toGeo(const QPointF &screen) const; // x = longitude, y = latitude
    double pixelsPerDegree() const { return scale_; }
    const QRectF &target() const { return target_; }
    QPointF center() const { return center_; }
    double zoom() const { return zoom_; }
    // The longitude/latitude rectangle on show.
    QRectF visibleGeo() const;

private:
    QRectF target_;
    QPointF center_;
    double zoom_;
    double scale_;
};

struct WorldMapStyle
{
    QColor water, land, border, coast;
    // Muted colours derived from the palette, so the map sits quietly in a light or dark theme.
    static WorldMapStyle forPalette(const QPalette &palette);
    // Black on white paper.
    static WorldMapStyle forPrint();
};

// Paints water, land and borders into `projection.target()` (clipped to it). Any QPainter: widget,
// image, PDF.
void paintWorld(QPainter &painter, const MapProjection &projection, const WorldMap &map, const WorldMapStyle &style);

// Great-circle distance in kilometres.
double distanceKm(double lat1, double lon1, double lat2, double lon2);

} // namespace backsight::ui
