#include "dialogs/language_dialog.h"

#include "app_settings.h"
#include "i18n/app_translations.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace backsight::ui {

LanguageDialog::LanguageDialog(AppSettings &settings, const QString &current, QWidget *parent)
    : QDialog(parent), settings_(settings), languages_(new QComboBox(this))
{
    setObjectName(QStringLiteral("languageDialog"));
    setWindowTitle(tr("Language"));
    languages_->setObjectName(QStringLiteral("languageChoice"));
    const QString system = i18n::pickLanguage(i18n::environmentLanguages());
    languages_->addItem(tr("System language (%1)").arg(i18n::nativeLanguageName(system)), QString());
    languages_->addItem(i18n::nativeLanguageName(QStringLiteral("en")), QStringLiteral("en"));
    for (const QString &code : i18n::availableLanguages())
        languages_->addItem(i18n::nativeLanguageName(code), code);
    choose(settings_.language());

    auto *form = new QFormLayout;
    form->addRow(tr("&Language:"), languages_);
    auto *note = new QLabel(tr("Backsight uses the new language the next time it starts. Now: %1.")
                                .arg(i18n::nativeLanguageName(current)),
                            this);
    note->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(buttons);
}

QString LanguageDialog::chosenLanguage() const
{
    return languages_->currentData().toString();
}

void LanguageDialog::choose(const QString &code)
{
    const int index = languages_->findData(code);
    languages_->setCurrentIndex(index < 0 ? 0 : index);
}

bool LanguageDialog::apply()
{
    const QString code = chosenLanguage();
    if (code == settings_.language())
        return false;
    settings_.setLanguage(code);
    return true;
}

} // namespace backsight::ui
