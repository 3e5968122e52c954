#pragma once

#include "background_query.h"
#include "views/case_view.h"
#include "views/triage/triage_filter.h"
#include "views/user/user_profile_data.h"

class QChartView;
class QComboBox;
class QLabel;
class QTabWidget;
class QSortFilterProxyModel;
class QTableView;
class QTableWidget;
class QThreadPool;

namespace backsight::ui {

class UserNetworksModel;

// One user's baseline: hour × weekday heatmap in their zone, where and with what they sign in (counts,
// first and last seen), the networks they sign in from, sign-ins per day with the failure rate, their models and their anomalies.
class UserView : public CaseView
{
    Q_OBJECT
public:
    UserView(QThreadPool &pool, QWidget *parent = nullptr);

    QString title() const override;
    void setDatabase(Database *db) override;
    void refresh() override;
    void focusFilter() override;

    void showUser(const QString &upn);
    QString user() const { return upn_; }
    const UserProfileData &data() const { return data_; }
    HeatmapWidget *heatmap() const { return heatmap_; }
    QTableView *networksTable() const { return networks_; } // sorted through a proxy over a UserNetworksModel

signals:
    void openTriage(const backsight::ui::TriageFilter &filter);
    void openTimeline(const QString &upn);
    void openMap(const QString &upn);

private:
    struct Users
    {
        QStringList upns;
        QString error;
    };
    void present();
    void loadUsers();

    BackgroundQuery<UserProfileData> query_;
    BackgroundQuery<Users> users_;
    QString path_, upn_;
    QStringList users_list_; // what the picker holds
    UserProfileData data_;
    QComboBox *userBox_;
    class QStringListModel *usersModel_;
    QLabel *header_;
    HeatmapWidget *heatmap_;
    QChartView *daysChart_;
    QTabWidget *tops_;
    UserNetworksModel *networksModel_;
    QSortFilterProxyModel *networksProxy_;
    QTableView *networks_;
    QTableWidget *models_;
    QTableWidget *anomalies_;
};

} // namespace backsight::ui
