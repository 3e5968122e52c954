#include "views/triage/triage_filter_bar.h"

#include "severity_style.h"
#include "model/time_format.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QTimer>
#include <QToolButton>

namespace backsight::ui {

TriageFilterBar::TriageFilterBar(QWidget *parent)
    : QWidget(parent), severity_(new QComboBox(this)), kind_(new QComboBox(this)), status_(new QComboBox(this)),
      user_(new QLineEdit(this)), text_(new QLineEdit(this)), extras_(new QLabel(this)),
      clearExtras_(new QToolButton(this)), typing_(new QTimer(this))
{
    severity_->setObjectName(QStringLiteral("triageSeverity"));
    severity_->addItem(tr("All severities"), 0);
    for (int rank = 1; rank <= 4; ++rank)
        severity_->addItem(severityIcon(rank, palette()), rank == 4 ? severityLabel(4) : tr("%1 and above").arg(severityLabel(rank)), rank);
    kind_->setObjectName(QStringLiteral("triageKind"));
    kind_->addItem(tr("All kinds"), QString());
    kind_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    status_->setObjectName(QStringLiteral("triageStatus"));
    status_->addItem(tr("All statuses"), QStringList());
    status_->addItem(tr("Open (new, investigating)"), QStringList{QStringLiteral("new"), QStringLiteral("investigating")});
    for (const char *s : {"new", "investigating", "confirmed", "dismissed"})
        status_->addItem(statusLabel(QString::fromLatin1(s)), QStringList{QString::fromLatin1(s)});
    user_->setObjectName(QStringLiteral("triageUser"));
    user_->setPlaceholderText(tr("User (UPN)"));
    user_->setClearButtonEnabled(true);
    text_->setObjectName(QStringLiteral("triageText"));
    text_->setPlaceholderText(tr("Search reasons, users, kinds…"));
    text_->setClearButtonEnabled(true);
    network_ = new QLineEdit(this);
    network_->setObjectName(QStringLiteral("triageNetwork"));
    network_->setPlaceholderText(tr("Network (AS number or organisation)"));
    network_->setClearButtonEnabled(true);
    extras_->setObjectName(QStringLiteral("triageExtras"));
    extras_->setTextFormat(Qt::PlainText);
    clearExtras_->setText(tr("Clear"));
    clearExtras_->setToolTip(tr("Remove the time range, country and app that a click-through added"));
    typing_->setSingleShot(true);
    typing_->setInterval(250);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(severity_);
    layout->addWidget(kind_);
    layout->addWidget(status_);
    layout->addWidget(user_, 1);
    layout->addWidget(network_, 1);
    layout->addWidget(text_, 2);
    layout->addWidget(extras_);
    layout->addWidget(clearExtras_);

    for (QComboBox *box : {severity_, kind_, status_})
        connect(box, &QComboBox::activated, this, &TriageFilterBar::readWidgets);
    connect(user_, &QLineEdit::textEdited, typing_, qOverload<>(&QTimer::start));
    connect(text_, &QLineEdit::textEdited, typing_, qOverload<>(&QTimer::start));
    connect(network_, &QLineEdit::textEdited, typing_, qOverload<>(&QTimer::start));
    connect(network_, &QLineEdit::returnPressed, this, &TriageFilterBar::readWidgets);
    connect(user_, &QLineEdit::returnPressed, this, &TriageFilterBar::readWidgets);
    connect(text_, &QLineEdit::returnPressed, this, &TriageFilterBar::readWidgets);
    connect(typing_, &QTimer::timeout, this, &TriageFilterBar::readWidgets);
    connect(clearExtras_, &QToolButton::clicked, this, [this] {
        filter_.fromMs.reset();
        filter_.toMs.reset();
        filter_.country.clear();
        filter_.app.clear();
        filter_.severity.reset();
        showExtras();
        emit filterChanged(filter_);
    });
    showExtras();
}

void TriageFilterBar::readWidgets()
{
    typing_->stop();
    TriageFilter f = filter_;
    f.minSeverity = severity_->currentData().toInt();
    if (f.minSeverity != 0)
        f.severity.reset();
    f.kind = kind_->currentData().toString();
    f.statuses = status_->currentData().toStringList();
    f.user = user_->text().trimmed().toLower();
    f.text = text_->text();
    f.network = network_->text().trimmed();
    if (f == filter_)
        return;
    filter_ = f;
    showExtras();
    emit filterChanged(filter_);
}

void TriageFilterBar::setFilter(const TriageFilter &filter)
{
    filter_ = filter;
    severity_->setCurrentIndex(std::max(0, severity_->findData(filter.minSeverity)));
    if (!filter.kind.isEmpty() && kind_->findData(filter.kind) < 0)
        kind_->addItem(filter.kind, filter.kind);
    kind_->setCurrentIndex(std::max(0, kind_->findData(filter.kind)));
    int status = 0;
    for (int i = 0; i < status_->count(); ++i) {
        if (status_->itemData(i).toStringList() == filter.statuses)
            status = i;
    }
    status_->setCurrentIndex(status);
    user_->setText(filter.user);
    text_->setText(filter.text);
    network_->setText(filter.network);
    showExtras();
}

void TriageFilterBar::setKinds(const QStringList &kinds)
{
    const QString current = kind_->currentData().toString();
    kind_->clear();
    kind_->addItem(tr("All kinds"), QString());
    for (const QString &k : kinds)
        kind_->addItem(k, k);
    kind_->setCurrentIndex(std::max(0, kind_->findData(current)));
}

void TriageFilterBar::focusText()
{
    text_->setFocus();
    text_->selectAll();
}

void TriageFilterBar::showExtras()
{
    QStringList parts;
    if (filter_.severity)
        parts << tr("only %1").arg(severityLabel(*filter_.severity));
    if (filter_.fromMs || filter_.toMs)
        parts << QStringLiteral("%1 – %2 UTC").arg(filter_.fromMs ? utcText(*filter_.fromMs) : QStringLiteral("…"),
                                                  filter_.toMs ? utcText(*filter_.toMs) : QStringLiteral("…"));
    if (!filter_.country.isEmpty())
        parts << tr("country %1").arg(filter_.country);
    if (!filter_.app.isEmpty())
        parts << tr("app %1").arg(filter_.app);
    extras_->setText(parts.join(QStringLiteral(" · ")));
    extras_->setVisible(!parts.isEmpty());
    clearExtras_->setVisible(!parts.isEmpty());
}

} // namespace backsight::ui
