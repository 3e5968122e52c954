#pragma once

#include "background_query.h"
#include "model/incident.h"

#include <QTreeWidget>

class QThreadPool;

namespace backsight::ui {

// Triage's identity ↔ backup incidents (core/detect/incidents.h): one row per incident with both kinds of part,
// expandable to the parts (identity first, then the backup anomalies, with their times). Hidden while the case
// holds none. Selecting a part that is an anomaly opens it in the detail pane; "Show in Timeline" (or a double
// click on the incident) shows the link between its parts.
class IncidentList : public QTreeWidget
{
    Q_OBJECT
public:
    enum Column { Severity, TimeUtc, Kinds, Summary, ColumnCount };
    enum Role { IncidentIdRole = Qt::UserRole + 1, PartSourceRole, PartRefRole };

    IncidentList(QThreadPool &pool, QWidget *parent = nullptr);

    void setDatabasePath(const QString &path);
    void reload();
    bool isLoading() const { return query_.isRunning(); }
    const std::vector<Incident> &incidents() const { return incidents_; }
    // The incident of the current row (or of the current part's incident), if any.
    const Incident *currentIncident() const;

signals:
    void loaded();
    void anomalySelected(const QString &anomalyId);
    void openIncidentTimeline(const QString &id, qint64 firstMs, qint64 lastMs);

private:
    struct Loaded
    {
        std::vector<Incident> incidents;
        QString error;
    };
    void fill();
    void showCurrentInTimeline();

    BackgroundQuery<Loaded> query_;
    QString path_;
    std::vector<Incident> incidents_;
};

} // namespace backsight::ui
