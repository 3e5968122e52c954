#pragma once

#include "views/triage/triage_filter.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QTimer;
class QToolButton;

namespace backsight::ui {

// Severity, kind, status, user and free text, plus whatever a click-through added (time range, country,
// app), shown as one line with a button that clears it.
class TriageFilterBar : public QWidget
{
    Q_OBJECT
public:
    explicit TriageFilterBar(QWidget *parent = nullptr);

    const TriageFilter &filter() const { return filter_; }
    // Shows `filter` in the widgets without emitting filterChanged.
    void setFilter(const TriageFilter &filter);
    void setKinds(const QStringList &kinds);
    void focusText();

    QComboBox *severityBox() const { return severity_; }
    QComboBox *statusBox() const { return status_; }
    QComboBox *kindBox() const { return kind_; }
    QLineEdit *userEdit() const { return user_; }
    QLineEdit *textEdit() const { return text_; }
    QLineEdit *networkEdit() const { return network_; }

signals:
    void filterChanged(const backsight::ui::TriageFilter &filter);

private:
    void readWidgets();
    void showExtras();

    TriageFilter filter_;
    QComboBox *severity_;
    QComboBox *kind_;
    QComboBox *status_;
    QLineEdit *user_;
    QLineEdit *text_;
    QLineEdit *network_ = nullptr;
    QLabel *extras_;
    QToolButton *clearExtras_;
    QTimer *typing_;
};

} // namespace backsight::ui
