#include "views/triage/anomaly_detail_pane.h"

#include "cases/case_records.h"
#include "detect/evidence_text.h"
#include "json_text.h"
#include "severity_style.h"
#include "store/anomaly_queries.h"
#include "store/event_queries.h"
#include "store/sign_in_queries.h"
#include "model/time_format.h"
#include "widgets/table_copy.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace backsight::ui {
namespace {

constexpr qint64 kDayMs = 24 * 3600 * 1000;
constexpr int kMaxNearby = 500;

QString reasonsHtml(const QString &json)
{
    QString html;
    for (const QJsonValue &v : QJsonDocument::fromJson(json.toUtf8()).array()) {
        const QJsonObject r = v.toObject();
        html += QStringLiteral("<p><b>%1</b> — %2</p>")
                    .arg(r.value(QStringLiteral("detector")).toString().toHtmlEscaped(),
                         r.value(QStringLiteral("text")).toString().toHtmlEscaped());
        html += detect::evidenceHtml(detect::describeEvidence(r.value(QStringLiteral("detector")).toString(),
                                                              r.value(QStringLiteral("evidence")).toObject()));
    }
    return html;
}

} // namespace

AnomalyDetailPane::AnomalyDetailPane(QThreadPool &pool, QWidget *parent)
    : QWidget(parent), query_(pool, this), heading_(new QLabel(this)), userButton_(new QPushButton(tr("User"), this)),
      timelineButton_(new QPushButton(tr("Timeline at this moment"), this)),
      mapButton_(new QPushButton(tr("Map at this moment"), this)), tabs_(new QTabWidget(this)),
      reasons_(new QTextBrowser(tabs_)), original_(new QPlainTextEdit(tabs_)), nearby_(new QTableWidget(tabs_))
{
    heading_->setObjectName(QStringLiteral("anomalyHeading"));
    heading_->setTextFormat(Qt::PlainText);
    heading_->setWordWrap(true);
    QFont bold = heading_->font();
    bold.setBold(true);
    heading_->setFont(bold);
    reasons_->setObjectName(QStringLiteral("anomalyReasons"));
    reasons_->setOpenLinks(false);
    original_->setObjectName(QStringLiteral("anomalyOriginal"));
    original_->setReadOnly(true);
    original_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    original_->setLineWrapMode(QPlainTextEdit::NoWrap);
    nearby_->setObjectName(QStringLiteral("anomalyNearby"));
    nearby_->setColumnCount(5);
    nearby_->setHorizontalHeaderLabels({tr("Time (UTC)"), tr("IP address"), tr("Place"), tr("App"), tr("Result")});
    nearby_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    nearby_->setSelectionBehavior(QAbstractItemView::SelectRows);
    nearby_->verticalHeader()->hide();
    nearby_->horizontalHeader()->setStretchLastSection(true);
    makeCopyable(nearby_);
    tabs_->addTab(reasons_, tr("Reasons and case record"));
    tabs_->addTab(original_, tr("Original record"));
    tabs_->addTab(nearby_, tr("User's sign-ins ±24 h"));

    auto *links = new QHBoxLayout;
    links->addWidget(heading_, 1);
    links->addWidget(userButton_);
    links->addWidget(timelineButton_);
    links->addWidget(mapButton_);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(links);
    layout->addWidget(tabs_, 1);

    connect(userButton_, &QPushButton::clicked, this, [this] { emit openUser(upn_); });
    connect(timelineButton_, &QPushButton::clicked, this, [this] { emit openTimeline(upn_, timeMs_); });
    connect(mapButton_, &QPushButton::clicked, this, [this] { emit openMap(upn_, timeMs_); });
    clear();
}

void AnomalyDetailPane::clear()
{
    query_.abandon();
    anomalyId_.clear();
    upn_.clear();
    heading_->setText(tr("Select an anomaly to see why it was raised."));
    reasons_->clear();
    original_->clear();
    nearby_->setRowCount(0);
    for (QPushButton *b : {userButton_, timelineButton_, mapButton_})
        b->setEnabled(false);
}

void AnomalyDetailPane::showAnomaly(const QString &anomalyId)
{
    if (path_.isEmpty() || anomalyId.isEmpty())
        return clear();
    anomalyId_ = anomalyId;
    query_.run(path_, [anomalyId](Database &db) { return load(db, anomalyId); },
               [this](Detail &d) {
                   present(d);
                   emit loaded();
               });
}

