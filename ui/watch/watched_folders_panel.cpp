#include "watch/watched_folders_panel.h"

#include "watch/watch_controller.h"

#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace backsight::ui {

WatchedFoldersPanel::WatchedFoldersPanel(WatchController &watches, QWidget *parent)
    : QGroupBox(tr("Watched folders"), parent), watches_(watches), list_(new QListWidget(this)),
      remove_(new QPushButton(tr("Stop watching"), this))
{
    setObjectName(QStringLiteral("watchedFolders"));
    auto *hint = new QLabel(tr("New or grown exports dropped here are imported once their size holds, checked for "
                               "anomalies, and new high or critical ones are notified."), this);
    hint->setWordWrap(true);
    list_->setObjectName(QStringLiteral("watchedFolderList"));
    list_->setMaximumHeight(list_->fontMetrics().height() * 6);
    auto *add = new QPushButton(tr("Watch folder…"), this);
    remove_->setEnabled(false);
    connect(add, &QPushButton::clicked, this, &WatchedFoldersPanel::addRequested);
    connect(remove_, &QPushButton::clicked, this, [this] {
        if (QListWidgetItem *item = list_->currentItem())
            watches_.removeFolder(item->data(Qt::UserRole).toString());
    });
    connect(list_, &QListWidget::currentRowChanged, this, [this](int row) { remove_->setEnabled(row >= 0); });
    connect(&watches_, &WatchController::foldersChanged, this, &WatchedFoldersPanel::show);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove_);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(hint);
    layout->addWidget(list_);
    layout->addLayout(buttons);
    show(watches_.folders());
}

void WatchedFoldersPanel::show(const QStringList &folders)
{
    list_->clear();
    for (const QString &folder : folders) {
        auto *item = new QListWidgetItem(QDir::toNativeSeparators(folder), list_);
        item->setData(Qt::UserRole, folder);
    }
    if (folders.isEmpty())
        list_->addItem(tr("None — File → Watch folder… or the button below"));
    list_->setEnabled(!folders.isEmpty());
    remove_->setEnabled(false);
}

} // namespace backsight::ui
