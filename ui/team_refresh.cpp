#include "team_refresh.h"

#include "store/case_change_listener.h"
#include "store/database.h"
#include "views/dashboard/dashboard_view.h"
#include "views/triage/triage_view.h"
#include "views/user/user_view.h"

#include <QStatusBar>
#include <QTimer>

namespace backsight::ui {

TeamRefresh::TeamRefresh(const CaseViews &views, QStatusBar *statusBar, QObject *parent)
    : QObject(parent), views_(views), statusBar_(statusBar), listener_(new CaseChangeListener(this)),
      debounce_(new QTimer(this))
{
    debounce_->setSingleShot(true);
    debounce_->setInterval(kDebounceMs);
    connect(listener_, &CaseChangeListener::changed, this, &TeamRefresh::onChanged);
    connect(debounce_, &QTimer::timeout, this, &TeamRefresh::refreshViews);
}

void TeamRefresh::setDatabase(Database *db)
{
    debounce_->stop();
    listener_->stop();
    if (!db)
        return;
    if (const Result<void> listening = listener_->listen(*db); !listening)
        statusBar_->showMessage(
            tr("Colleagues' changes will not show until you refresh (F5): %1").arg(listening.error().message),
            30000);
}

bool TeamRefresh::isListening() const
{
    return listener_->isListening();
}

void TeamRefresh::onChanged(const QString &payload)
{
    // This process's jobs edit on connections of their own; the view that asked has reloaded already.
    const auto notice = parseCaseChangePayload(payload);
    if (notice && notice->origin == thisProcessOrigin())
        return;
    debounce_->start();
}

void TeamRefresh::refreshViews()
{
    views_.triage->reloadCaseState();
    views_.dashboard->refresh();
    views_.user->refresh();
    statusBar_->showMessage(tr("Case changed by a colleague — views refreshed"), 15000);
    emit refreshed();
}

} // namespace backsight::ui
