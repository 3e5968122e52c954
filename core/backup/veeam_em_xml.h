#pragma once

#include "model/result.h"

#include <QString>
#include <string>
#include <string_view>

namespace backsight::backup {

// Veeam Backup Enterprise Manager's REST API answers in XML unless asked for JSON (docs/formats.md): a query
// result (`<QueryResult><Entities><BackupTaskSessions><BackupTaskSession …>`), an entity list or one entity. This
// turns every BackupTaskSession / BackupJobSession entity into the JSON object the same API writes with
// `Accept: application/json` — the entity's attributes (Href, Type, Name, UID) and child elements as fields, its
// `<Links><Link …/></Links>` as a `Links` array — and returns them as one JSON array for the session reader.
// A BadInput error (naming the line) when the XML is not well formed or holds no session entity.
Result<std::string> emXmlToJson(std::string_view xml);

} // namespace backsight::backup
