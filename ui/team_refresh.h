#pragma once

#include "case_views.h"

#include <QObject>

class QStatusBar;
class QTimer;

namespace backsight {
class CaseChangeListener;
class Database;
} // namespace backsight

namespace backsight::ui {

// Team mode: while the open case is on a PostgreSQL server, a case edit a colleague commits (status, note,
// tag: store/case_change_listener.h) reloads the views that show triage state, 300 ms after the last notice
// of a burst, and the status bar says so. This process's own edits are not news: the view that made them
// reloads.
class TeamRefresh : public QObject
{
    Q_OBJECT
public:
    static constexpr int kDebounceMs = 300;

    TeamRefresh(const CaseViews &views, QStatusBar *statusBar, QObject *parent);

    // The GUI thread's connection to the open case, or null. Call while the previous connection is still
    // open.
    void setDatabase(Database *db);
    bool isListening() const;

signals:
    // The views were asked to reload after a colleague's change.
    void refreshed();

private:
    void onChanged(const QString &payload);
    void refreshViews();

    CaseViews views_;
    QStatusBar *statusBar_;
    CaseChangeListener *listener_;
    QTimer *debounce_;
};

} // namespace backsight::ui