AnomalyDetailPane::Detail AnomalyDetailPane::load(Database &db, const QString &anomalyId)
{
    Detail d;
    const Result<std::optional<AnomalyHeader>> header = AnomalyQueries(db).header(anomalyId);
    if (!header || !*header) {
        d.error = !header ? header.error().message : tr("anomaly %1 is no longer in the database").arg(anomalyId);
        return d;
    }
    const AnomalyHeader &h = **header;
    d.id = h.id;
    d.summary = h.summary;
    d.upn = h.upn;
    d.status = h.status;
    d.eventId = h.eventId;
    d.eventTable = h.eventTable;
    d.severity = h.severity;
    d.timeMs = h.timeMs;
    d.reasonsHtml = reasonsHtml(h.reasonsJson);

    if (const auto records = cases::readCaseRecords(db, {anomalyId}); records && records->count(anomalyId)) {
        const cases::CaseRecord &r = records->at(anomalyId);
        QString html = QStringLiteral("<h4>%1</h4><p>%2</p>").arg(tr("Case record"), tr("Status: %1").arg(statusLabel(r.status)));
        if (!r.statusBy.isEmpty() && r.statusAtMs)
            html += QStringLiteral("<p>%1</p>").arg(tr("set by %1 at %2 UTC").arg(r.statusBy.toHtmlEscaped(), utcText(*r.statusAtMs)));
        QStringList tags;
        for (const cases::Tag &t : r.tags)
            tags << t.tag.toHtmlEscaped();
        if (!tags.isEmpty())
            html += QStringLiteral("<p>%1</p>").arg(tr("Tags: %1").arg(tags.join(QStringLiteral(", "))));
        for (const cases::Note &n : r.notes)
            html += QStringLiteral("<p><i>%1, %2 UTC:</i> %3</p>")
                        .arg(n.author.toHtmlEscaped(), utcText(n.atMs), n.text.toHtmlEscaped());
        d.caseHtml = html;
    }
    if (!d.eventId.isEmpty()) {
        const Result<QByteArray> bytes = originalRecord(db, d.eventId);
        if (bytes)
            d.original = indentJson(*bytes);
        else
            d.original = bytes.error().message.isEmpty() ? tr("The original record of %1 is not stored.").arg(d.eventId)
                                                         : bytes.error().message;
    }
    if (!d.upn.isEmpty()) {
        const Result<std::vector<SignInBrief>> nearby =
            SignInQueries(db).ofUserBetween(d.upn, d.timeMs - kDayMs, d.timeMs + kDayMs, kMaxNearby);
        if (!nearby)
            d.original += QStringLiteral("\n\n") + nearby.error().message;
        else
            for (const SignInBrief &n : *nearby)
                d.nearby.push_back({n.ms, n.ip, QStringList{n.city, n.country}.join(QStringLiteral(", ")), n.app,
                                    n.errorCode == 0 ? tr("Success") : QStringLiteral("%1 · %2").arg(n.errorCode).arg(n.failureReason),
                                    n.id == d.eventId});
    }
    return d;
}

void AnomalyDetailPane::present(const Detail &d)
{
    if (!d.error.isEmpty()) {
        heading_->setText(d.error);
        return;
    }
    upn_ = d.upn;
    timeMs_ = d.timeMs;
    heading_->setText(QStringLiteral("%1 · %2 UTC · %3\n%4").arg(severityLabel(d.severity), utcText(d.timeMs),
                                                              d.upn.isEmpty() ? d.eventTable : d.upn, d.summary));
    reasons_->setHtml(d.reasonsHtml + d.caseHtml);
    original_->setPlainText(d.original);
    nearby_->setRowCount(int(d.nearby.size()));
    for (int r = 0; r < int(d.nearby.size()); ++r) {
        const auto &e = d.nearby[size_t(r)];
        const QStringList cells{utcText(e.ms), e.ip, e.place, e.app, e.result};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells[c]);
            if (e.primary) {
                QFont f = item->font();
                f.setBold(true);
                item->setFont(f);
            }
            nearby_->setItem(r, c, item);
        }
    }
    nearby_->resizeColumnsToContents();
    userButton_->setEnabled(!d.upn.isEmpty());
    userButton_->setText(d.upn.isEmpty() ? tr("User") : tr("User %1").arg(d.upn));
    timelineButton_->setEnabled(true);
    mapButton_->setEnabled(!d.upn.isEmpty());
}

QString AnomalyDetailPane::reasonsText() const
{
    return reasons_->toPlainText();
}

QString AnomalyDetailPane::originalRecordText() const
{
    return original_->toPlainText();
}

} // namespace backsight::ui
