#include "views/timeline/timeline_view.h"

#include "json_text.h"
#include "severity_style.h"
#include "store/event_queries.h"
#include "model/time_format.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QSqlError>
#include <QSqlQuery>
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

QString TimelineView::selectedEventText() const
{
    return event_->toPlainText();
}

TimelineView::Loaded TimelineView::load(Database &db, const QString &upn, qint64 from, qint64 to, int buckets, bool extent)
{
    Loaded out;
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    const QString userClause = upn.isEmpty() ? QString() : QStringLiteral(" AND upn = ?");
    if (extent) {
        q.prepare(QStringLiteral("SELECT min(created_ms), max(created_ms) FROM signins WHERE 1=1") + userClause);
        if (!upn.isEmpty())
            q.addBindValue(upn);
        if (q.exec() && q.next() && !q.value(0).isNull()) {
            out.firstMs = q.value(0).toLongLong();
            out.lastMs = q.value(1).toLongLong() + 1;
            from = *out.firstMs - (*out.lastMs - *out.firstMs) / 50;
            to = *out.lastMs + (*out.lastMs - *out.firstMs) / 50;
        }
    }
    to = std::max(to, from + 1);
    TimelineData &d = out.data;
    d.fromMs = from;
    d.toMs = to;
    d.buckets.resize(size_t(std::max(1, buckets)));
    const double width = double(to - from) / double(d.buckets.size());
    q.prepare(QStringLiteral("SELECT CAST((created_ms - ?) / ? AS INTEGER), count(*), sum(coalesce(error_code, 0) <> 0) "
                             "FROM signins WHERE created_ms >= ? AND created_ms < ?") + userClause + QStringLiteral(" GROUP BY 1"));
    q.addBindValue(from);
    q.addBindValue(width);
    q.addBindValue(from);
    q.addBindValue(to);
    if (!upn.isEmpty())
        q.addBindValue(upn);
    if (!q.exec()) {
        out.error = Database::describe(tr("cannot read the timeline"), q.lastError());
        return out;
    }
    qint64 inRange = 0;
    while (q.next()) {
        const qint64 i = std::clamp<qint64>(q.value(0).toLongLong(), 0, qint64(d.buckets.size()) - 1);
        const qint64 n = q.value(1).toLongLong(), f = q.value(2).toLongLong();
        d.buckets[size_t(i)].successes += n - f;
        d.buckets[size_t(i)].failures += f;
        inRange += n;
    }
    if (inRange <= kMaxSingleEvents) {
        q.prepare(QStringLiteral("SELECT id, created_ms, coalesce(error_code, 0) <> 0, coalesce(upn, '') || ' · ' || "
                                 "coalesce(ip, '') || ' · ' || coalesce(city, '') || ', ' || coalesce(country, '') "
                                 "FROM signins WHERE created_ms >= ? AND created_ms < ?") + userClause);
        q.addBindValue(from);
        q.addBindValue(to);
        if (!upn.isEmpty())
            q.addBindValue(upn);
        if (q.exec())
            while (q.next())
                d.signIns.push_back({q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toInt(), q.value(3).toString()});
    }
    q.prepare(QStringLiteral("SELECT id, time_ms, severity_rank, summary FROM anomalies WHERE time_ms >= ? AND time_ms < ?")
              + (upn.isEmpty() ? QString() : QStringLiteral(" AND user_upn = ?"))
              + QStringLiteral(" ORDER BY severity_rank DESC LIMIT %1").arg(kMaxMarkers));
    q.addBindValue(from);
    q.addBindValue(to);
    if (!upn.isEmpty())
        q.addBindValue(upn);
    if (q.exec())
        while (q.next())
            d.anomalies.push_back({q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toInt(), q.value(3).toString()});
    if (upn.isEmpty()) {
        q.prepare(QStringLiteral("SELECT id, creation_ms, lower(coalesce(result, '')), coalesce(server, '') || ' · ' || "
                                 "coalesce(job_name, '') FROM backup_sessions WHERE creation_ms >= ? AND creation_ms < ? "
                                 "LIMIT %1").arg(kMaxMarkers));
        q.addBindValue(from);
        q.addBindValue(to);
        if (q.exec())
            while (q.next()) {
                const QString result = q.value(2).toString();
                const int kind = result == QLatin1String("success") ? 0 : result == QLatin1String("warning") ? 1 : 2;
                d.backups.push_back({q.value(0).toString(), q.value(1).toLongLong(), kind, q.value(3).toString()});
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
            setSummary(tr("%1: %2 sign-ins and %3 anomalies in view")
                           .arg(user_.isEmpty() ? tr("Tenant") : user_, locale.toString(events),
                                locale.toString(qint64(l.data.anomalies.size()))));
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
        QString error;
        if (const auto bytes = originalRecord(db, id, error))
            t.text = indentJson(*bytes);
        else
            t.text = error.isEmpty() ? tr("The original record of %1 is not stored.").arg(id) : error;
        return t;
    }, [this, id](EventText &t) { event_->setPlainText(tr("Event %1\n\n%2").arg(id, t.text)); });
}

} // namespace backsight::ui
