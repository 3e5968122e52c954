// The Backup view's session chart: transferred and read sizes on a log GB axis, the robust range per session type,
// the model's reconstruction with its band, and the flagged sessions (part of BackupView; the tables and the
// loading are in backup_view.cpp).
#include "views/backup/backup_view.h"

#include "accent_colors.h"
#include "severity_style.h"
#include "views/backup/session_chart_view.h"

#include <QAreaSeries>
#include <QChart>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QScatterSeries>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

namespace backsight::ui {
namespace {

// Sizes span 0.01 GB (a quiet incremental) to terabytes (a full read): the GB axis is logarithmic, zero sits at the floor.
constexpr double kFloorGb = 0.01;

double gbPoint(double v)
{
    return std::max(kFloorGb, v);
}

double median(std::vector<double> v)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const size_t m = v.size() / 2;
    return v.size() % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

// The usual range of a session's transferred size among sessions of its type: median ± 3 · 1.4826 · MAD.
struct Band
{
    double low = 0, high = 0;
};

Band usualRange(const std::vector<BackupView::SessionRow> &rows, const QString &type)
{
    std::vector<double> values;
    for (const auto &r : rows)
        if (r.type == type && r.transferredGb >= 0)
            values.push_back(r.transferredGb);
    const double m = median(values);
    std::vector<double> deviations;
    for (double v : values)
        deviations.push_back(std::abs(v - m));
    const double spread = 3 * 1.4826 * median(deviations);
    return {std::max(0.0, m - spread), m + spread};
}

QLineSeries *styledLine(QChart *chart, const QString &name, QColor colour, Qt::PenStyle style)
{
    auto *s = new QLineSeries(chart);
    s->setName(name);
    QPen pen(colour);
    pen.setStyle(style);
    pen.setWidthF(1.6);
    s->setPen(pen);
    return s;
}

QAreaSeries *bandSeries(QChart *chart, const QString &name, QLineSeries *upper, QLineSeries *lower, QColor fill)
{
    auto *band = new QAreaSeries(upper, lower);
    band->setName(name);
    band->setBrush(fill);
    band->setPen(Qt::NoPen);
    chart->addSeries(band);
    return band;
}

} // namespace

// Sizes on a log GB axis: transferred and read, the robust range of transferred per type of session, the model's
// reconstruction of transferred with its band, and the flagged sessions; returns the largest value drawn.
double BackupView::addSizeSeries(QChart *chart, const std::vector<SessionRow> &rows)
{
    auto *transferred = new QLineSeries(chart);
    transferred->setName(tr("Transferred GB"));
    auto *read = new QLineSeries(chart);
    read->setName(tr("Read GB"));
    auto *upper = new QLineSeries(chart), *lower = new QLineSeries(chart);
    auto *modelUpper = new QLineSeries(chart), *modelLower = new QLineSeries(chart);
    const bool dark = isDarkPalette(palette());
    auto *expected = styledLine(chart, tr("Model's expectation (transferred)"),
                                dark ? QColor(0xff, 0xc8, 0x57) : QColor(0xb3, 0x6b, 0x00), Qt::DashDotLine);
    auto *flagged = new QScatterSeries(chart);
    flagged->setName(tr("Flagged session"));
    flagged->setColor(severityColor(4, palette()));
    flagged->setMarkerSize(11);
    QHash<QString, Band> bands;
    double top = 1;
    for (const SessionRow &r : rows) {
        if (!bands.contains(r.type))
            bands.insert(r.type, usualRange(rows, r.type));
        const double x = double(r.timeMs);
        const Band b = bands.value(r.type);
        upper->append(x, gbPoint(b.high));
        lower->append(x, gbPoint(b.low));
        if (r.expectedGb >= 0) {
            expected->append(x, gbPoint(r.expectedGb));
            modelUpper->append(x, gbPoint(r.expectedHighGb));
            modelLower->append(x, gbPoint(r.expectedLowGb));
            top = std::max(top, r.expectedHighGb);
        }
        if (r.transferredGb >= 0)
            transferred->append(x, gbPoint(r.transferredGb));
        if (r.readGb >= 0)
            read->append(x, gbPoint(r.readGb));
        if (r.threat > 0)
            flagged->append(x, gbPoint(r.transferredGb));
        top = std::max({top, r.transferredGb, r.readGb, b.high});
    }
    QColor fill = palette().color(QPalette::Highlight);
    fill.setAlpha(50);
    bandSeries(chart, tr("Robust range (transferred)"), upper, lower, fill);
    if (expected->count() > 0) {
        QColor modelFill = expected->pen().color();
        modelFill.setAlpha(45);
        bandSeries(chart, tr("Model's band (±3 spreads)"), modelUpper, modelLower, modelFill);
    } else {
        delete modelUpper;
        delete modelLower;
    }
    chart->addSeries(transferred);
    chart->addSeries(read);
    if (expected->count() > 0)
        chart->addSeries(expected);
    else
        delete expected;
    chart->addSeries(flagged);
    return top;
}

void BackupView::drawChart(const std::vector<SessionRow> &rows)
{
    auto *chart = new QChart();
    chart->setTitle(tr("%1 — %2 sessions, %3 flagged").arg(server_).arg(rows.size()).arg(flagged_));
    const double top = addSizeSeries(chart, rows);
    const bool dark = isDarkPalette(palette());
    auto *dedup = styledLine(chart, tr("Dedup ratio"), dark ? QColor(0xc3, 0x9b, 0xff) : QColor(0x6a, 0x3d, 0x9a), Qt::DashLine);
    auto *compress = styledLine(chart, tr("Compression ratio"), dark ? QColor(0x6f, 0xd6, 0xd0) : QColor(0x1b, 0x7f, 0x79),
                                Qt::DotLine);
    double ratioTop = 2;
    for (const SessionRow &r : rows) {
        if (r.dedup >= 0)
            dedup->append(double(r.timeMs), r.dedup);
        if (r.compress >= 0)
            compress->append(double(r.timeMs), r.compress);
        ratioTop = std::max({ratioTop, r.dedup, r.compress});
    }
    chart->addSeries(dedup);
    chart->addSeries(compress);
    auto *time = new QDateTimeAxis(chart);
    time->setFormat(QStringLiteral("MM-dd"));
    time->setTitleText(tr("UTC date"));
    auto *gb = new QLogValueAxis(chart);
    gb->setTitleText(tr("GB (log)"));
    gb->setBase(10);
    gb->setLabelFormat(QStringLiteral("%g"));
    gb->setMinorTickCount(-1);
    gb->setRange(kFloorGb, std::pow(10.0, std::ceil(std::log10(top * 1.2))));
    auto *ratio = new QValueAxis(chart);
    ratio->setTitleText(tr("Dedup / compression ratio"));
    ratio->setRange(0, std::ceil(ratioTop * 1.1));
    chart->addAxis(time, Qt::AlignBottom);
    chart->addAxis(gb, Qt::AlignLeft);
    chart->addAxis(ratio, Qt::AlignRight);
    for (QAbstractSeries *series : chart->series()) {
        series->attachAxis(time);
        series->attachAxis(series == dedup || series == compress ? static_cast<QAbstractAxis *>(ratio) : gb);
    }
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->legend()->setShowToolTips(true); // full names where the legend shortens them
    chart->setToolTip(tr("Robust range: median ± 3 · 1.4826 · MAD of this server's transferred size, per type of session. "
                         "Model's band: what the model judging this server expected (its reconstruction) ± 3 robust "
                         "spreads of that kind of night. Red: sessions an anomaly names. Wheel zooms, drag pans."));
    QChart *old = chart_->chart();
    chart_->setChart(chart);
    delete old;
}

} // namespace backsight::ui
