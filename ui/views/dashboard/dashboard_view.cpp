#include "views/dashboard/dashboard_view.h"

#include "accent_colors.h"
#include "severity_style.h"
#include "model/time_format.h"
#include "widgets/string_table_model.h"
#include "widgets/table_copy.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QEvent>
#include <QGridLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedBarSeries>
#include <QTableView>
#include <QTableWidget>
#include <QValueAxis>
#include <QVBoxLayout>

namespace backsight::ui {
namespace {

constexpr qint64 kDayMs = 86'400'000;

QTableWidget *makeTopTable(const QString &header, QWidget *parent)
{
    auto *t = new QTableWidget(0, 2, parent);
    t->setHorizontalHeaderLabels({header, QCoreApplication::translate("DashboardView", "Anomalies")});
    t->verticalHeader()->hide();
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    t->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    t->setToolTip(QCoreApplication::translate("DashboardView", "Click a row to open these anomalies in Triage"));
    makeCopyable(t);
    return t;
}

QString dayLabel(qint64 day)
{
    return QDateTime::fromMSecsSinceEpoch(day * kDayMs, Qt::UTC).toString(QStringLiteral("MM-dd"));
}

void styleChart(QChart *chart, const QPalette &palette)
{
    chart->setTheme(isDarkPalette(palette) ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundBrush(palette.color(QPalette::Base));
    chart->setTitleBrush(palette.color(QPalette::Text));
    chart->legend()->setLabelColor(palette.color(QPalette::Text));
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
}

} // namespace

DashboardView::DashboardView(QThreadPool &pool, QWidget *parent)
    : CaseView(parent), query_(pool, this), openButton_(new QPushButton(this)), message_(new QLabel(this)),
      anomalyChart_(new QChartView(this)), signInChart_(new QChartView(this)), coverage_(new QLabel(this)),
      sources_(new QTableView(this)),
      sourcesModel_(new StringTableModel({tr("Source"), tr("SHA-256"), tr("Reader"), tr("New events")}, this)), training_(new QLabel(this))
{
    auto *page = new QWidget;
    auto *grid = new QGridLayout(page);
    message_->setObjectName(QStringLiteral("dashboardMessage"));
    message_->setWordWrap(true);
    message_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    grid->addWidget(message_, 0, 0, 1, 3);

    auto *cards = new QHBoxLayout;
    for (int rank = 4; rank >= 1; --rank) {
        auto *b = new QPushButton(page);
        b->setObjectName(QStringLiteral("dashboardSeverity%1").arg(rank));
        b->setIcon(severityIcon(rank, palette()));
        b->setIconSize(QSize(24, 24));
        b->setFlat(true);
        b->setToolTip(tr("Open the %1 anomalies in Triage").arg(severityLabel(rank).toLower()));
        QFont f = b->font();
        f.setPointSizeF(f.pointSizeF() * 1.4);
        b->setFont(f);
        connect(b, &QPushButton::clicked, this, [this, rank] {
            TriageFilter filter;
            filter.severity = rank;
            emit openTriage(filter);
        });
        severityButtons_[size_t(rank)] = b;
        cards->addWidget(b);
    }
    openButton_->setObjectName(QStringLiteral("dashboardOpen"));
    openButton_->setFlat(true);
    openButton_->setFont(severityButtons_[4]->font());
    connect(openButton_, &QPushButton::clicked, this, [this] {
        TriageFilter filter;
        filter.statuses = {QStringLiteral("new"), QStringLiteral("investigating")};
        emit openTriage(filter);
    });
    cards->addWidget(openButton_);
    cards->addStretch(1);
    grid->addLayout(cards, 1, 0, 1, 3);

    for (QChartView *v : {anomalyChart_, signInChart_}) {
        v->setRenderHint(QPainter::Antialiasing);
        v->setMinimumHeight(260);
    }
    anomalyChart_->setObjectName(QStringLiteral("dashboardAnomalyChart"));
    signInChart_->setObjectName(QStringLiteral("dashboardSignInChart"));
    grid->addWidget(anomalyChart_, 2, 0, 1, 2);
    grid->addWidget(signInChart_, 2, 2);

    const QString headers[3] = {tr("User"), tr("Country"), tr("App")};
    const QString titles[3] = {tr("Top users by anomalies"), tr("Top countries by anomalies"), tr("Top apps by anomalies")};
    for (int i = 0; i < 3; ++i) {
        auto *box = new QGroupBox(titles[i], page);
        auto *l = new QVBoxLayout(box);
        topTables_[size_t(i)] = makeTopTable(headers[i], box);
        topTables_[size_t(i)]->setMinimumHeight(200);
        l->addWidget(topTables_[size_t(i)]);
        grid->addWidget(box, 3, i);
        connect(topTables_[size_t(i)], &QTableWidget::cellClicked, this, [this, i](int row, int) {
            const QString value = topTables_[size_t(i)]->item(row, 0)->text();
            TriageFilter filter;
            (i == 0 ? filter.user : i == 1 ? filter.country : filter.app) = value;
            emit openTriage(filter);
        });
    }

    auto *coverageBox = new QGroupBox(tr("Data coverage"), page);
    auto *cl = new QVBoxLayout(coverageBox);
    coverage_->setObjectName(QStringLiteral("dashboardCoverage"));
    coverage_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    sources_->setObjectName(QStringLiteral("dashboardSources"));
    sources_->setModel(sourcesModel_);
    sourcesModel_->setNumericColumns({3});
    sources_->setSelectionBehavior(QAbstractItemView::SelectRows);
    sources_->verticalHeader()->setDefaultSectionSize(sources_->fontMetrics().height() + 6);
    sources_->horizontalHeader()->resizeSection(0, sources_->fontMetrics().horizontalAdvance(QString(48, QLatin1Char('n'))));
    sources_->horizontalHeader()->resizeSection(1, sources_->fontMetrics().horizontalAdvance(QString(64, QLatin1Char('0'))) + 12);
    sources_->verticalHeader()->hide();
    sources_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    sources_->horizontalHeader()->setStretchLastSection(true);
    sources_->setMinimumHeight(160);
    makeCopyable(sources_);
    cl->addWidget(coverage_);
    cl->addWidget(sources_);
    grid->addWidget(coverageBox, 4, 0, 1, 2);

    auto *trainingBox = new QGroupBox(tr("Training state"), page);
    auto *tl = new QVBoxLayout(trainingBox);
    training_->setObjectName(QStringLiteral("dashboardTraining"));
    training_->setWordWrap(true);
    training_->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::LinksAccessibleByMouse);
    connect(training_, &QLabel::linkActivated, this, [this] { emit openTraining(); });
    tl->addWidget(training_);
    tl->addStretch(1);
    grid->addWidget(trainingBox, 4, 2);
    for (int c = 0; c < 3; ++c)
        grid->setColumnStretch(c, 1);

