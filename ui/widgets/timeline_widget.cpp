#include "widgets/timeline_widget.h"

#include "accent_colors.h"
#include "severity_style.h"

#include <QDateTime>
#include <QFontMetricsF>
#include <QLocale>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QWheelEvent>
#include <cmath>

namespace backsight::ui {
namespace {

constexpr qint64 kMinSpanMs = 60'000;           // a minute
constexpr qint64 kMaxSpanMs = 3650LL * 86'400'000; // ten years
constexpr int kLeftMargin = 130, kAxisHeight = 28; // room for a lane's name and its scale

QString tickLabel(qint64 ms, qint64 span)
{
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
    if (span <= 2 * 86'400'000LL)
        return t.toString(QStringLiteral("MM-dd HH:mm"));
    return t.toString(QStringLiteral("yyyy-MM-dd"));
}

qint64 niceStep(qint64 span, int maxTicks)
{
    static const qint64 steps[] = {60'000, 300'000, 900'000, 3'600'000, 3 * 3'600'000, 6 * 3'600'000, 12 * 3'600'000,
                                   86'400'000, 2 * 86'400'000, 7 * 86'400'000, 14 * 86'400'000, 30 * 86'400'000LL,
                                   91 * 86'400'000LL, 365 * 86'400'000LL};
    for (qint64 s : steps) {
        if (span / s <= maxTicks)
            return s;
    }
    return 365 * 86'400'000LL;
}

// A bucket's width in words: "15 min", "6 h", "2 days".
QString spanText(qint64 ms)
{
    if (ms < 3'600'000)
        return QStringLiteral("%1 min").arg(std::max<qint64>(1, (ms + 30'000) / 60'000));
    if (ms < 2 * 86'400'000LL)
        return QStringLiteral("%1 h").arg(QLocale().toString(double(ms) / 3'600'000.0, 'g', 2));
    return QStringLiteral("%1 days").arg(QLocale().toString(double(ms) / 86'400'000.0, 'g', 2));
}

} // namespace

TimelineWidget::TimelineWidget(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("timeline"));
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(false);
    setMinimumHeight(220);
    setToolTip(tr("Wheel or +/− to zoom, drag or ←/→ to pan, Shift+drag to select a range, click a marker to see it"));
}

void TimelineWidget::setData(TimelineData data)
{
    data_ = std::move(data);
    update();
}

void TimelineWidget::setView(qint64 fromMs, qint64 toMs)
{
    if (toMs - fromMs < kMinSpanMs) {
        const qint64 mid = (fromMs + toMs) / 2;
        fromMs = mid - kMinSpanMs / 2;
        toMs = fromMs + kMinSpanMs;
    }
    if (toMs - fromMs > kMaxSpanMs)
        toMs = fromMs + kMaxSpanMs;
    if (fromMs == from_ && toMs == to_)
        return;
    from_ = fromMs;
    to_ = toMs;
    update();
    emit viewChanged(from_, to_);
}

void TimelineWidget::zoom(double factor, std::optional<double> anchorX)
{
    const double x = anchorX.value_or(plotRect().center().x());
    const qint64 anchor = msAt(x);
    const double left = double(anchor - from_) * factor, right = double(to_ - anchor) * factor;
    setView(anchor - qint64(left), anchor + qint64(right));
}

void TimelineWidget::pan(double fraction)
{
    const qint64 delta = qint64(double(to_ - from_) * fraction);
    setView(from_ + delta, to_ + delta);
}

void TimelineWidget::setBrush(qint64 fromMs, qint64 toMs)
{
    brushFrom_ = std::min(fromMs, toMs);
    brushTo_ = std::max(fromMs, toMs);
    update();
    emit brushChanged(*brushFrom_, *brushTo_);
}

void TimelineWidget::clearBrush()
{
    brushFrom_.reset();
    brushTo_.reset();
    update();
}

std::optional<std::pair<qint64, qint64>> TimelineWidget::brush() const
{
    if (!brushFrom_)
        return std::nullopt;
    return std::make_pair(*brushFrom_, *brushTo_);
}

QRectF TimelineWidget::plotRect() const
{
    return QRectF(kLeftMargin, 8, std::max(10, width() - kLeftMargin - 12), std::max(10, height() - 8 - kAxisHeight));
}

QRectF TimelineWidget::laneRect(Lane lane) const
{
    const QRectF r = plotRect();
    const bool backups = !data_.backups.empty();
    const double anomalyH = r.height() * 0.22, backupH = backups ? r.height() * 0.18 : 0;
    switch (lane) {
    case Lane::Anomaly: return QRectF(r.left(), r.top(), r.width(), anomalyH);
    case Lane::Backup: return QRectF(r.left(), r.bottom() - backupH, r.width(), backupH);
    default: return QRectF(r.left(), r.top() + anomalyH, r.width(), r.height() - anomalyH - backupH);
    }
}

double TimelineWidget::xOf(qint64 ms) const
{
    const QRectF r = plotRect();
    return r.left() + double(ms - from_) / double(std::max<qint64>(1, to_ - from_)) * r.width();
}

qint64 TimelineWidget::msAt(double x) const
{
    const QRectF r = plotRect();
    return from_ + qint64((x - r.left()) / r.width() * double(to_ - from_));
}

QPointF TimelineWidget::markerPosition(Lane lane, const TimelineData::Marker &m) const
{
    const QRectF lr = laneRect(lane);
    double y = lr.center().y();
    if (lane == Lane::SignIn)
        y = m.kind == 0 ? lr.top() + lr.height() * 0.3 : lr.top() + lr.height() * 0.75;
    else if (lane == Lane::Anomaly)
        y = lr.bottom() - lr.height() * (0.15 + 0.2 * m.kind);
    return {xOf(m.ms), y};
}

std::optional<std::pair<TimelineWidget::Lane, TimelineData::Marker>> TimelineWidget::markerAt(const QPoint &point) const
{
    std::optional<std::pair<Lane, TimelineData::Marker>> best;
    double bestDistance = 8.0;
    const auto consider = [&](Lane lane, const std::vector<TimelineData::Marker> &markers) {
        for (const auto &m : markers) {
            const QPointF p = markerPosition(lane, m);
            const double d = std::hypot(p.x() - point.x(), p.y() - point.y());
            if (d < bestDistance) {
                bestDistance = d;
                best = std::make_pair(lane, m);
            }
        }
    };
    consider(Lane::Anomaly, data_.anomalies);
    consider(Lane::SignIn, data_.signIns);
    consider(Lane::Backup, data_.backups);
    return best;
}

void TimelineWidget::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::Base));
    p.setRenderHint(QPainter::Antialiasing);
    const QColor grid = palette().color(QPalette::Mid);
    p.setPen(palette().color(QPalette::Text));
    const std::pair<Lane, QString> lanes[] = {{Lane::Anomaly, tr("Anomalies")}, {Lane::SignIn, tr("Sign-ins")},
                                              {Lane::Backup, tr("Backups")}};
    for (const auto &[lane, name] : lanes) {
        const QRectF lr = laneRect(lane);
        if (lr.height() <= 0)
            continue;
        p.setPen(palette().color(QPalette::Text));
        p.drawText(QRectF(4, lr.top() + 2, kLeftMargin - 8, lr.height()), Qt::AlignLeft | Qt::AlignTop, name);
        p.setPen(grid);
        p.drawLine(QLineF(lr.left(), lr.bottom(), lr.right(), lr.bottom()));
    }
    paintLaneScales(p);
    paintAxis(p);
    p.setClipRect(plotRect());
    if (brushFrom_) {
        QColor b = palette().color(QPalette::Highlight);
        b.setAlpha(60);
        p.fillRect(QRectF(QPointF(xOf(*brushFrom_), plotRect().top()), QPointF(xOf(*brushTo_), plotRect().bottom())), b);
    }
    paintSignIns(p);
    paintMarkers(p, Lane::Anomaly, data_.anomalies);
    paintMarkers(p, Lane::Backup, data_.backups);
    paintLinks(p);
}

