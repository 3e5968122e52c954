#include "views/backup/backup_view.h"

#include "accent_colors.h"
#include "backup/expected_series.h"
#include "detect/finding.h"
#include "severity_style.h"
#include "store/backup_repository.h"
#include "store/database.h"
#include "model/time_format.h"
#include "views/backup/session_chart_view.h"
#include "widgets/string_table_model.h"

#include <QCoreApplication>
#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QPushButton>
#include <QScatterSeries>
#include <QSignalBlocker>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QValueAxis>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

namespace backsight::ui {
namespace {

constexpr double kGb = 1024.0 * 1024.0 * 1024.0;

QString number(double v, int decimals)
{
    return v < 0 ? QString() : QString::number(v, 'f', decimals);
}

// Rows of text whose numeric columns sort as numbers (Qt::UserRole) and whose threat column is coloured like the
// severity of that threat score (1–3 low, 4–6 medium, 7–8 high, 9–10 critical).
class BackupTableModel : public StringTableModel
{
    Q_DECLARE_TR_FUNCTIONS(backsight::ui::BackupView)

public:
    BackupTableModel(QStringList headers, QList<int> numeric, int threatColumn, QWidget *palette, QObject *parent)
        : StringTableModel(std::move(headers), parent), numeric_(numeric), threatColumn_(threatColumn), paletteOf_(palette)
    {
        setNumericColumns(std::move(numeric));
    }

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
            return {};
        const QString cell = text(index.row(), index.column());
        if (role == Qt::UserRole) {
            if (!numeric_.contains(index.column()))
                return cell.toLower();
            bool ok = false;
            const double v = cell.toDouble(&ok);
            return ok ? v : -1.0;
        }
        if (index.column() == threatColumn_ && !cell.isEmpty()) {
            const int rank = int(detect::severityForThreatScore(cell.toInt()));
            if (role == Qt::BackgroundRole) {
                QColor c = severityColor(rank, paletteOf_->palette());
                c.setAlpha(110);
                return c;
            }
            if (role == Qt::DecorationRole)
                return severityIcon(rank, paletteOf_->palette());
            if (role == Qt::ToolTipRole)
                return tr("Threat %1/10: %2").arg(cell, severityLabel(rank));
        }
        return StringTableModel::data(index, role);
    }

private:
    QList<int> numeric_;
    int threatColumn_;
    QWidget *paletteOf_;
};

} // namespace

