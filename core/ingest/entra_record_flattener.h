#pragma once

#include "ingest/import_row.h"
#include "ingest/record_fields.h"
#include "model/result.h"

#include <string>
#include <unordered_map>

namespace backsight {

// The writing style of one log record, which decides where each field is found.
enum class RecordDialect { Graph, AzureDiagnostic, LogAnalytics, EntraPortal };

// Turns one parsed Entra ID log record into a sign-in or audit row. The same field names resolve
// across Graph, Azure Monitor diagnostic records, Log Analytics rows and the portal's CSV because
// lookups ignore case and see through JSON nested as text.
class EntraRecordFlattener
{
public:
    // Guesses the dialect from a record's keys: diagnostic records carry `category` and `properties`,
    // Log Analytics rows carry `TimeGenerated` or a table `Type`, portal rows carry `Date (UTC)`.
    static RecordDialect detectDialect(simdjson::dom::object record);

    // A BadInput error saying why when the record cannot be used (no id, no time, a time without zone, ...).
    // The row's text goes to `arena`. Success allocates nothing for the error.
    Status flatten(simdjson::dom::object record, RecordDialect dialect, ImportRow &row, std::string &arena);

private:
    Status flattenSignIn(RecordFields &f, RecordFields *outer, bool logAnalytics, RowWriter &w);
    Status flattenPortalSignIn(RecordFields &f, RowWriter &w);
    Status flattenAudit(RecordFields &f, RecordFields *outer, RowWriter &w);
    void put(RowWriter &w, SignInColumn c, std::optional<RecordFields::Element> v);
    void put(RowWriter &w, AuditColumn c, std::optional<RecordFields::Element> v);
    // The first of `names` present, in ms since the epoch; the parser's reason (BadInput) when it is not a time.
    Result<qint64> readTime(RecordFields &f, RecordFields *outer, std::initializer_list<std::string_view> names);

    // The sign-in's autonomous system and its organisation (core/enrich), after the record's own fields.
    void addNetwork(RowWriter &w);

    RecordFields top_;
    std::unordered_map<qint64, std::string> organisations_; // ASN -> organisation, as the table names it
    RecordFields inner_;
    std::string scratch_;
};

} // namespace backsight
