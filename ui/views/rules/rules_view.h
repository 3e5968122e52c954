#pragma once

#include "views/case_view.h"
#include "views/triage/triage_filter.h"

#include <vector>

class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QThreadPool;

namespace backsight {
class Job;
namespace sigma {
struct RuleStatus;
}
}

namespace backsight::ui {

class AppSettings;
class SigmaJob;
class StringTableModel;

// Sigma rules offline (docs/sigma.md): the rules folder from Settings, every rule with its status (loaded, or
// skipped and why) and its matches after a run; the run is a job (progress and Cancel in the status bar); a
// rule's matches open in Triage.
class RulesView : public CaseView
{
    Q_OBJECT
public:
    RulesView(QThreadPool &pool, QWidget *parent = nullptr);
    ~RulesView() override;

    QString title() const override;
    void setDatabase(Database *db) override;
    void refresh() override;
    void focusFilter() override;

    // Where the folder is remembered; null keeps it for this session only.
    void setSettings(AppSettings *settings);
    void setRulesFolder(const QString &folder);
    const QString &rulesFolder() const { return folder_; }
    // Start the run; false while one runs, or without a database or folder.
    bool runRules();
    bool isRunning() const { return job_ != nullptr; }

    QTableView *table() const { return table_; }
    StringTableModel *model() const { return model_; }
    QLineEdit *filterEdit() const { return filter_; }

signals:
    void jobStarted(backsight::Job *job);
    void databaseChanged(const QString &summary);
    void openTriage(const backsight::ui::TriageFilter &filter);

private:
    void chooseFolder();
    void showRules(const std::vector<sigma::RuleStatus> &rules, bool ran);
    void openSelectedInTriage();
    void updateHeader();

    QThreadPool &pool_;
    AppSettings *settings_ = nullptr;
    QString path_, folder_;
    QLabel *header_;
    QPushButton *choose_, *run_, *triage_;
    QLineEdit *filter_;
    QTableView *table_;
    StringTableModel *model_;
    QSortFilterProxyModel *sorted_;
    SigmaJob *job_ = nullptr;
    int loaded_ = 0, skipped_ = 0;
    qint64 matches_ = -1;
    quint64 loadGeneration_ = 0;
    QString loadError_; // why the folder could not be read, shown in the header
};

} // namespace backsight::ui
