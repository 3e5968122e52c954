#pragma once

#include "model/case_record.h"
#include "store/case_repository.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <optional>

// The analyst's case record on top of the anomalies table: triage status, notes, tags, and the
// append-only audit log of everything an analyst did. The types are in core/model/case_record.h, the
// reads and writes in core/store/case_repository.h; this names statuses and analysts and writes JSON.
namespace backsight::cases {

QString statusName(Status status);                  // "new", "investigating", "confirmed", "dismissed"
std::optional<Status> parseStatus(const QString &text);
QStringList statusNames();

// Who is acting: `configured` (the analyst name from settings or --author) when not blank, else the
// OS user ($USER, $USERNAME), else "unknown".
QString analystName(const QString &configured = {});

QJsonObject noteToJson(const Note &note);
QJsonObject tagToJson(const Tag &tag);
QJsonObject auditEntryToJson(const AuditEntry &entry);

} // namespace backsight::cases
