#include "dialogs/server_case_dialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QUrl>
#include <QVBoxLayout>

namespace backsight::ui {

QString serverCaseUrl(const ServerCaseAddress &address)
{
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    url.setUserName(address.user.trimmed());
    url.setHost(address.host.trimmed());
    url.setPort(address.port);
    // In DecodedMode every character is data: a '/', '?', '#' or '%' in a database name stays part of the
    // name.
    url.setPath(QLatin1Char('/') + address.database.trimmed(), QUrl::DecodedMode);
    // setHost() leaves the host empty when it cannot be one.
    return url.isValid() && !url.host().isEmpty() ? url.toString(QUrl::FullyEncoded) : QString();
}

ServerCaseDialog::ServerCaseDialog(QWidget *parent)
    : QDialog(parent), host_(new QLineEdit(this)), port_(new QSpinBox(this)), database_(new QLineEdit(this)),
      user_(new QLineEdit(this)), password_(new QLineEdit(this))
{
    setObjectName(QStringLiteral("serverCaseDialog"));
    setWindowTitle(tr("Open case on server"));
    host_->setObjectName(QStringLiteral("serverHost"));
    port_->setObjectName(QStringLiteral("serverPort"));
    port_->setRange(1, 65535);
    port_->setValue(5432);
    database_->setObjectName(QStringLiteral("serverDatabase"));
    user_->setObjectName(QStringLiteral("serverUser"));
    password_->setObjectName(QStringLiteral("serverPassword"));
    password_->setEchoMode(QLineEdit::Password);
    // Room for a fully qualified host name without scrolling.
    host_->setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('n')) * 32);

    auto *form = new QFormLayout;
    form->addRow(tr("&Host:"), host_);
    form->addRow(tr("&Port:"), port_);
    form->addRow(tr("&Database:"), database_);
    form->addRow(tr("&User:"), user_);
    form->addRow(tr("Pass&word:"), password_);
    auto *note =
        new QLabel(tr("Leave the password empty to use ~/.pgpass (or the file $PGPASSFILE names). A password "
                      "typed here is used for this session only and is never saved."),
                   this);
    note->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    ok_ = buttons->button(QDialogButtonBox::Ok);
    ok_->setText(tr("&Open"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit *edit : {host_, database_, user_})
        connect(edit, &QLineEdit::textChanged, this, &ServerCaseDialog::updateOk);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(buttons);
    updateOk();
}

ServerCaseAddress ServerCaseDialog::address() const
{
    return {host_->text().trimmed(), port_->value(), database_->text().trimmed(), user_->text().trimmed()};
}

void ServerCaseDialog::setAddress(const ServerCaseAddress &address)
{
    host_->setText(address.host);
    port_->setValue(address.port);
    database_->setText(address.database);
    user_->setText(address.user);
}

QString ServerCaseDialog::password() const
{
    return password_->text();
}

void ServerCaseDialog::clearPassword()
{
    password_->clear();
}

// A case needs all three; the port always has a value.
void ServerCaseDialog::updateOk()
{
    const ServerCaseAddress a = address();
    ok_->setEnabled(!a.host.isEmpty() && !a.database.isEmpty() && !a.user.isEmpty());
}

} // namespace backsight::ui
