#pragma once

#include <QObject>
#include <QStringList>

class QTimer;

namespace backsight::ui {

class CaseView;
class MainWindow;

// Photographs every view of the window into DIR/<view>.png ("dashboard.png", "triage.png", …): shows a
// view, waits until its background reads have arrived, then grabs the window. The triage shot has an
// anomaly selected; the map shows the user of the most severe anomaly at its moment, the timeline the tenant.
class ViewScreenshots : public QObject
{
    Q_OBJECT
public:
    static constexpr int kWidth = 1600, kHeight = 1000;
    ViewScreenshots(MainWindow &window, QString folder, QObject *parent = nullptr);

    void start();
    static QString fileName(const CaseView *view); // "travel-map.png"

signals:
    void finished(bool ok, const QString &error, const QStringList &files);
    // After each view: how many of how many are written, and the latest file.
    void progress(int done, int total, const QString &file);

private:
    void next();
    void prepare(CaseView *view);
    void waitUntilLoaded();
    void shoot();

    MainWindow &window_;
    QString folder_;
    QList<CaseView *> pending_;
    CaseView *current_ = nullptr;
    QTimer *poll_;
    int waitedMs_ = 0;
    QStringList files_;
    int total_ = 0;
    bool signInPicked_ = false;
};

} // namespace backsight::ui
