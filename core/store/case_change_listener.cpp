#include "store/case_change_listener.h"

#include "store/database.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QUuid>

namespace backsight {

QString caseChangeChannel()
{
    return QStringLiteral("backsight_case");
}

QString thisProcessOrigin()
{
    static const QString origin = QUuid::createUuid().toString(QUuid::WithoutBraces);
    return origin;
}

QString caseChangePayload(const QString &action, int anomalies)
{
    // An audit action is a short word; cut a caller's long one so the payload always fits.
    const QJsonObject notice{{QStringLiteral("action"), action.left(200)},
                             {QStringLiteral("anomalies"), anomalies},
                             {QStringLiteral("origin"), thisProcessOrigin()}};
    return QString::fromUtf8(QJsonDocument(notice).toJson(QJsonDocument::Compact));
}

std::optional<CaseChangeNotice> parseCaseChangePayload(const QString &payload)
{
    const QJsonDocument doc = QJsonDocument::fromJson(payload.toUtf8());
    if (!doc.isObject())
        return std::nullopt;
    const QJsonObject o = doc.object();
    return CaseChangeNotice{o.value(QStringLiteral("action")).toString(),
                            o.value(QStringLiteral("anomalies")).toInt(),
                            o.value(QStringLiteral("origin")).toString()};
}

CaseChangeListener::CaseChangeListener(QObject *parent) : QObject(parent) {}

CaseChangeListener::~CaseChangeListener()
{
    stop();
}

Result<void> CaseChangeListener::listen(Database &db)
{
    stop();
    if (!db.isOpen())
        return Error::badInput(QStringLiteral("no case database is open to listen to"));
    if (db.dialect() != SqlDialect::PostgreSQL)
        return {};
    QSqlDriver *driver = db.connection().driver();
    if (!driver->subscribeToNotification(caseChangeChannel()))
        return Error::storage(
            Database::describe(QStringLiteral("cannot listen for colleagues' changes to %1").arg(db.path()),
                               driver->lastError()));
    driver_ = driver;
    connect(driver, &QSqlDriver::notification, this, &CaseChangeListener::onNotification);
    return {};
}

void CaseChangeListener::stop()
{
    if (driver_.isNull())
        return;
    disconnect(driver_, nullptr, this, nullptr);
    if (driver_->isOpen())
        driver_->unsubscribeFromNotification(caseChangeChannel());
    driver_.clear();
}

void CaseChangeListener::onNotification(const QString &name, QSqlDriver::NotificationSource source,
                                        const QVariant &payload)
{
    // SelfSource: this very connection sent it (the GUI's connection does not edit the case today).
    if (name != caseChangeChannel() || source == QSqlDriver::SelfSource)
        return;
    emit changed(payload.toString());
}

} // namespace backsight
