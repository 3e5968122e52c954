#pragma once

#include <QDialog>
#include <QPointer>

class QLabel;
class QProgressBar;
class QPushButton;
class QSlider;
class QTableWidget;
class QThreadPool;

namespace backsight {
class Database;
}

namespace backsight::ui {

class SensitivityBacktestJob;

// Settings > Detection sensitivity…: a slider 1 (fewest alerts) .. 5 (most), and a table of what each setting would
// have raised over the case (the backtest, run in a job on the pool so the window stays responsive). The setting is
// saved in the case (case_settings), so the CLI, the watcher and every analyst of a shared case detect alike; it
// applies from the next detection run.
class SensitivityDialog : public QDialog
{
    Q_OBJECT
public:
    SensitivityDialog(Database &db, QThreadPool &pool, QWidget *parent = nullptr);
    ~SensitivityDialog() override;

    QSlider *slider() const { return slider_; }
    QTableWidget *table() const { return table_; }
    QPushButton *backtestButton() const { return backtest_; }
    void startBacktest();
    bool isBacktestRunning() const { return !job_.isNull(); }
    int savedSensitivity() const { return saved_; }

    void accept() override; // saves the slider's setting in the case

signals:
    void backtestFinished(bool ok);

private:
    void showSetting(int sensitivity);
    void onBacktestFinished(bool ok, const QString &summary);

    Database &db_;
    QThreadPool &pool_;
    int saved_ = 3;
    QSlider *slider_;
    QLabel *meaning_;
    QTableWidget *table_;
    QPushButton *backtest_;
    QProgressBar *progress_;
    QLabel *status_;
    QPointer<SensitivityBacktestJob> job_;
};

} // namespace backsight::ui
