#include "report/incident_charts.h"

#include "report/incident_report.h"
#include "widgets/world_map_painter.h"

#include <QDateTime>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QSet>
#include <cmath>

namespace backsight::report {
namespace {

constexpr qint64 kDayMs = 86400000;
const QColor kInk(0x33, 0x33, 0x33);
const QColor kGrid(0xdd, 0xdd, 0xdd);
const QColor kOk(0x3b, 0x6e, 0xa5);
const QColor kFail(0xe0, 0x8a, 0x1e);
const QColor kFlag(0xc6, 0x28, 0x28);

double hourOfDay(qint64 ms)
{
    const qint64 inDay = ((ms % kDayMs) + kDayMs) % kDayMs;
    return double(inDay) / 3600000.0;
}

void legendItem(QPainter &p, double &x, double y, const QColor &color, bool cross, const QString &text)
{
    p.setPen(QPen(color, 1.6));
    p.setBrush(cross ? Qt::NoBrush : QBrush(color));
    if (cross) {
        p.drawLine(QPointF(x - 3, y - 3), QPointF(x + 3, y + 3));
        p.drawLine(QPointF(x - 3, y + 3), QPointF(x + 3, y - 3));
    } else {
        p.drawEllipse(QPointF(x, y), 3, 3);
    }
    p.setPen(kInk);
    p.drawText(QPointF(x + 7, y + 4), text);
    x += 14 + p.fontMetrics().horizontalAdvance(text) + 14;
}

} // namespace

QImage renderTimeline(const IncidentSection &s, QSize size)
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    const double w = size.width() / 2.0, h = size.height() / 2.0;
    p.scale(2, 2);
    p.setFont(QFont(QStringLiteral("DejaVu Sans"), 7));
    const QRectF plot(34, 22, w - 44, h - 44);
    const qint64 span = std::max<qint64>(1, s.windowEndMs - s.windowStartMs);
    const auto xOf = [&](qint64 ms) { return plot.left() + plot.width() * double(ms - s.windowStartMs) / double(span); };
    const auto yOf = [&](double hour) { return plot.top() + plot.height() * hour / 24.0; };

    // Grid: hours down the left, UTC days across the bottom.
    p.setPen(QPen(kGrid, 0.6));
    for (int hour = 0; hour <= 24; hour += 6) {
        p.drawLine(QPointF(plot.left(), yOf(hour)), QPointF(plot.right(), yOf(hour)));
        p.setPen(kInk);
        p.drawText(QRectF(0, yOf(hour) - 6, plot.left() - 4, 12), Qt::AlignRight | Qt::AlignVCenter,
                   QStringLiteral("%1:00").arg(hour, 2, 10, QLatin1Char('0')));
        p.setPen(QPen(kGrid, 0.6));
    }
    for (qint64 day = (s.windowStartMs / kDayMs + 1) * kDayMs; day < s.windowEndMs; day += kDayMs) {
        p.setPen(QPen(kGrid, 0.6));
        p.drawLine(QPointF(xOf(day), plot.top()), QPointF(xOf(day), plot.bottom()));
        p.setPen(kInk);
        p.drawText(QRectF(xOf(day) - 30, plot.bottom() + 3, 60, 12), Qt::AlignHCenter | Qt::AlignTop,
                   QDateTime::fromMSecsSinceEpoch(day, Qt::UTC).toString(QStringLiteral("MMM d")));
    }
    p.setPen(QPen(kInk, 0.8));
    p.setBrush(Qt::NoBrush);
    p.drawRect(plot);
    p.drawText(QRectF(plot.left(), plot.bottom() + 14, plot.width(), 10), Qt::AlignHCenter,
               QStringLiteral("UTC date (hour of day down the side)"));

    // The incident: a red band for a window, a red line for a moment.
    const detect::Anomaly &a = s.anomaly;
    p.setPen(Qt::NoPen);
    if (a.endMs && *a.endMs > a.timeMs) {
        p.setBrush(QColor(0xc6, 0x28, 0x28, 40));
        p.drawRect(QRectF(QPointF(xOf(a.timeMs), plot.top()), QPointF(xOf(*a.endMs), plot.bottom())));
    }
    p.setPen(QPen(kFlag, 1.0, Qt::DashLine));
    p.drawLine(QPointF(xOf(a.timeMs), plot.top()), QPointF(xOf(a.timeMs), plot.bottom()));

