#pragma once

#include <QDialog>

class QComboBox;

namespace backsight::ui {

class AppSettings;

// Settings → Language…: the system's language (the default) or one Backsight ships. Stored in AppSettings
// (QSettings key ui/language); like most desktop programs, Backsight switches on its next start.
class LanguageDialog : public QDialog
{
    Q_OBJECT
public:
    // `current`: the language this run uses (empty = English), shown as what the system choice resolves to.
    LanguageDialog(AppSettings &settings, const QString &current, QWidget *parent = nullptr);

    // The code the analyst picked: "" = follow the system, "en", "de", "nl".
    QString chosenLanguage() const;
    void choose(const QString &code);

    // Stores the choice; true when it differs from what was stored.
    bool apply();

private:
    AppSettings &settings_;
    QComboBox *languages_;
};

} // namespace backsight::ui
