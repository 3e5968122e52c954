#pragma once

#include <QString>

namespace backsight {

// One flattened directory audit event (Graph directoryAudit, AuditLogs category or table).
struct AuditEvent
{
    QString id;
    qint64 timeMs = 0; // UTC epoch milliseconds
    QString category;
    QString activity;
    QString operationType;
    QString result;
    QString resultReason;
    QString initiatorUpn; // lower case
    QString initiatorApp;
    QString initiatorId;
    QString initiatorIp;
    QString targets; // targetResources as compact JSON text
    QString service;
    QString correlationId;
};

} // namespace backsight
