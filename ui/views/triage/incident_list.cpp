#include "views/triage/incident_list.h"

#include "model/time_format.h"
#include "severity_style.h"
#include "store/incident_store.h"

#include <QAction>
#include <QHeaderView>
#include <QLocale>
#include <algorithm>

namespace backsight::ui {

IncidentList::IncidentList(QThreadPool &pool, QWidget *parent) : QTreeWidget(parent), query_(pool, this)
{
    setObjectName(QStringLiteral("triageIncidents"));
    setColumnCount(ColumnCount);
    setHeaderLabels({tr("Severity"), tr("Time (UTC)"), tr("Kinds"), tr("Identity ↔ backup incident")});
    setRootIsDecorated(true);
    setAlternatingRowColors(true);
    setUniformRowHeights(true);
    setSelectionMode(QAbstractItemView::SingleSelection);
    header()->setStretchLastSection(true);
    const QFontMetrics fm = fontMetrics();
    const auto chars = [&](int n) { return fm.horizontalAdvance(QString(n, QLatin1Char('n'))) + 24; };
    header()->resizeSection(Severity, chars(10));
    header()->resizeSection(TimeUtc, chars(17));
    header()->resizeSection(Kinds, chars(26));
    setVisible(false);

    auto *timeline = new QAction(tr("Show in &Timeline"), this);
    connect(timeline, &QAction::triggered, this, &IncidentList::showCurrentInTimeline);
    addAction(timeline);
    setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(this, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem *item) {
        if (item && !item->parent())
            showCurrentInTimeline();
    });
    connect(this, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (item && item->data(0, PartSourceRole).toString() == QLatin1String("anomalies"))
            emit anomalySelected(item->data(0, PartRefRole).toString());
    });
}

void IncidentList::setDatabasePath(const QString &path)
{
    path_ = path;
    query_.abandon();
    incidents_.clear();
    fill();
}

void IncidentList::reload()
{
    if (path_.isEmpty()) {
        query_.abandon();
        incidents_.clear();
        fill();
        return;
    }
    query_.run(path_, [](Database &db) {
        Loaded l;
        Result<std::vector<Incident>> incidents = store::readIncidents(db);
        if (incidents)
            l.incidents = std::move(*incidents);
        else
            l.error = incidents.error().message;
        return l;
    }, [this](Loaded &l) {
        incidents_ = std::move(l.incidents);
        fill();
        emit loaded();
    });
}

const Incident *IncidentList::currentIncident() const
{
    const QTreeWidgetItem *item = currentItem();
    if (!item)
        return nullptr;
    const QString id = item->data(0, IncidentIdRole).toString();
    for (const Incident &i : incidents_)
        if (i.id == id)
            return &i;
    return nullptr;
}

void IncidentList::showCurrentInTimeline()
{
    if (const Incident *i = currentIncident())
        emit openIncidentTimeline(i->id, i->firstMs, i->lastMs);
}

void IncidentList::fill()
{
    clear();
    const QLocale locale;
    for (const Incident &i : incidents_) {
        auto *top = new QTreeWidgetItem(this);
        top->setData(0, IncidentIdRole, i.id);
        top->setText(Severity, severityLabel(i.severityRank));
        top->setForeground(Severity, severityColor(i.severityRank, palette()));
        top->setText(TimeUtc, utcText(i.identityMs));
        top->setText(Kinds, tr("identity (%1) + backup (%2)")
                                .arg(i.count(QStringLiteral("identity")))
                                .arg(i.count(QStringLiteral("backup"))));
        top->setText(Summary, i.summary);
        top->setToolTip(Summary, i.summary);
        QFont bold = top->font(Severity);
        bold.setBold(true);
        top->setFont(Severity, bold);
        for (const IncidentPart &p : i.parts) {
            auto *part = new QTreeWidgetItem(top);
            part->setData(0, IncidentIdRole, i.id);
            part->setData(0, PartSourceRole, p.source);
            part->setData(0, PartRefRole, p.refId);
            const bool identity = p.role == QLatin1String("identity");
            part->setText(Severity, p.threatScore ? tr("%1 · threat %2").arg(severityLabel(p.severityRank)).arg(*p.threatScore)
                                                  : severityLabel(p.severityRank));
            part->setForeground(Severity, severityColor(p.severityRank, palette()));
            part->setText(TimeUtc, utcText(p.timeMs));
            part->setText(Kinds, (identity ? tr("identity: %1") : tr("backup: %1")).arg(p.kind));
            const QString after = identity && p.timeMs == i.identityMs
                                      ? QString()
                                      : tr(" (+%1 h)").arg(locale.toString(double(p.timeMs - i.identityMs) / 3'600'000.0, 'f', 1));
            part->setText(Summary, QStringLiteral("%1 — %2%3").arg(p.subject, p.summary, after));
            part->setToolTip(Summary, p.summary);
        }
    }
    setVisible(!incidents_.empty());
    if (topLevelItemCount() > 0)
        expandItem(topLevelItem(0));
    // As tall as its rows, up to about eight.
    const int rows = std::min(8, topLevelItemCount() + (topLevelItemCount() ? topLevelItem(0)->childCount() : 0));
    setMaximumHeight(header()->height() + (rows + 1) * (fontMetrics().height() + 8));
}

} // namespace backsight::ui
