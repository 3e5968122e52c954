#pragma once

#include <QList>
#include <functional>

class QObject;
class QThreadPool;
class QWidget;

namespace backsight::ui {

class BackupView;
class CaseView;
class DashboardView;
class ImportView;
class RulesView;
class SignInsView;
class TimelineView;
class TrainingView;
class TravelMapView;
class TriageView;
class UserView;

// The investigation views, in navigation order (Ctrl+1 … Ctrl+9, then Ctrl+0).
struct CaseViews
{
    DashboardView *dashboard = nullptr;
    TriageView *triage = nullptr;
    SignInsView *signIns = nullptr;
    UserView *user = nullptr;
    TimelineView *timeline = nullptr;
    TravelMapView *map = nullptr;
    TrainingView *training = nullptr;
    ImportView *import = nullptr;
    BackupView *backup = nullptr;
    RulesView *rules = nullptr;

    QList<CaseView *> all() const;
    static CaseViews create(QThreadPool &pool, QWidget *parent);
    // Wires the click-throughs between views (dashboard → triage, triage → user / timeline / map, …);
    // `show` brings a view to the front.
    void link(QObject *context, const std::function<void(CaseView *)> &show) const;
};

} // namespace backsight::ui
