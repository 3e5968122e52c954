#pragma once

#include "views/case_view.h"

#include <QPointer>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;

namespace backsight {
class Job;
struct ImportReport;
} // namespace backsight

namespace backsight::ui {

enum class ImportSourceKind;

// The import panel: buttons to pick files, a folder or a zip archive (or drop them on the window), the
// running import (file n of m, events/s, progress, cancel) and, after it, one row per file with what
// happened in plain language.
class ImportView : public CaseView
{
    Q_OBJECT
public:
    explicit ImportView(QWidget *parent = nullptr);

    QString title() const override;
    void setDatabase(Database *db) override;
    void refresh() override {}

    void track(Job *job);
    void showReport(const ImportReport &report, const QString &summary);
    QTableView *results() const { return results_; }
    class StringTableModel *resultsModel() const { return resultsModel_; }
    QPushButton *cancelButton() const { return cancel_; }
    QString progressText() const;

signals:
    void importRequested(backsight::ui::ImportSourceKind kind);

private:
    QPointer<Job> job_;
    QLabel *intro_;
    QLabel *current_;
    QProgressBar *bar_;
    QPushButton *cancel_;
    QLabel *summary_;
    QTableView *results_;
    class StringTableModel *resultsModel_;
    QList<QPushButton *> pickers_;
};

} // namespace backsight::ui