    auto *scroll = new QScrollArea(this);
    scroll->setWidget(page);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);
    present();
}

QString DashboardView::title() const
{
    return tr("Dashboard");
}

void DashboardView::setDatabase(Database *db)
{
    path_ = db ? db->path() : QString();
    refresh();
}

void DashboardView::refresh()
{
    if (path_.isEmpty()) {
        query_.abandon();
        data_ = DashboardData();
        present();
        setLoading(false);
        return;
    }
    setLoading(true);
    query_.run(path_, [](Database &db) { return readDashboard(db); }, [this](DashboardData &d) {
        data_ = std::move(d);
        present();
        setLoading(false);
    });
}

void DashboardView::present()
{
    const QLocale locale;
    const DashboardData &d = data_;
    QStringList todo;
    if (path_.isEmpty())
        todo << tr("No case database is open — File → New/Open case database…");
    else if (!d.error.isEmpty())
        todo << d.error;
    else if (d.signIns == 0)
        todo << tr("No sign-ins yet — File → Import… or drop exports on the window.");
    else if (d.models == 0 && d.anomalies() == 0)
        todo << tr("No anomalies yet. Run detection to fill the queue:  backsight-cli --db \"%1\" train  then  "
                   "backsight-cli --db \"%1\" detect  (then F5).").arg(path_);
    message_->setText(todo.join(QLatin1Char('\n')));
    message_->setVisible(!todo.isEmpty());

    for (int rank = 1; rank <= 4; ++rank)
        severityButtons_[size_t(rank)]->setText(QStringLiteral("%1 %2").arg(locale.toString(d.bySeverity[size_t(rank)]),
                                                                            severityLabel(rank)));
    const qint64 open = (d.byStatus.count(QStringLiteral("new")) ? d.byStatus.at(QStringLiteral("new")) : 0)
                        + (d.byStatus.count(QStringLiteral("investigating")) ? d.byStatus.at(QStringLiteral("investigating")) : 0);
    openButton_->setText(tr("%1 open").arg(locale.toString(open)));
    fillTop(topTables_[0], d.topUsers);
    fillTop(topTables_[1], d.topCountries);
    fillTop(topTables_[2], d.topApps);

    coverage_->setText(d.firstEventMs
                           ? tr("%1 sign-ins of %2 users, %3 – %4 UTC, from %5 source files:")
                                 .arg(locale.toString(d.signIns), locale.toString(d.users), utcText(*d.firstEventMs),
                                      utcText(*d.lastEventMs), locale.toString(qint64(d.sources.size())))
                           : tr("Nothing imported yet."));
    std::vector<QStringList> sourceRows; // thousands of hourly files: one model reset, no per-cell items
    sourceRows.reserve(d.sources.size());
    for (const auto &src : d.sources)
        sourceRows.push_back({src.path, src.sha256, src.reader, locale.toString(src.records)});
    sourcesModel_->setRows(std::move(sourceRows));

    QString training;
    if (d.models == 0 && d.baselines == 0)
        training = tr("No baselines or models yet. Train them with<br><tt>backsight-cli --db \"%1\" train</tt>").arg(path_.toHtmlEscaped());
    else
        training = tr("%1 active models for %2 subjects; last trained %3.<br>%4 users with a baseline, %5 still learning.<br>"
                      "Last detection run: %6.<br><a href=\"training\">Training state…</a>")
                       .arg(locale.toString(d.models), locale.toString(d.modelSubjects),
                            d.lastTrainedMs ? utcText(*d.lastTrainedMs) + QStringLiteral(" UTC") : tr("never"),
                            locale.toString(d.baselines), locale.toString(d.learningUsers),
                            d.lastDetectionMs ? utcText(*d.lastDetectionMs) + QStringLiteral(" UTC") : tr("never"));
    training_->setText(training);
    rebuildCharts();
    setSummary(tr("%1 anomalies, %2 open, %3 sign-ins").arg(locale.toString(d.anomalies()), locale.toString(open),
                                                             locale.toString(d.signIns)));
}

