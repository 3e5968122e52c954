#pragma once

#include "model/sign_in_event.h"
#include "model/sign_in_result.h"

#include <QSqlQuery>
#include <QString>
#include <QVariant>

// Internal to core/store: the sign-in columns that baselines and the detectors read, and the row read back as a
// SignInEvent (detection_queries.cpp, baseline_queries.cpp).
namespace backsight::signin_event_rows {

// The columns readEvent expects, in order.
inline QString columns()
{
    return QStringLiteral("rowid, id, created_ms, upn, app_name, resource, client_app, ip, city, country, latitude, longitude, "
                          "os, browser, device_id, error_code, interactive, auth_protocol, asn, as_org");
}

inline SignInEvent readEvent(const QSqlQuery &q)
{
    SignInEvent e;
    int i = 0;
    e.rowId = q.value(i++).toLongLong();
    e.id = q.value(i++).toString();
    e.timeMs = q.value(i++).toLongLong();
    e.upn = q.value(i++).toString();
    e.app = q.value(i++).toString();
    e.resource = q.value(i++).toString();
    e.clientApp = q.value(i++).toString();
    e.ip = q.value(i++).toString();
    e.prefix = e.ip.isEmpty() ? QString() : ipPrefix(e.ip);
    e.city = q.value(i++).toString();
    e.country = q.value(i++).toString();
    if (const QVariant v = q.value(i++); !v.isNull())
        e.latitude = v.toDouble();
    if (const QVariant v = q.value(i++); !v.isNull())
        e.longitude = v.toDouble();
    e.os = q.value(i++).toString();
    e.browser = q.value(i++).toString();
    e.deviceId = q.value(i++).toString();
    e.errorCode = q.value(i++).toLongLong();
    e.result = classifyErrorCode(e.errorCode);
    e.interactive = q.value(i++).toInt() != 0;
    e.authProtocol = q.value(i++).toString();
    e.asn = q.value(i++).toUInt();
    e.asOrg = q.value(i++).toString();
    return e;
}

} // namespace backsight::signin_event_rows
