#pragma once

#include "background_query.h"
#include "views/case_view.h"
#include "views/dashboard/dashboard_data.h"
#include "views/triage/triage_filter.h"

class QGridLayout;
class QLabel;
class QPushButton;
class QTableView;
class QTableWidget;
class QThreadPool;

class QChartView;

namespace backsight::ui {

// The case at a glance: anomalies by severity (counts and per day), sign-ins per day with failures, top
// users / countries / apps by anomalies, data coverage with source hashes, training state. Every number
// opens the triage queue filtered to it.
class DashboardView : public CaseView
{
    Q_OBJECT
public:
    DashboardView(QThreadPool &pool, QWidget *parent = nullptr);

    QString title() const override;
    void setDatabase(Database *db) override;
    void refresh() override;

    const DashboardData &data() const { return data_; }
    // The severity buttons (rank 1..4), for tests.
    QPushButton *severityButton(int rank) const { return severityButtons_[size_t(rank)]; }
    QTableWidget *topUsersTable() const { return topTables_[0]; }

signals:
    void openTriage(const backsight::ui::TriageFilter &filter);
    void openTraining();

protected:
    void changeEvent(QEvent *event) override;

private:
    void present();
    void fillTop(QTableWidget *table, const std::vector<DashboardData::Count> &rows);
    void rebuildCharts();

    BackgroundQuery<DashboardData> query_;
    QString path_;
    DashboardData data_;
    std::array<QPushButton *, 5> severityButtons_{};
    QPushButton *openButton_;
    QLabel *message_;
    QChartView *anomalyChart_;
    QChartView *signInChart_;
    std::array<QTableWidget *, 3> topTables_{};
    QLabel *coverage_;
    QTableView *sources_;
    class StringTableModel *sourcesModel_;
    QLabel *training_;
};

} // namespace backsight::ui
