#pragma once

#include "model/result.h"
#include "ingest/import_row.h"
#include "ingest/record_fields.h"

#include <QString>
#include <optional>

namespace backsight::backup {

// The export a Veeam Backup & Replication session record comes from (docs/formats.md, "Veeam backup sessions").
enum class VeeamShape {
    None,            // not a Veeam session
    PsSession,       // Get-VBRBackupSession | ConvertTo-Json / Export-Csv (job session)
    PsTaskSession,   // Get-VBRTaskSession (one VM / agent of a job session)
    RestSession,     // VBR REST /api/v1/sessions
    RestTaskSession, // VBR REST /api/v1/sessions/{id}/taskSessions
    EmJobSession,    // Enterprise Manager /backupSessions entity
    EmTaskSession,   // Enterprise Manager /backupTaskSessions entity
};

// Turns one Veeam session record — nested JSON or a CSV row with dotted headers (`Progress.TransferedSize`) —
// into a backup_sessions row. Field names are matched without regard to case.
class VeeamSessionFlattener
{
public:
    VeeamShape detect(simdjson::dom::object record);

    // The session array inside a list wrapper: REST `{"data": [...], "pagination": ...}`, EM query results
    // (`{"Entities": {"BackupTaskSessions": {"BackupTaskSessions": [...]}}}`), `{"BackupTaskSessions": [...]}`.
    static std::optional<simdjson::dom::array> sessionList(simdjson::dom::object record);

    // The reader name reported for a file whose first session has `shape`.
    static QString readerName(VeeamShape shape, bool csv);

    // A BadInput error saying why when the record cannot be used (no id, no creation time, a time without a zone
    // in a field that does not say UTC, not a Veeam session). The row's text goes to `arena`.
    Status flatten(simdjson::dom::object record, ImportRow &row, std::string &arena);

private:
    using Element = RecordFields::Element;
    std::optional<Element> nested(std::string_view parent, std::string_view child);
    Status readTime(std::initializer_list<std::string_view> names, bool required, BackupColumn column, RowWriter &w);
    void putText(RowWriter &w, BackupColumn c, std::optional<Element> v);
    void putId(RowWriter &w, BackupColumn c, std::optional<Element> v);
    void putBytes(RowWriter &w, BackupColumn c, std::optional<Element> v);

    RecordFields f_;
    std::string scratch_;
    bool zonelessIsUtc_ = false;
    bool powerShell_ = false; // a zone-less time then comes from Export-Csv, and the message says how to fix it
};

// The key of a session exported without an id: `key:` and the first 32 hex digits of the SHA-256 of its level,
// job, object (lower case) and creation time, so importing the same export again adds nothing (docs/formats.md).
QString derivedSessionKey(std::string_view level, std::string_view job, std::string_view object, qint64 creationMs);
// "Success", "Warning", "Failed" or "None" from a result as Veeam writes it (text, or the number of an
// enum ConvertTo-Json wrote without -EnumsAsStrings); empty when unknown.
QString normaliseResult(std::string_view text, std::optional<qint64> number, bool taskStatus);
// Seconds in a .NET TimeSpan text (`[-][d.]hh:mm:ss[.fffffff]`); nullopt when it is not one.
std::optional<double> parseTimeSpan(std::string_view text);
// The UTC offset (minutes) a local CreationTime says: `/Date(ms+1300)/`, ISO `…+13:00` or `Z`, or a zone-less local
// time compared with the same instant in UTC (`creationUtcMs`), rounded to quarter hours; nullopt when it says none.
std::optional<int> utcOffsetMinutes(std::string_view text, qint64 creationUtcMs);
// `/Date(1700000000000)/` or `/Date(1700000000000+0100)/` (ConvertTo-Json in Windows PowerShell 5.1): UTC ms.
std::optional<qint64> parseMsAjaxDate(std::string_view text);

} // namespace backsight::backup
