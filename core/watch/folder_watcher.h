#pragma once

#include "detect/finding.h"
#include "model/result.h"

#include <QHash>
#include <QObject>
#include <QStringList>
#include <memory>

class QFileSystemWatcher;
class QTimer;

namespace backsight {

class Database;
struct WatchedFile;

struct WatchOptions
{
    QStringList folders;
    int intervalMs = 5000;                                  // how often to look (and how long a size must hold)
    detect::Severity minSeverity = detect::Severity::High;  // what is raised as an alert
    int windowDays = 60;                                    // detection's baseline window
};

// What one look at the folders did.
struct WatchCycle
{
    QStringList imported;        // files taken in (new or grown)
    QStringList rejected;        // files the importer refused, with why, once per version of the file
    qint64 eventsNew = 0;
    qint64 anomaliesAdded = 0;
    std::vector<detect::Anomaly> alerts;
};

// Watches folders for new or grown export files (a Veeam restore drop) and takes them into the case: waits until
// a file's size and time hold for one interval (so files still being copied are left alone), imports it, runs
// detection on the new events only and raises every new anomaly at or above the alert severity once. What it took
// in and what it raised is stored in the case (store/watch_store.h), so a restart continues where it stopped.
// GUI-free: QFileSystemWatcher says when to look soon, a timer looks every interval in any case.
class FolderWatcher : public QObject
{
    Q_OBJECT
public:
    FolderWatcher(QString databasePath, WatchOptions options, QObject *parent = nullptr);
    ~FolderWatcher() override;

    // Opens the case on the calling thread, starts the alerts and looks once. The folders must exist.
    Status start();
    void stop();
    bool isRunning() const;
    const WatchOptions &options() const { return options_; }

    // One look: every stable new or grown file is imported, then detection runs and alerts are raised.
    // start() and the timer call it; tests may call it directly.
    Result<WatchCycle> poll();

signals:
    void alert(const backsight::detect::Anomaly &anomaly);
    // For people: "imported 3 files, 1,204 new events", "rejected x: not a log export".
    void activity(const QString &message);
    // Something failed (the database, a folder vanished); the watcher goes on looking.
    void problem(const QString &message);
    // After a look that imported something: views may refresh.
    void caseChanged();

private:
    struct Seen
    {
        qint64 size = -1, modifiedMs = -1;
    };
    QStringList stableFiles(const QHash<QString, WatchedFile> &remembered);
    Status importFiles(const QStringList &files, WatchCycle &cycle);
    Status detectAndRaise(WatchCycle &cycle);
    void lookSoon();
    void onTimer();

    QString databasePath_;
    WatchOptions options_;
    std::unique_ptr<Database> db_;
    QFileSystemWatcher *fsWatcher_;
    QTimer *timer_, *soon_;
    QHash<QString, Seen> pending_; // files seen changing, by path: their size and time at the last look
};

} // namespace backsight
