#pragma once

#include "views/case_view.h"

class QLabel;
class QModelIndex;
class QSplitter;
class QStackedWidget;
class QTableView;
class QThreadPool;

namespace backsight::ui {

class SignInDetailPane;
class SignInFilterBar;
class SignInsModel;

// The sign-ins table: filter bar on top, the table, and below it the detail of the selected sign-in.
// An empty case shows what to do instead of an empty grid.
class SignInsView : public CaseView
{
    Q_OBJECT
public:
    // `pool` runs the counts that are too slow for the GUI thread.
    explicit SignInsView(QThreadPool &pool, QWidget *parent = nullptr);

    QString title() const override;
    void setDatabase(Database *db) override;
    void refresh() override;
    void focusFilter() override;

    SignInsModel *model() const { return model_; }
    QTableView *table() const { return table_; }
    SignInFilterBar *filterBar() const { return filterBar_; }
    SignInDetailPane *detailPane() const { return detail_; }
    // Selects a loaded row and shows its detail.
    void selectRow(int row);
    // The "nothing here yet" message, or empty while the table is on show.
    QString emptyStateText() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void sizeColumns();
    void onCountsChanged();
    void onCurrentRowChanged(const QModelIndex &current);
    void keepSelectionAcrossReload();

    Database *db_ = nullptr;
    SignInsModel *model_;
    QStackedWidget *pages_;
    QLabel *emptyState_;
    QWidget *content_;
    SignInFilterBar *filterBar_;
    QSplitter *splitter_;
    QTableView *table_;
    SignInDetailPane *detail_;
};

} // namespace backsight::ui
