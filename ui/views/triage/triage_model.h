#pragma once

#include <optional>

#include "background_query.h"
#include "views/triage/triage_filter.h"

#include <QAbstractTableModel>
#include <vector>

class QThreadPool;

namespace backsight::ui {

// One row of the triage queue.
struct TriageRow
{
    QString id;
    int severity = 0;
    qint64 timeMs = 0;
    QString user;       // UPN, or the subject (server, IP) when there is no user
    QString subjectType;
    QString kinds;      // "new_country, impossible_travel"
    QString summary;
    double score = -1;  // -1 when none
    QString status;
    QString eventId;
    std::optional<int> userUtcOffsetMinutes; // from the user's latest baseline: their own local time
    QString userHome;                        // "Wellington, NZ"
    QString network;     // the primary sign-in's network: "AS16509 Amazon.com, Inc. (hosting)"; empty when unknown
    bool anonymising = false; // a hosting or commercial-VPN network (the curated list in core/enrich)
};

// The anomaly queue. Filtering and sorting run in SQL on a pool thread with its own connection
// (BackgroundQuery); the GUI thread only swaps in the finished rows. At most kMaxRows are loaded.
class TriageModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Severity, TimeUtc, TimeLocal, User, Network, Kinds, Summary, Score, Status, ColumnCount };
    enum Role { AnomalyIdRole = Qt::UserRole + 1, SeverityRole, TimeRole, UserRole };
    static constexpr int kMaxRows = 50'000;

    TriageModel(QThreadPool &pool, QObject *parent = nullptr);

    void setDatabasePath(const QString &path); // empty clears
    void setFilter(const TriageFilter &filter);
    const TriageFilter &filter() const { return filter_; }
    void reload();

    bool isLoading() const { return query_.isRunning(); }
    qint64 matchingCount() const { return matching_; } // may exceed rowCount() (kMaxRows)
    qint64 totalCount() const { return total_; }
    const QString &error() const { return error_; }
    const TriageRow *row(int r) const;
    int rowOf(const QString &anomalyId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    int sortColumn() const { return sortColumn_; }
    Qt::SortOrder sortOrder() const { return sortOrder_; }

signals:
    void loaded();

private:
    struct Loaded
    {
        std::vector<TriageRow> rows;
        qint64 matching = 0, total = 0;
        QString error;
    };
    static Loaded load(Database &db, const TriageFilter &filter, AnomalyOrder order, bool descending);
    static void addUserZones(Database &db, Loaded &loaded);

    BackgroundQuery<Loaded> query_;
    QString path_;
    TriageFilter filter_;
    int sortColumn_ = Severity;
    Qt::SortOrder sortOrder_ = Qt::DescendingOrder;
    std::vector<TriageRow> rows_;
    qint64 matching_ = 0, total_ = 0;
    QString error_;
};

} // namespace backsight::ui
