#include "views/triage/triage_model.h"

#include "severity_style.h"
#include "model/time_format.h"
#include "enrich/asn_table.h"
#include "store/anomaly_queries.h"
#include "store/user_directory.h"

#include <QGuiApplication>
#include <QPalette>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

namespace backsight::ui {
namespace {

// The stored order behind each column.
AnomalyOrder orderOf(int column)
{
    switch (column) {
    case TriageModel::Severity: return AnomalyOrder::Severity;
    case TriageModel::User: return AnomalyOrder::User;
    case TriageModel::Network: return AnomalyOrder::Network;
    case TriageModel::Kinds: return AnomalyOrder::Kinds;
    case TriageModel::Summary: return AnomalyOrder::Summary;
    case TriageModel::Score: return AnomalyOrder::Score;
    case TriageModel::Status: return AnomalyOrder::Status;
    default: return AnomalyOrder::Time;
    }
}

} // namespace

TriageModel::TriageModel(QThreadPool &pool, QObject *parent) : QAbstractTableModel(parent), query_(pool, this) {}

void TriageModel::setDatabasePath(const QString &path)
{
    path_ = path;
    reload();
}

void TriageModel::setFilter(const TriageFilter &filter)
{
    if (filter == filter_)
        return;
    filter_ = filter;
    reload();
}

void TriageModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    sortColumn_ = column == TimeLocal ? TimeUtc : column;
    sortOrder_ = order;
    reload();
}

TriageModel::Loaded TriageModel::load(Database &db, const TriageFilter &filter, AnomalyOrder order, bool descending)
{
    Loaded out;
    AnomalyQueries anomalies(db);
    const Result<qint64> total = anomalies.count();
    const Result<qint64> matching = total ? anomalies.count(filter) : total;
    if (!matching) {
        out.error = matching.error().message;
        return out;
    }
    out.total = *total;
    out.matching = *matching;
    Result<std::vector<AnomalyListRow>> rows = anomalies.list(filter, order, descending, kMaxRows);
    if (!rows) {
        out.error = rows.error().message;
        return out;
    }
    out.rows.reserve(rows->size());
    for (AnomalyListRow &a : *rows) {
        TriageRow r;
        r.id = std::move(a.id);
        r.severity = a.severity;
        r.timeMs = a.timeMs;
        r.user = std::move(a.user);
        r.subjectType = std::move(a.subjectType);
        r.kinds = a.kinds.join(QStringLiteral(", "));
        r.summary = std::move(a.summary);
        r.score = a.score.value_or(-1);
        r.status = std::move(a.status);
        r.eventId = std::move(a.eventId);
        if (a.asn) {
            const enrich::Network network{a.asn, a.asOrg, enrich::AsnTable::kindOf(a.asn)};
            r.network = network.label();
            r.anonymising = network.kind != enrich::NetworkKind::Unknown;
        }
        out.rows.push_back(std::move(r));
    }
    return out;
}

// Each user's own zone (their latest baseline), so an odd hour reads as one; subjects that are not users keep none.
void TriageModel::addUserZones(Database &db, Loaded &loaded)
{
    QStringList upns;
    for (const TriageRow &r : loaded.rows)
        if (r.subjectType == QLatin1String("user"))
            upns << r.user;
    upns.removeDuplicates();
    const auto homes = userHomes(db, upns);
    if (!homes)
        return; // the column falls back to this computer's zone, labelled so
    for (TriageRow &r : loaded.rows) {
        const auto it = homes->constFind(r.user);
        if (r.subjectType != QLatin1String("user") || it == homes->constEnd())
            continue;
        r.userUtcOffsetMinutes = it->utcOffsetMinutes;
        r.userHome = QStringList{it->city, it->country}.join(QStringLiteral(", "));
    }
}

