#include "views/user/user_view.h"

#include "accent_colors.h"
#include "baseline/day_aggregate.h"
#include "severity_style.h"
#include "model/time_format.h"
#include "store/user_directory.h"
#include "widgets/table_copy.h"
#include "store/user_activity_queries.h"
#include "views/user/user_networks_model.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QCompleter>
#include <QGridLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QStringListModel>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QValueAxis>
#include <QVBoxLayout>

namespace backsight::ui {
namespace {

QTableWidget *makeTable(const QStringList &headers, QWidget *parent)
{
    auto *t = new QTableWidget(0, int(headers.size()), parent);
    t->setHorizontalHeaderLabels(headers);
    t->verticalHeader()->hide();
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->horizontalHeader()->setStretchLastSection(true);
    makeCopyable(t);
    return t;
}

void setRow(QTableWidget *t, int row, const QStringList &cells)
{
    for (int c = 0; c < cells.size(); ++c)
        t->setItem(row, c, new QTableWidgetItem(cells[c]));
}

} // namespace

UserView::UserView(QThreadPool &pool, QWidget *parent)
    : CaseView(parent), query_(pool, this), users_(pool, this), userBox_(new QComboBox(this)), usersModel_(new QStringListModel(this)), header_(new QLabel(this)),
      heatmap_(new HeatmapWidget(this)), daysChart_(new QChartView(this)), tops_(new QTabWidget(this)),
      networksModel_(new UserNetworksModel(this)), networksProxy_(new QSortFilterProxyModel(this)), networks_(new QTableView(this)),
      models_(makeTable({tr("Kind"), tr("Version"), tr("Trained (UTC)"), tr("Events used"), tr("Threshold"), tr("Active")}, this)),
      anomalies_(makeTable({tr("Severity"), tr("Time (UTC)"), tr("Status"), tr("Reason")}, this))
{
    userBox_->setObjectName(QStringLiteral("userPicker"));
    userBox_->setModel(usersModel_);
    userBox_->setEditable(true);
    userBox_->setInsertPolicy(QComboBox::NoInsert);
    userBox_->lineEdit()->setPlaceholderText(tr("User (UPN)"));
    userBox_->completer()->setFilterMode(Qt::MatchContains);
    userBox_->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    userBox_->setMinimumContentsLength(36);
    // Not AdjustToContentsOnFirstShow: measuring every one of thousands of UPNs on first show stalls the GUI.
    userBox_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    header_->setObjectName(QStringLiteral("userHeader"));
    header_->setWordWrap(true);
    header_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    daysChart_->setMinimumHeight(220);
    daysChart_->setRenderHint(QPainter::Antialiasing);
    models_->setObjectName(QStringLiteral("userModels"));
    anomalies_->setObjectName(QStringLiteral("userAnomalies"));
    anomalies_->setToolTip(tr("Click to open in Triage"));
    networksProxy_->setSourceModel(networksModel_);
    networksProxy_->setSortRole(Qt::UserRole);
    networks_->setObjectName(QStringLiteral("userNetworks"));
    networks_->setModel(networksProxy_);
    networks_->setSortingEnabled(true);
    networks_->sortByColumn(UserNetworksModel::SignIns, Qt::DescendingOrder);
    networks_->verticalHeader()->hide();
    networks_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    networks_->setSelectionBehavior(QAbstractItemView::SelectRows);
    networks_->setAlternatingRowColors(true);
    networks_->horizontalHeader()->setStretchLastSection(true);
    networks_->setMinimumHeight(160);
    makeCopyable(networks_);

    auto *triage = new QPushButton(tr("Anomalies in Triage"), this);
    auto *timeline = new QPushButton(tr("Timeline"), this);
    auto *map = new QPushButton(tr("Travel map"), this);
    auto *bar = new QHBoxLayout;
    bar->addWidget(userBox_, 1);
    bar->addWidget(triage);
    bar->addWidget(timeline);
    bar->addWidget(map);

    auto *page = new QWidget;
    auto *grid = new QGridLayout(page);
    grid->addLayout(bar, 0, 0, 1, 2);
    grid->addWidget(header_, 1, 0, 1, 2);
    grid->addWidget(heatmap_, 2, 0);
    grid->addWidget(daysChart_, 2, 1);
    auto *topBox = new QGroupBox(tr("Where and how they sign in (all imported sign-ins)"), page);
    (new QVBoxLayout(topBox))->addWidget(tops_);
    tops_->setMinimumHeight(240);
    grid->addWidget(topBox, 3, 0);
    auto *anomalyBox = new QGroupBox(tr("Anomalies"), page);
    (new QVBoxLayout(anomalyBox))->addWidget(anomalies_);
    grid->addWidget(anomalyBox, 3, 1);
    auto *networkBox = new QGroupBox(tr("Networks they sign in from (ASN, all imported sign-ins)"), page);
    (new QVBoxLayout(networkBox))->addWidget(networks_);
    grid->addWidget(networkBox, 4, 0, 1, 2);
    auto *modelBox = new QGroupBox(tr("Models"), page);
    (new QVBoxLayout(modelBox))->addWidget(models_);
    models_->setMinimumHeight(120);
    grid->addWidget(modelBox, 5, 0, 1, 2);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(page);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);