// A scale at the left of every lane: severities for anomalies, counts per bucket (or succeeded / failed rows) for
// sign-ins, and what the colours of backup sessions mean.
void TimelineWidget::paintLaneScales(QPainter &p) const
{
    p.save();
    QFont font = p.font();
    font.setPointSizeF(font.pointSizeF() * 0.8);
    p.setFont(font);
    const double lineH = QFontMetricsF(font).height();
    const auto tick = [&](double y, const QString &label, const QColor &color = QColor()) {
        p.setPen(palette().color(QPalette::Mid));
        p.drawLine(QLineF(kLeftMargin - 4, y, kLeftMargin, y));
        if (color.isValid()) {
            p.setPen(Qt::NoPen);
            p.setBrush(color);
            p.drawRect(QRectF(kLeftMargin - 12, y - 3, 6, 6));
        }
        p.setPen(palette().color(QPalette::Text));
        p.drawText(QRectF(4, y - lineH / 2, kLeftMargin - (color.isValid() ? 16 : 8), lineH), Qt::AlignRight | Qt::AlignVCenter, label);
    };

    const QRectF al = laneRect(Lane::Anomaly);
    const bool roomy = al.height() * 0.2 >= lineH;
    for (int severity = 1; severity <= 4; ++severity) {
        if (roomy || severity == 1 || severity == 4)
            tick(markerPosition(Lane::Anomaly, {QString(), 0, severity, QString()}).y(), severityLabel(severity).toLower());
    }

    const QRectF sl = laneRect(Lane::SignIn);
    if (!data_.signIns.empty() || data_.buckets.empty()) {
        tick(markerPosition(Lane::SignIn, {QString(), 0, 0, QString()}).y(), tr("succeeded"));
        tick(markerPosition(Lane::SignIn, {QString(), 0, 1, QString()}).y(), tr("failed"));
    } else {
        qint64 peak = 1;
        for (const auto &b : data_.buckets)
            peak = std::max({peak, b.successes, b.failures});
        const double mid = sl.top() + sl.height() * 0.6;
        const QLocale locale;
        tick(sl.top() + 4, locale.toString(peak));
        tick(mid, QStringLiteral("0"));
        tick(sl.bottom() - 4, locale.toString(peak));
        const qint64 bucketMs = (data_.toMs - data_.fromMs) / qint64(data_.buckets.size());
        p.drawText(QRectF(4, sl.top() + 2 + lineH * 1.3, kLeftMargin - 8, lineH * 2.4), Qt::AlignLeft | Qt::TextWordWrap,
                   tr("per %1").arg(spanText(bucketMs)));
        p.drawText(QRectF(4, mid + lineH * 0.6, kLeftMargin - 8, lineH), Qt::AlignLeft, tr("failed ↓"));
    }

    const QRectF bl = laneRect(Lane::Backup);
    if (bl.height() >= 3 * lineH) {
        const double y = bl.center().y();
        tick(y - lineH, tr("ok"), palette().color(QPalette::Highlight));
        tick(y, tr("warning"), severityColor(2, palette()));
        tick(y + lineH, tr("failed"), severityColor(4, palette()));
    }
    p.restore();
}

