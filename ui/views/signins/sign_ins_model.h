#pragma once

#include <QAbstractTableModel>
#include <QString>
#include <array>
#include <memory>
#include <vector>

class QSqlQuery;
class QThreadPool;

namespace backsight {
class Database;
}

namespace backsight::ui {

// What the analyst narrowed the sign-ins down to.
struct SignInFilter
{
    enum class Kind { All, Interactive, NonInteractive };
    QString text; // substring of UPN, display name, IP, app, city or country
    Kind kind = Kind::All;
    bool failuresOnly = false;

    bool isEmpty() const { return text.trimmed().isEmpty() && kind == Kind::All && !failuresOnly; }
    bool operator==(const SignInFilter &) const = default;
};

// User sign-ins, read lazily from the GUI thread's connection: one forward-only cursor per filter and
// sort, stepped a page at a time as the table scrolls (fetchMore), so a million rows cost one page.
// Sorting and filtering run in SQL with bound parameters; only whitelisted columns reach ORDER BY.
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

    QString whereClause() const;
    QVariantList filterBinds() const;
    void countOnPool(bool matchesLoaded);
    bool openCursor();
    void closeCursor();
    Row readRow(const QSqlQuery &query) const;

    QThreadPool &pool_;
    Database *db_ = nullptr;
    quint64 generation_ = 0; // which reload a finished count belongs to
    SignInFilter filter_;
    int sortColumn_ = TimeUtc;
    Qt::SortOrder sortOrder_ = Qt::DescendingOrder;
    std::unique_ptr<QSqlQuery> cursor_;
    bool exhausted_ = true;
    bool changing_ = false; // between begin/end of a reset or an insert
    std::vector<Row> rows_;
    qint64 totalCount_ = 0;
    qint64 matchingCount_ = 0;
    bool counting_ = false;
    QString error_;
};

} // namespace backsight::ui
