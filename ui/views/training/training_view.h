#pragma once

#include "background_query.h"
#include "views/case_view.h"

#include <memory>

class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QThreadPool;

namespace backsight {
class Job;
}

namespace backsight::ui {

// Every user and the tenant: model kind, version, when it was last trained, events used, threshold and
// the baseline's learning state. Baselines and models are (re)computed here as jobs in the status bar.
class TrainingView : public CaseView
{
    Q_OBJECT
public:
    TrainingView(QThreadPool &pool, QWidget *parent = nullptr);
    ~TrainingView() override;

    QString title() const override;
    void setDatabase(Database *db) override;
    void refresh() override;

    QTableView *table() const { return table_; }
    class StringTableModel *model() const { return model_; }
    // Start the baseline job / the model training job (core TrainModelsJob: per-user Isolation Forests and the
    // tenant model; `incremental`: only users with newer sign-ins). False when a job runs or no database is open.
    bool recomputeBaselines();
    bool retrainModels(bool incremental);
    bool isRunning() const { return job_ != nullptr; }

signals:
    void jobStarted(backsight::Job *job);
    // A job changed the database: every view should re-read.
    void databaseChanged(const QString &summary);

private:
    struct Row
    {
        QString subject, scope, kind, trained, judgesFrom, events, threshold, learning;
        int version = 0;
    };
    struct Loaded
    {
        std::vector<Row> rows;
        qint64 users = 0, learning = 0, models = 0;
        QString error;
    };
    static Loaded load(Database &db);
    void present(const Loaded &loaded);
    bool startJob(Job *job);
    void setButtonsEnabled(bool enabled);

    QThreadPool &pool_;
    BackgroundQuery<Loaded> query_;
    QString path_;
    QLabel *header_;
    QPushButton *baselines_, *retrainAll_, *retrainChanged_;
    QTableView *table_;
    class StringTableModel *model_;
    QSortFilterProxyModel *sorted_;
    Job *job_ = nullptr;
};

} // namespace backsight::ui
