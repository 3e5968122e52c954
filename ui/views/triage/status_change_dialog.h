#pragma once

#include <QDialog>

class QComboBox;
class QLineEdit;
class QPlainTextEdit;

namespace backsight::ui {

// What the analyst decided about the selected anomalies.
struct StatusChange
{
    QString status;   // "new", "investigating", "confirmed", "dismissed"
    QString note;     // added to every anomaly when not blank
    QStringList tags; // added to every anomaly
};

// Asks for the new status, a note and tags for `count` anomalies.
class StatusChangeDialog : public QDialog
{
    Q_OBJECT
public:
    StatusChangeDialog(int count, const QString &initialStatus, QWidget *parent = nullptr);
    StatusChange change() const;

private:
    QComboBox *status_;
    QPlainTextEdit *note_;
    QLineEdit *tags_;
};

} // namespace backsight::ui
