#include "views/signins/sign_in_detail_pane.h"

#include "enrich/asn_table.h"
#include "store/database.h"
#include "json_text.h"
#include "store/event_queries.h"
#include "store/sign_in_queries.h"
#include "model/time_format.h"
#include "widgets/table_copy.h"

#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QSqlRecord>
#include <QTableWidget>
#include <QVBoxLayout>

namespace backsight::ui {
namespace {

// Readable names for the stored columns; a column added by a later migration shows its own name.
QString fieldLabel(const QString &column)
{
    static const QHash<QString, const char *> labels = {
        {QStringLiteral("id"), QT_TRANSLATE_NOOP("SignInDetailPane", "Event ID")},
        {QStringLiteral("created_ms"), QT_TRANSLATE_NOOP("SignInDetailPane", "Time (UTC)")},
        {QStringLiteral("user_id"), QT_TRANSLATE_NOOP("SignInDetailPane", "User ID")},
        {QStringLiteral("upn"), QT_TRANSLATE_NOOP("SignInDetailPane", "User (UPN)")},
        {QStringLiteral("display_name"), QT_TRANSLATE_NOOP("SignInDetailPane", "Display name")},
        {QStringLiteral("user_type"), QT_TRANSLATE_NOOP("SignInDetailPane", "User type")},
        {QStringLiteral("app_id"), QT_TRANSLATE_NOOP("SignInDetailPane", "App ID")},
        {QStringLiteral("app_name"), QT_TRANSLATE_NOOP("SignInDetailPane", "App")},
        {QStringLiteral("resource"), QT_TRANSLATE_NOOP("SignInDetailPane", "Resource")},
        {QStringLiteral("resource_id"), QT_TRANSLATE_NOOP("SignInDetailPane", "Resource ID")},
        {QStringLiteral("client_app"), QT_TRANSLATE_NOOP("SignInDetailPane", "Client app")},
        {QStringLiteral("auth_requirement"), QT_TRANSLATE_NOOP("SignInDetailPane", "Authentication requirement")},
        {QStringLiteral("auth_protocol"), QT_TRANSLATE_NOOP("SignInDetailPane", "Authentication protocol")},
        {QStringLiteral("ip"), QT_TRANSLATE_NOOP("SignInDetailPane", "IP address")},
        {QStringLiteral("city"), QT_TRANSLATE_NOOP("SignInDetailPane", "City")},
        {QStringLiteral("state"), QT_TRANSLATE_NOOP("SignInDetailPane", "State")},
        {QStringLiteral("country"), QT_TRANSLATE_NOOP("SignInDetailPane", "Country")},
        {QStringLiteral("latitude"), QT_TRANSLATE_NOOP("SignInDetailPane", "Latitude")},
        {QStringLiteral("longitude"), QT_TRANSLATE_NOOP("SignInDetailPane", "Longitude")},
        {QStringLiteral("asn"), QT_TRANSLATE_NOOP("SignInDetailPane", "Autonomous system (ASN)")},
        {QStringLiteral("as_org"), QT_TRANSLATE_NOOP("SignInDetailPane", "AS organisation")},
        {QStringLiteral("os"), QT_TRANSLATE_NOOP("SignInDetailPane", "Operating system")},
        {QStringLiteral("browser"), QT_TRANSLATE_NOOP("SignInDetailPane", "Browser")},
        {QStringLiteral("device_id"), QT_TRANSLATE_NOOP("SignInDetailPane", "Device ID")},
        {QStringLiteral("device_name"), QT_TRANSLATE_NOOP("SignInDetailPane", "Device name")},
        {QStringLiteral("compliant"), QT_TRANSLATE_NOOP("SignInDetailPane", "Compliant device")},
        {QStringLiteral("managed"), QT_TRANSLATE_NOOP("SignInDetailPane", "Managed device")},
        {QStringLiteral("trust_type"), QT_TRANSLATE_NOOP("SignInDetailPane", "Device join type")},
        {QStringLiteral("error_code"), QT_TRANSLATE_NOOP("SignInDetailPane", "Error code")},
        {QStringLiteral("failure_reason"), QT_TRANSLATE_NOOP("SignInDetailPane", "Failure reason")},
        {QStringLiteral("ca_status"), QT_TRANSLATE_NOOP("SignInDetailPane", "Conditional Access")},
        {QStringLiteral("risk_level"), QT_TRANSLATE_NOOP("SignInDetailPane", "Risk level")},
        {QStringLiteral("risk_state"), QT_TRANSLATE_NOOP("SignInDetailPane", "Risk state")},
        {QStringLiteral("mfa_method"), QT_TRANSLATE_NOOP("SignInDetailPane", "MFA method")},
        {QStringLiteral("mfa_result"), QT_TRANSLATE_NOOP("SignInDetailPane", "MFA result")},
        {QStringLiteral("user_agent"), QT_TRANSLATE_NOOP("SignInDetailPane", "User agent")},
        {QStringLiteral("correlation_id"), QT_TRANSLATE_NOOP("SignInDetailPane", "Correlation ID")},
        {QStringLiteral("session_id"), QT_TRANSLATE_NOOP("SignInDetailPane", "Session ID")},
        {QStringLiteral("interactive"), QT_TRANSLATE_NOOP("SignInDetailPane", "Interactive")},
        {QStringLiteral("event_type"), QT_TRANSLATE_NOOP("SignInDetailPane", "Sign-in log")},
        {QStringLiteral("service_principal_id"), QT_TRANSLATE_NOOP("SignInDetailPane", "Service principal ID")},
        {QStringLiteral("service_principal_name"), QT_TRANSLATE_NOOP("SignInDetailPane", "Service principal")},
    };
    const auto it = labels.constFind(column);
    return it == labels.constEnd() ? column : SignInDetailPane::tr(it.value());
}

bool isYesNo(const QString &column)
{
    return column == QLatin1String("compliant") || column == QLatin1String("managed")
           || column == QLatin1String("interactive");
}

} // namespace

SignInDetailPane::SignInDetailPane(QWidget *parent)
    : QWidget(parent), heading_(new QLabel(this)), splitter_(new QSplitter(Qt::Horizontal, this)),
      fields_(new QTableWidget(0, 2, splitter_)), originalHeading_(new QLabel(this)),
      original_(new QPlainTextEdit(this))
{
    fields_->setObjectName(QStringLiteral("signInFields"));
    fields_->setHorizontalHeaderLabels({tr("Field"), tr("Value")});
    fields_->verticalHeader()->hide();
    fields_->horizontalHeader()->setStretchLastSection(true);
    fields_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    fields_->setWordWrap(false);
    fields_->verticalHeader()->setDefaultSectionSize(fields_->fontMetrics().height() + 6);
    makeCopyable(fields_);

    original_->setObjectName(QStringLiteral("signInOriginalRecord"));
    original_->setReadOnly(true);
    original_->setAcceptDrops(false); // dropped files go to the window, which imports them
    original_->setLineWrapMode(QPlainTextEdit::NoWrap);
    original_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto *originalBox = new QWidget(splitter_);
    auto *originalLayout = new QVBoxLayout(originalBox);
    originalLayout->setContentsMargins(0, 0, 0, 0);
    originalLayout->addWidget(originalHeading_);
    originalLayout->addWidget(original_);
    splitter_->addWidget(fields_);
    splitter_->addWidget(originalBox);
    splitter_->setStretchFactor(0, 1);
    splitter_->setStretchFactor(1, 1);

    // Plain text: the heading shows log-derived strings, which must never be read as markup.
    heading_->setTextFormat(Qt::PlainText);
    heading_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont headingFont = heading_->font();
    headingFont.setBold(true);
    heading_->setFont(headingFont);
    originalHeading_->setTextFormat(Qt::PlainText);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(heading_);
    layout->addWidget(splitter_, 1);
    clear();
}

void SignInDetailPane::clear()
{
    eventId_.clear();
    heading_->setText(tr("Select a sign-in to see every field and the original record."));
    fields_->setRowCount(0);
    originalHeading_->setText(tr("Original record"));
    original_->clear();
}

QString SignInDetailPane::originalRecordText() const
{
    return original_->toPlainText();
}

void SignInDetailPane::showSignIn(Database &db, const QString &eventId)
{
    clear();
    eventId_ = eventId;
    const Result<std::optional<QSqlRecord>> found = SignInQueries(db).record(eventId);
    if (!found || !*found) {
        heading_->setText(!found ? found.error().message : tr("Sign-in %1 is no longer in the database.").arg(eventId));
        return;
    }
    const QSqlRecord &record = **found;
    const qint64 ms = record.value(QStringLiteral("created_ms")).toLongLong();
    heading_->setText(tr("%1 · %2 UTC · %3")
                          .arg(record.value(QStringLiteral("upn")).toString(), utcText(ms),
                               record.value(QStringLiteral("app_name")).toString()));
    for (int i = 0; i < record.count(); ++i) {
        const QString column = record.fieldName(i);
        const QVariant value = record.value(i);
        if (column == QLatin1String("source_id") || column == QLatin1String("record_index"))
            continue; // shown below as the file and record number
        if (column == QLatin1String("created_ms")) {
            addField(fieldLabel(column), utcTextWithMillis(ms));
            addField(tr("Time (local)"), localText(ms));
        } else if (isYesNo(column) && !value.isNull()) {
            addField(fieldLabel(column), value.toInt() != 0 ? tr("Yes") : tr("No"));
        } else {
            addField(fieldLabel(column), value.toString());
        }
        if (column == QLatin1String("ip") && !value.toString().isEmpty())
            addNetwork(record, value.toString());
    }
    showSource(db, record.value(QStringLiteral("source_id")).toLongLong(),
               record.value(QStringLiteral("record_index")).toLongLong());
    fields_->resizeColumnToContents(0);
    showOriginal(db, eventId);
}

void SignInDetailPane::addNetwork(const QSqlRecord &record, const QString &ip)
{
    // Stored at import (signins.asn, as_org); sign-ins imported before that are looked up in the offline table now.
    std::optional<enrich::Network> network;
    if (const quint32 asn = record.value(QStringLiteral("asn")).toUInt())
        network = enrich::Network{asn, record.value(QStringLiteral("as_org")).toString(), enrich::AsnTable::kindOf(asn)};
    else if (const enrich::AsnTable *asns = enrich::AsnTable::builtIn())
        network = asns->lookup(ip);
    if (!network)
        return;
    addField(tr("Network"), network->label());
    addField(tr("Hosting / VPN network"), network->kind == enrich::NetworkKind::Hosting ? tr("Yes: cloud / hosting provider")
                                          : network->kind == enrich::NetworkKind::Vpn   ? tr("Yes: commercial VPN")
                                                                                        : tr("No (not on the curated list)"));
}

void SignInDetailPane::addField(const QString &name, const QString &value)
{
    const int row = fields_->rowCount();
    fields_->insertRow(row);
    fields_->setItem(row, 0, new QTableWidgetItem(name));
    auto *item = new QTableWidgetItem(value);
    item->setToolTip(value);
    fields_->setItem(row, 1, item);
}

void SignInDetailPane::showSource(Database &db, qint64 sourceId, qint64 recordIndex)
{
    const Result<std::optional<SourceFile>> source = SignInQueries(db).source(sourceId);
    if (!source || !*source) {
        addField(tr("Source file"), !source ? source.error().message : tr("unknown (source %1)").arg(sourceId));
        return;
    }
    addField(tr("Source file"), (*source)->path);
    addField(tr("Record in file"), QString::number(recordIndex + 1));
    addField(tr("Source SHA-256"), (*source)->sha256);
    addField(tr("Read as"), (*source)->reader);
}

void SignInDetailPane::showOriginal(Database &db, const QString &eventId)
{
    const Result<QByteArray> raw = originalRecord(db, eventId);
    if (!raw) {
        originalHeading_->setText(tr("Original record: %1").arg(raw.error().message));
        return;
    }
    original_->setPlainText(indentJson(*raw));
    originalHeading_->setText(tr("Original record (%n bytes as read)", nullptr, int(raw->size())));
}

} // namespace backsight::ui
