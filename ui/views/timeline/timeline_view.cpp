#include "views/timeline/timeline_view.h"

#include "json_text.h"
#include "severity_style.h"
#include "store/event_queries.h"
#include "store/anomaly_queries.h"
#include "store/sign_in_queries.h"
#include "store/incident_store.h"
#include "store/timeline_queries.h"
#include "model/time_format.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>

namespace backsight::ui {
namespace {

constexpr int kMaxSingleEvents = 3000; // beyond this the sign-ins lane shows a histogram
constexpr int kMaxMarkers = 5000;
constexpr qint64 kDayMs = 86'400'000;

} // namespace

TimelineView::TimelineView(QThreadPool &pool, QWidget *parent)
    : CaseView(parent), query_(pool, this), eventQuery_(pool, this), userEdit_(new QLineEdit(this)),
      fit_(new QPushButton(tr("Fit all"), this)), toTriage_(new QPushButton(tr("Show selection in Triage"), this)),
      rangeLabel_(new QLabel(this)), timeline_(new TimelineWidget(this)), event_(new QPlainTextEdit(this)),
      reloadTimer_(new QTimer(this))
{
    userEdit_->setObjectName(QStringLiteral("timelineUser"));
    userEdit_->setPlaceholderText(tr("User (UPN) — empty for the whole tenant"));
    userEdit_->setClearButtonEnabled(true);
    fit_->setShortcut(QKeySequence(Qt::Key_Home));
    fit_->setToolTip(tr("Show everything (Home)"));
    toTriage_->setObjectName(QStringLiteral("timelineToTriage"));
    toTriage_->setEnabled(false);
    toTriage_->setToolTip(tr("Shift+drag on the timeline to select a range first"));
    rangeLabel_->setObjectName(QStringLiteral("timelineRange"));
    event_->setObjectName(QStringLiteral("timelineEvent"));
    event_->setReadOnly(true);
    event_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    event_->setPlaceholderText(tr("Click a marker to see the event."));
    reloadTimer_->setSingleShot(true);
    reloadTimer_->setInterval(120); // one read after a burst of wheel steps

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(6, 6, 6, 0);
    bar->addWidget(userEdit_, 1);
    bar->addWidget(fit_);
    bar->addWidget(toTriage_);
    bar->addWidget(rangeLabel_);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(timeline_);
    splitter->addWidget(event_);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(splitter, 1);

    connect(userEdit_, &QLineEdit::returnPressed, this, [this] { showUser(userEdit_->text().trimmed().toLower()); });
    connect(fit_, &QPushButton::clicked, this, [this] { reload(true); });
    connect(timeline_, &TimelineWidget::viewChanged, reloadTimer_, qOverload<>(&QTimer::start));
    connect(reloadTimer_, &QTimer::timeout, this, [this] { reload(false); });
    connect(timeline_, &TimelineWidget::brushChanged, this, [this](qint64 from, qint64 to) {
        toTriage_->setEnabled(true);
        rangeLabel_->setText(tr("selected %1 – %2 UTC").arg(utcText(from), utcText(to)));
    });
    connect(toTriage_, &QPushButton::clicked, this, [this] {
        const auto brush = timeline_->brush();
        if (!brush)
            return;
        TriageFilter filter;
        filter.user = user_;
        filter.fromMs = brush->first;
        filter.toMs = brush->second;
        emit openTriage(filter);
    });
    connect(timeline_, &TimelineWidget::markerClicked, this, &TimelineView::showMarker);
}

QString TimelineView::title() const
{
    return tr("Timeline");
}

void TimelineView::setDatabase(Database *db)
{
    path_ = db ? db->path() : QString();
    timeline_->setData({});
    event_->clear();
    reload(true);
}

void TimelineView::refresh()
{
    reload(false);
}

void TimelineView::focusFilter()
{
    userEdit_->setFocus();
    userEdit_->selectAll();
}

void TimelineView::showUser(const QString &upn, std::optional<qint64> aroundMs)
{
    user_ = upn;
    userEdit_->setText(upn);
    timeline_->clearBrush();
    toTriage_->setEnabled(false);
    if (aroundMs) {
        around_ = aroundMs;
        QSignalBlocker block(timeline_);
        timeline_->setView(*aroundMs - kDayMs, *aroundMs + kDayMs);
        timeline_->setBrush(*aroundMs - 30 * 60'000, *aroundMs + 30 * 60'000);
        reload(false);
    } else {
        reload(true);
    }
}

void TimelineView::showIncident(const QString &id, qint64 firstMs, qint64 lastMs)
{
    user_.clear();
    userEdit_->clear();
    around_.reset();
    toTriage_->setEnabled(false);
    timeline_->setSelectedIncident(id);
    {
        QSignalBlocker block(timeline_);
        timeline_->clearBrush();
        timeline_->setView(firstMs - kDayMs / 2, lastMs + kDayMs / 2);
    }
    reload(false);
}

QString TimelineView::selectedEventText() const
{
    return event_->toPlainText();
}

TimelineView::Loaded TimelineView::load(Database &db, const QString &upn, qint64 from, qint64 to, int buckets, bool extent)
{
    Loaded out;
    if (extent) {
        const Result<TimeExtent> e = SignInQueries(db).extent(upn);
        if (!e) {
            out.error = e.error().message;
            return out;
        }
        if (e->firstMs) {
            out.firstMs = *e->firstMs;
            out.lastMs = *e->lastMs + 1;
            from = *out.firstMs - (*out.lastMs - *out.firstMs) / 50;
            to = *out.lastMs + (*out.lastMs - *out.firstMs) / 50;
        }
    }
    to = std::max(to, from + 1);
    TimelineData &d = out.data;
    d.fromMs = from;
    d.toMs = to;
    TimelineQueries timeline(db);
    Result<std::vector<SignInBucket>> slices = timeline.signInsPerSlice(from, to, buckets, upn);
    if (!slices) {
        out.error = slices.error().message;
        return out;
    }
    qint64 inRange = 0;
    d.buckets.reserve(slices->size());
    for (const SignInBucket &b : *slices) {
        d.buckets.push_back({b.successes, b.failures});
        inRange += b.successes + b.failures;
    }
    if (inRange <= kMaxSingleEvents) {
        const Result<std::vector<SignInBrief>> signIns = timeline.signInsBetween(from, to, upn);
        if (!signIns) {
            out.error = signIns.error().message;
            return out;
        }
        for (const SignInBrief &e : *signIns)
            d.signIns.push_back({e.id, e.ms, e.failed() ? 1 : 0,
                                 QStringLiteral("%1 · %2 · %3, %4").arg(e.upn, e.ip, e.city, e.country)});
    }
    const Result<std::vector<AnomalyBrief>> anomalies = AnomalyQueries(db).mostSevereBetween(from, to, upn, kMaxMarkers);
    if (!anomalies) {
        out.error = anomalies.error().message;
        return out;
    }
    for (const AnomalyBrief &a : *anomalies)
        d.anomalies.push_back({a.id, a.ms, a.severity, a.summary});
    store::IncidentFilter overlapping;
    overlapping.fromMs = from;
    overlapping.toMs = to;
    const Result<std::vector<Incident>> incidents = store::readIncidents(db, overlapping);
    if (!incidents) {
        out.error = incidents.error().message;
        return out;
    }
    for (const Incident &i : *incidents) {
        TimelineData::Link link;
        link.id = i.id;
        link.severity = i.severityRank;
        bool mine = upn.isEmpty();
        for (const IncidentPart &p : i.parts) {
            if (p.role == QLatin1String("identity")) {
                link.identityMs.push_back(p.timeMs);
                mine = mine || p.subject.compare(upn, Qt::CaseInsensitive) == 0;
            } else {
                link.backupMs.push_back(p.timeMs);
            }
        }
        link.label = tr("%1 → %2 backup anomalies, %3 h later")
                         .arg(i.parts.front().subject)
                         .arg(link.backupMs.size())
                         .arg(QLocale().toString(double(i.backupMs - i.identityMs) / 3'600'000.0, 'f', 1));
        if (mine)
            d.incidents.push_back(std::move(link));
    }
    if (upn.isEmpty()) {
        const Result<std::vector<BackupMark>> backups = timeline.backupSessionsBetween(from, to, kMaxMarkers);
        if (!backups) {
            out.error = backups.error().message;
            return out;
        }
        for (const BackupMark &b : *backups) {
            const int kind = b.result == QLatin1String("success") ? 0 : b.result == QLatin1String("warning") ? 1 : 2;
            d.backups.push_back({b.id, b.ms, kind, QStringLiteral("%1 · %2").arg(b.server, b.jobName)});
        }
    }
    return out;
}

void TimelineView::reload(bool fit)
{
    if (path_.isEmpty()) {
        query_.abandon();
        setSummary(tr("No case database is open"));
        setLoading(false);
        return;
    }
    setLoading(true);
    const int buckets = std::max(50, timeline_->width() / 4);
    const QString upn = user_;
    const qint64 from = timeline_->viewFrom(), to = timeline_->viewTo();
    query_.run(path_, [=](Database &db) { return load(db, upn, from, to, buckets, fit); }, [this, fit](Loaded &l) {
        if (fit && l.firstMs) {
            QSignalBlocker block(timeline_); // already read for this range
            timeline_->setView(l.data.fromMs, l.data.toMs);
        }
        const QLocale locale;
        qint64 events = 0;
        for (const auto &b : l.data.buckets)
            events += b.successes + b.failures;
        if (!l.error.isEmpty())
            setSummary(l.error);
        else if (fit && !l.firstMs)
            setSummary(user_.isEmpty() ? tr("No sign-ins yet — File → Import…") : tr("No sign-ins of %1").arg(user_));
        else
            setSummary(tr("%1: %2 sign-ins, %3 anomalies and %4 identity ↔ backup incidents in view")
                           .arg(user_.isEmpty() ? tr("Tenant") : user_, locale.toString(events),
                                locale.toString(qint64(l.data.anomalies.size())),
                                locale.toString(qint64(l.data.incidents.size()))));
        timeline_->setData(std::move(l.data));
        setLoading(false);
    });
}

void TimelineView::showMarker(TimelineWidget::Lane lane, const QString &id)
{
    if (lane == TimelineWidget::Lane::Anomaly) {
        TriageFilter filter;
        filter.text = id;
        event_->setPlainText(tr("Anomaly %1 — opening it in Triage.").arg(id));
        emit openTriage(filter);
        return;
    }
    eventQuery_.run(path_, [id](Database &db) {
        EventText t;
        const Result<QByteArray> bytes = originalRecord(db, id);
        if (bytes)
            t.text = indentJson(*bytes);
        else
            t.text = bytes.error().message.isEmpty() ? tr("The original record of %1 is not stored.").arg(id)
                                                     : bytes.error().message;
        return t;
    }, [this, id](EventText &t) { event_->setPlainText(tr("Event %1\n\n%2").arg(id, t.text)); });
}

} // namespace backsight::ui
