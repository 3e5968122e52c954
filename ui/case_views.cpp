#include "case_views.h"

#include "views/backup/backup_view.h"
#include "views/dashboard/dashboard_view.h"
#include "views/import/import_view.h"
#include "views/map/travel_map_view.h"
#include "views/rules/rules_view.h"
#include "views/signins/sign_ins_view.h"
#include "views/timeline/timeline_view.h"
#include "views/training/training_view.h"
#include "views/triage/triage_view.h"
#include "views/user/user_view.h"

namespace backsight::ui {

QList<CaseView *> CaseViews::all() const
{
    return {dashboard, triage, signIns, user, timeline, map, training, import, backup, rules};
}

CaseViews CaseViews::create(QThreadPool &pool, QWidget *parent)
{
    CaseViews v;
    v.dashboard = new DashboardView(pool, parent);
    v.triage = new TriageView(pool, parent);
    v.signIns = new SignInsView(pool, parent);
    v.user = new UserView(pool, parent);
    v.timeline = new TimelineView(pool, parent);
    v.map = new TravelMapView(pool, parent);
    v.training = new TrainingView(pool, parent);
    v.import = new ImportView(parent);
    v.backup = new BackupView(pool, parent);
    v.rules = new RulesView(pool, parent);
    return v;
}

void CaseViews::link(QObject *context, const std::function<void(CaseView *)> &show) const
{
    const auto toTriage = [this, show](const TriageFilter &filter) {
        triage->setFilter(filter);
        show(triage);
    };
    QObject::connect(dashboard, &DashboardView::openTriage, context, toTriage);
    QObject::connect(dashboard, &DashboardView::openTraining, context, [this, show] { show(training); });
    QObject::connect(timeline, &TimelineView::openTriage, context, toTriage);
    QObject::connect(user, &UserView::openTriage, context, toTriage);
    QObject::connect(backup, &BackupView::openTriage, context, toTriage);
    QObject::connect(rules, &RulesView::openTriage, context, toTriage);
    QObject::connect(triage, &TriageView::openUser, context, [this, show](const QString &upn) {
        user->showUser(upn);
        show(user);
    });
    QObject::connect(triage, &TriageView::openTimeline, context, [this, show](const QString &upn, qint64 ms) {
        timeline->showUser(upn, ms);
        show(timeline);
    });
    QObject::connect(triage, &TriageView::openIncidentTimeline, context,
                     [this, show](const QString &id, qint64 firstMs, qint64 lastMs) {
                         timeline->showIncident(id, firstMs, lastMs);
                         show(timeline);
                     });
    QObject::connect(triage, &TriageView::openMap, context, [this, show](const QString &upn, qint64 ms) {
        map->showUser(upn, ms);
        show(map);
    });
    QObject::connect(user, &UserView::openTimeline, context, [this, show](const QString &upn) {
        timeline->showUser(upn);
        show(timeline);
    });
    QObject::connect(user, &UserView::openMap, context, [this, show](const QString &upn) {
        map->showUser(upn);
        show(map);
    });
}

} // namespace backsight::ui
