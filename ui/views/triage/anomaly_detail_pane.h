#pragma once

#include "background_query.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTableWidget;
class QTextBrowser;
class QThreadPool;

namespace backsight::ui {

// Everything about one anomaly: every reason with its evidence, notes, tags and status history, the
// original record of its primary event (pretty JSON), and the user's other sign-ins within ±24 hours.
// Loads on the pool; links lead to the user, the timeline and the map at that moment.
class AnomalyDetailPane : public QWidget
{
    Q_OBJECT
public:
    AnomalyDetailPane(QThreadPool &pool, QWidget *parent = nullptr);

    void setDatabasePath(const QString &path) { path_ = path; }
    void showAnomaly(const QString &anomalyId);
    void clear();

    QString shownAnomalyId() const { return anomalyId_; }
    bool isLoading() const { return query_.isRunning(); }
    QString reasonsText() const;
    QString originalRecordText() const;
    const QTableWidget *nearbyEvents() const { return nearby_; }

signals:
    void openUser(const QString &upn);
    void openTimeline(const QString &upn, qint64 timeMs);
    void openMap(const QString &upn, qint64 timeMs);
    void loaded();

private:
    struct Detail
    {
        QString id, summary, upn, status, eventId, eventTable;
        int severity = 0;
        qint64 timeMs = 0;
        QString reasonsHtml, caseHtml;
        QString original;
        struct Nearby { qint64 ms; QString ip, place, app, result; bool primary; };
        std::vector<Nearby> nearby;
        QString error;
    };
    static Detail load(Database &db, const QString &anomalyId);
    void present(const Detail &detail);

    BackgroundQuery<Detail> query_;
    QString path_;
    QString anomalyId_, upn_;
    qint64 timeMs_ = 0;
    QLabel *heading_;
    QPushButton *userButton_, *timelineButton_, *mapButton_;
    QTabWidget *tabs_;
    QTextBrowser *reasons_;
    QPlainTextEdit *original_;
    QTableWidget *nearby_;
};

} // namespace backsight::ui
