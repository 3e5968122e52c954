// Which Veeam export a session record comes from, where the session list sits in a wrapper, and the reader's
// name for it: the shape side of VeeamSessionFlattener (the field mapping is in veeam_session_flattener.cpp).
#include "backup/veeam_session_flattener.h"
#include "backup/veeam_text.h"

namespace backsight::backup {

using text::equalsIgnoreCase;

std::optional<RecordFields::Element> VeeamSessionFlattener::nested(std::string_view parent, std::string_view child)
{
    if (auto p = f_.field({parent})) {
        if (auto c = f_.child(p, child))
            return c;
    }
    // Export-Csv of a Select-Object with calculated properties: a `Progress.TransferedSize` column.
    std::string key;
    key.reserve(parent.size() + child.size() + 1);
    key.append(parent).append(".").append(child);
    return f_.field({std::string_view(key)});
}

VeeamShape VeeamSessionFlattener::detect(simdjson::dom::object record)
{
    f_.reset(record);
    auto has = [this](std::string_view n) { return f_.field({n}).has_value(); };
    const std::string_view type = RecordFields::rawString(f_.field({"type"}));
    if (equalsIgnoreCase(type, "backuptasksession") || has("jobsessionuid"))
        return VeeamShape::EmTaskSession;
    if (equalsIgnoreCase(type, "backupjobsession") || (has("uid") && has("jobuid")))
        return VeeamShape::EmJobSession;
    const bool created = has("creationtime") || has("creationtimeutc") || nested("progress", "starttimeutc");
    if (!created)
        return VeeamShape::None;
    if (has("sessiontype"))
        return has("sessionid") ? VeeamShape::RestTaskSession : VeeamShape::RestSession;
    if (has("sessionid") && f_.field({"result"}) && f_.field({"result"})->is_object()) // REST result object
        return VeeamShape::RestTaskSession;
    if (has("jobsessid") || (has("status") && !has("state") && !has("jobtype")))
        return VeeamShape::PsTaskSession;
    if (has("jobname") || has("jobtype") || has("jobid") || has("backupstats") || has("progress")
        || nested("progress", "transferedsize") || nested("backupstats", "backupsize"))
        return VeeamShape::PsSession;
    return VeeamShape::None;
}

std::optional<simdjson::dom::array> VeeamSessionFlattener::sessionList(simdjson::dom::object record)
{
    auto arrayIn = [](simdjson::dom::object o, std::string_view key) -> std::optional<simdjson::dom::array> {
        for (auto [k, v] : o) {
            if (equalsIgnoreCase(k, key)) {
                if (v.is_array())
                    return simdjson::dom::array(v);
                return std::nullopt;
            }
        }
        return std::nullopt;
    };
    auto objectIn = [](simdjson::dom::object o, std::string_view key) -> std::optional<simdjson::dom::object> {
        for (auto [k, v] : o) {
            if (equalsIgnoreCase(k, key) && v.is_object())
                return simdjson::dom::object(v);
        }
        return std::nullopt;
    };
    if (auto data = arrayIn(record, "data"))
        return data;
    for (std::string_view list : {"backuptasksessions", "backupjobsessions"}) {
        if (auto a = arrayIn(record, list))
            return a;
    }
    if (auto entities = objectIn(record, "entities")) {
        for (std::string_view list : {"backuptasksessions", "backupjobsessions"}) {
            if (auto inner = objectIn(*entities, list)) {
                if (auto a = arrayIn(*inner, list))
                    return a;
            }
            if (auto a = arrayIn(*entities, list))
                return a;
        }
    }
    return std::nullopt;
}

QString VeeamSessionFlattener::readerName(VeeamShape shape, bool csv)
{
    switch (shape) {
    case VeeamShape::PsSession:
    case VeeamShape::PsTaskSession:
        return csv ? QStringLiteral("veeam-ps-session-csv") : QStringLiteral("veeam-ps-session-json");
    case VeeamShape::RestSession:
    case VeeamShape::RestTaskSession: return QStringLiteral("veeam-rest-sessions");
    case VeeamShape::EmJobSession: return QStringLiteral("veeam-em-job-sessions");
    case VeeamShape::EmTaskSession: return QStringLiteral("veeam-em-task-sessions");
    case VeeamShape::None: break;
    }
    return {};
}

} // namespace backsight::backup
