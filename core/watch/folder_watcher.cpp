#include "watch/folder_watcher.h"

#include "store/case_settings.h"

#include "detect/pipeline.h"
#include "detect/training.h"
#include "ingest/importer.h"
#include "store/database.h"
#include "store/watch_store.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QLocale>
#include <QTimer>

namespace backsight {
namespace {

constexpr int kMaxWatchedDirectories = 2000; // inotify watches are a shared resource; the timer covers the rest

// Names that download and copy tools give a file while it is still being written.
bool isPartial(const QFileInfo &file)
{
    const QString name = file.fileName();
    for (const char *suffix : {".part", ".partial", ".tmp", ".crdownload", ".download", "~"})
        if (name.endsWith(QLatin1String(suffix), Qt::CaseInsensitive))
            return true;
    return name.startsWith(QLatin1Char('.')) || name.startsWith(QLatin1String("~$"));
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

FolderWatcher::FolderWatcher(QString databasePath, WatchOptions options, QObject *parent)
    : QObject(parent), databasePath_(std::move(databasePath)), options_(std::move(options)),
      fsWatcher_(new QFileSystemWatcher(this)), timer_(new QTimer(this)), soon_(new QTimer(this))
{
    options_.intervalMs = std::max(50, options_.intervalMs);
    timer_->setInterval(options_.intervalMs);
    connect(timer_, &QTimer::timeout, this, &FolderWatcher::onTimer);
    // A change in a folder: look again once the burst of events is over, not on every event.
    soon_->setSingleShot(true);
    soon_->setInterval(std::min(1000, options_.intervalMs));
    connect(soon_, &QTimer::timeout, this, &FolderWatcher::onTimer);
    connect(fsWatcher_, &QFileSystemWatcher::directoryChanged, this, &FolderWatcher::lookSoon);
}

FolderWatcher::~FolderWatcher() = default;

Status FolderWatcher::start()
{
    for (QString &folder : options_.folders) {
        const QFileInfo info(folder);
        if (!info.isDir())
            return Error::badInput(QStringLiteral("%1 is not a folder").arg(QDir::toNativeSeparators(folder)));
        folder = info.absoluteFilePath();
    }
    if (options_.folders.isEmpty())
        return Error::badInput(QStringLiteral("no folder to watch"));
    db_ = std::make_unique<Database>();
    if (!db_->open(databasePath_)) {
        const QString error = db_->error();
        db_.reset();
        return Error::storage(error);
    }
    if (Status s = startAlerts(*db_, nowMs()); !s)
        return s;
    fsWatcher_->addPaths(options_.folders);
    const Result<WatchCycle> first = poll();
    if (!first)
        emit problem(first.error().message);
    timer_->start();
    return {};
}

void FolderWatcher::stop()
{
    timer_->stop();
    soon_->stop();
    if (!fsWatcher_->directories().isEmpty())
        fsWatcher_->removePaths(fsWatcher_->directories());
    db_.reset();
}

bool FolderWatcher::isRunning() const
{
    return db_ != nullptr;
}

void FolderWatcher::lookSoon()
{
    if (db_ && !soon_->isActive())
        soon_->start();
}

void FolderWatcher::onTimer()
{
    if (!db_)
        return;
    const Result<WatchCycle> cycle = poll();
    if (!cycle)
        emit problem(cycle.error().message);
}

Result<WatchCycle> FolderWatcher::poll()
{
    if (!db_)
        return Error::badInput(QStringLiteral("the watcher is not running"));
    const auto remembered = watchedFiles(*db_);
    if (!remembered)
        return remembered.error();
    WatchCycle cycle;
    const QStringList files = stableFiles(*remembered);
    if (!files.isEmpty()) {
        if (Status s = importFiles(files, cycle); !s)
            return s.error();
    }
    if (Status s = detectAndRaise(cycle); !s)
        return s.error();
    if (!cycle.imported.isEmpty() || cycle.anomaliesAdded > 0)
        emit caseChanged();
    return cycle;
}

// Files that are new or changed since the case last took them in and have kept their size and time since the
// previous look. Files that vanished are forgotten; folders that vanished are reported.
QStringList FolderWatcher::stableFiles(const QHash<QString, WatchedFile> &remembered)
{
    QStringList stable;
    QHash<QString, Seen> seenNow;
    for (const QString &folder : options_.folders) {
        if (!QFileInfo(folder).isDir()) {
            emit problem(QStringLiteral("the watched folder %1 is gone").arg(QDir::toNativeSeparators(folder)));
            continue;
        }
        QDirIterator it(folder, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QFileInfo file(it.next());
            if (file.isDir()) {
                if (!fsWatcher_->directories().contains(file.absoluteFilePath())
                    && fsWatcher_->directories().size() < kMaxWatchedDirectories)
                    fsWatcher_->addPath(file.absoluteFilePath());
                continue;
            }
            if (isPartial(file))
                continue;
            const QString path = file.absoluteFilePath();
            const Seen now{file.size(), file.lastModified().toMSecsSinceEpoch()};
            if (const auto known = remembered.constFind(path);
                known != remembered.constEnd() && known->sizeBytes == now.size && known->modifiedMs == now.modifiedMs)
                continue; // taken in (or refused) at exactly this size and time
            const auto before = pending_.constFind(path);
            if (before != pending_.constEnd() && before->size == now.size && before->modifiedMs == now.modifiedMs)
                stable << path;
            else
                seenNow.insert(path, now);
        }
    }
    pending_ = seenNow; // stable files leave the list: they are imported now
    stable.sort();
    return stable;
}

Status FolderWatcher::importFiles(const QStringList &files, WatchCycle &cycle)
{
    Importer importer(*db_);
    const ImportReport report = importer.run(files);
    if (!report.storageError.isEmpty())
        return Error::storage(report.storageError);
    for (const InputProblem &p : report.problems) {
        cycle.rejected << QStringLiteral("%1: %2").arg(p.path, p.message);
        const QFileInfo info(p.path);
        // Remembered as refused at this size, so it is not retried until it changes.
        if (Status s = rememberWatchedFile(*db_, {info.absoluteFilePath(), info.size(), info.lastModified().toMSecsSinceEpoch(),
                                                  nowMs(), 0, p.message});
            !s)
            return s;
    }
    cycle.eventsNew = report.totalInserted(); // archives report per entry; this counts them all
    QHash<QString, qint64> newEvents;
    QHash<QString, QString> errors;
    for (const SourceReport &s : report.sources) {
        newEvents[s.path] += s.inserted;
        if (!s.error.isEmpty())
            errors[s.path] = s.error;
    }
    for (const QString &path : files) {
        const QFileInfo info(path);
        if (!info.exists())
            continue; // deleted while it was read: nothing to remember
        const qint64 events = newEvents.value(path);
        const QString error = errors.value(path);
        if (error.isEmpty())
            cycle.imported << path;
        else
            cycle.rejected << QStringLiteral("%1: %2").arg(path, error);
        if (Status s = rememberWatchedFile(*db_, {path, info.size(), info.lastModified().toMSecsSinceEpoch(), nowMs(), events, error}); !s)
            return s;
    }
    const QLocale locale;
    if (!cycle.imported.isEmpty())
        emit activity(QStringLiteral("imported %1 files, %2 new events")
                          .arg(locale.toString(qint64(cycle.imported.size())), locale.toString(cycle.eventsNew)));
    for (const QString &r : std::as_const(cycle.rejected))
        emit activity(QStringLiteral("rejected %1").arg(r));
    return {};
}

Status FolderWatcher::detectAndRaise(WatchCycle &cycle)
{
    if (cycle.eventsNew > 0) {
        detect::DetectOptions options;
        options.params.windowDays = options_.windowDays;
        const Result<int> sensitivity = caseSensitivity(*db_);
        if (!sensitivity)
            return sensitivity.error();
        options.policy = options.policy.withSensitivity(*sensitivity);
        detect::addModelScorers(options);
        const Result<detect::DetectReport> detected = detect::runDetection(*db_, options);
        if (!detected)
            return detected.error();
        const detect::DetectReport &report = *detected;
        cycle.anomaliesAdded = report.anomaliesAdded;
        const QLocale locale;
        emit activity(QStringLiteral("detection examined %1 new sign-ins, %2 audit records and %3 backup sessions: %4 new anomalies")
                          .arg(locale.toString(report.signInsExamined), locale.toString(report.auditsExamined),
                               locale.toString(report.backupSessionsExamined), locale.toString(report.anomaliesAdded)));
    }
    const auto pending = pendingAlerts(*db_, options_.minSeverity);
    if (!pending)
        return pending.error();
    for (const detect::Anomaly &a : *pending) {
        // Recorded first: a crash after this loses one notification, never repeats one.
        if (Status s = markAlerted(*db_, a.id, nowMs()); !s)
            return s;
        cycle.alerts.push_back(a);
        emit alert(a);
    }
    return {};
}

} // namespace backsight
