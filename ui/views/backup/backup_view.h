#pragma once

#include "background_query.h"
#include "views/case_view.h"
#include "views/triage/triage_filter.h"

#include <QHash>
#include <vector>

class QChart;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QTextBrowser;

namespace backsight::ui {

class SessionChartView;
class StringTableModel;

// Backup servers: each server's latest threat score and model, a chart of its sessions (transferred and read
// bytes, dedup and compression ratios) with the usual range and the flagged sessions, and its sessions with the
// reasons of the flagged ones. Everything loads on the pool (BackgroundQuery); a server's sessions load when it
// is selected.
class BackupView : public CaseView
{
    Q_OBJECT
public:
    BackupView(QThreadPool &pool, QWidget *parent = nullptr);

    QString title() const override { return tr("Backup"); }
    void setDatabase(Database *db) override;
    void refresh() override;
    void focusFilter() override;

    void showServer(const QString &server);
    QString currentServer() const { return server_; }
    int serverCount() const;
    int sessionCount() const;
    int flaggedCount() const { return flagged_; }
    SessionChartView *chart() const { return chart_; }

    struct ServerRow
    {
        QString server, job, lastResult, model; // job: the object's job, "(job)" for a job's own sessions
        qint64 sessions = 0, flagged = 0, firstMs = 0, lastMs = 0;
        int threat = 0; // latest threat score, 0 = none
    };
    struct SessionRow
    {
        QString id, type, result, anomalyId, anomalySummary;
        qint64 timeMs = 0;
        double transferredGb = -1, readGb = -1, dedup = -1, compress = -1, durationMin = -1;
        double expectedGb = -1, expectedLowGb = -1, expectedHighGb = -1; // the model's reconstruction and its band
        int threat = 0;
        QString reasons; // HTML of the anomaly's reasons
    };

signals:
    void openTriage(const TriageFilter &filter);

private:
    struct Servers
    {
        std::vector<ServerRow> rows;
        QString error;
    };
    struct Sessions
    {
        QString server;
        std::vector<SessionRow> rows;
        QString error;
    };
    static Servers loadServers(Database &db);
    static Sessions loadSessions(Database &db, const QString &server);
    void onServers(Servers &servers);
    void onSessions(Sessions &sessions);
    void drawChart(const std::vector<SessionRow> &rows);
    double addSizeSeries(QChart *chart, const std::vector<SessionRow> &rows);
    void showSessionDetail(int row);

    QString path_;
    QString server_;
    int flagged_ = 0;
    std::vector<SessionRow> sessions_;
    BackgroundQuery<Servers> serversQuery_;
    BackgroundQuery<Sessions> sessionsQuery_;
    QLabel *empty_;
    QLineEdit *filter_;
    StringTableModel *serversModel_;
    QSortFilterProxyModel *serversProxy_;
    QTableView *serversTable_;
    SessionChartView *chart_;
    StringTableModel *sessionsModel_;
    QTableView *sessionsTable_;
    QTextBrowser *detail_;
    QPushButton *toTriage_ = nullptr;
    QWidget *content_ = nullptr;
};

} // namespace backsight::ui