BackupView::BackupView(QThreadPool &pool, QWidget *parent)
    : CaseView(parent), serversQuery_(pool, this), sessionsQuery_(pool, this), empty_(new QLabel(this)),
      filter_(new QLineEdit(this)),
      serversModel_(new BackupTableModel({tr("Object or job"), tr("Job"), tr("Sessions"), tr("Last session (UTC)"),
                                          tr("Last result"), tr("Threat"), tr("Model"), tr("Flagged")},
                                         {2, 5, 7}, 5, this, this)),
      serversProxy_(new QSortFilterProxyModel(this)), serversTable_(new QTableView(this)), chart_(new SessionChartView(this)),
      sessionsModel_(new BackupTableModel({tr("Time (UTC)"), tr("Type"), tr("Result"), tr("Transferred GB"), tr("Read GB"),
                                           tr("Dedup"), tr("Compression"), tr("Minutes"), tr("Threat"), tr("Finding")},
                                          {3, 4, 5, 6, 7, 8}, 8, this, this)),
      sessionsTable_(new QTableView(this)), detail_(new QTextBrowser(this))
{
    setObjectName(QStringLiteral("backupView"));
    empty_->setObjectName(QStringLiteral("backupEmpty"));
    empty_->setWordWrap(true);
    empty_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    empty_->setTextFormat(Qt::RichText);
    empty_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    filter_->setPlaceholderText(tr("Filter objects and jobs"));
    filter_->setClearButtonEnabled(true);
    serversProxy_->setSourceModel(serversModel_);
    serversProxy_->setSortRole(Qt::UserRole);
    serversProxy_->setFilterCaseSensitivity(Qt::CaseInsensitive);
    serversProxy_->setFilterKeyColumn(-1); // an object or its job
    connect(filter_, &QLineEdit::textChanged, serversProxy_, &QSortFilterProxyModel::setFilterFixedString);
    for (QTableView *t : {serversTable_, sessionsTable_}) {
        t->setSelectionBehavior(QAbstractItemView::SelectRows);
        t->setSelectionMode(QAbstractItemView::SingleSelection);
        t->setEditTriggers(QAbstractItemView::NoEditTriggers);
        t->setAlternatingRowColors(true);
        t->verticalHeader()->hide();
        t->horizontalHeader()->setStretchLastSection(true);
    }
    serversTable_->setObjectName(QStringLiteral("backupServers"));
    serversTable_->setModel(serversProxy_);
    serversTable_->setSortingEnabled(true);
    serversTable_->sortByColumn(5, Qt::DescendingOrder); // the most threatened server first
    sessionsTable_->setObjectName(QStringLiteral("backupSessions"));
    sessionsTable_->setModel(sessionsModel_);
    chart_->setObjectName(QStringLiteral("backupChart"));
    chart_->setRenderHint(QPainter::Antialiasing);
    chart_->setMinimumHeight(260);
    detail_->setObjectName(QStringLiteral("backupDetail"));
    detail_->setMaximumHeight(150);

    auto *left = new QWidget(this);
    auto *ll = new QVBoxLayout(left);
    ll->setContentsMargins(0, 0, 0, 0);
    ll->addWidget(filter_);
    ll->addWidget(serversTable_, 1);
    auto *legend = new QLabel(tr("<small><b>Object or job</b>: the protected object (VM, agent, share) a task "
                                 "session backed up, with its <b>Job</b> beside it; a job's own sessions are listed by "
                                 "the job. <b>Threat</b>: the threat score (1–10) of the server's latest flagged session, "
                                 "coloured like severities: 1–3 low, 4–6 medium, 7–8 high, 9–10 critical. "
                                 "<b>Model</b>: the server's own LSTM autoencoder, <i>fleet</i> when the fleet-wide model "
                                 "judges it, <i>none</i> before <code>train</code>. <b>Flagged</b>: its sessions that "
                                 "an anomaly names.</small>"),
                              left);
    legend->setWordWrap(true);
    ll->addWidget(legend);
    auto *right = new QSplitter(Qt::Vertical, this);
    right->addWidget(chart_);
    right->addWidget(sessionsTable_);
    auto *detailBox = new QWidget(this);
    auto *dl = new QVBoxLayout(detailBox);
    dl->setContentsMargins(0, 0, 0, 0);
    dl->addWidget(detail_);
    toTriage_ = new QPushButton(tr("Open in Triage"), detailBox);
    toTriage_->setObjectName(QStringLiteral("backupOpenTriage"));
    toTriage_->setToolTip(tr("The selected flagged session's anomaly in the triage queue (else every finding of this server)"));
    QPushButton *toTriage = toTriage_;
    dl->addWidget(toTriage, 0, Qt::AlignRight);
    right->addWidget(detailBox);
    auto *split = new QSplitter(this);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(1, 3);
    split->setSizes({660, 940});
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 3);
    right->setStretchFactor(2, 0);
    right->setSizes({420, 360, 170});
    detailBox->setMaximumHeight(200);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(empty_);
    layout->addWidget(split, 1);
    content_ = split;

    connect(serversTable_->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &i) {
        if (i.isValid())
            showServer(serversModel_->text(serversProxy_->mapToSource(i).row(), 0));
    });
    connect(sessionsTable_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &i) { showSessionDetail(i.row()); });
    connect(toTriage, &QPushButton::clicked, this, [this] {
        if (server_.isEmpty())
            return;
        TriageFilter f;
        const QModelIndex current = sessionsTable_->currentIndex();
        const size_t row = current.isValid() ? size_t(current.row()) : sessions_.size();
        // The selected flagged session's anomaly (ids match the queue's text filter); else the server's findings.
        f.text = row < sessions_.size() && !sessions_[row].anomalyId.isEmpty() ? sessions_[row].anomalyId : server_;
        emit openTriage(f);
    });
}

void BackupView::setDatabase(Database *db)
{
    serversQuery_.abandon();
    sessionsQuery_.abandon();
    path_ = db ? db->path() : QString();
    server_.clear();
    refresh();
}

void BackupView::refresh()
{
    if (path_.isEmpty()) {
        serversModel_->setRows({});
        sessionsModel_->setRows({});
        sessions_.clear();
        empty_->setText(tr("Open a case database to see its backup servers."));
        empty_->show();
        content_->hide();
        return;
    }
    setLoading(true);
    serversQuery_.run(path_, &BackupView::loadServers, [this](Servers &s) { onServers(s); });
}

