#pragma once

#include "model/sign_in_rows.h"

#include <QAbstractTableModel>
#include <QString>
#include <array>
#include <memory>
#include <vector>

class QThreadPool;

namespace backsight {
class Database;
class SignInCursor;
}

namespace backsight::ui {

// What the analyst narrowed the sign-ins down to.
using SignInFilter = SignInListFilter;

// User sign-ins, read lazily from the GUI thread's connection: one store cursor (SignInCursor) per filter and
// sort, stepped a page at a time as the table scrolls (fetchMore), so a million rows cost one page.
// Counting scans every row (a second on a million cold ones), so the counts run on `pool` with its own connection.
class SignInsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TimeUtc, TimeLocal, User, DisplayName, App, Ip, City, Country, Result, ClientApp, Os, Browser,
                  Interactive, Risk, Mfa, ColumnCount };
    enum Role { EventIdRole = Qt::UserRole + 1, FailureRole };
    static constexpr int kPageSize = 500;

    explicit SignInsModel(QThreadPool &pool, QObject *parent = nullptr);
    ~SignInsModel() override;

    // Null closes the cursor and empties the model.
    void setDatabase(Database *db);
    void setFilter(const SignInFilter &filter);
    const SignInFilter &filter() const { return filter_; }
    // Re-runs the counts and the query, keeping filter and sort.
    void reload();

    // Both -1 while the counts run on the pool (isCounting()); countsChanged() follows.
    qint64 totalCount() const { return totalCount_; }
    qint64 matchingCount() const { return matchingCount_; }
    bool isCounting() const { return counting_; }
    const QString &error() const { return error_; }
    QString eventId(int row) const;
    bool isFailure(int row) const;
    int sortColumn() const { return sortColumn_; }
    Qt::SortOrder sortOrder() const { return sortOrder_; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

signals:
    // After every reload, and when a filtered count arrives: the counts or the error changed.
    void countsChanged();

private:
    struct Row
    {
        QString id;
        bool failure = false;
        std::array<QString, ColumnCount> cells;
    };

    void countOnPool(bool matchesLoaded);
    bool openCursor();
    void closeCursor();
    // The next page from the cursor; an error is kept in error_ and ends the list.
    std::vector<Row> nextPage();
    Row rowOf(const SignInListRow &r) const;

    QThreadPool &pool_;
    Database *db_ = nullptr;
    quint64 generation_ = 0; // which reload a finished count belongs to
    SignInFilter filter_;
    int sortColumn_ = TimeUtc;
    Qt::SortOrder sortOrder_ = Qt::DescendingOrder;
    std::unique_ptr<SignInCursor> cursor_;
    bool exhausted_ = true;
    bool changing_ = false; // between begin/end of a reset or an insert
    std::vector<Row> rows_;
    qint64 totalCount_ = 0;
    qint64 matchingCount_ = 0;
    bool counting_ = false;
    QString error_;
};

} // namespace backsight::ui
