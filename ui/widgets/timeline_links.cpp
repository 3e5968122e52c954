// The Timeline's identity ↔ backup incident links: a curve from each identity part in the anomaly lane to each
// backup part in the backup lane (part of TimelineWidget, kept apart from the lanes' painting).
#include "widgets/timeline_widget.h"

#include "severity_style.h"

#include <QPainter>
#include <QPainterPath>
#include <algorithm>

namespace backsight::ui {

void TimelineWidget::setSelectedIncident(const QString &id)
{
    selectedIncident_ = id;
    update();
}

QColor TimelineWidget::linkColor(const TimelineData::Link &link) const
{
    return severityColor(std::clamp(link.severity, 1, 4), palette());
}

std::vector<std::pair<QString, QLineF>> TimelineWidget::linkSegments() const
{
    std::vector<std::pair<QString, QLineF>> out;
    const QRectF backupLane = laneRect(Lane::Backup);
    for (const TimelineData::Link &link : data_.incidents) {
        for (qint64 identity : link.identityMs) {
            // The identity part sits where an anomaly of its severity would; the backup part mid-lane.
            const QPointF from = markerPosition(Lane::Anomaly, {QString(), identity, std::clamp(link.severity, 1, 4), QString()});
            for (qint64 backup : link.backupMs) {
                const QPointF to(xOf(backup), backupLane.height() > 0 ? backupLane.center().y() : plotRect().bottom() - 6);
                out.emplace_back(link.id, QLineF(from, to));
            }
        }
    }
    return out;
}

void TimelineWidget::paintLinks(QPainter &p) const
{
    if (data_.incidents.empty())
        return;
    p.save();
    const std::vector<std::pair<QString, QLineF>> segments = linkSegments();
    for (const TimelineData::Link &link : data_.incidents) {
        const bool selected = link.id == selectedIncident_;
        QColor c = linkColor(link);
        QPen pen(c, selected ? 3.0 : 2.0);
        pen.setCapStyle(Qt::RoundCap);
        p.setPen(pen);
        p.setBrush(Qt::NoBrush);
        QPointF labelAt;
        for (const auto &[id, line] : segments) {
            if (id != link.id)
                continue;
            p.drawLine(line); // a straight link: its pixels lie on linkSegments(), which the tests read
            p.setBrush(c);
            p.drawEllipse(line.p1(), 4.5, 4.5);
            p.drawRect(QRectF(line.p2().x() - 4, line.p2().y() - 4, 8, 8));
            p.setBrush(Qt::NoBrush);
            if (labelAt.isNull())
                labelAt = line.p2(); // right of the backup part, where no link of this incident passes
        }
        if (!labelAt.isNull()) {
            const QString text = selected ? tr("incident: %1").arg(link.label) : tr("incident");
            QFont font = p.font();
            font.setBold(selected);
            p.setFont(font);
            QRectF box = p.fontMetrics().boundingRect(text).toRectF().translated(labelAt + QPointF(10, -8));
            if (box.right() > plotRect().right()) // no room right of the backup part: left of it, above the links' end
                box.moveRight(labelAt.x() - 10), box.moveBottom(labelAt.y() - 12);
            QColor back = palette().color(QPalette::Base);
            back.setAlpha(220);
            p.fillRect(box.adjusted(-2, -1, 2, 1), back);
            p.setPen(c);
            p.drawText(box, Qt::AlignLeft | Qt::AlignVCenter, text);
        }
    }
    p.restore();
}

} // namespace backsight::ui