void TimelineWidget::paintAxis(QPainter &p) const
{
    const QRectF r = plotRect();
    const qint64 span = to_ - from_;
    const qint64 step = niceStep(span, std::max(2, int(r.width() / 110)));
    p.setPen(palette().color(QPalette::Mid));
    const QColor text = palette().color(QPalette::Text);
    for (qint64 t = (from_ / step + 1) * step; t < to_; t += step) {
        const double x = xOf(t);
        p.setPen(palette().color(QPalette::Midlight));
        p.drawLine(QLineF(x, r.top(), x, r.bottom()));
        p.setPen(text);
        p.drawText(QRectF(x - 60, r.bottom() + 4, 120, kAxisHeight - 4), Qt::AlignHCenter | Qt::AlignTop, tickLabel(t, span));
    }
    p.drawText(QRectF(0, r.bottom() + 4, kLeftMargin - 8, kAxisHeight - 4), Qt::AlignRight | Qt::AlignTop, tr("UTC"));
}

void TimelineWidget::paintSignIns(QPainter &p) const
{
    const QRectF lr = laneRect(Lane::SignIn);
    const QColor ok = palette().color(QPalette::Highlight);
    const QColor failed = failureTextColor(palette());
    if (!data_.signIns.empty() || data_.buckets.empty()) {
        for (const auto &m : data_.signIns) {
            const QPointF c = markerPosition(Lane::SignIn, m);
            if (m.kind == 0) {
                p.setPen(Qt::NoPen);
                p.setBrush(ok);
                p.drawEllipse(c, 3.5, 3.5);
            } else {
                p.setPen(QPen(failed, 2));
                p.drawLine(c + QPointF(-4, -4), c + QPointF(4, 4));
                p.drawLine(c + QPointF(-4, 4), c + QPointF(4, -4));
            }
        }
        return;
    }
    // Too many to draw one by one: a histogram, successes up from the middle, failures down.
    qint64 peak = 1;
    for (const auto &b : data_.buckets)
        peak = std::max({peak, b.successes, b.failures});
    const double mid = lr.top() + lr.height() * 0.6;
    const double up = (mid - lr.top() - 4) / double(peak), down = (lr.bottom() - mid - 4) / double(peak);
    const double width = double(data_.toMs - data_.fromMs) / double(data_.buckets.size());
    p.setPen(Qt::NoPen);
    for (size_t i = 0; i < data_.buckets.size(); ++i) {
        const double x0 = xOf(data_.fromMs + qint64(double(i) * width)), x1 = xOf(data_.fromMs + qint64(double(i + 1) * width));
        const auto &b = data_.buckets[i];
        p.setBrush(ok);
        p.drawRect(QRectF(x0, mid - double(b.successes) * up, std::max(1.0, x1 - x0 - 0.5), double(b.successes) * up));
        p.setBrush(failed);
        p.drawRect(QRectF(x0, mid, std::max(1.0, x1 - x0 - 0.5), double(b.failures) * down));
    }
    p.setPen(palette().color(QPalette::Mid));
    p.drawLine(QLineF(lr.left(), mid, lr.right(), mid));
}

