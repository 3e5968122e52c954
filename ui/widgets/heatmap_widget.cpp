#include "widgets/heatmap_widget.h"

#include <QLocale>
#include <QPainter>

namespace backsight::ui {

HeatmapWidget::HeatmapWidget(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("heatmap"));
}

void HeatmapWidget::setCells(const Cells &cells, const QString &zoneText)
{
    cells_ = cells;
    zone_ = zoneText;
    update();
}

void HeatmapWidget::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const int left = 44, top = 22, bottom = 20;
    const double cw = double(width() - left - 8) / 24.0, ch = double(height() - top - bottom) / 7.0;
    qint64 peak = 1;
    for (const auto &row : cells_)
        for (qint64 v : row)
            peak = std::max(peak, v);
    const QColor base = palette().color(QPalette::Base), accent = palette().color(QPalette::Highlight);
    p.setPen(palette().color(QPalette::Text));
    p.drawText(QRectF(left, 0, width() - left, top - 4), Qt::AlignLeft | Qt::AlignVCenter,
               tr("Interactive sign-ins by hour and weekday — %1").arg(zone_));
    const QLocale locale;
    for (int d = 0; d < 7; ++d) {
        p.setPen(palette().color(QPalette::Text));
        p.drawText(QRectF(0, top + d * ch, left - 6, ch), Qt::AlignRight | Qt::AlignVCenter,
                   locale.dayName(d + 1, QLocale::ShortFormat));
        for (int h = 0; h < 24; ++h) {
            const double t = std::sqrt(double(cells_[size_t(d)][size_t(h)]) / double(peak));
            const QColor c = QColor::fromRgbF(float(base.redF() + (accent.redF() - base.redF()) * t),
                                              float(base.greenF() + (accent.greenF() - base.greenF()) * t),
                                              float(base.blueF() + (accent.blueF() - base.blueF()) * t));
            p.fillRect(QRectF(left + h * cw + 1, top + d * ch + 1, cw - 2, ch - 2), c);
        }
    }
    p.setPen(palette().color(QPalette::Text));
    for (int h = 0; h < 24; h += 3)
        p.drawText(QRectF(left + h * cw, height() - bottom, cw * 3, bottom), Qt::AlignLeft | Qt::AlignVCenter,
                   QStringLiteral("%1:00").arg(h, 2, 10, QLatin1Char('0')));
}

} // namespace backsight::ui
