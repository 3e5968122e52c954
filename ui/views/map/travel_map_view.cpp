#include "views/map/travel_map_view.h"

#include "model/time_format.h"
#include "store/anomaly_queries.h"
#include "store/sign_in_queries.h"
#include "widgets/table_copy.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSlider>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <map>

namespace backsight::ui {
namespace {

constexpr int kSliderSteps = 1000;
constexpr int kMaxPlaceEvents = 500;

QString placeOf(const QString &city, const QString &country)
{
    return city.isEmpty() ? country : QStringLiteral("%1, %2").arg(city, country);
}

} // namespace

TravelMapView::TravelMapView(QThreadPool &pool, QWidget *parent)
    : CaseView(parent), query_(pool, this), placeQuery_(pool, this), userEdit_(new QLineEdit(this)),
      slider_(new QSlider(Qt::Horizontal, this)), sliderLabel_(new QLabel(this)), map_(new TravelMapWidget(this)),
      events_(new QTableWidget(0, 5, this))
{
    userEdit_->setObjectName(QStringLiteral("mapUser"));
    userEdit_->setPlaceholderText(tr("User (UPN) — empty for the whole tenant"));
    userEdit_->setClearButtonEnabled(true);
    slider_->setObjectName(QStringLiteral("mapTime"));
    slider_->setRange(0, kSliderSteps);
    slider_->setValue(kSliderSteps);
    slider_->setToolTip(tr("Show sign-ins up to this moment"));
    sliderLabel_->setObjectName(QStringLiteral("mapTimeLabel"));
    events_->setObjectName(QStringLiteral("mapEvents"));
    events_->setHorizontalHeaderLabels({tr("Time (UTC)"), tr("User"), tr("IP address"), tr("App"), tr("Result")});
    events_->verticalHeader()->hide();
    events_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    events_->setSelectionBehavior(QAbstractItemView::SelectRows);
    events_->horizontalHeader()->setStretchLastSection(true);
    makeCopyable(events_);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(6, 6, 6, 0);
    bar->addWidget(userEdit_, 1);
    bar->addWidget(new QLabel(tr("Up to:"), this));
    bar->addWidget(slider_, 2);
    bar->addWidget(sliderLabel_);
    auto *legend = new QLabel(tr("Circle area = sign-ins from that place · dashed: travel between consecutive sign-ins · "
                                 "red: impossible travel found by detection (before detection has run: faster than %L1 km/h)")
                                  .arg(int(kImpossibleKmh)), this);
    legend->setContentsMargins(6, 0, 6, 0);
    legend->setWordWrap(true); // a long line must not set the window's minimum width
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(map_);
    splitter->addWidget(events_);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(legend);
    layout->addWidget(splitter, 1);

    connect(userEdit_, &QLineEdit::returnPressed, this, [this] { showUser(userEdit_->text().trimmed().toLower()); });
    connect(slider_, &QSlider::valueChanged, this, [this] {
        focusMs_.reset();
        if (user_.isEmpty()) {
            sliderLabel_->setText(utcText(sliderTime()));
            if (!slider_->isSliderDown())
                reload();
        } else {
            rebuild();
        }
    });
    connect(slider_, &QSlider::sliderReleased, this, [this] {
        if (user_.isEmpty())
            reload();
    });
    connect(map_, &TravelMapWidget::locationClicked, this, &TravelMapView::selectLocation);
    connect(map_, &TravelMapWidget::worldRendered, this, [this] { setLoading(query_.isRunning() || map_->isRendering()); });
}

QString TravelMapView::title() const
{
    return tr("Travel map");
}

void TravelMapView::setDatabase(Database *db)
{
    path_ = db ? db->path() : QString();
    loaded_ = Loaded();
    map_->setContent({}, {});
    events_->setRowCount(0);
    reload();
}

void TravelMapView::refresh()
{
    reload();
}

void TravelMapView::focusFilter()
{
    userEdit_->setFocus();
    userEdit_->selectAll();
}

void TravelMapView::showUser(const QString &upn, std::optional<qint64> atMs)
{
    user_ = upn;
    userEdit_->setText(upn);
    focusMs_ = atMs;
    {
        QSignalBlocker block(slider_);
        slider_->setValue(kSliderSteps);
    }
    reload();
}

qint64 TravelMapView::sliderTime() const
{
    if (loaded_.lastMs <= loaded_.firstMs)
        return loaded_.lastMs;
    return loaded_.firstMs + (loaded_.lastMs - loaded_.firstMs) * slider_->value() / kSliderSteps;
}

TravelMapView::Loaded TravelMapView::load(Database &db, const QString &upn, std::optional<qint64> untilMs)
{
    Loaded out;
    SignInQueries signIns(db);
    const Result<TimeExtent> extent = signIns.extent(upn);
    if (!extent) {
        out.error = extent.error().message;
        return out;
    }
    out.firstMs = extent->firstMs.value_or(0);
    out.lastMs = extent->lastMs.value_or(0);
    if (upn.isEmpty()) {
        const Result<std::vector<PlaceCount>> places = signIns.places(untilMs.value_or(out.lastMs), 2000);
        if (!places) {
            out.error = places.error().message;
            return out;
        }
        for (const PlaceCount &p : *places)
            out.locations.push_back({placeOf(p.city, p.country), p.latitude, p.longitude, p.count, p.firstMs, p.lastMs});
        return out;
    }
    // Detection has run: its impossible_travel anomalies decide the red legs.
    const Result<bool> detected = signIns.detectionHasRun();
    Result<QSet<QString>> travel = AnomalyQueries(db).eventsOfKind(upn, QStringLiteral("impossible_travel"));
    const Result<std::vector<SignInBrief>> located = signIns.locatedOfUser(upn, kMaxEvents + 1);
    if (!detected || !travel || !located) {
        out.error = !detected ? detected.error().message : !travel ? travel.error().message : located.error().message;
        return out;
    }
    out.detected = *detected;
    out.travelEvents = std::move(*travel);
    for (const SignInBrief &e : *located) {
        if (int(out.events.size()) == kMaxEvents) {
            out.truncated = true;
            break;
        }
        out.events.push_back({e.id, placeOf(e.city, e.country), e.ip, e.app, e.ms, e.latitude.value_or(0),
                              e.longitude.value_or(0), e.failed()});
    }
    return out;
}

void TravelMapView::reload()
{
    if (path_.isEmpty()) {
        query_.abandon();
        setLoading(false);
        return;
    }
    setLoading(true);
    const QString upn = user_;
    const std::optional<qint64> until =
        upn.isEmpty() && slider_->value() < kSliderSteps ? std::optional<qint64>(sliderTime()) : std::nullopt;
    query_.run(path_, [upn, until](Database &db) { return load(db, upn, until); }, [this, upn](Loaded &l) {
        const bool fit = upn != user_ || loaded_.events.empty() != l.events.empty() || map_->locations().empty();
        loaded_ = std::move(l);
        if (focusMs_ && loaded_.lastMs > loaded_.firstMs) {
            QSignalBlocker block(slider_);
            slider_->setValue(int((std::clamp(*focusMs_, loaded_.firstMs, loaded_.lastMs) - loaded_.firstMs) * kSliderSteps
                                  / (loaded_.lastMs - loaded_.firstMs)));
        }
        rebuild();
        if (fit)
            map_->fitLocations();
        map_->update();
        setLoading(map_->isVisible() && map_->isRendering());
    });
}

void TravelMapView::rebuild()
{
    const QLocale locale;
    const qint64 until = focusMs_ ? *focusMs_ : sliderTime();
    sliderLabel_->setText(utcText(until) + QStringLiteral(" UTC"));
    if (!loaded_.error.isEmpty()) {
        setSummary(loaded_.error);
        map_->setContent({}, {});
        return;
    }
    if (user_.isEmpty()) {
        map_->setContent(loaded_.locations, {});
        setSummary(tr("Tenant: %1 places").arg(locale.toString(qint64(loaded_.locations.size()))));
        return;
    }
    // One user's travel up to `until`: places in order of first visit, a leg for every change of place.
    std::vector<MapLocation> locations;
    std::map<QString, int> index;
    std::vector<MapLeg> legs;
    int previous = -1;
    qint64 previousMs = 0;
    int focusIndex = -1;
    int impossible = 0;
    for (const Event &e : loaded_.events) {
        if (e.ms > until)
            break;
        auto [it, added] = index.try_emplace(e.place, int(locations.size()));
        if (added)
            locations.push_back({e.place, e.latitude, e.longitude, 0, e.ms, e.ms});
        MapLocation &l = locations[size_t(it->second)];
        ++l.count;
        l.lastMs = e.ms;
        if (previous >= 0 && previous != it->second) {
            const MapLocation &p = locations[size_t(previous)];
            MapLeg leg{previous, it->second, distanceKm(p.latitude, p.longitude, l.latitude, l.longitude), 0, previousMs, e.ms, false};
            const double hours = std::max(1.0 / 60, double(e.ms - previousMs) / 3'600'000.0);
            leg.kmh = leg.km / hours;
            leg.impossible = loaded_.detected ? loaded_.travelEvents.contains(e.id)
                                              : leg.kmh > kImpossibleKmh && leg.km > 300;
            impossible += leg.impossible ? 1 : 0;
            // The same pair of places once: the latest leg between them says the most.
            legs.erase(std::remove_if(legs.begin(), legs.end(), [&](const MapLeg &o) {
                           return !o.impossible && ((o.from == leg.from && o.to == leg.to) || (o.from == leg.to && o.to == leg.from));
                       }), legs.end());
            legs.push_back(leg);
        }
        previous = it->second;
        previousMs = e.ms;
        focusIndex = it->second;
    }
    map_->setContent(std::move(locations), std::move(legs));
    if (focusMs_ && focusIndex >= 0)
        selectLocation(focusIndex);
    setSummary(tr("%1: %2 places, %3 impossible-travel legs%4")
                   .arg(user_, locale.toString(qint64(map_->locations().size())), locale.toString(impossible),
                        loaded_.truncated ? tr(" (first %1 sign-ins)").arg(locale.toString(kMaxEvents)) : QString()));
}

void TravelMapView::selectLocation(int index)
{
    map_->setSelected(index);
    if (index < 0)
        return;
    const MapLocation location = map_->locations()[size_t(index)];
    if (!user_.isEmpty()) {
        std::vector<Event> at;
        for (const Event &e : loaded_.events) {
            if (e.place == location.place && e.ms <= (focusMs_ ? *focusMs_ : sliderTime()))
                at.push_back(e);
        }
        showEvents(at);
        return;
    }
    placeQuery_.run(path_, [location](Database &db) {
        Loaded l;
        const Result<std::vector<SignInBrief>> atPlace = SignInQueries(db).atPlace(location.place, kMaxPlaceEvents);
        if (!atPlace)
            l.error = atPlace.error().message;
        else
            for (const SignInBrief &e : *atPlace)
                l.events.push_back({e.id, e.upn, e.ip, e.app, e.ms, 0, 0, e.failed()});
        return l;
    }, [this](Loaded &l) {
        reportProblem(l.error);
        showEvents(l.events);
    });
}

void TravelMapView::showEvents(const std::vector<Event> &events)
{
    events_->setRowCount(int(events.size()));
    for (int r = 0; r < int(events.size()); ++r) {
        const Event &e = events[size_t(r)];
        // In tenant mode `place` carries the user (see selectLocation); in user mode the user is the one on show.
        const QStringList cells{utcText(e.ms), user_.isEmpty() ? e.place : user_, e.ip, e.app,
                                e.failure ? tr("Failure") : tr("Success")};
        for (int c = 0; c < cells.size(); ++c)
            events_->setItem(r, c, new QTableWidgetItem(cells[c]));
    }
    events_->resizeColumnsToContents();
}

} // namespace backsight::ui