    connect(userBox_, &QComboBox::activated, this, [this](int index) { showUser(userBox_->itemText(index)); });
    connect(userBox_->lineEdit(), &QLineEdit::returnPressed, this, [this] { showUser(userBox_->currentText().trimmed().toLower()); });
    connect(triage, &QPushButton::clicked, this, [this] {
        TriageFilter f;
        f.user = upn_;
        emit openTriage(f);
    });
    connect(timeline, &QPushButton::clicked, this, [this] { emit openTimeline(upn_); });
    connect(map, &QPushButton::clicked, this, [this] { emit openMap(upn_); });
    connect(anomalies_, &QTableWidget::cellClicked, this, [this](int row, int) {
        if (row < 0 || row >= int(data_.anomalies.size()))
            return;
        TriageFilter f;
        f.text = data_.anomalies[size_t(row)].id;
        emit openTriage(f);
    });
    present();
}

QString UserView::title() const
{
    return tr("User");
}

void UserView::setDatabase(Database *db)
{
    path_ = db ? db->path() : QString();
    upn_.clear();
    data_ = UserProfileData();
    usersModel_->setStringList({});
    users_list_.clear();
    present();
    loadUsers();
}

void UserView::refresh()
{
    loadUsers();
    if (!upn_.isEmpty())
        showUser(upn_);
}

void UserView::focusFilter()
{
    userBox_->setFocus();
    userBox_->lineEdit()->selectAll();
}

void UserView::loadUsers()
{
    if (path_.isEmpty())
        return;
    setLoading(true);
    users_.run(path_, [](Database &db) {
        Users u;
        // Interactive users with anomalies first: the people an analyst looks at (store/user_directory.h).
        Result<QStringList> users = usersByInterest(db);
        if (users)
            u.upns = std::move(*users);
        else
            u.error = users.error().message;
        return u;
    }, [this](Users &u) {
        reportProblem(u.error);
        const QString current = upn_;
        if (u.upns != users_list_) { // refilling hundreds of items (and the completer) is the costly part
            users_list_ = u.upns;
            usersModel_->setStringList(u.upns); // one reset: item-by-item inserts refilter the completer each time
            userBox_->setCurrentText(current);
        }
        if (upn_.isEmpty() && !u.upns.isEmpty())
            showUser(u.upns.front()); // the most interesting user, so the view is never blank
        else
            setLoading(query_.isRunning());
    });
}

void UserView::showUser(const QString &upn)
{
    upn_ = upn.trimmed().toLower();
    userBox_->setCurrentText(upn_);
    if (path_.isEmpty() || upn_.isEmpty())
        return;
    setLoading(true);
    const QString u = upn_;
    query_.run(path_, [u](Database &db) { return readUserProfile(db, u); }, [this](UserProfileData &d) {
        data_ = std::move(d);
        present();
        setLoading(users_.isRunning());
    });
}

