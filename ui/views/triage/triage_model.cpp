#include "views/triage/triage_model.h"

#include "severity_style.h"
#include "model/time_format.h"

#include <QGuiApplication>
#include <QPalette>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QSqlError>
#include <QSqlQuery>

namespace backsight::ui {
namespace {

// The only expressions that reach ORDER BY, chosen by column number.
QString sortExpression(int column)
{
    switch (column) {
    case TriageModel::Severity: return QStringLiteral("severity_rank %1, time_ms %1");
    case TriageModel::User: return QStringLiteral("coalesce(user_upn, subject) %1, time_ms %1");
    case TriageModel::Kinds: return QStringLiteral("kinds %1, time_ms %1");
    case TriageModel::Summary: return QStringLiteral("summary %1");
    case TriageModel::Score: return QStringLiteral("coalesce(score, -1) %1, time_ms %1");
    case TriageModel::Status: return QStringLiteral("status %1, time_ms %1");
    default: return QStringLiteral("time_ms %1");
    }
}

QString kindsText(const QString &json)
{
    QStringList kinds;
    for (const QJsonValue &v : QJsonDocument::fromJson(json.toUtf8()).array())
        kinds << v.toString();
    return kinds.isEmpty() ? json : kinds.join(QStringLiteral(", "));
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

TriageModel::Loaded TriageModel::load(Database &db, const TriageFilter &filter, const QString &orderBy)
{
    Loaded out;
    QSqlQuery q(db.connection());
    if (!q.exec(QStringLiteral("SELECT count(*) FROM anomalies")) || !q.next()) {
        out.error = Database::describe(tr("cannot read the anomalies"), q.lastError());
        return out;
    }
    out.total = q.value(0).toLongLong();
    QVariantList binds;
    const QString where = filter.whereClause(binds);
    q.prepare(QStringLiteral("SELECT count(*) FROM anomalies") + where);
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (!q.exec() || !q.next()) {
        out.error = Database::describe(tr("cannot count the anomalies"), q.lastError());
        return out;
    }
    out.matching = q.value(0).toLongLong();
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, severity_rank, time_ms, coalesce(user_upn, subject), subject_type, kinds, "
                             "summary, score, status, event_id FROM anomalies")
              + where + QStringLiteral(" ORDER BY ") + orderBy + QStringLiteral(", id LIMIT %1").arg(kMaxRows));
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (!q.exec()) {
        out.error = Database::describe(tr("cannot read the anomalies"), q.lastError());
        return out;
    }
    out.rows.reserve(size_t(std::min<qint64>(out.matching, kMaxRows)));
    while (q.next()) {
        TriageRow r;
        r.id = q.value(0).toString();
        r.severity = q.value(1).toInt();
        r.timeMs = q.value(2).toLongLong();
        r.user = q.value(3).toString();
        r.subjectType = q.value(4).toString();
        r.kinds = kindsText(q.value(5).toString());
        r.summary = q.value(6).toString();
        r.score = q.value(7).isNull() ? -1 : q.value(7).toDouble();
        r.status = q.value(8).toString();
        r.eventId = q.value(9).toString();
        out.rows.push_back(std::move(r));
    }
    return out;
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
    const QString dir = sortOrder_ == Qt::AscendingOrder ? QStringLiteral("ASC") : QStringLiteral("DESC");
    const QString orderBy = sortExpression(sortColumn_).arg(dir);
    const TriageFilter filter = filter_;
    query_.run(path_, [filter, orderBy](Database &db) { return load(db, filter, orderBy); },
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
        case TimeLocal: return localText(r.timeMs);
        case User: return r.user;
        case Kinds: return r.kinds;
        case Summary: return r.summary;
        case Score: return r.score < 0 ? QString() : QLocale().toString(r.score, 'f', 2);
        case Status: return statusLabel(r.status);
        default: return {};
        }
    case Qt::DecorationRole:
        return index.column() == Severity ? QVariant(severityIcon(r.severity, QGuiApplication::palette())) : QVariant();
    case Qt::ForegroundRole:
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
    if (role == Qt::ToolTipRole && section == TimeLocal)
        return tr("Time in this computer's zone (%1)").arg(localZoneName());
    if (role != Qt::DisplayRole)
        return {};
    static const char *const titles[ColumnCount] = {QT_TR_NOOP("Severity"), QT_TR_NOOP("Time (UTC)"),
                                                    QT_TR_NOOP("Time (local)"), QT_TR_NOOP("User / subject"),
                                                    QT_TR_NOOP("Kinds"), QT_TR_NOOP("Reason"),
                                                    QT_TR_NOOP("Score"), QT_TR_NOOP("Status")};
    return tr(titles[section]);
}

} // namespace backsight::ui
