#pragma once

#include "model/case_record.h"
#include "model/result.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <map>
#include <optional>
#include <vector>

namespace backsight {
class Database;
}

// Reads and writes the case record (schema v2). Every write is its own transaction, committed with
// synchronous = FULL before it returns, so nothing an analyst did is lost when the app crashes, is killed or the
// machine loses power right after.
//
// `author` is the analyst's name (cases::analystName). A case file records it as given. A case on PostgreSQL
// records the database role the connection signed in as (session_user), set by the server's triggers
// (migration 11) whatever `author` says; an audit entry keeps a different `author` as detail.display_name.
namespace backsight::cases {

// Sets the status of every anomaly in `anomalyIds` in one transaction; each change is audit-logged
// ({"from","to","note"}) and a non-empty `note` is added to each anomaly. Unknown ids fail the whole call
// (nothing changes) with a NotFound error naming them. Returns how many anomalies changed status.
Result<int> setStatus(Database &db, const QStringList &anomalyIds, Status status, const QString &author,
                      const QString &note);

// Adds a note (not blank) to an anomaly; returns the note's id.
Result<qint64> addNote(Database &db, const QString &anomalyId, const QString &text, const QString &author);

// Tags are trimmed, lower-cased labels ("phishing", "vip"). Adding a tag the anomaly has, or removing
// one it lacks, changes nothing and logs nothing; both still succeed.
backsight::Status addTag(Database &db, const QString &anomalyId, const QString &tag, const QString &author);
backsight::Status removeTag(Database &db, const QString &anomalyId, const QString &tag, const QString &author);

// Appends one entry (an export, a retrain). `detail` is stored as compact JSON. Returns the entry id.
Result<qint64> appendAudit(Database &db, const QString &action, const QString &target, const QJsonObject &detail,
                           const QString &author);

// Reading. Ids that have no anomaly are absent from the map.
Result<std::map<QString, CaseRecord>> readCaseRecords(Database &db, const QStringList &anomalyIds);
Result<std::vector<Note>> readNotes(Database &db, const QString &anomalyId);
Result<std::vector<Tag>> readTags(Database &db, const QString &anomalyId);

// Oldest first.
Result<std::vector<AuditEntry>> readAuditLog(Database &db, const AuditFilter &filter);

} // namespace backsight::cases
