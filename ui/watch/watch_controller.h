#pragma once

#include <QObject>
#include <QStringList>
#include <QThread>

class QSystemTrayIcon;

namespace backsight {
class FolderWatcher;
namespace detect {
struct Anomaly;
}
} // namespace backsight

namespace backsight::ui {

// The GUI's watch folders (File → Watch folder…): the folders are kept in the open case, and one FolderWatcher
// for all of them runs on its own thread with its own connection, so imports and detection never block the window.
// New high/critical anomalies become desktop notifications (QSystemTrayIcon) where the desktop has a tray, and a
// status-bar message in any case.
class WatchController : public QObject
{
    Q_OBJECT
public:
    explicit WatchController(QObject *parent = nullptr);
    ~WatchController() override;

    // The open case changed: stops watching the old case's folders and starts on this one's (empty: none).
    void setDatabase(const QString &path);
    const QStringList &folders() const { return folders_; }
    bool addFolder(const QString &folder, QString *error = nullptr);
    void removeFolder(const QString &folder);
    // How often the watcher looks (tests shorten it); applies from the next start.
    void setIntervalMs(int ms) { intervalMs_ = ms; }

signals:
    void foldersChanged(const QStringList &folders);
    // The watcher imported files or stored anomalies: views reload.
    void caseChanged();
    // For the status bar and the notification: a new anomaly at or above high.
    void alertRaised(const QString &title, const QString &text);
    void message(const QString &text);

private:
    void restart();
    void stopWatcher(bool blocking);
    void onAlert(const backsight::detect::Anomaly &anomaly);

    QString path_;
    QStringList folders_;
    int intervalMs_ = 5000;
    QThread thread_;
    FolderWatcher *watcher_ = nullptr;
    QSystemTrayIcon *tray_ = nullptr;
};

} // namespace backsight::ui
