#pragma once

#include "background_query.h"
#include "views/case_view.h"
#include "widgets/travel_map_widget.h"

#include <QSet>
#include <optional>

class QLabel;
class QLineEdit;
class QSlider;
class QTableWidget;
class QThreadPool;

namespace backsight::ui {

// Where a user (or the whole tenant) signed in from, on the bundled world map. For a user: the legs
// between consecutive places, impossible travel highlighted with its speed (the legs detection flagged as
// impossible_travel; before detection has run, anything faster than kImpossibleKmh), and a time slider
// that replays the travel up to a moment. A click on a place lists its sign-ins.
class TravelMapView : public CaseView
{
    Q_OBJECT
public:
    static constexpr double kImpossibleKmh = 1000.0; // faster than an airliner
    static constexpr int kMaxEvents = 20'000;

    TravelMapView(QThreadPool &pool, QWidget *parent = nullptr);

    QString title() const override;
    void setDatabase(Database *db) override;
    void refresh() override;
    void focusFilter() override;

    // Shows `upn` (empty: tenant); with `atMs`, the slider stops there and the place of that moment is selected.
    void showUser(const QString &upn, std::optional<qint64> atMs = std::nullopt);
    // Lists the sign-ins at locations()[index] (what a click does).
    void selectLocation(int index);
    TravelMapWidget *map() const { return map_; }
    QSlider *slider() const { return slider_; }
    QTableWidget *eventTable() const { return events_; }

private:
    struct Event
    {
        QString id, place, ip, app;
        qint64 ms = 0;
        double latitude = 0, longitude = 0;
        bool failure = false;
    };
    struct Loaded
    {
        std::vector<Event> events;          // user mode
        std::vector<MapLocation> locations; // tenant mode
        qint64 firstMs = 0, lastMs = 0;
        bool truncated = false;
        bool detected = false;          // detection has run: its impossible_travel anomalies decide the red legs
        QSet<QString> travelEvents;     // events named by the user's impossible_travel anomalies
        QString error;
    };
    static Loaded load(Database &db, const QString &upn, std::optional<qint64> untilMs);
    void reload();
    void rebuild();
    qint64 sliderTime() const;
    void showEvents(const std::vector<Event> &events);

    BackgroundQuery<Loaded> query_;
    BackgroundQuery<Loaded> placeQuery_;
    QString path_, user_;
    Loaded loaded_;
    std::optional<qint64> focusMs_;
    QLineEdit *userEdit_;
    QSlider *slider_;
    QLabel *sliderLabel_;
    TravelMapWidget *map_;
    QTableWidget *events_;
};

} // namespace backsight::ui
