#pragma once

#include "background_query.h"
#include "views/case_view.h"
#include "views/triage/status_change_dialog.h"
#include "views/triage/triage_filter.h"

class QAction;
class QLabel;
class QSplitter;
class QStackedWidget;
class QTableView;
class QThreadPool;

namespace backsight::ui {

class AnomalyDetailPane;
class IncidentList;
class TriageFilterBar;
class TriageModel;

// The anomaly queue: filter bar, the sortable table (multi-select), and the detail pane. Status changes
// go through core/cases (one transaction, audit-logged) on the pool, then the queue reloads.
class TriageView : public CaseView
{
    Q_OBJECT
public:
    TriageView(QThreadPool &pool, QWidget *parent = nullptr);

    QString title() const override;
    void setDatabase(Database *db) override;
    void refresh() override;
    void focusFilter() override;
    // Re-reads the triage state (statuses, notes, tags) of the queue and the anomaly shown: after the analyst's
    // own change, and after a colleague's on a shared case (team_refresh.h).
    void reloadCaseState();

    void setFilter(const TriageFilter &filter);
    QStringList selectedIds() const;
    // Applies `change` to `ids` on the pool; statusChangeFinished() follows.
    void applyStatusChange(const QStringList &ids, const StatusChange &change);
    // Keyboard actions (N, I, C, D, S on the table), for the main window's Triage menu.
    QList<QAction *> triageActions() const { return actions_; }
    // More entries for the queue's context menu (File → Export's report actions).
    void addContextActions(const QList<QAction *> &actions);

    TriageModel *model() const { return model_; }
    QTableView *table() const { return table_; }
    TriageFilterBar *filterBar() const { return filterBar_; }
    AnomalyDetailPane *detailPane() const { return detail_; }
    IncidentList *incidentList() const { return incidents_; }
    QString emptyStateText() const;
    void selectRow(int row);

signals:
    void statusChangeFinished(int changed, const QString &error);
    void openUser(const QString &upn);
    void openTimeline(const QString &upn, qint64 timeMs);
    void openMap(const QString &upn, qint64 timeMs);
    void openIncidentTimeline(const QString &incidentId, qint64 firstMs, qint64 lastMs);

private:
    struct Applied
    {
        int changed = 0;
        QString error;
    };
    struct Kinds
    {
        QStringList kinds;
        QString error;
    };
    void addStatusAction(const QString &text, const QString &status, const QKeySequence &key);
    void askForStatusChange(const QString &initialStatus);
    void onLoaded();
    void updateLoading();

    QString path_;
    TriageModel *model_;
    BackgroundQuery<Applied> apply_;
    BackgroundQuery<Kinds> kinds_;
    QStackedWidget *pages_;
    QLabel *emptyState_;
    QWidget *content_;
    TriageFilterBar *filterBar_;
    QSplitter *splitter_;
    IncidentList *incidents_;
    QTableView *table_;
    AnomalyDetailPane *detail_;
    QList<QAction *> actions_;
};

} // namespace backsight::ui