void BackupView::focusFilter()
{
    filter_->setFocus();
    filter_->selectAll();
}

int BackupView::serverCount() const
{
    return serversModel_->rowCount();
}

int BackupView::sessionCount() const
{
    return sessionsModel_->rowCount();
}

BackupView::Servers BackupView::loadServers(Database &db)
{
    Servers out;
    auto servers = store::backupServers(db);
    if (!servers) {
        out.error = servers.error().message;
        return out;
    }
    for (const store::BackupServerRow &s : *servers) {
        ServerRow r;
        r.server = s.server;
        r.job = s.level == QLatin1String("task") ? s.jobs : tr("(job)");
        r.sessions = s.sessions;
        r.firstMs = s.firstMs;
        r.lastMs = s.lastMs;
        r.lastResult = s.lastResult;
        r.flagged = s.flagged;
        r.threat = s.threatScore.value_or(0);
        r.model = !s.modelVersion ? tr("none")
                  : s.modelScope == QLatin1String("fleet") ? tr("fleet")
                                                           : tr("LSTM v%1").arg(*s.modelVersion);
        out.rows.push_back(r);
    }
    return out;
}

void BackupView::onServers(Servers &s)
{
    setLoading(false);
    if (!s.error.isEmpty()) {
        empty_->setText(s.error.toHtmlEscaped());
        empty_->show();
        content_->hide();
        return;
    }
    std::vector<QStringList> rows;
    for (const ServerRow &r : s.rows)
        rows.push_back({r.server, r.job, QString::number(r.sessions), utcText(r.lastMs).left(16), r.lastResult,
                        r.threat ? QString::number(r.threat) : QString(), r.model, QString::number(r.flagged)});
    serversModel_->setRows(std::move(rows));
    if (s.rows.empty()) {
        empty_->setText(tr("<p><b>No backup sessions in this case.</b></p><p>Import Veeam Backup &amp; Replication session "
                           "exports (Get-VBRBackupSession | ConvertTo-Json, or the REST /api/v1/sessions list) with "
                           "File ▸ Import, then train and detect. To try it on a generated history:</p><pre>"
                           "backsight-cli generate --backup-servers 8 --days 90 --out DIR\n"
                           "backsight-cli --db CASE.sqlite import DIR\n"
                           "backsight-cli --db CASE.sqlite train\n"
                           "backsight-cli --db CASE.sqlite detect</pre><p>then open CASE.sqlite here.</p>"));
        empty_->show();
        content_->hide();
        sessions_.clear();
        sessionsModel_->setRows({});
        setSummary(tr("No backup sessions"));
        return;
    }
    empty_->setVisible(false);
    content_->show();
    qint64 flagged = 0;
    for (const ServerRow &r : s.rows)
        flagged += r.flagged;
    setSummary(tr("%1 backup servers, %2 flagged sessions").arg(s.rows.size()).arg(flagged));
    serversTable_->resizeColumnsToContents();
    if (server_.isEmpty()) {
        // Open on the server with the highest latest threat: that is what the analyst came for.
        const auto worst = std::max_element(s.rows.begin(), s.rows.end(),
                                            [](const ServerRow &a, const ServerRow &b) { return a.threat < b.threat; });
        server_ = worst->server;
    }
    for (int row = 0; row < serversProxy_->rowCount(); ++row) {
        if (serversProxy_->index(row, 0).data().toString() == server_) {
            QSignalBlocker block(serversTable_->selectionModel());
            serversTable_->selectRow(row);
            break;
        }
    }
    showServer(server_);
}

void BackupView::showServer(const QString &server)
{
    server_ = server;
    if (path_.isEmpty())
        return;
    setLoading(true);
    sessionsQuery_.run(path_, [server](Database &db) { return loadSessions(db, server); },
                       [this](Sessions &s) { onSessions(s); });
}

