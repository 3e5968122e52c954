#include "watch/watch_controller.h"

#include "detect/finding.h"
#include "store/database.h"
#include "store/watch_store.h"
#include "watch/folder_watcher.h"

#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QIcon>
#include <QSystemTrayIcon>

namespace backsight::ui {

WatchController::WatchController(QObject *parent) : QObject(parent)
{
    thread_.setObjectName(QStringLiteral("watch folders"));
    thread_.start();
}

WatchController::~WatchController()
{
    stopWatcher(true);
    thread_.quit();
    thread_.wait();
}

void WatchController::setDatabase(const QString &path)
{
    stopWatcher(false);
    path_ = path;
    folders_.clear();
    if (!path_.isEmpty()) {
        Database db; // a tiny table, read once when a case opens
        if (db.open(path_)) {
            const auto stored = watchedFolders(db);
            if (stored)
                folders_ = *stored;
            else
                emit message(stored.error().message);
        }
    }
    emit foldersChanged(folders_);
    restart();
}

bool WatchController::addFolder(const QString &folder, QString *error)
{
    const QString absolute = QFileInfo(folder).absoluteFilePath();
    QString why;
    if (path_.isEmpty())
        why = tr("Open or create a case database first (File → New/Open case database…).");
    else if (!QFileInfo(absolute).isDir())
        why = tr("%1 is not a folder.").arg(QDir::toNativeSeparators(absolute));
    else if (folders_.contains(absolute))
        why = tr("%1 is already watched.").arg(QDir::toNativeSeparators(absolute));
    Database db;
    if (why.isEmpty() && !db.open(path_))
        why = db.error();
    if (why.isEmpty()) {
        if (const Status s = addWatchedFolder(db, absolute, QDateTime::currentMSecsSinceEpoch()); !s)
            why = s.error().message;
    }
    if (!why.isEmpty()) {
        if (error)
            *error = why;
        return false;
    }
    folders_ << absolute;
    emit foldersChanged(folders_);
    emit message(tr("Watching %1: new or grown exports are imported and checked as they arrive.").arg(QDir::toNativeSeparators(absolute)));
    restart();
    return true;
}

void WatchController::removeFolder(const QString &folder)
{
    if (!folders_.removeOne(folder))
        return;
    Database db;
    if (db.open(path_)) {
        if (const Status s = removeWatchedFolder(db, folder); !s)
            emit message(s.error().message);
    }
    emit foldersChanged(folders_);
    restart();
}

void WatchController::restart()
{
    stopWatcher(false);
    if (path_.isEmpty() || folders_.isEmpty())
        return;
    WatchOptions options;
    options.folders = folders_;
    options.intervalMs = intervalMs_;
    watcher_ = new FolderWatcher(path_, options);
    watcher_->moveToThread(&thread_);
    connect(watcher_, &FolderWatcher::alert, this, &WatchController::onAlert);
    connect(watcher_, &FolderWatcher::caseChanged, this, &WatchController::caseChanged);
    connect(watcher_, &FolderWatcher::activity, this, [this](const QString &text) { emit message(tr("Watch: %1").arg(text)); });
    connect(watcher_, &FolderWatcher::problem, this, [this](const QString &text) { emit message(tr("Watch: %1").arg(text)); });
    FolderWatcher *w = watcher_;
    QMetaObject::invokeMethod(w, [w] {
        if (const Status s = w->start(); !s)
            emit w->problem(s.error().message);
    });
}

void WatchController::stopWatcher(bool blocking)
{
    if (!watcher_)
        return;
    FolderWatcher *w = watcher_;
    watcher_ = nullptr;
    if (blocking) { // shutting down: the thread stops next, so the watcher is deleted here once it is stopped
        QThread *home = thread();
        QMetaObject::invokeMethod(w, [w, home] {
            w->stop();
            w->moveToThread(home); // pushed back from its own thread, so it can be deleted here
        }, Qt::BlockingQueuedConnection);
        delete w;
        return;
    }
    QMetaObject::invokeMethod(w, [w] {
        w->stop();
        w->deleteLater();
    });
}

void WatchController::onAlert(const detect::Anomaly &a)
{
    const QString title = tr("Backsight: %1 anomaly").arg(detect::severityName(a.severity));
    const QString text = QStringLiteral("%1 — %2").arg(a.upn.isEmpty() ? a.subject : a.upn, a.summary);
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        if (!tray_) {
            tray_ = new QSystemTrayIcon(QIcon(QStringLiteral(":/backsight/icons/backsight.svg")), this);
            tray_->setToolTip(tr("Backsight is watching folders"));
            tray_->show();
        }
        tray_->showMessage(title, text, a.severity == detect::Severity::Critical ? QSystemTrayIcon::Critical
                                                                                 : QSystemTrayIcon::Warning);
    }
    emit alertRaised(title, text);
}

} // namespace backsight::ui
