#pragma once

#include "model/result.h"

#include <QObject>
#include <QPointer>
#include <QSqlDriver>
#include <QString>
#include <optional>

namespace backsight {

class Database;

// What a committed case edit (triage status, note, tag, audit entry) tells everyone else on a shared
// PostgreSQL case: `NOTIFY backsight_case` with this as its payload, sent inside the edit's transaction (so
// only on commit).
struct CaseChangeNotice
{
    QString action;    // the audit action: "status", "note", "tag", "untag", or an appended entry's action
    int anomalies = 0; // how many anomalies it touched (0 for an audit entry about no anomaly)
    QString origin;    // the Backsight process that made the edit (thisProcessOrigin())
};

// The channel every case edit is announced on.
QString caseChangeChannel();
// This process's id in notices, so a window can tell its own edits (made on its jobs' connections) from a
// colleague's.
QString thisProcessOrigin();
// Compact JSON, far below PostgreSQL's 8000-byte payload limit.
QString caseChangePayload(const QString &action, int anomalies);
std::optional<CaseChangeNotice> parseCaseChangePayload(const QString &payload);

// Hears the case edits other connections commit to a PostgreSQL case (LISTEN backsight_case on `db`'s own
// connection; the driver reads them when the connection's socket has data, so the thread needs an event
// loop). SQLite has no notifications: listen() succeeds there and nothing is ever emitted.
class CaseChangeListener : public QObject
{
    Q_OBJECT
public:
    explicit CaseChangeListener(QObject *parent = nullptr);
    ~CaseChangeListener() override;

    // Stops listening to the previous connection first. `db` must stay open until stop() or another listen().
    Result<void> listen(Database &db);
    void stop();
    bool isListening() const { return !driver_.isNull(); }

signals:
    // Another connection committed a case edit; `payload` as sent (parseCaseChangePayload reads it).
    void changed(const QString &payload);

private:
    void onNotification(const QString &name, QSqlDriver::NotificationSource source, const QVariant &payload);

    QPointer<QSqlDriver> driver_;
};

} // namespace backsight
