#include "views/signins/sign_in_filter_bar.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>

namespace backsight::ui {

SignInFilterBar::SignInFilterBar(QWidget *parent)
    : QWidget(parent), text_(new QLineEdit(this)), kind_(new QComboBox(this)), failuresOnly_(new QCheckBox(this))
{
    text_->setObjectName(QStringLiteral("signInFilterText"));
    text_->setPlaceholderText(tr("Filter by user, display name, IP address, app, city or country"));
    text_->setClearButtonEnabled(true);
    text_->setAcceptDrops(false); // dropped files go to the window, which imports them
    kind_->setObjectName(QStringLiteral("signInKind"));
    kind_->addItem(tr("All sign-ins"), int(SignInFilter::Kind::All));
    kind_->addItem(tr("Interactive"), int(SignInFilter::Kind::Interactive));
    kind_->addItem(tr("Non-interactive"), int(SignInFilter::Kind::NonInteractive));
    failuresOnly_->setObjectName(QStringLiteral("signInFailuresOnly"));
    failuresOnly_->setText(tr("Failures only"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(text_, 1);
    layout->addWidget(kind_);
    layout->addWidget(failuresOnly_);

    typingPause_.setSingleShot(true);
    typingPause_.setInterval(kTypingPauseMs);
    connect(&typingPause_, &QTimer::timeout, this, &SignInFilterBar::announce);
    connect(text_, &QLineEdit::textChanged, this, [this] { typingPause_.start(); });
    // Enter filters at once, without waiting for the pause.
    connect(text_, &QLineEdit::returnPressed, this, &SignInFilterBar::announce);
    connect(kind_, &QComboBox::currentIndexChanged, this, &SignInFilterBar::announce);
    connect(failuresOnly_, &QCheckBox::toggled, this, &SignInFilterBar::announce);
}

SignInFilter SignInFilterBar::filter() const
{
    SignInFilter f;
    f.text = text_->text().trimmed();
    f.kind = SignInFilter::Kind(kind_->currentData().toInt());
    f.failuresOnly = failuresOnly_->isChecked();
    return f;
}

void SignInFilterBar::focusText()
{
    text_->setFocus(Qt::ShortcutFocusReason);
    text_->selectAll();
}

void SignInFilterBar::announce()
{
    typingPause_.stop();
    emit filterChanged(filter());
}

} // namespace backsight::ui
