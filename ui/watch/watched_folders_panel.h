#pragma once

#include <QGroupBox>

class QListWidget;
class QPushButton;

namespace backsight::ui {

class WatchController;

// In the Import view: the folders this case watches, with buttons to add one and to stop watching the selected.
class WatchedFoldersPanel : public QGroupBox
{
    Q_OBJECT
public:
    WatchedFoldersPanel(WatchController &watches, QWidget *parent = nullptr);

    QListWidget *list() const { return list_; }

signals:
    void addRequested();

private:
    void show(const QStringList &folders);

    WatchController &watches_;
    QListWidget *list_;
    QPushButton *remove_;
};

} // namespace backsight::ui