    // Ordinary sign-ins first, the anomaly's own events on top.
    for (int pass = 0; pass < 2; ++pass) {
        for (const SignInPoint &pt : s.signIns) {
            if (pt.cited != (pass == 1))
                continue;
            const QPointF c(xOf(pt.timeMs), yOf(hourOfDay(pt.timeMs)));
            if (pt.cited) {
                p.setPen(QPen(Qt::black, 0.8));
                p.setBrush(kFlag);
                p.drawEllipse(c, 3.6, 3.6);
            } else if (pt.success) {
                p.setPen(Qt::NoPen);
                p.setBrush(kOk);
                p.drawEllipse(c, 1.8, 1.8);
            } else {
                p.setPen(QPen(kFail, 1.2));
                p.drawLine(c + QPointF(-2.2, -2.2), c + QPointF(2.2, 2.2));
                p.drawLine(c + QPointF(-2.2, 2.2), c + QPointF(2.2, -2.2));
            }
        }
    }
    double x = plot.left() + 4;
    legendItem(p, x, 11, kOk, false, QStringLiteral("successful sign-in"));
    legendItem(p, x, 11, kFail, true, QStringLiteral("failed sign-in"));
    legendItem(p, x, 11, kFlag, false, QStringLiteral("event this anomaly cites"));
    p.setPen(QPen(kFlag, 1.0, Qt::DashLine));
    p.drawLine(QPointF(x, 11), QPointF(x + 14, 11));
    p.setPen(kInk);
    p.drawText(QPointF(x + 18, 15), QStringLiteral("anomaly time"));
    if (s.signIns.empty()) {
        p.drawText(plot, Qt::AlignCenter, QStringLiteral("No user sign-ins in this window"));
    }
    return image;
}