void UserView::present()
{
    const QLocale locale;
    const UserProfileData &d = data_;
    if (path_.isEmpty()) {
        header_->setText(tr("No case database is open — File → New/Open case database…"));
    } else if (!d.error.isEmpty()) {
        header_->setText(d.error);
    } else if (d.upn.isEmpty()) {
        header_->setText(tr("Pick a user above."));
    } else if (d.signIns == 0) {
        header_->setText(tr("No sign-ins of %1 in this case.").arg(d.upn));
    } else {
        QString baseline = d.fromBaseline
                               ? tr("Baseline %1 – %2 UTC%3.").arg(utcText(d.baselineWindowStart), utcText(d.baselineWindowEnd),
                                                                  d.learning ? tr(", still learning (too little history)") : QString())
                               : tr("No baseline yet — the heatmap is computed from the sign-ins; run  backsight-cli --db \"%1\" train  "
                                    "for the real one.").arg(path_);
        header_->setText(tr("%1 (%2): %3 sign-ins, %4 failed (%5 %). %6")
                             .arg(d.upn, d.displayName, locale.toString(d.signIns), locale.toString(d.failures),
                                  locale.toString(d.signIns ? 100.0 * double(d.failures) / double(d.signIns) : 0.0, 'f', 1),
                                  baseline));
        if (d.interactiveSignIns == 0) // a service account or token refreshes only: nothing for the heatmap to show
            header_->setText(header_->text()
                             + tr("\nNo interactive sign-ins: all %1 are non-interactive (token refreshes, background "
                                  "apps), so the hour × weekday heatmap below is empty.")
                                   .arg(locale.toString(d.signIns)));
    }
    heatmap_->setCells(d.heatmap, d.zoneText);

    tops_->clear();
    for (const auto &[name, values] : d.top) {
        auto *t = makeTable({tr("Value"), tr("Sign-ins"), tr("Failures"), tr("First seen (UTC)"), tr("Last seen (UTC)")}, tops_);
        t->setRowCount(int(values.size()));
        for (int r = 0; r < int(values.size()); ++r) {
            const auto &v = values[size_t(r)];
            setRow(t, r, {v.value, locale.toString(v.count), locale.toString(v.failures), utcText(v.firstMs), utcText(v.lastMs)});
        }
        t->resizeColumnsToContents(); // ten rows
        tops_->addTab(t, name);
    }
    networksModel_->setNetworks(d.networks);
    if (d.networks.size() <= 200) // a few dozen networks at most for a person; measuring them is cheap
        networks_->resizeColumnsToContents();
    models_->setRowCount(int(d.models.size()));
    for (int r = 0; r < int(d.models.size()); ++r) {
        const auto &m = d.models[size_t(r)];
        setRow(models_, r, {m.kind, QString::number(m.version), utcText(m.createdMs), locale.toString(m.eventsUsed),
                            locale.toString(m.threshold, 'g', 4), m.active ? tr("yes") : tr("no")});
    }
    if (d.models.empty() && !d.upn.isEmpty()) {
        models_->setRowCount(1);
        setRow(models_, 0, {tr("No models for this user yet — run  backsight-cli --db \"%1\" train").arg(path_)});
        models_->setSpan(0, 0, 1, models_->columnCount());
    } else {
        models_->clearSpans();
    }
    anomalies_->setRowCount(int(d.anomalies.size()));
    for (int r = 0; r < int(d.anomalies.size()); ++r) {
        const auto &a = d.anomalies[size_t(r)];
        setRow(anomalies_, r, {severityLabel(a.severity), utcText(a.ms), statusLabel(a.status), a.summary});
        anomalies_->item(r, 0)->setIcon(severityIcon(a.severity, palette()));
    }
    // Fixed widths: measuring hundreds of rows' text on every refresh costs the GUI thread more than it shows.
    anomalies_->setColumnWidth(0, anomalies_->fontMetrics().horizontalAdvance(QStringLiteral("Critical")) + 40);
    anomalies_->setColumnWidth(1, anomalies_->fontMetrics().horizontalAdvance(QStringLiteral("2024-11-01 00:00:00")) + 16);
    anomalies_->setColumnWidth(2, anomalies_->fontMetrics().horizontalAdvance(QStringLiteral("Investigating")) + 16);

    auto *chart = new QChart;
    chart->setTheme(isDarkPalette(palette()) ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundBrush(palette().color(QPalette::Base));
    chart->setTitle(tr("Sign-ins per day and failure rate (UTC)"));
    chart->legend()->setAlignment(Qt::AlignBottom);
    auto *count = new QLineSeries;
    count->setName(tr("Sign-ins"));
    auto *rate = new QLineSeries;
    rate->setName(tr("Failure rate %"));
    rate->setColor(failureTextColor(palette()));
    qint64 peak = 1;
    const qint64 firstDay = d.days.empty() ? 0 : d.days.begin()->first;
    for (const auto &[day, v] : d.days) {
        const double x = double(day - firstDay);
        count->append(x, double(v.first));
        rate->append(x, v.first ? 100.0 * double(v.second) / double(v.first) : 0.0);
        peak = std::max(peak, v.first);
    }
    chart->addSeries(count);
    chart->addSeries(rate);
    // Days since the first sign-in, in UTC (QDateTimeAxis would draw in the analyst's zone).
    auto *x = new QValueAxis;
    x->setLabelFormat(QStringLiteral("%d"));
    x->setTitleText(d.days.empty() ? QString() : tr("days since %1").arg(utcText(firstDay * baseline::kDayMs).left(10)));
    auto *y = new QValueAxis;
    y->setRange(0, double(peak) * 1.1);
    y->setLabelFormat(QStringLiteral("%d"));
    auto *y2 = new QValueAxis;
    y2->setRange(0, 100);
    y2->setLabelFormat(QStringLiteral("%d %%"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    chart->addAxis(y2, Qt::AlignRight);
    count->attachAxis(x);
    count->attachAxis(y);
    rate->attachAxis(x);
    rate->attachAxis(y2);
    QChart *old = daysChart_->chart();
    daysChart_->setChart(chart);
    delete old;
    setSummary(d.upn.isEmpty() ? QString() : tr("%1: %2 sign-ins, %3 anomalies").arg(d.upn, locale.toString(d.signIns),
                                                                                     locale.toString(qint64(d.anomalies.size()))));
}

} // namespace backsight::ui
