#include "severity_style.h"

#include "accent_colors.h"

#include <QCoreApplication>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace backsight::ui {

QColor severityColor(int rank, const QPalette &palette)
{
    const bool dark = isDarkPalette(palette);
    switch (rank) {
    case 4: return dark ? QColor(0xff, 0x5c, 0x5c) : QColor(0xc6, 0x28, 0x28);
    case 3: return dark ? QColor(0xff, 0xa0, 0x4d) : QColor(0xe0, 0x6c, 0x00);
    case 2: return dark ? QColor(0xf2, 0xd0, 0x4b) : QColor(0xb8, 0x8a, 0x00);
    case 1: return dark ? QColor(0x7a, 0xb8, 0xff) : QColor(0x2e, 0x6d, 0xb4);
    default: return palette.color(QPalette::PlaceholderText);
    }
}

namespace {

QIcon paintSeverityIcon(int rank, const QPalette &palette)
{
    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(severityColor(rank, palette));
    QPainterPath path;
    switch (rank) {
    case 4: path.addRect(4, 4, 24, 24); break; // square
    case 3: path.moveTo(16, 2); path.lineTo(30, 16); path.lineTo(16, 30); path.lineTo(2, 16); path.closeSubpath(); break;
    case 2: path.moveTo(16, 3); path.lineTo(30, 28); path.lineTo(2, 28); path.closeSubpath(); break; // triangle
    default: path.addEllipse(5, 5, 22, 22); break;
    }
    p.drawPath(path);
    if (rank >= 3) { // an exclamation mark on the serious ones
        p.setBrush(Qt::white);
        p.drawRect(14, 8, 4, 11);
        p.drawRect(14, 21, 4, 4);
    }
    return QIcon(pixmap);
}

} // namespace

QIcon severityIcon(int rank, const QPalette &palette)
{
    // Painted once per theme and rank: item models ask for it on every repaint.
    static QIcon cache[2][5];
    const int theme = isDarkPalette(palette) ? 1 : 0;
    const int r = std::clamp(rank, 0, 4);
    if (cache[theme][r].isNull())
        cache[theme][r] = paintSeverityIcon(r, palette);
    return cache[theme][r];
}

QString severityLabel(int rank)
{
    switch (rank) {
    case 1: return QCoreApplication::translate("Severity", "Low");
    case 2: return QCoreApplication::translate("Severity", "Medium");
    case 3: return QCoreApplication::translate("Severity", "High");
    case 4: return QCoreApplication::translate("Severity", "Critical");
    default: return QStringLiteral("—");
    }
}

QString statusLabel(const QString &status)
{
    if (status == QLatin1String("new"))
        return QCoreApplication::translate("Status", "New");
    if (status == QLatin1String("investigating"))
        return QCoreApplication::translate("Status", "Investigating");
    if (status == QLatin1String("confirmed"))
        return QCoreApplication::translate("Status", "Confirmed");
    if (status == QLatin1String("dismissed"))
        return QCoreApplication::translate("Status", "Dismissed");
    return status;
}

} // namespace backsight::ui
