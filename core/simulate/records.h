#pragma once

#include "simulate/events.h"
#include "simulate/population.h"

namespace backsight::sim {

// `2024-11-01T10:15:30.123Z`
void appendIsoUtc(QByteArray &out, qint64 ms);

// Microsoft Graph signIn / directoryAudit objects (beta shape, fixed field order: same seed, same bytes).
void appendGraphSignIn(QByteArray &out, const SimSignIn &s, const Tenant &t);
void appendGraphAudit(QByteArray &out, const SimAudit &a, const Tenant &t);
// Azure Monitor diagnostic-settings records: the Graph object under `properties`, with the envelope.
void appendDiagnosticSignIn(QByteArray &out, const SimSignIn &s, const Tenant &t);
void appendDiagnosticAudit(QByteArray &out, const SimAudit &a, const Tenant &t);

// The Entra admin center's sign-in "Download CSV" and a Log Analytics AuditLogs CSV export.
QByteArray portalCsvHeader();
void appendPortalCsvRow(QByteArray &out, const SimSignIn &s, const Tenant &t);
QByteArray auditCsvHeader();
void appendAuditCsvRow(QByteArray &out, const SimAudit &a, const Tenant &t);

} // namespace backsight::sim
