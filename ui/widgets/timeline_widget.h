#pragma once

#include <QLineF>
#include <QWidget>
#include <optional>
#include <vector>

namespace backsight::ui {

// What the timeline draws for one visible range (filled by a background read).
struct TimelineData
{
    struct Bucket
    {
        qint64 successes = 0, failures = 0;
    };
    struct Marker
    {
        QString id;
        qint64 ms = 0;
        int kind = 0; // sign-ins: 0 success, 1 failure; anomalies: severity 1..4; backup: 0 ok, 1 warning, 2 failed
        QString label;
    };
    qint64 fromMs = 0, toMs = 0;     // the range the buckets cover
    std::vector<Bucket> buckets;     // equal slices of [fromMs, toMs)
    std::vector<Marker> signIns;     // individual sign-ins, only when the range holds few enough
    std::vector<Marker> anomalies;
    std::vector<Marker> backups;     // backup sessions (Veeam B&R), when any
    // Identity ↔ backup incidents (core/detect/incidents.h) in range: a link from each identity part (anomaly
    // lane) to each backup part (backup lane).
    struct Link
    {
        QString id;
        std::vector<qint64> identityMs, backupMs;
        int severity = 3;
        QString label;
    };
    std::vector<Link> incidents;
};

// Sign-ins over time (successes above the axis, failures below; single events as markers when zoomed in),
// anomalies by severity in their own lane, backup sessions in a third. Wheel or +/- zooms around the
// cursor, dragging or the arrow keys pan, Shift+drag brushes a range, a click on a marker picks it.
class TimelineWidget : public QWidget
{
    Q_OBJECT
public:
    enum class Lane { SignIn, Anomaly, Backup };
    explicit TimelineWidget(QWidget *parent = nullptr);

    void setData(TimelineData data);
    const TimelineData &data() const { return data_; }
    void setView(qint64 fromMs, qint64 toMs);
    qint64 viewFrom() const { return from_; }
    qint64 viewTo() const { return to_; }
    void zoom(double factor, std::optional<double> anchorX = std::nullopt);
    void pan(double fraction);
    void setBrush(qint64 fromMs, qint64 toMs);
    void clearBrush();
    std::optional<std::pair<qint64, qint64>> brush() const;
    // The marker under a point, if any.
    std::optional<std::pair<Lane, TimelineData::Marker>> markerAt(const QPoint &point) const;
    QPointF markerPosition(Lane lane, const TimelineData::Marker &marker) const;
    // The incident to emphasise (thicker link, its label drawn); empty for none.
    void setSelectedIncident(const QString &id);
    QString selectedIncident() const { return selectedIncident_; }
    // The link segments as drawn: (incident id, from the identity part to the backup part), in widget coordinates.
    std::vector<std::pair<QString, QLineF>> linkSegments() const;
    QColor linkColor(const TimelineData::Link &link) const;
    QSize sizeHint() const override { return {800, 320}; }

signals:
    void viewChanged(qint64 fromMs, qint64 toMs);
    void brushChanged(qint64 fromMs, qint64 toMs);
    void markerClicked(backsight::ui::TimelineWidget::Lane lane, const QString &id);

protected:
    void paintEvent(QPaintEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    QRectF plotRect() const;
    QRectF laneRect(Lane lane) const;
    double xOf(qint64 ms) const;
    qint64 msAt(double x) const;
    void paintAxis(QPainter &p) const;
    void paintSignIns(QPainter &p) const;
    void paintMarkers(QPainter &p, Lane lane, const std::vector<TimelineData::Marker> &markers) const;
    void paintLaneScales(QPainter &p) const;
    void paintLinks(QPainter &p) const; // timeline_links.cpp

    TimelineData data_;
    qint64 from_ = 0, to_ = 1;
    std::optional<qint64> brushFrom_, brushTo_;
    QPoint pressPos_;
    qint64 pressFrom_ = 0, pressTo_ = 0;
    bool dragging_ = false, brushing_ = false;
    QString selectedIncident_;
};

} // namespace backsight::ui