BackupView::Sessions BackupView::loadSessions(Database &db, const QString &server)
{
    Sessions out;
    out.server = server;
    auto sessions = store::backupSessionsOf(db, server);
    if (!sessions) {
        out.error = sessions.error().message;
        return out;
    }
    QHash<QString, size_t> index;
    const auto gb = [](const std::optional<qint64> &v) { return v ? double(*v) / kGb : -1.0; };
    for (const store::BackupSessionRow &p : *sessions) {
        SessionRow r;
        r.id = p.id;
        r.timeMs = p.creationMs;
        r.result = p.result;
        r.type = !p.full ? tr("unknown") : *p.full ? tr("full") : tr("incremental");
        r.transferredGb = gb(p.transferredBytes);
        r.readGb = gb(p.readBytes);
        r.dedup = p.dedupRatio.value_or(-1);
        r.compress = p.compressRatio.value_or(-1);
        r.durationMin = p.durationS ? *p.durationS / 60 : -1;
        index.insert(r.id, out.rows.size());
        out.rows.push_back(r);
    }
    const Result<std::vector<backup::ExpectedSession>> expected = backup::expectedSeries(db, server);
    if (expected) {
        for (const backup::ExpectedSession &e : *expected)
            if (const auto it = index.constFind(e.id); it != index.cend()) {
                out.rows[*it].expectedGb = e.transferred / kGb;
                out.rows[*it].expectedLowGb = e.low / kGb;
                out.rows[*it].expectedHighGb = e.high / kGb;
            }
    } else {
        out.error = expected.error().message;
    }
    auto anomalies = store::serverAnomalies(db, server);
    if (!anomalies) {
        out.error = anomalies.error().message;
        return out;
    }
    for (const store::ServerAnomalyRow &a : *anomalies) {
        const auto it = index.constFind(a.eventId);
        if (it == index.cend())
            continue;
        SessionRow &r = out.rows[*it];
        r.anomalyId = a.anomalyId;
        r.threat = a.threatScore;
        r.anomalySummary = a.summary;
        QStringList items;
        for (const QJsonValue &v : QJsonDocument::fromJson(a.reasonsJson.toUtf8()).array())
            items << QStringLiteral("<li>%1</li>").arg(v.toObject().value(QStringLiteral("text")).toString().toHtmlEscaped());
        r.reasons = QStringLiteral("<ul>%1</ul>").arg(items.join(QString()));
    }
    return out;
}

void BackupView::onSessions(Sessions &s)
{
    setLoading(false);
    if (s.server != server_)
        return;
    sessions_ = std::move(s.rows);
    std::vector<QStringList> rows;
    flagged_ = 0;
    for (const SessionRow &r : sessions_) {
        flagged_ += r.threat > 0;
        rows.push_back({utcText(r.timeMs), r.type, r.result, number(r.transferredGb, 2), number(r.readGb, 2), number(r.dedup, 2),
                        number(r.compress, 2), number(r.durationMin, 0), r.threat ? QString::number(r.threat) : QString(),
                        r.anomalySummary});
    }
    sessionsModel_->setRows(std::move(rows));
    sessionsTable_->resizeColumnsToContents();
    drawChart(sessions_);
    detail_->setHtml(s.error.isEmpty() ? tr("<p>%1: %2 sessions, %3 flagged. Select a session for its finding.</p>")
                                             .arg(server_.toHtmlEscaped())
                                             .arg(sessions_.size())
                                             .arg(flagged_)
                                       : s.error.toHtmlEscaped());
    // Show the most recent flagged session first: that is what the analyst came for.
    for (size_t i = sessions_.size(); i-- > 0;)
        if (sessions_[i].threat > 0) {
            sessionsTable_->selectRow(int(i));
            sessionsTable_->scrollTo(sessionsModel_->index(int(i), 0), QAbstractItemView::PositionAtCenter);
            break;
        }
}

void BackupView::showSessionDetail(int row)
{
    if (row < 0 || size_t(row) >= sessions_.size())
        return;
    const SessionRow &r = sessions_[size_t(row)];
    if (r.threat == 0) {
        detail_->setHtml(tr("<p>Session %1 (%2, %3): nothing flagged.</p>").arg(r.id.toHtmlEscaped(), r.type, r.result.toHtmlEscaped()));
        return;
    }
    detail_->setHtml(tr("<p><b>Threat %1/10</b> — %2<br>Session %3, %4 UTC</p>%5")
                         .arg(r.threat)
                         .arg(r.anomalySummary.toHtmlEscaped(), r.id.toHtmlEscaped(), utcText(r.timeMs), r.reasons));
}

} // namespace backsight::ui
