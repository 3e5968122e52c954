#include "widgets/world_map_painter.h"

#include "accent_colors.h"

#include <QDataStream>
#include <QFile>
#include <QPainter>
#include <QPalette>
#include <cmath>

namespace backsight::ui {
namespace {

constexpr quint16 kFormatVersion = 1;

bool readLayer(QDataStream &in, WorldMap::Layer &layer, QString &error, const QString &name)
{
    quint32 ringCount = 0;
    in >> ringCount;
    if (in.status() != QDataStream::Ok || ringCount > 1'000'000) {
        error = QStringLiteral("world map layer '%1': bad ring count").arg(name);
        return false;
    }
    layer.rings.reserve(ringCount);
    for (quint32 r = 0; r < ringCount; ++r) {
        quint32 points = 0;
        in >> points;
        if (in.status() != QDataStream::Ok || points > 10'000'000) {
            error = QStringLiteral("world map layer '%1': ring %2 is truncated").arg(name).arg(r);
            return false;
        }
        QPolygonF ring;
        ring.reserve(points);
        for (quint32 p = 0; p < points; ++p) {
            qint16 lon = 0, lat = 0;
            in >> lon >> lat;
            ring << QPointF(lon / 100.0, lat / 100.0);
        }
        if (in.status() != QDataStream::Ok) {
            error = QStringLiteral("world map layer '%1': ring %2 is truncated").arg(name).arg(r);
            return false;
        }
        layer.bounds.push_back(ring.boundingRect());
        layer.rings.push_back(std::move(ring));
    }
    return true;
}

} // namespace

std::optional<WorldMap> WorldMap::fromBytes(const QByteArray &data, QString &error)
{
    if (!data.startsWith("BSWM")) {
        error = QStringLiteral("not a Backsight world map (no BSWM header)");
        return std::nullopt;
    }
    QDataStream in(data.mid(4));
    in.setByteOrder(QDataStream::LittleEndian);
    quint16 version = 0, layers = 0;
    in >> version >> layers;
    if (version != kFormatVersion) {
        error = QStringLiteral("world map format version %1 is not supported").arg(version);
        return std::nullopt;
    }
    WorldMap map;
    for (quint16 l = 0; l < layers; ++l) {
        quint8 nameLength = 0;
        in >> nameLength;
        QByteArray name(nameLength, '\0');
        in.readRawData(name.data(), nameLength);
        const QString layerName = QString::fromLatin1(name);
        WorldMap::Layer scratch;
        WorldMap::Layer &target = layerName == QLatin1String("land")        ? map.land_
                                  : layerName == QLatin1String("countries") ? map.borders_
                                                                            : scratch;
        if (!readLayer(in, target, error, layerName))
            return std::nullopt;
    }
    return map;
}

const WorldMap &WorldMap::bundled()
{
    static const WorldMap map = [] {
        QFile file(QStringLiteral(":/backsight/world/world.bin"));
        QString error;
        if (!file.open(QIODevice::ReadOnly)) {
            qWarning("the bundled world map resource is missing");
            return WorldMap();
        }
        auto parsed = fromBytes(file.readAll(), error);
        if (!parsed)
            qWarning("the bundled world map cannot be read: %s", qUtf8Printable(error));
        return parsed.value_or(WorldMap());
    }();
    return map;
}

MapProjection::MapProjection(const QRectF &target, QPointF center, double zoom)
    : target_(target), center_(center), zoom_(std::max(zoom, 0.1)),
      scale_(std::min(target.width() / 360.0, target.height() / 180.0) * zoom_)
{
}

QPointF MapProjection::toScreen(double longitude, double latitude) const
{
    return {target_.center().x() + (longitude - center_.x()) * scale_,
            target_.center().y() - (latitude - center_.y()) * scale_};
}

QPointF MapProjection::toGeo(const QPointF &screen) const
{
    return {center_.x() + (screen.x() - target_.center().x()) / scale_,
            center_.y() - (screen.y() - target_.center().y()) / scale_};
}

QRectF MapProjection::visibleGeo() const
{
    const QPointF topLeft = toGeo(target_.topLeft());
    const QPointF bottomRight = toGeo(target_.bottomRight());
    return QRectF(QPointF(topLeft.x(), bottomRight.y()), QPointF(bottomRight.x(), topLeft.y()));
}

WorldMapStyle WorldMapStyle::forPalette(const QPalette &palette)
{
    if (isDarkPalette(palette))
        return {QColor(0x1b, 0x26, 0x33), QColor(0x3a, 0x40, 0x48), QColor(0x55, 0x5d, 0x68), QColor(0x6b, 0x74, 0x80)};
    return {QColor(0xdc, 0xe9, 0xf5), QColor(0xf4, 0xf1, 0xea), QColor(0xc9, 0xc3, 0xb6), QColor(0xa8, 0xb4, 0xc0)};
}

WorldMapStyle WorldMapStyle::forPrint()
{
    return {QColor(0xf2, 0xf6, 0xfa), QColor(0xe6, 0xe6, 0xe6), QColor(0xb0, 0xb0, 0xb0), QColor(0x90, 0x90, 0x90)};
}

void paintWorld(QPainter &painter, const MapProjection &projection, const WorldMap &map, const WorldMapStyle &style)
{
    painter.save();
    painter.setClipRect(projection.target());
    painter.fillRect(projection.target(), style.water);
    const double s = projection.pixelsPerDegree();
    const QPointF origin = projection.toScreen(0, 0);
    // Degrees to device units in one transform; the pens are cosmetic so lines stay hairlines at any zoom.
    painter.setTransform(QTransform(s, 0, 0, -s, origin.x(), origin.y()), true);
    painter.setRenderHint(QPainter::Antialiasing, true);
    const QRectF visible = projection.visibleGeo();
    QPen coast(style.coast, 0);
    coast.setCosmetic(true);
    painter.setPen(coast);
    painter.setBrush(style.land);
    // Rings that cross the antimeridian are stored unwrapped (beyond ±180°): draw them again one world over.
    const auto draw = [&](const WorldMap::Layer &layer) {
        for (size_t i = 0; i < layer.rings.size(); ++i) {
            for (const double shift : {0.0, -360.0, 360.0}) {
                const QRectF bounds = layer.bounds[i].translated(shift, 0);
                if ((shift == 0 || (bounds.left() < 180 && bounds.right() > -180)) && bounds.intersects(visible))
                    painter.drawPolygon(shift == 0 ? layer.rings[i] : layer.rings[i].translated(shift, 0));
            }
        }
    };
    draw(map.land());
    QPen border(style.border, 0);
    border.setCosmetic(true);
    painter.setPen(border);
    painter.setBrush(Qt::NoBrush);
    draw(map.borders());
    painter.restore();
}

double distanceKm(double lat1, double lon1, double lat2, double lon2)
{
    constexpr double kEarthRadiusKm = 6371.0;
    constexpr double kRad = M_PI / 180.0;
    const double dLat = (lat2 - lat1) * kRad, dLon = (lon2 - lon1) * kRad;
    const double a = std::sin(dLat / 2) * std::sin(dLat / 2)
                     + std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dLon / 2) * std::sin(dLon / 2);
    return 2 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(a)));
}

} // namespace backsight::ui
