#pragma once

#include "ingest/record_fields.h"
#include "model/audit_event.h"
#include "model/sign_in.h"

namespace backsight {

// The writing style of one log record, which decides where each field is found.
enum class RecordDialect { Graph, AzureDiagnostic, LogAnalytics, EntraPortal };

enum class RecordKind { SignIn, Audit };

struct FlattenedRecord
{
    RecordKind kind = RecordKind::SignIn;
    SignIn signIn;
    AuditEvent audit;
};

// Turns one parsed Entra ID log record into a SignIn or AuditEvent row. The same field names resolve
// across Graph, Azure Monitor diagnostic records, Log Analytics rows and the portal's CSV because
// lookups ignore case and see through JSON nested as text.
class EntraRecordFlattener
{
public:
    // Guesses the dialect from a record's keys: diagnostic records carry `category` and `properties`,
    // Log Analytics rows carry `TimeGenerated` or a table `Type`, portal rows carry `Date (UTC)`.
    static RecordDialect detectDialect(simdjson::dom::object record);

    // False with `error` set when the record cannot be used (no id, no time, a time without zone, ...).
    bool flatten(simdjson::dom::object record, RecordDialect dialect, FlattenedRecord &out, QString &error);

private:
    bool flattenSignIn(RecordFields &f, RecordFields *outer, bool logAnalytics, SignIn &s, QString &error);
    bool flattenPortalSignIn(RecordFields &f, SignIn &s, QString &error);
    bool flattenAudit(RecordFields &f, RecordFields *outer, AuditEvent &a, QString &error);
    bool readTime(RecordFields &f, RecordFields *outer, std::initializer_list<std::string_view> names, qint64 &ms,
                  QString &error);

    RecordFields top_;
    RecordFields inner_;
};

} // namespace backsight