void TimelineWidget::paintMarkers(QPainter &p, Lane lane, const std::vector<TimelineData::Marker> &markers) const
{
    for (const auto &m : markers) {
        const QPointF c = markerPosition(lane, m);
        if (lane == Lane::Anomaly) {
            const QIcon icon = severityIcon(m.kind, palette());
            p.drawPixmap(QRectF(c.x() - 7, c.y() - 7, 14, 14).toRect(), icon.pixmap(14, 14));
        } else {
            const QColor color = m.kind == 0 ? palette().color(QPalette::Highlight)
                                 : m.kind == 1 ? severityColor(2, palette()) : severityColor(4, palette());
            p.setPen(Qt::NoPen);
            p.setBrush(color);
            p.drawRect(QRectF(c.x() - 4, c.y() - 6, 8, 12));
        }
    }
}

void TimelineWidget::wheelEvent(QWheelEvent *event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps != 0)
        zoom(std::pow(0.8, steps), event->position().x());
    event->accept();
}

void TimelineWidget::mousePressEvent(QMouseEvent *event)
{
    pressPos_ = event->pos();
    pressFrom_ = from_;
    pressTo_ = to_;
    brushing_ = event->modifiers() & Qt::ShiftModifier || event->button() == Qt::RightButton;
    dragging_ = false;
    setFocus();
}

void TimelineWidget::mouseMoveEvent(QMouseEvent *event)
{
    if (!(event->buttons() & (Qt::LeftButton | Qt::RightButton)))
        return;
    if ((event->pos() - pressPos_).manhattanLength() < 4 && !dragging_)
        return;
    dragging_ = true;
    if (brushing_) {
        brushFrom_ = std::min(msAt(pressPos_.x()), msAt(event->pos().x()));
        brushTo_ = std::max(msAt(pressPos_.x()), msAt(event->pos().x()));
        update();
        return;
    }
    const double perPixel = double(pressTo_ - pressFrom_) / plotRect().width();
    const qint64 delta = qint64(double(pressPos_.x() - event->pos().x()) * perPixel);
    setView(pressFrom_ + delta, pressTo_ + delta);
}

void TimelineWidget::mouseReleaseEvent(QMouseEvent *event)
{
    if (dragging_ && brushing_ && brushFrom_)
        emit brushChanged(*brushFrom_, *brushTo_);
    else if (!dragging_) {
        if (const auto hit = markerAt(event->pos()))
            emit markerClicked(hit->first, hit->second.id);
    }
    dragging_ = brushing_ = false;
}

void TimelineWidget::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal: zoom(0.5); break;
    case Qt::Key_Minus: zoom(2.0); break;
    case Qt::Key_Left: pan(-0.2); break;
    case Qt::Key_Right: pan(0.2); break;
    case Qt::Key_Escape: clearBrush(); break;
    default: QWidget::keyPressEvent(event); return;
    }
    event->accept();
}

} // namespace backsight::ui
