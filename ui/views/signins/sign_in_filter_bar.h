#pragma once

#include "views/signins/sign_ins_model.h"

#include <QTimer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLineEdit;

namespace backsight::ui {

// Free text, interactive/non-interactive and failures-only above the sign-ins table. Typing waits a
// moment before filtering so each keystroke does not re-run a query over a million rows.
class SignInFilterBar : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kTypingPauseMs = 250;

    explicit SignInFilterBar(QWidget *parent = nullptr);

    SignInFilter filter() const;
    void focusText();

signals:
    void filterChanged(const backsight::ui::SignInFilter &filter);

private:
    void announce();

    QLineEdit *text_;
    QComboBox *kind_;
    QCheckBox *failuresOnly_;
    QTimer typingPause_;
};

} // namespace backsight::ui