QImage renderTravelMap(const IncidentSection &s, QSize size)
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.scale(2, 2);
    const QRectF target(0, 0, size.width() / 2.0, size.height() / 2.0);
    p.setFont(QFont(QStringLiteral("DejaVu Sans"), 7));

    // Fit the places involved (and their neighbours), never closer than a 40-degree-wide view.
    double minLon = 180, maxLon = -180, minLat = 90, maxLat = -90;
    bool any = false;
    for (const SignInPoint &pt : s.signIns) {
        if (!pt.latitude)
            continue;
        any = true;
        minLon = std::min(minLon, *pt.longitude);
        maxLon = std::max(maxLon, *pt.longitude);
        minLat = std::min(minLat, *pt.latitude);
        maxLat = std::max(maxLat, *pt.latitude);
    }
    QPointF center(0, 20);
    double zoom = 1.0;
    if (any) {
        center = QPointF((minLon + maxLon) / 2, (minLat + maxLat) / 2);
        const double lonSpan = std::max(40.0, (maxLon - minLon) * 1.3);
        const double latSpan = std::max(20.0, (maxLat - minLat) * 1.3);
        const double worldAspect = target.width() / target.height();
        zoom = std::clamp(std::min(360.0 / lonSpan, 360.0 / worldAspect / latSpan), 1.0, 12.0);
    }
    const ui::MapProjection projection(target, center, zoom);
    ui::paintWorld(p, projection, ui::WorldMap::bundled(), ui::WorldMapStyle::forPrint());

    const auto at = [&](const SignInPoint &pt) { return projection.toScreen(*pt.longitude, *pt.latitude); };
    // Ordinary legs thin and grey, the cited ones red with an arrow head and their speed.
    // One speed label per pair of places: the fastest leg between them.
    std::vector<TravelLeg> legs = s.legs;
    std::stable_sort(legs.begin(), legs.end(), [](const TravelLeg &a, const TravelLeg &b) { return a.kmPerHour > b.kmPerHour; });
    QSet<QString> labelled;
    for (int pass = 0; pass < 2; ++pass) {
        for (const TravelLeg &leg : legs) {
            if (leg.cited != (pass == 1))
                continue;
            const QPointF a = at(s.signIns[size_t(leg.from)]), b = at(s.signIns[size_t(leg.to)]);
            p.setPen(QPen(leg.cited ? kFlag : QColor(0x88, 0x88, 0x88), leg.cited ? 1.8 : 0.8));
            p.drawLine(a, b);
            if (!leg.cited)
                continue;
            const double angle = std::atan2(b.y() - a.y(), b.x() - a.x());
            QPainterPath head;
            head.moveTo(b);
            head.lineTo(b - QPointF(std::cos(angle - 0.4), std::sin(angle - 0.4)) * 8);
            head.lineTo(b - QPointF(std::cos(angle + 0.4), std::sin(angle + 0.4)) * 8);
            head.closeSubpath();
            p.fillPath(head, kFlag);
            const SignInPoint &pa = s.signIns[size_t(leg.from)], &pb = s.signIns[size_t(leg.to)];
            const QString pair = pa.city < pb.city ? pa.city + pb.city : pb.city + pa.city;
            if (labelled.contains(pair))
                continue;
            labelled.insert(pair);
            const QString speed = std::isfinite(leg.kmPerHour)
                                      ? QStringLiteral("%1 km in %2 h = %3 km/h")
                                            .arg(QLocale(QLocale::English).toString(leg.km, 'f', 0),
                                                 QLocale(QLocale::English).toString(leg.hours, 'f', 1),
                                                 QLocale(QLocale::English).toString(leg.kmPerHour, 'f', 0))
                                      : QStringLiteral("%1 km at the same moment")
                                            .arg(QLocale(QLocale::English).toString(leg.km, 'f', 0));
            const QPointF mid = (a + b) / 2;
            // Successive labels step down so two legs with close midpoints stay readable.
            const QRectF box = QRectF(p.fontMetrics().boundingRect(speed))
                                   .adjusted(-3, -2, 3, 2)
                                   .translated(mid + QPointF(6, -6 + 12.0 * double(labelled.size() - 1)));
            p.fillRect(box, QColor(255, 255, 255, 220));
            p.setPen(kFlag);
            p.drawText(box, Qt::AlignCenter, speed);
        }
    }
    // Places: one dot each; labels for the cited ones.
    for (const SignInPoint &pt : s.signIns) {
        if (!pt.latitude)
            continue;
        p.setPen(pt.cited ? QPen(Qt::black, 0.8) : Qt::NoPen);
        p.setBrush(pt.cited ? kFlag : kOk);
        p.drawEllipse(at(pt), pt.cited ? 3.5 : 2.2, pt.cited ? 3.5 : 2.2);
    }
    for (const SignInPoint &pt : s.signIns) {
        if (!pt.latitude || !pt.cited)
            continue;
        const QString label = QStringLiteral("%1%2 %3")
                                  .arg(pt.city.isEmpty() ? pt.country : pt.city,
                                       pt.city.isEmpty() || pt.country.isEmpty() ? QString() : QStringLiteral(", ") + pt.country,
                                       QDateTime::fromMSecsSinceEpoch(pt.timeMs, Qt::UTC).toString(QStringLiteral("MMM d HH:mm")));
        const QRectF box = QRectF(p.fontMetrics().boundingRect(label)).adjusted(-3, -2, 3, 2).translated(at(pt) + QPointF(6, 12));
        p.fillRect(box, QColor(255, 255, 255, 220));
        p.setPen(kInk);
        p.drawText(box, Qt::AlignCenter, label);
    }
    if (!any) {
        p.setPen(kInk);
        p.drawText(target, Qt::AlignCenter, QStringLiteral("No sign-in in this window has a location"));
    }
    p.setPen(QPen(kInk, 0.8));
    p.setBrush(Qt::NoBrush);
    p.drawRect(target.adjusted(0.4, 0.4, -0.4, -0.4));
    return image;
}

} // namespace backsight::report
