#pragma once

#include "background_query.h"
#include "views/case_view.h"
#include "views/triage/triage_filter.h"
#include "widgets/timeline_widget.h"

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QThreadPool;
class QTimer;

namespace backsight::ui {

// Sign-ins of one user or of the whole tenant over time, with anomalies and backup sessions. The visible
// range is re-read on the pool after every zoom or pan (bucketed when it holds many events).
class TimelineView : public CaseView
{
    Q_OBJECT
public:
    TimelineView(QThreadPool &pool, QWidget *parent = nullptr);

    QString title() const override;
    void setDatabase(Database *db) override;
    void refresh() override;
    void focusFilter() override;

    // Shows `upn` (empty: the tenant) around `aroundMs` (±1 day), or everything when not given.
    void showUser(const QString &upn, std::optional<qint64> aroundMs = std::nullopt);
    // Shows the whole tenant from half a day before `firstMs` to half a day after `lastMs`, with incident `id`'s link
    // between its identity and backup parts emphasised.
    void showIncident(const QString &id, qint64 firstMs, qint64 lastMs);
    QString user() const { return user_; }
    TimelineWidget *timeline() const { return timeline_; }
    QString selectedEventText() const;

signals:
    void openTriage(const backsight::ui::TriageFilter &filter);

private:
    struct Loaded
    {
        TimelineData data;
        std::optional<qint64> firstMs, lastMs; // the whole extent, when asked for
        QString error;
    };
    struct EventText
    {
        QString text, error;
    };
    static Loaded load(Database &db, const QString &upn, qint64 from, qint64 to, int buckets, bool extent);
    void reload(bool fit);
    void showMarker(TimelineWidget::Lane lane, const QString &id);

    BackgroundQuery<Loaded> query_;
    BackgroundQuery<EventText> eventQuery_;
    QString path_;
    QString user_;
    QLineEdit *userEdit_;
    QPushButton *fit_, *toTriage_;
    QLabel *rangeLabel_;
    TimelineWidget *timeline_;
    QPlainTextEdit *event_;
    QTimer *reloadTimer_;
    bool fitPending_ = false;
    std::optional<qint64> around_;
};

} // namespace backsight::ui
