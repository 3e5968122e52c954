#include "detect/finding_merger.h"

namespace backsight::detect {

bool FindingMerger::appendTo(const QString &key, const UserContext &context, std::vector<Finding> &out)
{
    const auto it = open_.constFind(key);
    if (it == open_.cend() || *it >= out.size())
        return false;
    Finding &f = out[*it];
    const QString &id = context.event().id;
    if (!f.eventIds.contains(id))
        f.eventIds << id;
    if (context.event().result == ResultClass::Success)
        f.success = true;
    if (context.event().interactive)
        f.interactive = true;
    return true;
}

} // namespace backsight::detect
