#pragma once

#include "model/sign_in_event.h"
#include "model/sign_in_result.h"

#include "store/row_cursor.h"

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

inline SignInEvent readEvent(RowCursor &q)
{
    SignInEvent e;
    int i = 0;
    e.rowId = q.int64(i++);
    e.id = q.text(i++);
    e.timeMs = q.int64(i++);
    e.upn = q.sharedText(i++);
    e.app = q.sharedText(i++);
    e.resource = q.sharedText(i++);
    e.clientApp = q.sharedText(i++);
    e.ip = q.sharedText(i++);
    e.prefix = e.ip.isEmpty() ? QString() : ipPrefix(e.ip);
    e.city = q.sharedText(i++);
    e.country = q.sharedText(i++);
    if (!q.isNull(i))
        e.latitude = q.real(i);
    ++i;
    if (!q.isNull(i))
        e.longitude = q.real(i);
    ++i;
    e.os = q.sharedText(i++);
    e.browser = q.sharedText(i++);
    e.deviceId = q.sharedText(i++);
    e.errorCode = q.int64(i++);
    e.result = classifyErrorCode(e.errorCode);
    e.interactive = q.int64(i++) != 0;
    e.authProtocol = q.sharedText(i++);
    e.asn = quint32(q.int64(i++));
    e.asOrg = q.sharedText(i++);
    return e;
}

} // namespace backsight::signin_event_rows