void DashboardView::fillTop(QTableWidget *table, const std::vector<DashboardData::Count> &rows)
{
    table->setRowCount(int(rows.size()));
    for (int r = 0; r < int(rows.size()); ++r) {
        table->setItem(r, 0, new QTableWidgetItem(rows[size_t(r)].name));
        auto *count = new QTableWidgetItem(QLocale().toString(rows[size_t(r)].count));
        count->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        table->setItem(r, 1, count);
    }
}

void DashboardView::rebuildCharts()
{
    // Days from the first to the last with data (at most the last 120, so bars stay readable).
    QStringList categories;
    std::vector<qint64> days;
    if (!data_.days.empty()) {
        const qint64 last = data_.days.rbegin()->first;
        const qint64 first = std::max(data_.days.begin()->first, last - 119);
        for (qint64 day = first; day <= last; ++day) {
            days.push_back(day);
            categories << dayLabel(day);
        }
    }
    auto *anomalies = new QChart;
    styleChart(anomalies, palette()); // before the series: a theme set later repaints them in its own colours
    anomalies->setTitle(tr("Anomalies per day by severity (UTC) — click a bar for that day"));
    auto *stacked = new QStackedBarSeries;
    for (int rank = 1; rank <= 4; ++rank) {
        auto *set = new QBarSet(severityLabel(rank));
        set->setColor(severityColor(rank, palette()));
        set->setBorderColor(Qt::transparent);
        for (qint64 day : days)
            *set << double(data_.days.count(day) ? data_.days.at(day).anomalies[size_t(rank)] : 0);
        connect(set, &QBarSet::clicked, this, [this, rank, days](int index) {
            if (index < 0 || index >= int(days.size()))
                return;
            TriageFilter filter;
            filter.severity = rank;
            filter.fromMs = days[size_t(index)] * kDayMs;
            filter.toMs = *filter.fromMs + kDayMs;
            emit openTriage(filter);
        });
        stacked->append(set);
    }
    stacked->setBarWidth(0.9);
    anomalies->addSeries(stacked);
    auto *axisX = new QBarCategoryAxis;
    axisX->append(categories);
    // Day labels under 90 narrow bars only collide: the axis names the first and last day instead.
    axisX->setLabelsVisible(false);
    if (!days.empty())
        anomalies->setTitle(tr("Anomalies per day by severity, %1 to %2 (UTC) — click a bar for that day")
                                .arg(dayLabel(days.front()), dayLabel(days.back())));
    anomalies->addAxis(axisX, Qt::AlignBottom);
    stacked->attachAxis(axisX);
    auto *axisY = new QValueAxis;
    axisY->setLabelFormat(QStringLiteral("%d"));
    anomalies->addAxis(axisY, Qt::AlignLeft);
    stacked->attachAxis(axisY);
    QChart *oldA = anomalyChart_->chart();
    anomalyChart_->setChart(anomalies);
    delete oldA;

    auto *signIns = new QChart;
    styleChart(signIns, palette());
    signIns->setTitle(tr("Sign-ins per day and failures (UTC)"));
    auto *total = new QLineSeries;
    total->setName(tr("Sign-ins"));
    auto *failures = new QLineSeries;
    failures->setName(tr("Failures"));
    failures->setColor(failureTextColor(palette()));
    qint64 maxY = 1;
    for (int i = 0; i < int(days.size()); ++i) {
        const auto it = data_.days.find(days[size_t(i)]);
        const qint64 n = it == data_.days.end() ? 0 : it->second.signIns;
        const qint64 f = it == data_.days.end() ? 0 : it->second.failures;
        total->append(i, double(n));
        failures->append(i, double(f));
        maxY = std::max(maxY, n);
    }
    signIns->addSeries(total);
    signIns->addSeries(failures);
    auto *x = new QValueAxis;
    x->setRange(0, std::max<double>(1, double(days.size()) - 1));
    x->setLabelFormat(QStringLiteral("%d"));
    x->setTitleText(days.empty() ? QString() : tr("days since %1").arg(dayLabel(days.front())));
    auto *y = new QValueAxis;
    y->setRange(0, double(maxY) * 1.05);
    y->setLabelFormat(QStringLiteral("%d"));
    signIns->addAxis(x, Qt::AlignBottom);
    signIns->addAxis(y, Qt::AlignLeft);
    for (QLineSeries *s : {total, failures}) {
        s->attachAxis(x);
        s->attachAxis(y);
    }
    QChart *oldS = signInChart_->chart();
    signInChart_->setChart(signIns);
    delete oldS;
}

void DashboardView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        rebuildCharts(); // light/dark switch: charts take their colours from the palette
    CaseView::changeEvent(event);
}

} // namespace backsight::ui