void TriageModel::reload()
{
    if (path_.isEmpty()) {
        query_.abandon();
        beginResetModel();
        rows_.clear();
        matching_ = total_ = 0;
        error_.clear();
        endResetModel();
        emit loaded();
        return;
    }
    const AnomalyOrder order = orderOf(sortColumn_);
    const bool descending = sortOrder_ != Qt::AscendingOrder;
    const TriageFilter filter = filter_;
    query_.run(path_,
               [filter, order, descending](Database &db) {
                   Loaded loaded = load(db, filter, order, descending);
                   addUserZones(db, loaded);
                   return loaded;
               },
               [this](Loaded &result) {
                   beginResetModel();
                   rows_ = std::move(result.rows);
                   matching_ = result.matching;
                   total_ = result.total;
                   error_ = result.error;
                   endResetModel();
                   emit loaded();
               });
}

const TriageRow *TriageModel::row(int r) const
{
    return r >= 0 && r < int(rows_.size()) ? &rows_[size_t(r)] : nullptr;
}

int TriageModel::rowOf(const QString &anomalyId) const
{
    for (size_t i = 0; i < rows_.size(); ++i) {
        if (rows_[i].id == anomalyId)
            return int(i);
    }
    return -1;
}

int TriageModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(rows_.size());
}

int TriageModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TriageModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TriageRow &r = rows_[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (index.column()) {
        case Severity: return severityLabel(r.severity);
        case TimeUtc: return utcText(r.timeMs);
        case TimeLocal:
            if (r.userUtcOffsetMinutes)
                return role == Qt::ToolTipRole
                           ? tr("%1 in the user's own zone: their usual offset, home %2 (from their baseline)")
                                 .arg(textAtOffset(r.timeMs, *r.userUtcOffsetMinutes), r.userHome)
                           : textAtOffset(r.timeMs, *r.userUtcOffsetMinutes);
            return role == Qt::ToolTipRole ? tr("%1 in this computer's zone (%2): no baseline gives this subject's own zone")
                                                 .arg(localText(r.timeMs), localZoneName())
                                           : localText(r.timeMs) + tr(" (this computer)");
        case User: return r.user;
        case Network:
            if (role == Qt::ToolTipRole && r.anonymising)
                return tr("%1: a cloud / hosting or commercial VPN network (the curated list, resources/asn/SOURCES.md)")
                    .arg(r.network);
            return r.network;
        case Kinds: return r.kinds;
        case Summary: return r.summary;
        case Score: return r.score < 0 ? QString() : QLocale().toString(r.score, 'f', 2);
        case Status: return statusLabel(r.status);
        default: return {};
        }
    case Qt::DecorationRole:
        return index.column() == Severity ? QVariant(severityIcon(r.severity, QGuiApplication::palette())) : QVariant();
    case Qt::ForegroundRole:
        if (index.column() == Network && r.anonymising)
            return QVariant(severityColor(3, QGuiApplication::palette())); // hosting / VPN stands out like a high
        return index.column() == Severity ? QVariant(severityColor(r.severity, QGuiApplication::palette())) : QVariant();
    case Qt::TextAlignmentRole:
        return index.column() == Score ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    case AnomalyIdRole: return r.id;
    case SeverityRole: return r.severity;
    case TimeRole: return r.timeMs;
    case UserRole: return r.user;
    default: return {};
    }
}

QVariant TriageModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::ToolTipRole && section == Network)
        return tr("The autonomous system (ASN) and organisation of the anomaly's sign-in; hosting and VPN networks are "
                  "marked and coloured");
    if (role == Qt::ToolTipRole && section == TimeLocal)
        return tr("The user's own local time with its UTC offset (their usual zone, from their baseline); "
                  "without a baseline, this computer's zone (%1)").arg(localZoneName());
    if (role != Qt::DisplayRole)
        return {};
    static const char *const titles[ColumnCount] = {QT_TR_NOOP("Severity"), QT_TR_NOOP("Time (UTC)"),
                                                    QT_TR_NOOP("Time (user's zone)"), QT_TR_NOOP("User / subject"),
                                                    QT_TR_NOOP("Network"), QT_TR_NOOP("Kinds"), QT_TR_NOOP("Reason"),
                                                    QT_TR_NOOP("Score"), QT_TR_NOOP("Status")};
    return tr(titles[section]);
}

} // namespace backsight::ui
