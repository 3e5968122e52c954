#include "views/triage/status_change_dialog.h"

#include "severity_style.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPlainTextEdit>

namespace backsight::ui {

StatusChangeDialog::StatusChangeDialog(int count, const QString &initialStatus, QWidget *parent)
    : QDialog(parent), status_(new QComboBox(this)), note_(new QPlainTextEdit(this)), tags_(new QLineEdit(this))
{
    setWindowTitle(count == 1 ? tr("Change the status of 1 anomaly") : tr("Change the status of %1 anomalies").arg(count));
    for (const char *s : {"new", "investigating", "confirmed", "dismissed"})
        status_->addItem(statusLabel(QString::fromLatin1(s)), QString::fromLatin1(s));
    status_->setCurrentIndex(std::max(0, status_->findData(initialStatus)));
    note_->setPlaceholderText(tr("Why (kept in the case record and the audit log)"));
    tags_->setPlaceholderText(tr("phishing, vip (comma-separated)"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto *form = new QFormLayout(this);
    form->addRow(tr("Status"), status_);
    form->addRow(tr("Note"), note_);
    form->addRow(tr("Tags"), tags_);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

StatusChange StatusChangeDialog::change() const
{
    StatusChange c{status_->currentData().toString(), note_->toPlainText().trimmed(), {}};
    for (const QString &tag : tags_->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!tag.trimmed().isEmpty())
            c.tags << tag.trimmed().toLower();
    }
    return c;
}

} // namespace backsight::ui
